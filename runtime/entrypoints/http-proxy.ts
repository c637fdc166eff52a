// The `http-proxy` entrypoint (v4 PROXY APIs, and v2 APIs): every request on the context path runs
// the API's security and flows, goes to one endpoint of the group, and the upstream response is
// streamed back after the response phase. https://documentation.gravitee.io/apim/create-apis/proxy-apis
import { pipeline as pump } from "node:stream/promises";
import type { GatewayResponse } from "../contract.ts";
import { defineEntrypoint } from "../define.ts";
import type { HttpProxyEntrypointConfiguration } from "../spec-types/api-v4-definition.ts";

export const connector = defineEntrypoint<HttpProxyEntrypointConfiguration>({
  type: "http-proxy",
  priority: 0,
  create() {
    return {
      type: "http-proxy",
      matches: () => true,
      async handle(exchange, pipeline) {
        await pipeline.request(exchange);
        const upstream = await pipeline.proxyEndpoint(exchange).request(exchange);
        const res = exchange.response;
        res.statusCode = upstream.status;
        for (const [name, value] of Object.entries(upstream.headers)) setHeader(res, name, value);
        await pipeline.response(exchange);
        await pump(upstream.body, res as NodeJS.WritableStream);
      },
    };
  },
});

function setHeader(res: GatewayResponse, name: string, value: string | string[]): void {
  // Request/transaction ids are the gateway's own (already set).
  if (name === "x-gravitee-request-id" || name === "x-gravitee-transaction-id") return;
  try {
    res.setHeader(name, value);
  } catch {
    // An upstream header invalid for this protocol (e.g. connection-specific on HTTP/2): dropped.
  }
}
