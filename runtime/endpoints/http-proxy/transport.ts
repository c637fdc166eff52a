// The two ways an `http-proxy` endpoint talks to its backend: HTTP/1.1 over an undici Pool (the hot
// path: keep-alive pool, streaming both ways, no buffering) and HTTP/2 over one node:http2 session
// (gRPC: h2c with prior knowledge for http:// and grpc://, ALPN h2 under TLS; trailers, streaming
// both ways, cancellation as RST_STREAM). Both reject with the client library's own error; the
// connector maps errors to Gravitee's 502/504.
//
// One stalled backend must not take the gateway with it: the endpoint's readTimeout runs from the
// moment a request is handed to the pool, so time spent queued for a connection counts against
// it, and at most `queueLimit` requests wait beyond the pool's connections (more: 503 at once).
import type { ServerResponse } from "node:http";
import {
  type ClientHttp2Session,
  type ClientHttp2Stream,
  connect as connectHttp2,
  constants as h2,
  type IncomingHttpHeaders,
} from "node:http2";
import type { Readable } from "node:stream";
import type { ConnectionOptions } from "node:tls";
import { type Dispatcher, errors, interceptors, Pool } from "undici";
import type { UpstreamResponse } from "../../contract.ts";
import type { HttpClientOptions } from "../../spec-types/api-v4-definition.ts";
import { ForwardHandler } from "./forward.ts";
import { stripResponseHeaders, toObject } from "./headers.ts";
import { interimTolerantConnector } from "./interim.ts";

export interface SendOptions {
  method: string;
  path: string;
  /** Flat [name, value, …] list, `host` first. */
  headers: string[];
  body: Readable | Buffer | string | null;
  signal: AbortSignal | undefined;
}

/** A request refused because the endpoint's queue is full (the connector answers 503). */
export class QueueFullError extends Error {
  readonly code = "UPSTREAM_QUEUE_FULL";
}

export interface Transport {
  send(options: SendOptions): Promise<UpstreamResponse>;
  /**
   * HTTP/1.1 only: the backend's answer written straight into `res` (./forward.ts); undefined when
   * every connection is busy (the request would queue: `send` bounds that wait).
   */
  forward?(
    options: Omit<SendOptions, "signal"> & {
      decode?: boolean;
      /** Where the response head's arrival time goes (the access log's endpointResponseTimeMs). */
      timing?: { endpointRespondedAt?: number };
    },
    res: ServerResponse,
  ): Promise<void> | undefined;
  close(): Promise<void>;
}

/** Gravitee's HttpClientOptions defaults. */
export const DEFAULTS = {
  connectTimeout: 3000,
  readTimeout: 10_000,
  idleTimeout: 60_000,
  keepAliveTimeout: 30_000,
  maxConcurrentConnections: 100,
};

export function createHttp1Transport(
  origin: string,
  http: HttpClientOptions,
  tls: ConnectionOptions,
  queueLimit: number,
): Transport {
  const keepAlive = http.keepAlive !== false;
  const idle = http.idleTimeout ?? DEFAULTS.idleTimeout;
  const keepAliveTimeout = Math.min(
    http.keepAliveTimeout ?? DEFAULTS.keepAliveTimeout,
    idle > 0 ? idle : Number.POSITIVE_INFINITY,
  );
  const readTimeout = http.readTimeout ?? DEFAULTS.readTimeout;
  const connections = http.maxConcurrentConnections ?? DEFAULTS.maxConcurrentConnections;
  const pipelining = http.pipelining ? 10 : 1;
  const pool = new Pool(origin, {
    connect: interimTolerantConnector({ ...tls, timeout: http.connectTimeout ?? DEFAULTS.connectTimeout }),
    headersTimeout: readTimeout,
    bodyTimeout: readTimeout,
    keepAliveTimeout,
    keepAliveMaxTimeout: keepAliveTimeout,
    connections,
    pipelining,
  });
  const capacity = connections * pipelining + queueLimit;
  /** Requests handed to the pool that have no response head yet. */
  let waiting = 0;
  // Redirects are followed only when asked: the interceptor is not on the default path.
  const dispatcher: Dispatcher = pool.compose(
    queueDeadline,
    ...(http.followRedirects ? [interceptors.redirect({ maxRedirections: 5 })] : []),
  );
  // A request that does not queue needs no interceptor: straight to the pool, whose handler
  // interface is the one undici's core calls (each composed interceptor converts the handler and
  // its headers both ways — ~5 % of a proxied request's CPU).
  const direct: Dispatcher = http.followRedirects ? dispatcher : pool;
  return {
    async send(o) {
      if (waiting >= capacity) throw new QueueFullError(`${waiting} requests waiting for ${origin}`);
      // Every connection busy: this request queues. The time until it gets one counts against
      // readTimeout (undici's own timers start on the connection); the exchange's signal still
      // aborts it when the client goes away.
      let signal = o.signal;
      let timer: NodeJS.Timeout | undefined;
      let onConnection: (() => void) | undefined;
      if (waiting >= connections * pipelining && readTimeout > 0) {
        const queued = new AbortController();
        timer = setTimeout(() => queued.abort(new errors.HeadersTimeoutError()), readTimeout);
        onConnection = () => clearTimeout(timer);
        const outer = o.signal;
        if (outer?.aborted) queued.abort(outer.reason);
        else outer?.addEventListener("abort", () => queued.abort(outer.reason), { once: true });
        signal = queued.signal;
      }
      waiting++;
      let res: Dispatcher.ResponseData;
      try {
        res = await (onConnection ? dispatcher : direct).request({
          origin,
          path: o.path,
          method: o.method as Dispatcher.HttpMethod,
          headers: o.headers,
          body: o.body,
          signal,
          reset: !keepAlive,
          ...(onConnection ? { [ON_CONNECTION]: onConnection } : {}),
        });
      } finally {
        waiting--;
        clearTimeout(timer);
      }
      return {
        status: res.statusCode,
        headers: stripResponseHeaders(res.headers),
        body: res.body,
      };
    },
    forward(o, res) {
      // A request that would queue takes `send`, which bounds its wait (readTimeout).
      if (waiting >= connections * pipelining) return undefined;
      waiting++;
      return new Promise<void>((resolve, reject) => {
        direct.dispatch(
          {
            origin,
            path: o.path,
            method: o.method as Dispatcher.HttpMethod,
            headers: o.headers,
            body: o.body,
            reset: !keepAlive,
          },
          new ForwardHandler(res, resolve, reject, () => waiting--, o.decode === true, o.timing),
        );
      });
    },
    close: () => pool.close(),
  };
}

/** The request option carrying a queued request's "got a connection" callback (queueDeadline). */
const ON_CONNECTION = Symbol("sluice.onConnection");

/**
 * An undici interceptor: tells a queued request when undici starts it on a connection (the legacy
 * handler's onConnect), so the queue deadline stops there. Other requests pass untouched.
 */
const queueDeadline: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const onConnection = (opts as { [ON_CONNECTION]?: () => void })[ON_CONNECTION];
  if (!onConnection) return dispatch(opts, handler);
  const h = handler as Dispatcher.DispatchHandler &
    Record<string, ((...a: unknown[]) => unknown) | undefined>;
  const wrapped: Record<string, (...a: unknown[]) => unknown> = {};
  for (const name of [
    "onConnect",
    "onHeaders",
    "onData",
    "onComplete",
    "onError",
    "onUpgrade",
    "onResponseStarted",
    "onBodySent",
    "onRequestSent",
  ]) {
    if (typeof h[name] === "function") wrapped[name] = (...a) => h[name]!.apply(handler, a);
  }
  wrapped.onConnect = (...a) => {
    onConnection();
    return (h.onConnect as ((...args: unknown[]) => unknown) | undefined)?.apply(handler, a);
  };
  return dispatch(opts, wrapped as Dispatcher.DispatchHandler);
};

/** An HTTP/2 backend: one multiplexed session, reopened when it closes or goes away. */
export function createHttp2Transport(
  origin: string,
  scheme: "http" | "https",
  http: HttpClientOptions,
  tls: ConnectionOptions,
): Transport {
  let session: Promise<ClientHttp2Session> | undefined;
  const readTimeout = http.readTimeout ?? DEFAULTS.readTimeout;
  const connectTimeout = http.connectTimeout ?? DEFAULTS.connectTimeout;
  const open = (): Promise<ClientHttp2Session> => {
    if (session) return session;
    const opening = new Promise<ClientHttp2Session>((resolve, reject) => {
      const s = connectHttp2(origin, scheme === "https" ? { ...tls, ALPNProtocols: ["h2"] } : {});
      const timer = setTimeout(() => {
        s.destroy();
        reject(new errors.ConnectTimeoutError());
      }, connectTimeout);
      const forget = () => {
        if (session === opening) session = undefined;
      };
      s.once("connect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (error) => {
        clearTimeout(timer);
        forget();
        reject(error);
      });
      s.once("close", forget);
      s.once("goaway", forget);
      s.on("error", () => {});
    });
    session = opening;
    return opening;
  };
  return {
    async send(o) {
      const s = await open();
      const headers: Record<string, string | string[]> = {
        ...toObject(o.headers.slice(2)),
        ":method": o.method,
        ":path": o.path,
        ":scheme": scheme,
        ":authority": o.headers[1]!,
      };
      const endStream = o.body === null;
      const stream: ClientHttp2Stream = s.request(headers, { endStream });
      return await new Promise<UpstreamResponse>((resolve, reject) => {
        let answered = false;
        const fail = (error: Error) => {
          if (answered) return;
          answered = true;
          reject(error);
        };
        const onAbort = () => {
          stream.close(h2.NGHTTP2_CANCEL);
          fail(new errors.RequestAbortedError());
        };
        if (o.signal?.aborted) return onAbort();
        o.signal?.addEventListener("abort", onAbort, { once: true });
        stream.once("close", () => {
          o.signal?.removeEventListener("abort", onAbort);
          fail(Object.assign(new Error("stream closed before a response"), { code: "ECONNRESET" }));
        });
        stream.on("error", fail);
        if (readTimeout > 0) {
          stream.setTimeout(readTimeout, () => {
            stream.close(h2.NGHTTP2_CANCEL);
            fail(answered ? new errors.BodyTimeoutError() : new errors.HeadersTimeoutError());
            if (answered) stream.destroy(new errors.BodyTimeoutError());
          });
        }
        if (o.body !== null) {
          if (typeof o.body === "string" || Buffer.isBuffer(o.body)) stream.end(o.body);
          else {
            const body = o.body;
            body.pipe(stream);
            // The client went away mid-upload: cancel the backend's stream too.
            body.once("aborted", () => stream.close(h2.NGHTTP2_CANCEL));
          }
        }
        const trailers = new Promise<Record<string, string>>((done) => {
          stream.once("trailers", (t: IncomingHttpHeaders) => done(plain(t)));
          stream.once("close", () => done({}));
        });
        stream.once("response", (h: IncomingHttpHeaders) => {
          if (answered) return;
          answered = true;
          const status = Number(h[":status"] ?? 502);
          const out: Record<string, string | string[] | undefined> = {};
          for (const name in h) if (name.charCodeAt(0) !== 58) out[name] = h[name];
          resolve({ status, headers: stripResponseHeaders(out), body: stream, trailers });
        });
      });
    },
    async close() {
      const s = await session?.catch(() => undefined);
      if (!s || s.closed) return;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

function plain(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const v = headers[name];
    if (v !== undefined && name.charCodeAt(0) !== 58) out[name] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}
