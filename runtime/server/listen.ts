// The API traffic port speaks HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on one clear-text
// port (docs/contract.md §4), so gRPC clients use the same port as everyone else. Node has no single server
// for both, so a TCP server peeks at the first bytes of each connection: the HTTP/2 connection
// preface goes to the http2 server, anything else to the http server.
//
// Client limits (client-limits.ts) are enforced here, before a request reaches the router: a
// connection that says nothing, a slow request head, a stalled body, an idle HTTP/2 session, too
// many concurrent streams, and rapid resets (CVE-2023-44487: a stream the client reset before the
// gateway looked at it is never forwarded; past the reset budget the connection gets GOAWAY).
// Another listener (TLS) hands its sockets to `accept`, so every transport gets the same limits.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import {
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type Http2Session,
  constants as h2,
  type ServerHttp2Stream,
} from "node:http2";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { createServer as createTlsServer, type Server as TlsServer } from "node:tls";
import { hasRequestBody } from "./body.ts";
import type { ClientLimits } from "./client-limits.ts";
import { GatewayServerResponse } from "./response.ts";
import type { TlsSettings } from "./tls-settings.ts";

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
/** The window over which HTTP/2 stream resets are counted. */
const RESET_WINDOW_MS = 10_000;

/** Destroys `this` (a socket's `error` listener; the first-bytes timer's callback). */
function destroySocket(this: Duplex): void {
  this.destroy();
}

/**
 * `Expect: 100-continue` (RFC 9110 §10.1.1): Node would answer `100 Continue` at once. The gateway
 * sends it only when something first reads the body — the endpoint streaming it upstream, or a
 * policy that needs it — so a request refused by routing, plan security or a policy gets its final
 * answer without the client ever sending the body, as behind Gravitee (which forwards the
 * expectation to the backend).
 */
function continueOnFirstRead(req: IncomingMessage, res: ServerResponse): void {
  const read = req._read;
  req._read = function (this: IncomingMessage, size: number) {
    req._read = read;
    if (!res.headersSent) res.writeContinue();
    return read.call(this, size);
  };
}

export type Handler = (
  req: IncomingMessage | Http2ServerRequest,
  res: ServerResponse | Http2ServerResponse,
) => void;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface DualServer {
  net: NetServer;
  http1: Server<typeof IncomingMessage, typeof GatewayServerResponse>;
  /** Sockets currently open, for draining on shutdown. */
  sockets: Set<Socket>;
  /** Serves a connection accepted elsewhere (a TLS listener's socket): limits, then h2 or HTTP/1.1. */
  accept(socket: Socket): void;
  /**
   * Shutdown, step one: idle keep-alive connections close, HTTP/2 connections get GOAWAY (their
   * open streams finish), and HTTP/1.1 responses from now on carry `Connection: close`.
   */
  drain(): void;
}

export function createDualServer(
  handler: Handler,
  onUpgrade: UpgradeHandler,
  limits: ClientLimits,
): DualServer {
  let draining = false;
  const sessions = new Set<Http2Session>();
  const http1 = createHttpServer(
    {
      // Holds the gateway's own headers until the head (./response.ts).
      ServerResponse: GatewayServerResponse,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // No cap on the whole request (uploads stream for as long as they flow); a stalled body is
      // caught by the body-idle timeout instead.
      requestTimeout: 0,
      connectionsCheckingInterval: Math.max(250, Math.min(limits.headersTimeoutMs / 4 || 30_000, 5_000)),
    },
    (req, res) => {
      if (draining) res.shouldKeepAlive = false;
      watchBody(req, res, limits.bodyIdleTimeoutMs);
      handler(req, res);
    },
  );
  http1.on("upgrade", onUpgrade);
  // `Expect: 100-continue`: the 100 goes out only when the body is first read, so a refused request
  // never uploads its body.
  http1.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.shouldKeepAlive = false;
    continueOnFirstRead(req, res);
    watchBody(req, res, limits.bodyIdleTimeoutMs);
    handler(req, res);
  });
  const http2 = createHttp2Server(
    {
      settings: { maxConcurrentStreams: limits.h2MaxConcurrentStreams || 2 ** 31 - 1 },
      // Streams refused for exceeding the limit above, before nghttp2 drops the connection.
      maxSessionRejectedStreams: 100,
    },
    (req, res) => {
      // Let the rest of what arrived with the HEADERS frame (an RST_STREAM right behind it) be
      // read first: a stream reset before anyone looked at it is not forwarded.
      setImmediate(() => {
        if (req.stream.destroyed || req.stream.closed) return;
        failOnReset(req);
        watchBody(req, res, limits.bodyIdleTimeoutMs);
        handler(req, res);
      });
    },
  );
  http2.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
    if (draining) session.close();
    guardSession(session, limits);
  });
  const sockets = new Set<Socket>();
  const perIp = new Map<string, number>();

  // Sockets not yet heard from, with the timer that closes them (see accept).
  const silent = new Map<Socket, NodeJS.Timeout>();
  // The per-connection listeners are shared functions (`this` is the socket), not closures: a
  // connection that stays open (an SSE stream, a WebSocket) keeps no context of its own for them.
  function onClose(this: Socket): void {
    sockets.delete(this);
    const timer = silent.get(this);
    if (timer) {
      clearTimeout(timer);
      silent.delete(this);
    }
    if (limits.maxConnectionsPerIp > 0) {
      // The peer's address, read (and cached by node:net) when the connection was accepted.
      const ip = this.remoteAddress ?? "";
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left > 0) perIp.set(ip, left);
      else perIp.delete(ip);
    }
  }
  function onFirstBytes(this: Socket): void {
    const timer = silent.get(this);
    if (timer) {
      clearTimeout(timer);
      silent.delete(this);
    }
    const head: Buffer | null = this.read(Math.min(PREFACE.length, this.readableLength)) ?? this.read();
    if (head) this.unshift(head);
    const isH2 =
      head !== null &&
      head.length >= 3 &&
      PREFACE.subarray(0, Math.min(head.length, PREFACE.length)).equals(
        head.subarray(0, Math.min(head.length, PREFACE.length)),
      );
    (isH2 ? http2 : http1).emit("connection", this);
  }

  const accept = (socket: Socket): void => {
    sockets.add(socket);
    const ip = socket.remoteAddress ?? "";
    if (limits.maxConnectionsPerIp > 0) {
      const open = (perIp.get(ip) ?? 0) + 1;
      if (open > limits.maxConnectionsPerIp) {
        socket.destroy();
        sockets.delete(socket);
        return;
      }
      perIp.set(ip, open);
    }
    // `on`, not `once`: 'close' comes once, and Node's `once` wraps each listener in a closure.
    socket.on("close", onClose);
    socket.on("error", destroySocket);
    // A connection that never says anything is closed (the http servers' timers start with the
    // first request). A plain timer rather than socket.setTimeout(), whose (cleared) Timeout and
    // bound callback the socket would keep for as long as it is open.
    if (limits.firstBytesTimeoutMs > 0)
      silent.set(socket, setTimeout(destroySocket.bind(socket), limits.firstBytesTimeoutMs).unref());
    socket.once("readable", onFirstBytes);
  };
  const net = createNetServer({ noDelay: true }, accept);
  // The http server never listens itself (connections are handed to it), and Node starts its
  // request-head timer (headersTimeout) on 'listening': start it with the port.
  net.once("listening", () => http1.emit("listening"));
  const drain = (): void => {
    draining = true;
    http1.closeIdleConnections();
    for (const session of sessions) if (!session.closed) session.close();
  };
  return { net, http1, sockets, accept, drain };
}

/**
 * Node ends an HTTP/2 request body cleanly when the client resets the stream mid-upload (the
 * compatibility layer pushes the end of the body when the stream closes); HTTP/1.1 errors it.
 * Here a body end pushed while the stream is already closed — a reset, not END_STREAM — errors the
 * body instead, so the upstream request is aborted on both protocols and the backend never takes
 * a truncated body for a complete one.
 */
function failOnReset(req: Http2ServerRequest): void {
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk !== null || !(req.stream.closed || req.stream.destroyed)) return push(chunk, encoding);
    req.on("error", () => {}); // whoever reads the body gets the error; nobody reading is fine
    req.destroy(Object.assign(new Error("the client reset the stream"), { code: "ECONNRESET" }));
    return false;
  };
}

/**
 * A request body that stops arriving for `ms` abandons the request: the connection (HTTP/1.1) or
 * the stream (HTTP/2) is torn down, so whoever reads the body — the upstream request — sees an
 * abort, never a clean end. The timer is off again once the body has ended. After an HTTP/1.1
 * response sent before its request's body ended (a 401, a 503), Node reads and drops the rest of
 * the body under its keep-alive timer; the body-idle timer is put back, so a client that stalls
 * there is closed too (closing at once instead would make the kernel answer the unread bytes with
 * a reset that can overtake the response).
 */
function watchBody(
  req: IncomingMessage | Http2ServerRequest,
  res: ServerResponse | Http2ServerResponse,
  ms: number,
): void {
  if (ms <= 0 || !hasRequestBody(req)) return;
  const socket = req.socket as Socket;
  if (!("stream" in req)) {
    res.once("finish", () => {
      if (!req.complete && !socket.destroyed) socket.setTimeout(ms);
    });
  }
  if ("stream" in req) {
    const stream = req.stream;
    stream.setTimeout(ms, () => stream.close(h2.NGHTTP2_CANCEL));
    req.once("end", () => stream.setTimeout(0));
    return;
  }
  // No listener on the request's 'timeout': Node destroys the socket when it fires.
  req.setTimeout(ms);
  req.once("end", () => socket.setTimeout(0));
}

/**
 * Per HTTP/2 connection: closes it (GOAWAY) after `h2IdleTimeoutMs` without open streams, and
 * answers a client that resets more than `h2MaxResets` streams in 10 s with GOAWAY
 * ENHANCE_YOUR_CALM (rapid reset).
 */
function guardSession(session: Http2Session, limits: ClientLimits): void {
  let open = 0;
  let resets = 0;
  let windowStart = Date.now();
  /** A stream that closed with an error code before the gateway answered it. */
  const closed = (stream: ServerHttp2Stream): void => {
    if (stream.rstCode === h2.NGHTTP2_NO_ERROR || stream.headersSent || limits.h2MaxResets <= 0) return;
    const now = Date.now();
    if (now - windowStart > RESET_WINDOW_MS) {
      windowStart = now;
      resets = 0;
    }
    if (++resets > limits.h2MaxResets && !session.closed && !session.destroyed) {
      session.goaway(h2.NGHTTP2_ENHANCE_YOUR_CALM);
      session.destroy();
    }
  };
  session.on("stream", (stream: ServerHttp2Stream) => {
    // Reset in the same read as its HEADERS: already closed when the event arrives.
    if (stream.destroyed || stream.closed) return closed(stream);
    open++;
    stream.once("close", () => {
      open--;
      closed(stream);
    });
  });
  if (limits.h2IdleTimeoutMs > 0) {
    session.setTimeout(limits.h2IdleTimeoutMs, () => {
      if (open === 0 && !session.closed) session.close();
    });
  }
}

/**
 * HTTPS for the same servers (./tls-settings.ts): ALPN offers `h2` and `http/1.1` (RFC 7301), then
 * the decrypted connection is accepted like a clear-text one (`accept`: client limits, then the
 * HTTP/2 or HTTP/1.1 server), so requests, upgrades, limits and draining behave alike. A client
 * certificate is requested but not required (`rejectUnauthorized: false`): MTLS plans judge it
 * (runtime/security/mtls/index.ts), other plans ignore it.
 */
export function createTlsListener(dual: DualServer, settings: TlsSettings): TlsServer {
  const server = createTlsServer(
    {
      ...secureContextOptions(settings),
      requestCert: true,
      rejectUnauthorized: false,
      ALPNProtocols: ["h2", "http/1.1"],
    },
    (socket) => {
      // The same limits as the clear-text port; the decrypted bytes tell h2 from HTTP/1.1 as there.
      dual.accept(socket as Socket);
    },
  );
  // A failed handshake (a port scanner, a client refusing our certificate) concerns that client only.
  server.on("tlsClientError", (_error, socket) => socket.destroy());
  return server;
}

/** The certificate, key and client CAs of the TLS listener (also for `setSecureContext` on renewal). */
export function secureContextOptions(settings: TlsSettings): { cert: Buffer; key: Buffer; ca?: Buffer } {
  return { cert: settings.cert, key: settings.key, ...(settings.ca ? { ca: settings.ca } : {}) };
}
