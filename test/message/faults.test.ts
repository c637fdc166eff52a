// Faults end to end: a Kafka broker of the test's own (never the shared one) is stopped and started
// again while an SSE client (AT_LEAST_ONCE), a WebSocket client (AUTO, the most the table allows)
// and a webhook subscription (AT_LEAST_ONCE, a receiver slow enough to have messages in flight)
// consume. Every message published before the stop and after the restart must reach every client:
// 0 lost; duplicates are allowed (at-least-once) and reported with the counts.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Producer } from "@platformatic/kafka";
import { EventSource } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { GatewayBundle } from "../../runtime/contract.ts";
import { entrypoint } from "../../runtime/define.ts";
import { connector as webhook } from "../../runtime/entrypoints/webhook.ts";
import { type ThrowawayKafka, throwawayKafka } from "../conformance/throwaway-brokers.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

const name = `faults-${randomUUID().slice(0, 8)}`;
const spec = (bootstrap: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /${name}
      entrypoints:
        - type: sse
          qos: AT_LEAST_ONCE
          configuration:
            heartbeatIntervalInMs: 2000
        - type: websocket
          qos: AUTO
          configuration:
            publisher: { enabled: false }
  endpointGroups:
    - name: events
      type: kafka
      endpoints:
        - name: broker
          type: kafka
          configuration:
            bootstrapServers: "${bootstrap}"
          sharedConfigurationOverride:
            consumer: { enabled: true, topics: ["${name}"], autoOffsetReset: earliest }
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
    webhooks:
      name: Webhooks
      mode: PUSH
`;

describe("Kafka restarted while clients consume", () => {
  let kafka: ThrowawayKafka;
  let gateway: TestGateway;
  let receiver: Server;
  const hooked: string[] = [];

  beforeAll(async () => {
    kafka = await throwawayKafka();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        // Slow on purpose: messages are in flight when the broker goes away.
        setTimeout(() => {
          hooked.push(Buffer.concat(chunks).toString());
          res.statusCode = 200;
          res.end();
        }, 50);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const addWebhook = (bundle: GatewayBundle): GatewayBundle => ({
      ...bundle,
      apis: bundle.apis.map((a) => ({
        ...a,
        entrypoints: [
          ...a.entrypoints.filter((e) => e.type !== "webhook"),
          entrypoint(webhook, "AT_LEAST_ONCE", {
            subscriptions: [
              {
                id: "fault-hook",
                plan: "webhooks",
                configuration: {
                  callbackUrl,
                  retry: { retryOption: "Retry On Fail", retryStrategy: "LINEAR", initialDelaySeconds: 1 },
                },
              },
            ],
          }),
        ],
      })),
    });
    gateway = await startTestGateway({ [`${name}.yaml`]: spec(kafka.bootstrap) }, {}, addWebhook);
  }, 240_000);

  afterAll(async () => {
    await gateway?.close();
    await new Promise((r) => receiver?.close(r));
    await kafka?.dispose();
  }, 120_000);

  it("loses no message at SSE (AT_LEAST_ONCE), WebSocket (AUTO) or webhook (AT_LEAST_ONCE)", async () => {
    const deadline = Date.now() + 60_000;
    while ((await fetch(`${gateway.adminUrl}/health/ready`)).status !== 200) {
      if (Date.now() > deadline) throw new Error("not ready");
      await sleep(200);
    }
    const sse: string[] = [];
    const source = new EventSource(`${gateway.url}/${name}?X-Gravitee-Client-Identifier=sse`);
    source.onmessage = (e) => sse.push(String(e.data));
    const ws: string[] = [];
    const socket = new WebSocket(`${gateway.url.replace("http", "ws")}/${name}`, {
      headers: { "x-gravitee-client-identifier": "ws" },
    });
    socket.on("message", (data) => ws.push(data.toString()));
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));

    const produce = async (bodies: string[]) => {
      const producer = new Producer({
        clientId: "faults",
        bootstrapBrokers: [kafka.bootstrap],
        autocreateTopics: true,
      });
      try {
        for (const b of bodies) await producer.send({ messages: [{ topic: name, value: Buffer.from(b) }] });
      } finally {
        await producer.close();
      }
    };
    const before = Array.from({ length: 30 }, (_, i) => `before-${i}`);
    const after = Array.from({ length: 30 }, (_, i) => `after-${i}`);
    await produce(before);
    // Stop the broker while the slow webhook receiver still has messages to take.
    const until = async (check: () => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!check() && Date.now() < end) await sleep(50);
    };
    await until(() => hooked.length >= 5, 30_000);
    await kafka.stop();
    await sleep(2_000);
    await kafka.start();
    await produce(after);
    const all = [...before, ...after];
    const complete = (got: string[]) => all.every((m) => got.includes(m));
    await until(() => complete(sse) && complete(ws) && complete(hooked), 120_000);
    source.close();
    socket.close();
    if (!complete(hooked)) {
      console.log(JSON.stringify(await (await fetch(`${gateway.adminUrl}/subscriptions`)).json()));
      console.log(gateway.logs.filter((l) => /webhook|kafka/.test(l)).join("\n"));
    }
    const report = (who: string, got: string[]) => {
      const lost = all.filter((m) => !got.includes(m)).length;
      const duplicates = got.length - new Set(got).size;
      console.log(
        `kafka restart: ${who} got ${new Set(got).size}/${all.length}, lost ${lost}, duplicates ${duplicates}`,
      );
      return lost;
    };
    expect({
      sse: report("sse", sse),
      websocket: report("websocket", ws),
      webhook: report("webhook", hooked),
    }).toEqual({
      sse: 0,
      websocket: 0,
      webhook: 0,
    });
  }, 300_000);
});
