// The `http-proxy` endpoint: forwards a request to `target` + the path after the context path (v2
// `strip_context_path: false`: + the whole request path), with the query string, method, headers
// and streaming body intact, hop-by-hop headers removed (http-proxy/headers.ts: what goes upstream,
// as Gravitee sends it; `useCompression` responses decompressed, http-proxy/compression.ts). HTTP/1.1
// backends go through an undici Pool, HTTP/2 ones (`version: HTTP_2`, `grpc://`) through one
// node:http2 session; `ws://`/`wss://` targets (and any target) take WebSocket upgrades.
// Gravitee: https://documentation.gravitee.io/apim/create-apis/proxy-apis — RFC 9110 §7.6.
import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { Agent, errors, request as undiciRequest } from "undici";
import type { Exchange, HealthProbe, ProbeResult, ProxyEndpoint, UpstreamResponse } from "../../contract.ts";
import { GatewayError, NO_ERROR_BODY } from "../../contract.ts";
import { defineEndpoint } from "../../define.ts";
import { hasRequestBody } from "../../server/body.ts";
import { count } from "../../server/client-limits.ts";
import {
  absoluteUpstreamPath,
  parseEndpointTarget,
  relativeUpstreamPath,
} from "../../server/endpoint-target.ts";
import type {
  HttpProxyEndpointConfiguration,
  HttpProxySharedConfiguration,
} from "../../spec-types/api-v4-definition.ts";
import { decompressResponse } from "./compression.ts";
import { acceptEncodingOf, type ForwardSettings, forwardHeaders } from "./headers.ts";
import { interimTolerantConnector } from "./interim.ts";
import { tlsOptions } from "./tls.ts";
import {
  createHttp1Transport,
  createHttp2Transport,
  DEFAULTS,
  QueueFullError,
  type Transport,
} from "./transport.ts";
import { upgradeUpstream } from "./upgrade.ts";

/** Target scheme → wire scheme; gRPC targets always speak HTTP/2. */
const SCHEMES: Record<string, { secure: boolean; h2: boolean } | undefined> = {
  "http:": { secure: false, h2: false },
  "https:": { secure: true, h2: false },
  "ws:": { secure: false, h2: false },
  "wss:": { secure: true, h2: false },
  "grpc:": { secure: false, h2: true },
  "grpcs:": { secure: true, h2: true },
};

/** Schemes of an absolute target that speak TLS. */
const SECURE_SCHEMES: ReadonlySet<string> = new Set(["https:", "wss:", "grpcs:"]);

/** Connection pools kept for absolute target URLs a policy routes to (dynamic-routing); the oldest closes first. */
const ROUTED_ORIGINS = 16;

/** Health-check response bodies are read up to this size (assertions on #response.content). */
const PROBE_BODY_LIMIT = 64 * 1024;

export const connector = defineEndpoint<
  HttpProxyEndpointConfiguration,
  HttpProxySharedConfiguration,
  ProxyEndpoint
>({
  type: "http-proxy",
  create(config, shared, endpoint, ctx) {
    const target = new URL(config.target);
    const scheme = SCHEMES[target.protocol];
    if (!scheme) throw new Error(`endpoint ${endpoint.name}: unsupported target scheme ${target.protocol}`);
    const http = shared.http ?? {};
    const hostname = target.hostname.replace(/^\[|\]$/g, "");
    const port = Number(target.port) || (scheme.secure ? 443 : 80);
    const origin = `${scheme.secure ? "https" : "http"}://${target.host}`;
    const tls = scheme.secure ? tlsOptions(shared.ssl, hostname, endpoint.name) : {};
    const h2 = scheme.h2 || http.version === "HTTP_2";
    const queueLimit = count(ctx.env, "SLUICE_UPSTREAM_QUEUE_LIMIT", 1024);
    // The connection pool is made on first use: a gateway with a thousand APIs pays memory only
    // for the backends that are actually called.
    let pooled: Transport | undefined;
    const transport = {
      send: (o: Parameters<Transport["send"]>[0]) => {
        pooled ??= h2
          ? createHttp2Transport(origin, scheme.secure ? "https" : "http", http, tls)
          : createHttp1Transport(origin, http, tls, queueLimit);
        return pooled.send(o);
      },
      forward: (o: Parameters<NonNullable<Transport["forward"]>>[0], res: ServerResponse) => {
        pooled ??= createHttp1Transport(origin, http, tls, queueLimit);
        return pooled.forward!(o, res);
      },
      close: async () => {
        await pooled?.close();
      },
    };
    const basePath = target.pathname === "/" ? "" : target.pathname.replace(/\/$/, "");
    const targetQuery = target.search;
    const settings: ForwardSettings = {
      targetHost: target.host,
      propagateClientHost: http.propagateClientHost === true,
      extra: (shared.headers ?? [])
        .filter((h) => h.name)
        .map((h) => [h.name.toLowerCase(), String(h.value ?? "")]),
      keepTeTrailers: h2,
      acceptEncoding: acceptEncodingOf(http),
      forwarded: ctx.env.SLUICE_FORWARDED_HEADERS === "true",
    };
    let probeAgent: Agent | undefined;

    // Absolute URLs a policy routes to (Gravitee: the endpoint's HTTP client calls them, with its
    // settings): one pool per origin, made on first use, at most ROUTED_ORIGINS kept.
    const routed = new Map<string, Transport>();
    const routedTransport = (url: URL): Transport => {
      const secure = url.protocol === "https:" || url.protocol === "wss:" || url.protocol === "grpcs:";
      const key = `${secure ? "https" : "http"}://${url.host}`;
      let t = routed.get(key);
      if (t) return t;
      const name = url.hostname.replace(/^\[|\]$/g, "");
      const options = secure ? tlsOptions(shared.ssl, name, endpoint.name) : {};
      t =
        h2 || url.protocol.startsWith("grpc")
          ? createHttp2Transport(key, secure ? "https" : "http", http, options)
          : createHttp1Transport(key, http, options, queueLimit);
      routed.set(key, t);
      if (routed.size > ROUTED_ORIGINS) {
        const [oldest, pool] = routed.entries().next().value!;
        routed.delete(oldest);
        void pool.close();
      }
      return t;
    };
    /** The transport, path and Host of this exchange: the endpoint's own, or a policy's target (dynamic-routing). */
    const route = (exchange: Exchange): { transport: Transport; path: string; settings: ForwardSettings } => {
      const override = exchange.upstreamRequest.target;
      if (override === undefined) return { transport, path: upstreamPath(exchange), settings };
      const url = exchange.request.url ?? "/";
      const q = url.indexOf("?");
      const clientQuery = exchange.upstreamRequest.query ?? (q >= 0 ? url.slice(q) : "");
      const target = parseEndpointTarget(override);
      if (target.kind === "absolute") {
        return {
          transport: routedTransport(target.url),
          path: absoluteUpstreamPath(target.url, clientQuery),
          settings: { ...settings, targetHost: target.url.host },
        };
      }
      return {
        transport,
        path: relativeUpstreamPath(basePath, targetQuery, clientQuery, target.path),
        settings,
      };
    };

    /** The absolute URL a policy routed this exchange to, if its target is one. */
    const routedUrl = (exchange: Exchange): URL | undefined => {
      const target = parseEndpointTarget(exchange.upstreamRequest.target ?? "");
      return target.kind === "absolute" ? target.url : undefined;
    };

    const upstreamPath = (exchange: Exchange): string => {
      // Policies may drop the path or the query (rest-to-soap): contract.ts Exchange.upstreamRequest.
      const rewrite = exchange.upstreamRequest;
      const original = exchange.request.url ?? "/";
      const url = rewrite.query === undefined ? original : original.split("?")[0] + rewrite.query;
      const q = url.indexOf("?");
      const rest =
        rewrite.pathInfo ??
        (exchange.api.definition.stripContextPath === false
          ? q >= 0
            ? url.slice(0, q)
            : url
          : exchange.pathInfo);
      const path = basePath + rest || "/";
      if (q < 0) return targetQuery ? path + targetQuery : path;
      return targetQuery ? `${path}${targetQuery}&${url.slice(q + 1)}` : path + url.slice(q);
    };

    return {
      name: endpoint.name,
      health: () => ({ ready: true }),
      close: async () => {
        await Promise.allSettled([
          transport.close(),
          probeAgent?.close(),
          ...[...routed.values()].map((t) => t.close()),
        ]);
      },

      async request(exchange, options = {}): Promise<UpstreamResponse> {
        const req = exchange.request;
        // A body a policy read or replaced (contract.ts ExchangeBody) goes buffered, with its own length.
        const policyBody = exchange.requestBody.buffered ? await exchange.requestBody.read() : undefined;
        if (policyBody) exchange.upstreamHeaders["content-length"] = String(policyBody.length);
        const body: Readable | Buffer | null =
          options.body ?? policyBody ?? (hasRequestBody(req) ? (req as Readable) : null);
        const method = exchange.upstreamRequest.method ?? req.method ?? "GET";
        try {
          const to = route(exchange);
          const response = await to.transport.send({
            method,
            path: to.path,
            headers: forwardHeaders(exchange, to.settings),
            body,
            signal: options.signal ?? exchange.signal,
          });
          return settings.acceptEncoding === "gateway" ? decompressResponse(method, response) : response;
        } catch (error) {
          throw toGatewayError(error);
        }
      },

      // HTTP/1.1 backends only (an HTTP/2 session has no dispatch handler): contract.ts ProxyEndpoint.
      ...(h2
        ? {}
        : {
            async forward(exchange: Exchange): Promise<boolean> {
              const req = exchange.request;
              const policyBody = exchange.requestBody.buffered
                ? await exchange.requestBody.read()
                : undefined;
              if (policyBody) exchange.upstreamHeaders["content-length"] = String(policyBody.length);
              try {
                const to = route(exchange);
                const forwarded = to.transport.forward?.(
                  {
                    method: exchange.upstreamRequest.method ?? req.method ?? "GET",
                    path: to.path,
                    headers: forwardHeaders(exchange, to.settings),
                    body: policyBody ?? (hasRequestBody(req) ? (req as Readable) : null),
                    decode: settings.acceptEncoding === "gateway",
                    timing: exchange as { endpointRespondedAt?: number },
                  },
                  exchange.response as ServerResponse,
                );
                if (!forwarded) return false;
                await forwarded;
                return true;
              } catch (error) {
                throw toGatewayError(error);
              }
            },
          }),

      async upgrade(exchange) {
        try {
          // A policy's target is honoured as for any call (Gravitee's WebSocketConnector builds its
          // URI like the HTTP connector): an absolute URL's host, port and scheme, or its path here.
          const to = route(exchange);
          const url = exchange.upstreamRequest.target === undefined ? undefined : routedUrl(exchange);
          return await upgradeUpstream({
            secure: url ? SECURE_SCHEMES.has(url.protocol) : scheme.secure,
            hostname: url ? url.hostname.replace(/^\[|\]$/g, "") : hostname,
            port: url ? Number(url.port) || (SECURE_SCHEMES.has(url.protocol) ? 443 : 80) : port,
            path: to.path,
            headers: forwardHeaders(exchange, { ...to.settings, keepTeTrailers: false }),
            upgrade: String(exchange.request.headers.upgrade ?? "websocket"),
            tls: url ? tlsOptions(shared.ssl, url.hostname.replace(/^\[|\]$/g, ""), endpoint.name) : tls,
            connectTimeout: http.connectTimeout ?? DEFAULTS.connectTimeout,
            signal: exchange.signal,
          });
        } catch (error) {
          throw toGatewayError(error);
        }
      },

      async probe(p: HealthProbe): Promise<ProbeResult> {
        const signal = AbortSignal.timeout(p.timeoutMs);
        const headers: string[] = [];
        for (const [k, v] of Object.entries(p.headers)) headers.push(k, v);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p.target)) {
          // An absolute URL: another host, but the endpoint's TLS settings.
          probeAgent ??= new Agent({ connect: interimTolerantConnector(tls) });
          const res = await undiciRequest(p.target, {
            method: p.method as "GET",
            headers,
            body: p.body ?? null,
            signal,
            dispatcher: probeAgent,
          });
          return {
            status: res.statusCode,
            headers: flatHeaders(res.headers),
            body: await readText(res.body),
          };
        }
        const rel = p.target.startsWith("/") ? p.target : `/${p.target}`;
        const res = await transport.send({
          method: p.method,
          path: p.fromRoot ? rel : basePath + rel,
          headers: ["host", target.host, ...headers],
          body: p.body ?? null,
          signal,
        });
        return { status: res.status, headers: res.headers, body: await readText(res.body) };
      },
    };
  },
});

/**
 * Timeouts are 504, anything else that prevents a response 502, both with an empty body as in
 * Gravitee (docs/contract.md §4); the message is for logs.
 */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof QueueFullError)
    return new GatewayError(503, "Service Unavailable", { key: "UPSTREAM_QUEUE_FULL" });
  const code = (error as { code?: string } | null)?.code;
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    error instanceof errors.ConnectTimeoutError ||
    code === "ETIMEDOUT" ||
    (error as Error | null)?.name === "TimeoutError"
  ) {
    return new GatewayError(504, "Request timeout", { key: "REQUEST_TIMEOUT", body: NO_ERROR_BODY });
  }
  return new GatewayError(502, "Bad Gateway", {
    key: "CLIENT_ABORTED_DURING_RESPONSE_ERROR",
    body: NO_ERROR_BODY,
  });
}

async function readText(body: Readable): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    const b = chunk as Buffer;
    if (size < PROBE_BODY_LIMIT) chunks.push(b);
    size += b.length;
  }
  return Buffer.concat(chunks).subarray(0, PROBE_BODY_LIMIT).toString("utf8");
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = v;
  return out;
}
