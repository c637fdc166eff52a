// Trace context into produced messages, against the real brokers: a message POSTed to a traced
// MESSAGE API reaches Kafka, MQTT 5 and RabbitMQ with a W3C `traceparent` header that continues the
// client's trace from the gateway's server span; read back through the gateway's SSE entrypoint
// (headers as comments), so the header made the round trip through the broker.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { BROKERS, brokerGroup } from "../message/brokers.ts";
import { messageApi } from "../message/message-api.ts";
import { type Receiver, startReceiver, until } from "./otlp-receiver.ts";

const CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
const CLIENT_TRACEPARENT = `00-${CLIENT_TRACE}-b7ad6b7169203331-01`;

function api(name: string, type: string, endpoint: string): string {
  return messageApi({
    name,
    path: `/${name}`,
    head: "  analytics:\n    tracing: { enabled: true }\n",
    entrypoints: `        - type: sse
          configuration:
            headersAsComment: true
            heartbeatIntervalInMs: 2000
        - type: http-post`,
    endpointGroups: brokerGroup(type, endpoint),
  });
}

/** The raw SSE stream as text (comments included, which EventSource drops). */
function readStream(url: string): { text: () => string; close: () => void } {
  const abort = new AbortController();
  let text = "";
  void fetch(url, { headers: { accept: "text/event-stream" }, signal: abort.signal })
    .then(async (res) => {
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        text += decoder.decode(chunk, { stream: true });
    })
    .catch(() => undefined);
  return { text: () => text, close: () => abort.abort() };
}

for (const b of BROKERS.filter((x) => ["kafka", "mqtt5", "rabbitmq"].includes(x.type))) {
  describe(`trace context in messages produced to ${b.type}`, () => {
    const name = `traced-${b.type}-${randomUUID().slice(0, 8)}`;
    let receiver: Receiver;
    let gateway: TestGateway;

    beforeAll(async () => {
      await b.prepare?.(name);
      receiver = await startReceiver();
      gateway = await startTestGateway(
        { [`${name}.yaml`]: api(name, b.type, b.endpoint(name)) },
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
          OTEL_BSP_SCHEDULE_DELAY: "50",
        },
      );
      const deadline = Date.now() + 30_000;
      while ((await fetch(`${gateway.adminUrl}/health/ready`)).status !== 200) {
        if (Date.now() > deadline) throw new Error("gateway not ready");
        await sleep(100);
      }
    }, 60_000);
    afterAll(async () => {
      await gateway?.close();
      await receiver?.close();
    });

    it("the message carries a traceparent continuing the client's trace from the gateway's span", async () => {
      const stream = readStream(`${gateway.url}/${name}`);
      try {
        // Warm up until the SSE consumer is subscribed (MQTT and RabbitMQ keep no history).
        const deadline = Date.now() + 45_000;
        for (let i = 0; !stream.text().includes("data: warm-"); i++) {
          if (Date.now() > deadline) throw new Error("the SSE client never received a message");
          await fetch(`${gateway.url}/${name}`, { method: "POST", body: `warm-${i}` });
          await sleep(250);
        }
        const res = await fetch(`${gateway.url}/${name}`, {
          method: "POST",
          body: "traced-message",
          headers: { traceparent: CLIENT_TRACEPARENT },
        });
        expect(res.status).toBe(202);
        await until(() => (stream.text().includes("data: traced-message") ? true : undefined), 20_000);
        const event = stream
          .text()
          .split("\n\n")
          .find((e) => e.includes("data: traced-message"))!;
        const m = new RegExp(`00-${CLIENT_TRACE}-([0-9a-f]{16})-01`).exec(event);
        expect(m, event).not.toBeNull();
        const server = await until(() =>
          receiver
            .spans()
            .find((s) => s.traceId === CLIENT_TRACE && s.kind === 2 && s.name.startsWith("POST")),
        );
        expect(m![1]).toBe(server.spanId);
      } finally {
        stream.close();
      }
    }, 90_000);
  });
}
