// The `http-post` entrypoint: the body of each POST is one message (raw bytes), published to the
// API's endpoint after security, request flows and the `publish` phase (docs/contract.md §5). Success is
// 202 Accepted with an empty body; an endpoint that is not connected answers 503, a failed publish
// 502, so a message is never dropped silently.
// https://documentation.gravitee.io/apim/create-apis/message-apis (HTTP POST entrypoint)
import type { GatewayRequest, Message, Qos } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import { produceMessage, selectMessageEndpoint } from "../../message/message-flow.ts";
import type { HttpPostEntrypointConfiguration } from "../../spec-types/api-v4-definition.ts";

/** The request headers as message headers (Gravitee copies them all); HTTP/2 pseudo-headers aside. */
function messageHeaders(request: GatewayRequest): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name.startsWith(":")) continue;
    const values = headers[name] ?? [];
    values.push(raw[i + 1]!);
    headers[name] = values;
  }
  return headers;
}

export const connector = defineEntrypoint<HttpPostEntrypointConfiguration>({
  type: "http-post",
  priority: 1,
  create(config, qos: Qos) {
    const copyHeaders = config.requestHeadersToMessage ?? false;
    return {
      type: "http-post",
      matches: (request) => request.method === "POST",
      async handle(exchange, pipeline) {
        await pipeline.request(exchange);
        // Fail before reading the body when nothing could take the message.
        selectMessageEndpoint(pipeline, exchange, qos);
        const message: Message = {
          // Through the exchange's body: a request-phase policy may already have read or replaced it.
          content: await exchange.requestBody.read(),
          headers: copyHeaders ? messageHeaders(exchange.request) : {},
          metadata: {},
        };
        await produceMessage(pipeline, exchange, message, qos);
        await pipeline.response(exchange);
        const response = exchange.response;
        response.statusCode = 202;
        response.setHeader("content-length", 0);
        response.end();
      },
    };
  },
});
