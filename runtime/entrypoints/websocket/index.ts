// The `websocket` entrypoint of MESSAGE APIs (docs/contract.md §5): a GET with `Upgrade: websocket` runs
// security and the request phase on the handshake (a failure is an ordinary HTTP error, before any
// upgrade), then one socket carries both directions. Subscriber: every message of the endpoint,
// after the `subscribe` phase, goes out as one frame with the raw content — a text frame when the
// content is valid UTF-8, binary otherwise — and is acknowledged once the frame is written.
// Publisher: every frame the client sends (text or binary) is one message, published after the
// `publish` phase. Close codes (RFC 6455 §7.4.1): 1000 when the endpoint ends, 1011 on an endpoint
// or internal error, 1013 (try again later) when the gateway drains, 1008 with a reason when the
// handshake's Origin is refused (allowedOrigins, else the listener's CORS origins).
// https://documentation.gravitee.io/apim/create-apis/message-apis (WebSocket entrypoint)
//
// Unlike http-proxy's WebSocket support (frames relayed as bytes), frames are parsed here: `ws`
// does the framing, this module the message flow.
import { isUtf8 } from "node:buffer";
import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { Exchange, GatewayRequest, Logger, Pipeline, Qos } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import { MessageSubscription, produceMessage, selectMessageEndpoint } from "../../message/message-flow.ts";
import { wantsJson } from "../../server/errors.ts";
import { type GatewayExchange, REQUEST_ID_HEADER, TRANSACTION_ID_HEADER } from "../../server/exchange.ts";
import type { WebsocketEntrypointConfiguration } from "../../spec-types/api-v4-definition.ts";

const CLOSE_NORMAL = 1000;
const CLOSE_POLICY_VIOLATION = 1008;
const CLOSE_INTERNAL_ERROR = 1011;
const CLOSE_TRY_AGAIN_LATER = 1013;
const GOAWAY = "Stopping, please reconnect";
/** How long a drain waits for clients to answer the close frame before cutting them off. */
const CLOSE_GRACE_MS = 5000;
/** Frames waiting to be published before the socket stops reading from the client. */
const PUBLISH_QUEUE_LIMIT = 16;
/** RFC 6455 §5.5: a close frame's payload is at most 125 bytes, two of them the code. */
const MAX_REASON_BYTES = 123;
/** Headers of the 101 answer that belong to the handshake, never taken from policies. */
const HANDSHAKE_HEADERS = new Set(["connection", "upgrade", "content-length", "transfer-encoding"]);

/** A header holds `token` in its comma-separated list (case-insensitive). */
function hasToken(value: string | string[] | undefined, token: string): boolean {
  if (value === undefined) return false;
  return (Array.isArray(value) ? value.join(",") : value)
    .split(",")
    .some((v) => v.trim().toLowerCase() === token);
}

/** Gravitee's `request.isWebSocket()` on a GET: `Connection: Upgrade` and `Upgrade: websocket`. */
function isWebSocketUpgrade(request: GatewayRequest): boolean {
  return (
    request.method === "GET" &&
    hasToken(request.headers.upgrade, "websocket") &&
    hasToken(request.headers.connection, "upgrade")
  );
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** A close reason cut to what fits a close frame, on a character boundary. */
function closeReason(text: string): string {
  let out = text;
  while (Buffer.byteLength(out) > MAX_REASON_BYTES) out = out.slice(0, -1);
  return out;
}

/** Sends one message as one frame; resolves once it is written to the socket (false: it was not). */
function sendFrame(ws: WebSocket, content: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (ws.readyState !== ws.OPEN) {
      resolve(false);
      return;
    }
    ws.send(content, { binary: !isUtf8(content) }, (error) => resolve(!error));
  });
}

/**
 * Sends one message as one frame without waiting for the socket: true at once while the socket
 * buffers less than its high-water mark, else a promise that resolves once it drained (false: the
 * socket closed first). The frames of one tick are corked into one system call.
 */
function queueFrame(ws: WebSocket, socket: Duplex, content: Buffer): true | Promise<boolean> {
  if (ws.readyState !== ws.OPEN) return Promise.resolve(false);
  if (!socket.writableCorked) {
    socket.cork();
    process.nextTick(() => socket.uncork());
  }
  ws.send(content, { binary: !isUtf8(content) });
  if (!socket.writableNeedDrain) return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      socket.off("drain", onDrain);
      socket.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    socket.once("drain", onDrain);
    socket.once("close", onClose);
  });
}

/** Gravitee's error response (docs/contract.md §4) written on a socket that was not upgraded. */
function refuse(request: IncomingMessage, socket: Duplex, exchange: Exchange, error: GatewayError): void {
  if (socket.destroyed || !socket.writable) return;
  const json = wantsJson(request);
  const body = error.body
    ? error.body.content
    : json
      ? JSON.stringify({ message: error.message, http_status_code: error.status })
      : error.message;
  const headers: Record<string, string> = {
    ...error.headers,
    [REQUEST_ID_HEADER]: exchange.requestId,
    [TRANSACTION_ID_HEADER]: exchange.transactionId,
    "content-type": error.body ? error.body.contentType : json ? "application/json" : "text/plain",
    "content-length": String(Buffer.byteLength(body)),
    connection: "close",
  };
  let head = `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ""}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  socket.end(`${head}\r\n${body}`);
}

/** The ids and the headers response-phase policies set, for the 101 answer. */
function handshakeHeaders(exchange: Exchange): string[] {
  const lines = [
    `${REQUEST_ID_HEADER}: ${exchange.requestId}`,
    `${TRANSACTION_ID_HEADER}: ${exchange.transactionId}`,
  ];
  const set = exchange.response.getHeaders();
  for (const [name, value] of Object.entries(set)) {
    const lower = name.toLowerCase();
    if (value === undefined || HANDSHAKE_HEADERS.has(lower) || lower.startsWith("sec-websocket-")) continue;
    if (lower === REQUEST_ID_HEADER || lower === TRANSACTION_ID_HEADER) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  return lines;
}

interface SessionOptions {
  qos: Qos;
  subscriber: boolean;
  publisher: boolean;
  log: Logger;
}

/** One upgraded client. */
interface Session {
  /** Settles once the socket closed and every frame it sent was published (or failed). */
  readonly closed: Promise<void>;
  /** The gateway drains: close 1013 so the client reconnects elsewhere. */
  goaway(): void;
  terminate(): void;
}

function serve(
  ws: WebSocket,
  socket: Duplex,
  exchange: Exchange,
  pipeline: Pipeline,
  options: SessionOptions,
): Session {
  let subscription: MessageSubscription | undefined;
  let publishing: Promise<void> = Promise.resolve();
  let failed = false;
  const socketClosed = new Promise<void>((resolve) =>
    // `on`: a WebSocket closes once (Node's `once` would keep a wrapping closure per session).
    ws.on("close", () => {
      subscription?.stop();
      resolve();
    }),
  );
  // Protocol errors (a bad frame, an oversized message): `ws` answers with the close code itself.
  ws.on("error", (error) =>
    options.log.warn("websocket protocol error", { error: error.message, requestId: exchange.requestId }),
  );
  const end = (code: number, reason = ""): void => {
    subscription?.stop();
    if (ws.readyState === ws.OPEN) ws.close(code, closeReason(reason));
  };
  const fail = (error: unknown): void => {
    failed = true;
    // A GatewayError's message is meant for clients; anything else stays in the log.
    const reason = error instanceof GatewayError ? error.message : "Internal Server Error";
    options.log.error("websocket session failed", {
      error: error instanceof Error ? error.message : String(error),
      requestId: exchange.requestId,
    });
    end(CLOSE_INTERNAL_ERROR, reason);
  };

  if (options.publisher) {
    // Frames are published one at a time, in order; while too many wait, the socket is not read
    // (TCP then slows the client down).
    let waiting = 0;
    ws.on("message", (data) => {
      const content = toBuffer(data);
      waiting++;
      if (waiting >= PUBLISH_QUEUE_LIMIT) ws.pause();
      publishing = publishing.then(async () => {
        try {
          // After a failure the client was closed with 1011: later frames are not published.
          if (failed) return;
          const message = { content, headers: {}, metadata: {} };
          await produceMessage(pipeline, exchange, message, options.qos);
        } catch (error) {
          fail(error);
        } finally {
          waiting--;
          if (ws.isPaused && waiting < PUBLISH_QUEUE_LIMIT) ws.resume();
        }
      });
    });
  }
  // With the publisher disabled, the client's frames are read and ignored.

  if (options.subscriber) {
    const consume = async (): Promise<void> => {
      // Stopped on the socket's close (above): the exchange's response is never used by an upgrade.
      subscription = new MessageSubscription(pipeline, exchange, { qos: options.qos, stopsItself: true });
      if (ws.readyState !== ws.OPEN) subscription.stop();
      for (;;) {
        const delivery = await subscription.next();
        if (!delivery) break;
        if (delivery.message) {
          if (delivery.settles) {
            // Acknowledged once written: the endpoint is not read again before the socket took it.
            if (!(await sendFrame(ws, delivery.message.content))) return;
          } else {
            // Nothing to settle: queue the frame and go on, waiting only while the socket drains.
            const queued = queueFrame(ws, socket, delivery.message.content);
            if (queued !== true && !(await queued)) return;
            continue;
          }
        }
        await delivery.ack();
      }
      // The endpoint ended (or the client left, or a drain closed with 1013: then a no-op).
      end(CLOSE_NORMAL);
    };
    consume().catch(fail);
  }

  return {
    closed: socketClosed.then(() => publishing),
    goaway: () => end(CLOSE_TRY_AGAIN_LATER, GOAWAY),
    terminate: () => ws.terminate(),
  };
}

export const connector = defineEntrypoint<WebsocketEntrypointConfiguration>({
  type: "websocket",
  // Above sse (2) and http-get (1), which take GETs less specifically.
  priority: 3,
  create(config, qos: Qos, ctx) {
    const options: SessionOptions = {
      qos,
      subscriber: config.subscriber?.enabled ?? true,
      publisher: config.publisher?.enabled ?? true,
      log: ctx.log,
    };
    // Handshakes only (noServer): the gateway's HTTP server owns the port and routes upgrades here.
    // permessage-deflate (RFC 7692) only when configured: it costs memory per socket (a zlib
    // context each way) and CPU per frame, worth it for large, repetitive text messages.
    const wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: config.perMessageDeflate ?? false,
    });
    const extraHeaders = new WeakMap<IncomingMessage, string[]>();
    wss.on("headers", (headers, request) => {
      headers.push(...(extraHeaders.get(request) ?? []));
    });
    const sessions = new Set<Session>();
    let draining = false;

    const accept = async (
      request: IncomingMessage,
      socket: Duplex,
      head: Buffer,
      exchange: Exchange,
      pipeline: Pipeline,
    ): Promise<void> => {
      await pipeline.request(exchange);
      // Fail as HTTP (503, QoS 400) before switching protocols when no endpoint could serve us.
      if (options.subscriber || options.publisher) selectMessageEndpoint(pipeline, exchange, qos);
      await pipeline.response(exchange);
      if (draining) throw new GatewayError(503, "Service Unavailable");
      if (socket.destroyed) return;
      extraHeaders.set(request, handshakeHeaders(exchange));
      // `ws` validates the handshake (key, version) and answers 400 itself when it is not valid.
      wss.handleUpgrade(request, socket, head, (ws) => {
        // Written with the 101: not kept for as long as the request (the exchange holds it).
        extraHeaders.delete(request);
        const session = serve(ws, socket, exchange, pipeline, options);
        sessions.add(session);
        void session.closed.then(() => sessions.delete(session));
        if (draining) session.goaway();
      });
    };

    return {
      type: "websocket",
      matches: isWebSocketUpgrade,
      async handle() {
        // Upgrades reach upgrade(); a request here asked for a WebSocket without upgrading.
        throw new GatewayError(426, "Upgrade Required", { headers: { upgrade: "websocket" } });
      },
      ...(config.allowedOrigins ? { allowedOrigins: config.allowedOrigins } : {}),
      upgrade(request, socket, head, exchange, pipeline) {
        socket.on("error", () => socket.destroy());
        const refused = (exchange as GatewayExchange).originRefused;
        if (typeof refused === "string") {
          // A browser sees a refused HTTP handshake only as code 1006 without reason; a close
          // frame carries why. Nothing ran: no security, no flows, no endpoint.
          wss.handleUpgrade(request, socket, head, (ws) =>
            ws.close(CLOSE_POLICY_VIOLATION, closeReason(refused)),
          );
          return;
        }
        accept(request, socket, head, exchange, pipeline).catch((error: unknown) => {
          if (!(error instanceof GatewayError)) {
            ctx.log.error("websocket handshake failed", {
              error: error instanceof Error ? error.message : String(error),
              requestId: exchange.requestId,
            });
          }
          const e = error instanceof GatewayError ? error : new GatewayError(500, "Internal Server Error");
          refuse(request, socket, exchange, e);
        });
      },
      async close() {
        draining = true;
        const open = [...sessions];
        for (const session of open) session.goaway();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_GRACE_MS).unref();
        });
        await Promise.race([Promise.all(open.map((s) => s.closed)), grace]);
        clearTimeout(timer);
        for (const session of open) session.terminate();
      },
    };
  },
});
