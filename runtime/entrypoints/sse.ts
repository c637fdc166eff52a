// The `sse` entrypoint: a GET with Accept text/event-stream streams the API's messages as
// server-sent events (docs/contract.md §5): a `retry:` first, then one `event: message` per message, a `:`
// heartbeat after heartbeatIntervalInMs of silence, `event: error` when the endpoint fails and
// `event: goaway` when the gateway drains. `Last-Event-ID` resumes after that id where the endpoint
// can resume. https://documentation.gravitee.io/apim/create-apis/message-apis (SSE entrypoint)
import { randomInt, randomUUID } from "node:crypto";
import type { GatewayRequest, GatewayResponse, Qos } from "../contract.ts";
import { defineEntrypoint } from "../define.ts";
import { MessageSubscription } from "../message/message-flow.ts";
import { formatSseEvent, formatSseMessage, SSE_HEARTBEAT } from "../message/sse.ts";
import type { SseEntrypointConfiguration } from "../spec-types/api-v4-definition.ts";

const DEFAULT_HEARTBEAT_MS = 5000;
/** Gravitee tells clients to reconnect after a random 1–30 s, spreading reconnections out. */
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;
const GOAWAY = "Stopping, please reconnect";

function acceptsEventStream(request: GatewayRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return false;
  return String(accept)
    .split(",")
    .some((range) => range.split(";")[0]?.trim().toLowerCase() === "text/event-stream");
}

/** Writes a chunk; resolves once it is handed to the socket (so AT_LEAST_ONCE can ack after it). */
function write(response: GatewayResponse, chunk: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (response.destroyed || response.writableEnded) {
      resolve(false);
      return;
    }
    // The two response types' write() overloads do not unify; both take (chunk, callback).
    (response as import("node:http").ServerResponse).write(chunk, (error) => resolve(!error));
  });
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
        const send = async (chunk: string): Promise<boolean> => {
          if (heartbeat) heartbeat.refresh();
          return write(response, chunk);
        };
        const stream: Stream = {
          response,
          subscription,
          goaway() {
            if (goneAway) return;
            goneAway = true;
            void send(formatSseEvent({ event: "goaway", data: GOAWAY }));
            subscription.stop();
          },
        };
        try {
          await pipeline.response(exchange);
          response.statusCode = 200;
          response.setHeader("content-type", "text/event-stream;charset=UTF-8");
          response.setHeader("cache-control", "no-cache");
          if (exchange.request.httpVersionMajor === 1) response.setHeader("connection", "keep-alive");
          open.add(stream);
          // send() refreshes the timer, which re-arms it after it fired (Node's Timeout.refresh).
          heartbeat = setTimeout(() => void send(SSE_HEARTBEAT), heartbeatMs).unref();
          await send(formatSseEvent({ retry: randomInt(RETRY_MIN_MS, RETRY_MAX_MS) }));
          try {
            for (;;) {
              const delivery = await subscription.next();
              if (!delivery) break;
              if (delivery.message && !(await send(formatSseMessage(delivery.message, format)))) break;
              await delivery.ack();
            }
          } catch (failure) {
            const message = failure instanceof Error ? failure.message : String(failure);
            await send(formatSseEvent({ id: randomUUID(), event: "error", data: message }));
          } finally {
            clearTimeout(heartbeat);
            heartbeat = undefined;
          }
        } finally {
          open.delete(stream);
          subscription.stop();
        }
        if (!response.writableEnded) response.end();
      },
      async close() {
        for (const stream of open) stream.goaway();
      },
    };
  },
});
