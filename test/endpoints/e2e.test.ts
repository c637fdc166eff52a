// End to end through a compiled gateway: HTTP POST (http-post) → broker endpoint → HTTP GET
// (http-get), for each broker endpoint against its real test broker; a Kafka cursor resume
// through http-get; Kafka over SASL_SSL with SCRAM; and readiness: a broker that is down when the
// gateway starts makes the API not ready (/health/ready 503 naming it), then ready once the broker
// is up, without restarting the gateway.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { throwawayMosquitto } from "../conformance/throwaway-brokers.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { brokerGroup } from "../message/brokers.ts";
import {
  kafkaBootstrap,
  kafkaCaFile,
  kafkaSaslSslBootstrap,
  kafkaScram,
  mqttUrl,
  rabbitmqUrl,
} from "../setup/env.ts";

const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

function api(name: string, type: string, endpoint: string): string {
  return `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1.0"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /${name}
      entrypoints:
        - type: http-get
          qos: AUTO
          configuration:
            messagesLimitCount: 10
            messagesLimitDurationMs: 3000
            headersInPayload: true
            metadataInPayload: true
        - type: http-post
          qos: AUTO
          configuration:
            requestHeadersToMessage: true
${brokerGroup(type, endpoint)}  plans:
    KeyLess:
      name: Free
      security:
        type: KEY_LESS
`;
}

async function start(name: string, yaml: string, env: Record<string, string> = {}): Promise<TestGateway> {
  const g = await startTestGateway({ [`${name}.yaml`]: yaml }, env);
  gateways.push(g);
  return g;
}

async function ready(g: TestGateway, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${g.adminUrl}/health/ready`)).status !== 200) {
    if (Date.now() > deadline)
      throw new Error(`not ready: ${await (await fetch(`${g.adminUrl}/health/ready`)).text()}`);
    await sleep(100);
  }
}

interface Page {
  items: Array<{
    id?: string;
    content: string;
    headers?: Record<string, string[]>;
    metadata?: Record<string, unknown>;
  }>;
  pagination?: { nextCursor?: string; limit?: string };
}

const post = async (g: TestGateway, name: string, body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${g.url}/${name}`, { method: "POST", body, headers });
  expect(res.status).toBe(202);
};
const get = async (g: TestGateway, name: string, query = ""): Promise<Page> => {
  const res = await fetch(`${g.url}/${name}${query}`, { headers: { accept: "application/json" } });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

const kafkaEndpoint = (topic: string, bootstrap = "${KAFKA_BOOTSTRAP}", security = "") => `
configuration:
  bootstrapServers: "${bootstrap}"
sharedConfigurationOverride:
${security}  consumer:
    enabled: true
    topics: ["${topic}"]
    autoOffsetReset: earliest
  producer:
    enabled: true
    topics: ["${topic}"]
`;

describe("kafka through a compiled gateway", () => {
  it("HTTP POST → kafka → HTTP GET, then resumes after a cursor losing and repeating nothing", async () => {
    const name = `e2e-kafka-${randomUUID().slice(0, 8)}`;
    const g = await start(name, api(name, "kafka", kafkaEndpoint(name)), {
      KAFKA_BOOTSTRAP: kafkaBootstrap(),
    });
    await ready(g);
    for (const body of ["m1", "m2", "m3", "m4"]) await post(g, name, body, { "x-trace": body });
    const first = await get(g, name, "?limit=2");
    expect(first.items.map((i) => i.content)).toEqual(["m1", "m2"]);
    expect(first.items[0]!.id).toBe(`${name}@0#0`);
    expect(first.items[0]!.headers?.["x-trace"]).toEqual(["m1"]);
    expect(first.items[0]!.metadata).toMatchObject({ topic: name, partition: 0, offset: 0 });
    expect(first.pagination?.nextCursor).toBe(`${name}@0#1`);
    const rest = await get(g, name, `?cursor=${encodeURIComponent(first.pagination!.nextCursor!)}`);
    expect(rest.items.map((i) => i.content)).toEqual(["m3", "m4"]);
    const again = await get(g, name, `?cursor=${encodeURIComponent(first.items[0]!.id!)}&limit=1`);
    expect(again.items.map((i) => i.content)).toEqual(["m2"]);
  });

  it("SASL_SSL with SCRAM-SHA-256 (Confluent-style), credentials from the environment", async () => {
    const name = `e2e-kafka-scram-${randomUUID().slice(0, 8)}`;
    const security = `  security:
    protocol: SASL_SSL
    sasl:
      saslMechanism: SCRAM-SHA-256
      saslJaasConfig: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="\${KAFKA_USER}" password="\${KAFKA_PASSWORD}";'
    ssl:
      trustStore:
        type: PEM
        location: "\${KAFKA_CA_FILE}"
`;
    const g = await start(name, api(name, "kafka", kafkaEndpoint(name, "${KAFKA_SASL_SSL}", security)), {
      KAFKA_SASL_SSL: kafkaSaslSslBootstrap(),
      KAFKA_USER: kafkaScram().username,
      KAFKA_PASSWORD: kafkaScram().password,
      KAFKA_CA_FILE: kafkaCaFile(),
    });
    await ready(g);
    await post(g, name, "over TLS");
    const page = await get(g, name, "?limit=1");
    expect(page.items.map((i) => i.content)).toEqual(["over TLS"]);
    expect(g.logs.join("\n")).not.toContain(kafkaScram().password);
  });
});

describe("queue and MQTT brokers through a compiled gateway", () => {
  it("HTTP POST → rabbitmq → HTTP GET (the group's queue exists once it subscribed)", async () => {
    const name = `e2e-rabbit-${randomUUID().slice(0, 8)}`;
    const url = new URL(rabbitmqUrl());
    const endpoint = `
configuration:
  serverHost: ${url.hostname}
  serverPort: ${url.port}
sharedConfigurationOverride:
  security:
    auth:
      username: ${decodeURIComponent(url.username)}
      password: ${decodeURIComponent(url.password)}
  consumer:
    enabled: true
    routingKey: "e2e.#"
    exchange: { name: ${name}, type: topic, durable: false, autoDelete: false }
  producer:
    enabled: true
    routingKey: e2e.posted
    exchange: { name: ${name}, type: topic, durable: false, autoDelete: false }
`;
    const g = await start(name, api(name, "rabbitmq", endpoint));
    await ready(g);
    expect((await get(g, name, "?limit=1")).items).toEqual([]);
    await post(g, name, "hello rabbit", { "x-trace": "r1" });
    const page = await get(g, name, "?limit=1");
    expect(page.items.map((i) => i.content)).toEqual(["hello rabbit"]);
    expect(page.items[0]!.headers?.["x-trace"]).toEqual(["r1"]);
  });

  for (const type of ["mqtt5", "solace"] as const) {
    it(`HTTP POST → ${type} → HTTP GET (a live subscription receives it)`, async () => {
      const name = `e2e-${type}-${randomUUID().slice(0, 8)}`;
      const broker = new URL(mqttUrl());
      const topic = `sluice/e2e/${name}`;
      const endpoint =
        type === "mqtt5"
          ? `
configuration:
  serverHost: ${broker.hostname}
  serverPort: ${broker.port}
sharedConfigurationOverride:
  consumer: { enabled: true, topic: "sluice/e2e/+/${name.slice(-8)}" }
  producer: { enabled: true, topic: "sluice/e2e/x/${name.slice(-8)}" }
`
          : `
configuration:
  url: tcp://${broker.host}
  vpnName: default
sharedConfigurationOverride:
  consumer: { enabled: true, topics: ["${topic}"] }
  producer: { enabled: true, topics: ["${topic}"] }
`;
      const g = await start(name, api(name, type, endpoint));
      await ready(g);
      const page = get(g, name, "?limit=1");
      await sleep(1_000);
      await post(g, name, `hello ${type}`, { "x-trace": "q1" });
      const { items } = await page;
      expect(items.map((i) => i.content)).toEqual([`hello ${type}`]);
      expect(items[0]!.headers?.["x-trace"]).toEqual(["q1"]);
    });
  }
});

describe("readiness", () => {
  it("a broker down at start-up makes the API not ready, naming it; ready once it is up, no restart", async () => {
    const mosquitto = await throwawayMosquitto();
    try {
      await mosquitto.stop();
      const name = `e2e-ready-${randomUUID().slice(0, 8)}`;
      const endpoint = `
configuration:
  serverHost: 127.0.0.1
  serverPort: ${mosquitto.port}
sharedConfigurationOverride:
  consumer: { enabled: true, topic: "sluice/ready" }
  producer: { enabled: true, topic: "sluice/ready" }
`;
      const g = await start(name, api(name, "mqtt5", endpoint));
      await sleep(500);
      const down = await fetch(`${g.adminUrl}/health/ready`);
      expect(down.status).toBe(503);
      const body = await down.text();
      expect(body).toContain(name);
      expect(body).toContain("brokers:broker");
      expect(body).toContain(`127.0.0.1:${mosquitto.port}`);
      await mosquitto.start();
      await ready(g, 60_000);
      const page = get(g, name, "?limit=1");
      await sleep(1_000);
      await post(g, name, "back");
      expect((await page).items.map((i) => i.content)).toEqual(["back"]);
    } finally {
      await mosquitto.dispose();
    }
  });
});
