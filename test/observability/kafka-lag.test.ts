// Kafka consumer lag for /metrics, against the test broker: a running subscription's consumer
// measures, per partition it holds, the messages written and not yet committed by its group — here
// four messages delivered, one acknowledged (lag 3), then all (lag 0); a stopped subscription has no
// lag to report.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { MessageEndpoint } from "../../runtime/contract.ts";
import { connector } from "../../runtime/endpoints/kafka/index.ts";
import { message, Receiver, testContext } from "../conformance/message-endpoint.ts";
import { createKafkaTopics } from "../helpers/kafka.ts";
import { kafkaBootstrap } from "../setup/env.ts";

const opened: MessageEndpoint[] = [];
afterAll(async () => {
  await Promise.all(opened.map((e) => e.close()));
});

async function lagOf(endpoint: MessageEndpoint, expected: number): Promise<unknown> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const lag = endpoint.consumerLag?.() ?? [];
    if (lag.some((l) => l.lag === expected) || Date.now() > deadline) return lag;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("kafka consumer lag", () => {
  it("reports each held partition's uncommitted messages while the subscription runs", async () => {
    const topic = `lag-${randomUUID()}`;
    const group = `lag-group-${randomUUID()}`;
    await createKafkaTopics([topic]);
    const { ctx } = testContext();
    const endpoint = connector.create(
      { bootstrapServers: kafkaBootstrap() },
      {
        consumer: { enabled: true, topics: [topic], autoOffsetReset: "earliest" },
        producer: { enabled: true, topics: [topic] },
      },
      { name: "default", group: "g" },
      { ...ctx, env: { ...ctx.env, SLUICE_KAFKA_LAG_INTERVAL_MS: "300" } },
    );
    opened.push(endpoint);
    await endpoint.connect();
    for (const text of ["m1", "m2", "m3", "m4"]) await endpoint.publish(message(text));
    // AT_LEAST_ONCE: nothing is committed until acknowledged.
    const receiver = new Receiver(endpoint, { qos: "AT_LEAST_ONCE", group });
    const received = await receiver.waitFor(4);
    expect(received.map((m) => m.content.toString())).toEqual(["m1", "m2", "m3", "m4"]);
    await received[0]!.ack!();
    expect(await lagOf(endpoint, 3)).toEqual([{ group, topic, partition: 0, lag: 3 }]);
    for (const m of received.slice(1)) await m.ack!();
    expect(await lagOf(endpoint, 0)).toEqual([{ group, topic, partition: 0, lag: 0 }]);
    await receiver.stop();
    expect(endpoint.consumerLag?.()).toEqual([]);
  }, 60_000);
});
