// The Kafka endpoint's dynamic configuration (Gravitee's, as in the corpus's
// apim-it_http-get-entrypoint_kafka-endpoint_dynamic-config-el.json) through a compiled gateway and
// the real Kafka: `consumer.autoOffsetReset` is EL rendered per subscription from a request header,
// an assign-attributes step under a flow condition overrides the consumer's topics with
// `gravitee.attributes.endpoint.kafka.consumer.topics`, and `.producer.topics` redirects what an
// http-post client publishes. EL anywhere else in a broker endpoint is a located compile error.
import { randomUUID } from "node:crypto";
import { Producer, stringSerializers } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { createKafkaTopics } from "../helpers/kafka.ts";
import { brokerList, kafkaBootstrap } from "../setup/env.ts";

const run = randomUUID().slice(0, 8);
const TOPIC_A = `el-dyn-a-${run}`;
const TOPIC_B = `el-dyn-b-${run}`;
const TOPIC_C = `el-dyn-c-${run}`;

const spec = (endpointExtra = "") => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: kafka-dynamic
spec:
  name: kafka-dynamic
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /dyn
      entrypoints:
        - type: http-get
          configuration:
            messagesLimitCount: 3
            messagesLimitDurationMs: 4000
        - type: http-post
  endpointGroups:
    - name: default-group
      type: kafka
      endpoints:
        - name: default
          type: kafka
          inheritConfiguration: false
          configuration:
            bootstrapServers: "${kafkaBootstrap()}"
          sharedConfigurationOverride:
            consumer:
              enabled: true
              topics: ["${TOPIC_A}"]
              autoOffsetReset: "{#request.headers['X-AutoOffsetReset'][0]}"
            producer:
              enabled: true
              topics: ["${TOPIC_A}"]
${endpointExtra}  plans:
    free:
      name: free
      security:
        type: KEY_LESS
  flows:
    - name: flow-1
      selectors:
        - type: CHANNEL
          channel: /
      request:
        - name: Assign Attributes
          policy: assign-attributes
          condition: "{#request.headers['X-Topic-Override-Request-Level'] != null}"
          configuration:
            scope: REQUEST
            attributes:
              - name: gravitee.attributes.endpoint.kafka.consumer.topics
                value: "{#request.headers['X-Topic-Override-Request-Level'][0]}"
              - name: gravitee.attributes.endpoint.kafka.producer.topics
                value: "{#request.headers['X-Topic-Override-Request-Level'][0]}"
`;

let gateway: TestGateway;

async function produce(topic: string, values: string[]): Promise<void> {
  const producer = new Producer({
    clientId: `el-dyn-${run}`,
    bootstrapBrokers: brokerList(kafkaBootstrap()),
    serializers: stringSerializers,
  });
  try {
    await producer.send({ messages: values.map((value) => ({ topic, value })) });
  } finally {
    await producer.close();
  }
}

async function poll(client: string, headers: Record<string, string>): Promise<string[]> {
  const res = await fetch(`${gateway.url}/dyn`, {
    headers: { accept: "application/json", "x-gravitee-client-identifier": client, ...headers },
  });
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: Array<{ content: string }> };
  return page.items.map((item) => item.content).sort();
}

beforeAll(async () => {
  await createKafkaTopics([TOPIC_A, TOPIC_B, TOPIC_C]);
  await produce(TOPIC_A, ["a1", "a2"]);
  await produce(TOPIC_B, ["b1"]);
  gateway = await startTestGateway({ "kafka-dynamic.yaml": spec() });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const health = await fetch(`${gateway.adminUrl}/health`).catch(() => undefined);
    if (health?.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}, 60_000);

afterAll(async () => {
  await gateway?.close();
});

describe("Kafka endpoint: EL and attribute overrides per request", () => {
  it("renders autoOffsetReset from the request: earliest reads the topic's history", async () => {
    expect(await poll(`early-${run}`, { "X-AutoOffsetReset": "earliest" })).toEqual(["a1", "a2"]);
  }, 30_000);

  it("without the header the EL renders nothing: Kafka's default (latest) reads no history", async () => {
    expect(await poll(`late-${run}`, {})).toEqual([]);
  }, 30_000);

  it("the consumer.topics attribute, set under a flow condition, reads another topic", async () => {
    expect(
      await poll(`other-${run}`, {
        "X-AutoOffsetReset": "earliest",
        "X-Topic-Override-Request-Level": TOPIC_B,
      }),
    ).toEqual(["b1"]);
  }, 30_000);

  it("the producer.topics attribute sends a published message to another topic", async () => {
    const res = await fetch(`${gateway.url}/dyn`, {
      method: "POST",
      body: "c1",
      headers: { "X-Topic-Override-Request-Level": TOPIC_C },
    });
    expect(res.status).toBe(202);
    expect(
      await poll(`c-${run}`, { "X-AutoOffsetReset": "earliest", "X-Topic-Override-Request-Level": TOPIC_C }),
    ).toEqual(["c1"]);
  }, 30_000);

  it("an autoOffsetReset Kafka does not know fails the subscription, as in Gravitee", async () => {
    const res = await fetch(`${gateway.url}/dyn`, {
      headers: { accept: "application/json", "X-AutoOffsetReset": "yesterday" },
    });
    expect(res.status).toBeGreaterThanOrEqual(500);
  }, 30_000);
});

describe("EL elsewhere in a broker endpoint", () => {
  it("is a compile error on its line: Sluice would send it to the broker as text", async () => {
    const { checkRepository } = await import("../../compiler/pipeline.ts");
    const { writeRepository } = await import("../helpers/gateway.ts");
    const { locateDiagnostic } = await import("../../compiler/diagnostics/locate.ts");
    const { join } = await import("node:path");
    const text = spec().replace(
      `topics: ["${TOPIC_A}"]\n              autoOffsetReset`,
      `topics: ["{#request.headers['t'][0]}"]\n              autoOffsetReset`,
    );
    const dir = await writeRepository({ "bad.yaml": text });
    const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
    const found = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    const line = text.split("\n").findIndex((l) => l.includes('topics: ["{#')) + 1;
    expect(found.map((d) => `${d.code}@${d.line}`)).toEqual([`expression/unsupported@${line}`]);
    expect(found[0]!.hint).toContain("gravitee.attributes.endpoint.kafka.consumer.topics");
    expect(diagnose(text).filter((d) => d.severity === "error")).toEqual([]);
  });
});
