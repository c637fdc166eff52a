// The `sse` entrypoint: a GET with Accept text/event-stream streams the API's messages as
// server-sent events (docs/contract.md §5): a `retry:` first, then one `event: message` per message, a `:`
// heartbeat after heartbeatIntervalInMs of silence, `event: gateway-error` (no id) when the endpoint
// fails and `event: goaway` with a short `retry:` when the gateway drains; 204 for a stream that
// ends before its first message. `Last-Event-ID` resumes after that id where the endpoint can
// resume. Browser behaviour: docs/message-apis.md "From the browser". https://documentation.gravitee.io/apim/create-apis/message-apis (SSE entrypoint)
import { randomInt } from "node:crypto";
import type { GatewayRequest, GatewayResponse, Qos } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import { type Delivery, MessageSubscription } from "../../message/message-flow.ts";
import { formatSseEvent, formatSseMessage, SSE_HEARTBEAT } from "../../message/sse.ts";
import { streamWriter } from "../../server/compression.ts";
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

function acceptsEventStream(request: GatewayRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return false;
  return String(accept)
    .split(",")
    .some((range) => range.split(";")[0]?.trim().toLowerCase() === "text/event-stream");
}

interface Stream {
  response: GatewayResponse;
  subscription: MessageSubscription;
  goaway(): void;
}

export const connector = defineEntrypoint<SseEntrypointConfiguration>({
  type: "sse",
  // Above http-get (which takes every GET): a GET asking for text/event-stream is ours.
  priority: 2,
  create(config, qos: Qos) {
    const heartbeatMs = config.heartbeatIntervalInMs ?? DEFAULT_HEARTBEAT_MS;
    const retryMs = config.retryInMs ?? DEFAULT_RETRY_MS;
    const errorEvent = config.errorEventName ?? DEFAULT_ERROR_EVENT;
    const compress = config.compress ?? false;
    const format = {
      headersAsComment: config.headersAsComment ?? false,
      metadataAsComment: config.metadataAsComment ?? false,
    };
    const open = new Set<Stream>();
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
        let goneAway = false;
        // The heartbeat fires after heartbeatIntervalInMs without any write; every write re-arms it.
        let heartbeat: NodeJS.Timeout | undefined;
        // Settles AT_LEAST_ONCE acks: resolves once a chunk is handed to the socket.
        const out = streamWriter(response, exchange.request.headers["accept-encoding"], compress);
        const send = async (chunk: string): Promise<boolean> => {
          if (heartbeat) heartbeat.refresh();
          return out.write(chunk);
        };
        const stream: Stream = {
          response,
          subscription,
          goaway() {
            if (goneAway) return;
            goneAway = true;
            // A short, jittered reconnection delay: the client comes back to another instance soon,
            // without every client of this one arriving in the same millisecond.
            void send(
              formatSseEvent({
                retry: randomInt(GOAWAY_RETRY_MIN_MS, GOAWAY_RETRY_MAX_MS),
                event: "goaway",
                data: GOAWAY,
              }),
            );
            subscription.stop();
          },
        };
        try {
          await pipeline.response(exchange);
          // Headers wait for the first delivery (at most HEADERS_GRACE_MS): a stream that ends
          // before its first message — a reconnect past the end of a finished stream — answers 204,
          // which tells an EventSource to stop reconnecting (HTML, "server-sent events").
          let first: Promise<Delivery | undefined> | undefined = subscription.next();
          first.catch(() => undefined);
          const early = await Promise.race([
            first.then(
              (d) => (d === undefined ? "ended" : "message"),
              () => "failed",
            ),
            new Promise<"idle">((resolve) => setTimeout(resolve, HEADERS_GRACE_MS, "idle").unref()),
          ]);
          if (early === "ended") {
            response.statusCode = 204;
            response.setHeader("cache-control", "no-store");
            response.end();
            return;
          }
          response.statusCode = 200;
          response.setHeader("content-type", "text/event-stream;charset=UTF-8");
          response.setHeader("cache-control", "no-cache");
          if (exchange.request.httpVersionMajor === 1) response.setHeader("connection", "keep-alive");
          open.add(stream);
          // send() refreshes the timer, which re-arms it after it fired (Node's Timeout.refresh).
          heartbeat = setTimeout(() => void send(SSE_HEARTBEAT), heartbeatMs).unref();
          await send(formatSseEvent({ retry: retryMs }));
          try {
            for (;;) {
              const delivery = await (first ?? subscription.next());
              first = undefined;
              if (!delivery) break;
              if (delivery.message) {
                const event = formatSseMessage(delivery.message, format);
                if (delivery.settles) {
                  // Acknowledged once the client's socket has it: wait for the write.
                  if (!(await send(event))) break;
                } else {
                  // Nothing to settle: queue the event and go on (the events of one tick leave in
                  // one system call), waiting only when the response is over its high-water mark.
                  if (heartbeat) heartbeat.refresh();
                  const queued = out.queue(event);
                  if (queued !== true && !(await queued)) break;
                  continue;
                }
              }
              await delivery.ack();
            }
          } catch (failure) {
            // No `id:`: the client's last event id must stay the last message's, so a reconnect
            // resumes after it (an id here would replace it and restart the stream from scratch).
            const message = failure instanceof Error ? failure.message : String(failure);
            await send(formatSseEvent({ event: errorEvent, data: message }));
          } finally {
            clearTimeout(heartbeat);
            heartbeat = undefined;
          }
        } finally {
          open.delete(stream);
          subscription.stop();
        }
        if (!response.writableEnded) out.end();
      },
      async close() {
        for (const stream of open) stream.goaway();
      },
    };
  },
});
