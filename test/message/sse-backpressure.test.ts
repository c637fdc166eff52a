// Backpressure of the sse entrypoint over Kafka (QoS AUTO, where events are queued without waiting
// for each write): a client that stops reading must stop the gateway consuming, not make it buffer
// the topic. The topic holds 64 MB (2,000 messages of 32 KB); while the client reads nothing, the
// group's committed offset (AUTO commits what was handed out) has to stall far below the end — the
// socket buffers hold a few MB — and once the client reads again, every message arrives, once.
import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Admin, Producer } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { brokerList, kafkaBootstrap } from "../setup/env.ts";
import { waitReady } from "./message-api.ts";

const MESSAGES = 2000;
const SIZE = 32 * 1024;
const name = `sse-bp-${randomUUID().slice(0, 8)}`;
const bootstrap = brokerList(kafkaBootstrap());

const spec = `apiVersion: gravitee.io/v1alpha1
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
          qos: AUTO
  endpointGroups:
    - name: kafka-group
      type: kafka
      endpoints:
        - name: kafka
          type: kafka
          configuration:
            bootstrapServers: "${kafkaBootstrap()}"
          sharedConfigurationOverride:
            consumer: { enabled: true, topics: ["${name}"], autoOffsetReset: earliest }
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

/** The offset the API's (only) consumer group committed, 0 before any commit. */
async function committed(admin: Admin): Promise<number> {
  const groups = [...(await admin.listGroups()).keys()].filter((g) => g.startsWith(`${name}.`));
  if (groups.length === 0) return 0;
  const [offsets] = await admin.listConsumerGroupOffsets({ groups });
  const partition = offsets?.topics.find((t) => t.name === name)?.partitions[0];
  return partition ? Math.max(0, Number(partition.committedOffset)) : 0;
}

describe("sse backpressure over kafka", () => {
  let gateway: TestGateway;
  let admin: Admin;
  let client: Socket | undefined;

  beforeAll(async () => {
    admin = new Admin({ clientId: "sse-backpressure-test", bootstrapBrokers: bootstrap });
    await admin.createTopics({ topics: [name], partitions: 1, replicas: 1 });
    const producer = new Producer({
      clientId: "sse-backpressure-test",
      bootstrapBrokers: bootstrap,
      acks: 1,
    });
    const value = Buffer.alloc(SIZE, "x");
    for (let sent = 0; sent < MESSAGES; sent += 20) {
      await producer.send({ messages: Array.from({ length: 20 }, () => ({ topic: name, value })) });
    }
    await producer.close();
    gateway = await startTestGateway({ [`${name}.yaml`]: spec });
    await waitReady(gateway);
  }, 120_000);

  afterAll(async () => {
    client?.destroy();
    await gateway?.close();
    await admin?.deleteTopics({ topics: [name] }).catch(() => undefined);
    await admin?.close();
  });

  it("stops consuming while the client does not read, and loses nothing once it does", async () => {
    const url = new URL(gateway.url);
    const socket = connect(Number(url.port), url.hostname);
    client = socket;
    socket.write(`GET /${name} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n\r\n`);
    // Not reading: only Node's read buffer and the kernel's socket buffers take what is written.
    socket.pause();

    // Wait until the committed offset stops moving (or reaches the end).
    let last = -1;
    let still = 0;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && still < 4) {
      await sleep(500);
      const now = await committed(admin);
      still = now === last && now > 0 ? still + 1 : 0;
      last = now;
      if (now >= MESSAGES - 1) break;
    }
    // 64 MB in the topic; the socket buffers hold a few: the gateway took well under half.
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(MESSAGES / 2);

    // Reading again: every message arrives, each once (one `data:` line per message).
    let text = "";
    let events = 0;
    const all = new Promise<void>((resolve) => {
      socket.on("data", (chunk: Buffer) => {
        text += chunk.toString("latin1");
        let at = text.indexOf("\ndata: ");
        while (at >= 0) {
          events++;
          text = text.slice(at + 7);
          at = text.indexOf("\ndata: ");
        }
        if (events >= MESSAGES) resolve();
      });
    });
    socket.resume();
    await Promise.race([all, sleep(60_000)]);
    expect(events).toBe(MESSAGES);
  }, 120_000);
});
