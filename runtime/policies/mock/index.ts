// `mock`: answers the request with a configured status, headers and body instead of calling the
// endpoint — Gravitee replaces the invoker, so the request phase's later steps and the response
// phase still run on the mocked response. Header values and the content may contain EL.
// https://documentation.gravitee.io/apim/policies/mock
import { Readable } from "node:stream";
import type { UpstreamResponse } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { MockPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

export type MockConfig = Omit<MockPolicyConfiguration, "headers" | "content"> & {
  headers?: ReadonlyArray<{ name?: string; value?: Templated }>;
  content?: Templated;
};

export const connector = definePolicy<MockConfig>({
  id: "mock",
  create(config, ctx) {
    const status = Number(config.status ?? 200);
    return {
      onRequest(exchange) {
        exchange.invoker = async (current): Promise<UpstreamResponse> => {
          const el = current.el();
          let content: string;
          const headers: Record<string, string> = {};
          try {
            for (const h of config.headers ?? []) {
              if (h.name && h.name.trim() !== "") headers[h.name.toLowerCase()] = render(h.value ?? "", el);
            }
            content = config.content === undefined ? "" : render(config.content, el);
          } catch (error) {
            ctx.log.warn("mock template failed", { error: String(error) });
            throw new GatewayError(500, "Unable to build the mock response", { key: "MOCK_ERROR" });
          }
          const body = Buffer.from(content, "utf8");
          headers["content-length"] = String(body.length);
          return { status, headers, body: Readable.from(body.length > 0 ? [body] : []) };
        };
      },
    };
  },
});
