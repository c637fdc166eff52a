// The `sse` entrypoint: a GET with Accept text/event-stream streams the API's messages as
// server-sent events (docs/contract.md §5): a `retry:` first, then one `event: message` per message, a `:`
// heartbeat after heartbeatIntervalInMs of silence, `event: gateway-error` (no id) when the endpoint
// fails and `event: goaway` with a short `retry:` when the gateway drains; 204 for a stream that
// ends before its first message. `Last-Event-ID` resumes after that id where the endpoint can
// resume. Heartbeats come from one timer per entrypoint, not one per stream (see Heartbeats). Browser behaviour: docs/message-apis.md "From the browser". https://documentation.gravitee.io/apim/create-apis/message-apis (SSE entrypoint)
import { randomInt } from "node:crypto";
import type { GatewayRequest, GatewayResponse, Qos } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import {
  type Delivery,
  type DeliveryReceiver,
  MessageSubscription,
  NOT_YET,
} from "../../message/message-flow.ts";
import { formatSseEvent, formatSseMessage, SSE_HEARTBEAT } from "../../message/sse.ts";
import { type StreamWriter, streamWriter } from "../../server/compression.ts";
import { GatewayServerResponse } from "../../server/response.ts";
import type { SseEntrypointConfiguration } from "../../spec-types/api-v4-definition.ts";

const DEFAULT_HEARTBEAT_MS = 5000;
/**
 * The `retry:` sent first (configuration `retryInMs`). Gravitee sends a random 1–30 s, which leaves
 * a browser away for up to 30 s after any hiccup; Sluice sends a fixed, configurable delay.
 */
const DEFAULT_RETRY_MS = 3000;
/** With `goaway` (the gateway drains): come back soon, spread over this window. */
const GOAWAY_RETRY_MIN_MS = 100;
const GOAWAY_RETRY_MAX_MS = 1000;
/**
 * The event name of an endpoint failure. Not `error`: EventSource fires its own `error` event on
 * connection problems, and a listener for one would get both. `errorEventName: error` restores
 * Gravitee's name for clients that depend on it.
 */
const DEFAULT_ERROR_EVENT = "gateway-error";
/** How long the response headers wait for the first delivery (see handle). */
const HEADERS_GRACE_MS = 1000;
const GOAWAY = "Stopping, please reconnect";
const EVENT_STREAM = "text/event-stream;charset=UTF-8";
/** An HTTP/1.1 stream's own headers, as a head list (see writeStreamHead). */
const STREAM_HEAD: readonly string[] = Object.freeze([
  "content-type",
  EVENT_STREAM,
  "cache-control",
  "no-cache",
  "connection",
  "keep-alive",
]);

function acceptsEventStream(request: GatewayRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return false;
  return String(accept)
    .split(",")
    .some((range) => range.split(";")[0]?.trim().toLowerCase() === "text/event-stream");
}

/** Heartbeat ticks per heartbeat interval (see heartbeats below). */
const TICKS_PER_INTERVAL = 8;

/** One open stream, as the entrypoint's shared heartbeat and drain see it. */
interface Stream {
  /** The heartbeat tick of its last write. */
  wrote: number;
  heartbeat(): void;
  goaway(): void;
}

/**
 * One heartbeat timer for all the open streams of an entrypoint, not one per stream: it ticks
 * TICKS_PER_INTERVAL times per heartbeat interval, and a stream silent for more than a whole
 * interval of ticks gets `:` — so the heartbeat comes after heartbeatIntervalInMs to 1⅛ of it
 * without a write. A write records the current tick (a number, no timer). The timer runs only
 * while a stream is open.
 */
class Heartbeats {
  readonly open = new Set<Stream>();
  tick = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly everyMs: number;

  constructor(heartbeatMs: number) {
    this.everyMs = Math.max(1, Math.round(heartbeatMs / TICKS_PER_INTERVAL));
  }

  add(stream: Stream): void {
    stream.wrote = this.tick;
    this.open.add(stream);
    this.timer ??= setInterval(() => this.turn(), this.everyMs).unref();
  }

  delete(stream: Stream): void {
    this.open.delete(stream);
    if (this.open.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private turn(): void {
    const tick = ++this.tick;
    for (const stream of this.open) {
      if (tick - stream.wrote > TICKS_PER_INTERVAL) {
        stream.wrote = tick;
        stream.heartbeat();
      }
    }
  }
}

/**
 * What stands for an HTTP/1.x response's head once it is on the socket (see releaseHead): shared
 * by every stream, and truthy, as Node's checks of a sent head need.
 */
const SENT_HEAD = "HTTP/1.1 (head sent)\r\n\r\n";

/**
 * Node keeps the head it sent (`_header`: a tree of concatenated strings, one per header line,
 * ~400 bytes once flat with the gateway's headers) for as long as the response is open — an SSE
 * stream's whole session — and once it has been written (`_headerSent`) only tests it for truth
 * (`headersSent`, the guards of setHeader and writeHead; the headers themselves stay readable
 * through getHeader). A shared marker takes its place. HTTP/2 responses have no `_header`.
 */
function releaseHead(response: GatewayResponse): void {
  const sent = response as { _header?: unknown; _headerSent?: unknown };
  if (typeof sent._header === "string" && sent._headerSent === true) sent._header = SENT_HEAD;
}

/**
 * Queued events are written as one chunk per turn of the event loop, or once this many characters
 * are queued: one response write (and one chunked-encoding frame) for the events of a fetched batch
 * rather than one per event.
 */
const BATCH_CHARS = 16_384;

function writeQueued(stream: SseStream): void {
  stream.writeQueued();
}

/**
 * An HTTP/1.1 stream's socket has three `close` listeners (the gateway's connection accounting,
 * the http server's, the response's), and EventEmitter pushed the third onto an array of two,
 * which V8 grows to ~19 slots (~0.15 KB) for as long as the socket is open. A copy of its exact
 * length takes its place; the listeners and their order are the same.
 */
function compactCloseListeners(response: GatewayResponse): void {
  // HTTP/1.1 only: an HTTP/2 response's socket is a proxy of its session's, which may be unbound.
  if (!(response instanceof GatewayServerResponse)) return;
  const events = (response.socket as { _events?: Record<string, unknown> } | null)?._events;
  const close = events?.close;
  if (events !== undefined && Array.isArray(close) && close.length > 2) events.close = close.slice();
}

/**
 * Sets the head of an open stream. On the gateway's HTTP/1.1 responses, with no header set on the
 * response yet (no policy or CORS header, no compression), the head goes out as one list, its own
 * held headers first (server/response.ts): Node then keeps no header object for the session — a
 * dictionary and an entry per header, ~0.7 KB an idle stream — and the response answers
 * getHeader() from the list. Otherwise, header by header as before.
 */
function writeStreamHead(response: GatewayResponse, http1: boolean): void {
  response.statusCode = 200;
  if (http1 && response instanceof GatewayServerResponse && response.noHeaderSet()) {
    // concat(): a list of its exact length (one grown by push keeps room for more, ~0.1 KB).
    const held = response.takeHeldHeaders();
    response.writeHead(200, held === undefined ? (STREAM_HEAD as string[]) : held.concat(STREAM_HEAD));
    return;
  }
  response.setHeader("content-type", EVENT_STREAM);
  response.setHeader("cache-control", "no-cache");
  if (http1) response.setHeader("connection", "keep-alive");
}

/** What an entrypoint's streams share: its heartbeat timer and its event settings. */
interface SseSettings {
  readonly heartbeats: Heartbeats;
  readonly errorEvent: string;
  readonly format: { readonly headersAsComment: boolean; readonly metadataAsComment: boolean };
}

/**
 * An open stream: its writer, its subscription and its last write's tick in one object, with its
 * methods on the prototype — what an idle stream keeps, without a closure per callback. Once its
 * head is sent it runs on the subscription's callbacks (it is the DeliveryReceiver of
 * MessageSubscription.pull): no suspended `handle` frame, pending promise or reaction per idle
 * stream (~0.5 KB, docs/benchmarks.md "sixth round").
 */
class SseStream implements Stream, DeliveryReceiver {
  wrote = 0;
  private goneAway = false;
  /** Events queued in this turn of the event loop, not written yet (see queue). */
  private pending = "";
  /** The drain the last end-of-turn write asked for: the next queue() waits for it. */
  private blocked: Promise<boolean> | undefined;
  private finished = false;
  private readonly out: StreamWriter;
  private readonly response: GatewayResponse;
  private readonly subscription: MessageSubscription;
  private readonly settings: SseSettings;

  constructor(
    out: StreamWriter,
    response: GatewayResponse,
    subscription: MessageSubscription,
    settings: SseSettings,
  ) {
    this.out = out;
    this.response = response;
    this.subscription = subscription;
    this.settings = settings;
  }

  /** Writes (after what is queued) and resolves once the socket has it (false: the client is gone). */
  send(chunk: string): Promise<boolean> {
    this.wrote = this.settings.heartbeats.tick;
    return this.out.write(this.take() + chunk);
  }

  /**
   * Queues without waiting for the socket unless it is over its high-water mark (see StreamWriter).
   * The events queued in one turn of the event loop are written together at its end (or every
   * BATCH_CHARS); when that write finds the response over its high-water mark, the next queue()
   * answers the wait for `drain`. What waits unwritten is at most BATCH_CHARS and one event.
   */
  queue(chunk: string): true | Promise<boolean> {
    this.wrote = this.settings.heartbeats.tick;
    if (this.pending === "") process.nextTick(writeQueued, this);
    this.pending += chunk;
    if (this.pending.length >= BATCH_CHARS) {
      const written = this.out.queue(this.take());
      if (written !== true) return written;
    }
    const blocked = this.blocked;
    if (blocked === undefined) return true;
    this.blocked = undefined;
    return blocked;
  }

  /** Writes what was queued in this turn of the event loop. */
  writeQueued(): void {
    if (this.pending === "") return;
    const written = this.out.queue(this.take());
    if (written !== true) this.blocked = written;
  }

  /** The queued events, now no longer queued. */
  private take(): string {
    const pending = this.pending;
    this.pending = "";
    return pending;
  }

  end(): void {
    if (this.pending !== "") void this.out.queue(this.take());
    this.out.end();
  }

  heartbeat(): void {
    // Queued like an event (a client that does not read has its socket's buffer to fill).
    void this.out.queue(this.take() + SSE_HEARTBEAT);
  }

  goaway(): void {
    if (this.goneAway) return;
    this.goneAway = true;
    // A short, jittered reconnection delay: the client comes back to another instance soon,
    // without every client of this one arriving in the same millisecond.
    void this.send(
      formatSseEvent({
        retry: randomInt(GOAWAY_RETRY_MIN_MS, GOAWAY_RETRY_MAX_MS),
        event: "goaway",
        data: GOAWAY,
      }),
    );
    this.subscription.stop();
  }

  /** The head is sent: delivers `first` (what came within the grace) or pulls. */
  run(first: Delivery | undefined): void {
    if (first !== undefined) this.delivered(first);
    else this.subscription.pull(this);
  }

  delivered(delivery: Delivery | undefined): void {
    if (delivery === undefined) {
      this.finish();
      return;
    }
    const message = delivery.message;
    if (message !== undefined && !delivery.settles) {
      // Nothing to settle: queue the event and go on (the events of one tick leave in one system
      // call), waiting only when the response is over its high-water mark.
      let queued: true | Promise<boolean>;
      try {
        queued = this.queue(formatSseMessage(message, this.settings.format));
      } catch (failure) {
        this.failed(failure);
        return;
      }
      if (queued === true) {
        this.subscription.pull(this);
        return;
      }
      queued.then((ok) => (ok ? this.subscription.pull(this) : this.finish()));
      return;
    }
    this.settle(delivery).then(
      (more) => (more ? this.subscription.pull(this) : this.finish()),
      (failure: unknown) => this.failed(failure),
    );
  }

  /** Acknowledged once the client's socket has it: waits for the write (false: the client is gone). */
  private async settle(delivery: Delivery): Promise<boolean> {
    if (delivery.message !== undefined) {
      if (!(await this.send(formatSseMessage(delivery.message, this.settings.format)))) return false;
    }
    await delivery.ack();
    return true;
  }

  failed(failure: unknown): void {
    // No `id:`: the client's last event id must stay the last message's, so a reconnect resumes
    // after it (an id here would replace it and restart the stream from scratch).
    const message = failure instanceof Error ? failure.message : String(failure);
    this.send(formatSseEvent({ event: this.settings.errorEvent, data: message })).then(() => this.finish());
  }

  /** The stream is over: no more heartbeats, the subscription stopped, the response ended. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.settings.heartbeats.delete(this);
    this.subscription.stop();
    if (!this.response.writableEnded) this.end();
  }
}

export const connector = defineEntrypoint<SseEntrypointConfiguration>({
  type: "sse",
  // Above http-get (which takes every GET): a GET asking for text/event-stream is ours.
  priority: 2,
  create(config, qos: Qos) {
    const heartbeatMs = config.heartbeatIntervalInMs ?? DEFAULT_HEARTBEAT_MS;
    const retryMs = config.retryInMs ?? DEFAULT_RETRY_MS;
    const compress = config.compress ?? false;
    const heartbeats = new Heartbeats(heartbeatMs);
    const settings: SseSettings = {
      heartbeats,
      errorEvent: config.errorEventName ?? DEFAULT_ERROR_EVENT,
      format: {
        headersAsComment: config.headersAsComment ?? false,
        metadataAsComment: config.metadataAsComment ?? false,
      },
    };
    return {
      type: "sse",
      matches: (request) => request.method === "GET" && acceptsEventStream(request),
      async handle(exchange, pipeline) {
        await pipeline.request(exchange);
        const lastEventId = exchange.request.headers["last-event-id"];
        const subscription = new MessageSubscription(pipeline, exchange, {
          qos,
          cursor: typeof lastEventId === "string" && lastEventId !== "" ? lastEventId : undefined,
        });
        const response = exchange.response;
        // Settles AT_LEAST_ONCE acks: resolves once a chunk is handed to the socket.
        const stream = new SseStream(
          streamWriter(response, exchange.request.headers["accept-encoding"], compress),
          response,
          subscription,
          settings,
        );
        let running = false;
        try {
          await pipeline.response(exchange);
          // Headers wait for the first delivery (at most HEADERS_GRACE_MS): a stream that ends
          // before its first message — a reconnect past the end of a finished stream — answers 204,
          // which tells an EventSource to stop reconnecting (HTML, "server-sent events").
          // The grace is the subscription's own (no race, no derived promise): when it is over,
          // the pull goes on and the stream gets what it brings, or its failure.
          let early: Delivery | undefined | typeof NOT_YET;
          let earlyFailure: { failure: unknown } | undefined;
          try {
            early = await subscription.next(HEADERS_GRACE_MS);
          } catch (failure) {
            // Reported after the head, as an event.
            early = NOT_YET;
            earlyFailure = { failure };
          }
          if (early === undefined) {
            response.statusCode = 204;
            response.setHeader("cache-control", "no-store");
            response.end();
            return;
          }
          writeStreamHead(response, exchange.request.httpVersionMajor === 1);
          heartbeats.add(stream);
          await stream.send(formatSseEvent({ retry: retryMs }));
          releaseHead(response);
          compactCloseListeners(response);
          // From here the stream runs on its subscription's callbacks, and handle() returns: what
          // goes wrong is an event on the stream (failed()), and finish() ends it.
          running = true;
          if (earlyFailure) stream.failed(earlyFailure.failure);
          else stream.run(early === NOT_YET ? undefined : early);
        } finally {
          if (!running) {
            heartbeats.delete(stream);
            subscription.stop();
          }
        }
      },
      async close() {
        for (const stream of heartbeats.open) stream.goaway();
      },
    };
  },
});
