// The `http-proxy` endpoint: forwards a request to `target` + the path after the context path,
// with the query string, method, headers and streaming body intact (hop-by-hop headers removed,
// X-Forwarded-* and Via added), over a keep-alive connection pool (undici).
// RFC 9110 §7.6.1 (Connection), §7.6.3 (Via); Gravitee: the endpoint target is prefixed to the
// path info. https://documentation.gravitee.io/apim/create-apis/proxy-apis
import { Readable } from "node:stream";
import { errors, Pool } from "undici";
import type { Exchange, ProxyEndpoint, UpstreamResponse } from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { defineEndpoint } from "../define.ts";
import type {
  HttpProxyEndpointConfiguration,
  HttpProxySharedConfiguration,
} from "../spec-types/api-v4-definition.ts";

/** Hop-by-hop headers (RFC 9110 §7.6.1) and HTTP/2 pseudo-headers never cross the proxy. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
]);

export const connector = defineEndpoint<
  HttpProxyEndpointConfiguration,
  HttpProxySharedConfiguration,
  ProxyEndpoint
>({
  type: "http-proxy",
  create(config, shared, endpoint) {
    const target = new URL(config.target);
    const http = shared.http ?? {};
    const pool = new Pool(target.origin, {
      connect: { timeout: http.connectTimeout ?? 3000 },
      headersTimeout: http.readTimeout ?? 10_000,
      bodyTimeout: http.readTimeout ?? 10_000,
      keepAliveTimeout: http.keepAliveTimeout ?? 30_000,
      connections: http.maxConcurrentConnections ?? 100,
      pipelining: http.pipelining ? 10 : 1,
    });
    const basePath = target.pathname.endsWith("/") ? target.pathname.slice(0, -1) : target.pathname;
    const extraHeaders = shared.headers ?? [];
    let lastError: string | undefined;
    return {
      name: endpoint.name,
      health: () => ({ ready: true, ...(lastError ? { detail: lastError } : {}) }),
      close: () => pool.close(),
      async request(exchange: Exchange): Promise<UpstreamResponse> {
        const req = exchange.request;
        const url = req.url ?? "/";
        const q = url.indexOf("?");
        const query = q >= 0 ? url.slice(q) : target.search;
        const path = `${basePath}${exchange.pathInfo}` || "/";
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (value === undefined || name.startsWith(":") || HOP_BY_HOP.has(name)) continue;
          headers[name] = value;
        }
        const clientHost = String(req.headers.host ?? req.headers[":authority"] ?? "");
        headers.host = http.propagateClientHost && clientHost ? clientHost : target.host;
        const remote = req.socket.remoteAddress ?? "";
        const forwarded = req.headers["x-forwarded-for"];
        headers["x-forwarded-for"] = forwarded ? `${String(forwarded)}, ${remote}` : remote;
        headers["x-forwarded-proto"] ??= "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
        if (clientHost) headers["x-forwarded-host"] ??= clientHost;
        const via = `${req.httpVersion ?? "1.1"} sluice`;
        headers.via = headers.via ? `${String(headers.via)}, ${via}` : via;
        headers["x-gravitee-request-id"] = exchange.requestId;
        headers["x-gravitee-transaction-id"] = exchange.transactionId;
        for (const h of extraHeaders) if (h.name) headers[h.name.toLowerCase()] = String(h.value ?? "");
        for (const [name, value] of Object.entries(exchange.upstreamHeaders)) {
          if (value === null) delete headers[name];
          else headers[name] = value;
        }
        const method = (req.method ?? "GET").toUpperCase();
        const hasBody =
          method !== "GET" &&
          method !== "HEAD" &&
          (req.headers["content-length"] !== "0" || req.headers["transfer-encoding"] !== undefined);
        try {
          const res = await pool.request({
            path: `${path}${query}`,
            method: method as "GET",
            headers,
            body: hasBody ? (req as Readable) : null,
            signal: exchange.signal,
          });
          lastError = undefined;
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined || HOP_BY_HOP.has(name)) continue;
            out[name] = value;
          }
          return { status: res.statusCode, headers: out, body: res.body as unknown as Readable };
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
          throw toGatewayError(error);
        }
      },
    };
  },
});

/** Timeouts are 504 `Request timeout`; anything else that prevents a response is 502 (SPEC.md §4). */
export function toGatewayError(error: unknown): GatewayError {
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    error instanceof errors.ConnectTimeoutError
  ) {
    return new GatewayError(504, "Request timeout", { key: "REQUEST_TIMEOUT" });
  }
  return new GatewayError(502, "Bad Gateway", { key: "CLIENT_ABORTED_DURING_RESPONSE_ERROR" });
}
