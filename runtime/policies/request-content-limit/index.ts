// `request-content-limit` (Gravitee's plugin id `policy-request-content-limit`): refuses a request
// whose body is larger than `limit` bytes, as Gravitee's policy does: by its Content-Length before
// the body is read (413 REQUEST_CONTENT_LIMIT_TOO_LARGE; 400 when it is not an integer); a chunked
// body is measured as it arrives (buffered at most one byte past the limit); a request with neither header is
// refused with 411 REQUEST_CONTENT_LIMIT_LENGTH_REQUIRED — GET requests included, as in Gravitee.
// https://documentation.gravitee.io/apim/policies/request-content-limit
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { BodyTooLarge } from "../../server/body.ts";
import type { RequestContentLimitPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

export type RequestContentLimitConfig = RequestContentLimitPolicyConfiguration;

const tooLarge = () =>
  new GatewayError(413, "The request is larger than the server is willing or able to process.", {
    key: "REQUEST_CONTENT_LIMIT_TOO_LARGE",
  });

export const connector = definePolicy<RequestContentLimitConfig>({
  id: "request-content-limit",
  create(config) {
    return {
      async onRequest(exchange) {
        const header = exchange.request.headers["content-length"];
        if (header !== undefined) {
          if (!/^\s*\d+\s*$/.test(header))
            throw new GatewayError(400, "Content-length is not a valid integer !");
          if (Number(header) > config.limit) throw tooLarge();
          return;
        }
        if (exchange.request.headers["transfer-encoding"]) {
          // Read no further than one byte past the limit: a larger body is refused without being held.
          try {
            if ((await exchange.requestBody.read(config.limit + 1)).length > config.limit) throw tooLarge();
          } catch (error) {
            if (error instanceof BodyTooLarge && error.limit <= config.limit + 1) throw tooLarge();
            throw error;
          }
          return;
        }
        throw new GatewayError(
          411,
          "The request did not specify the length of its content, which is required by the requested resource.",
          { key: "REQUEST_CONTENT_LIMIT_LENGTH_REQUIRED" },
        );
      },
    };
  },
});
