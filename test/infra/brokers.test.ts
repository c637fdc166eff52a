// Smoke test of the test brokers (scripts/brokers.sh): each one is real and reachable, over each
// listener and authentication method that Sluice's gateway tests rely on.
import { randomUUID } from "node:crypto";
import { connect as netConnect } from "node:net";
import {
  Admin,
  Consumer,
  type ConsumerOptions,
  Producer,
  type ProducerOptions,
  stringDeserializers,
  stringSerializers,
} from "@platformatic/kafka";
import { connect as amqpConnect } from "amqplib";
import { connectAsync, type IPublishPacket, type MqttClient } from "mqtt";
import { afterAll, describe, expect, it } from "vitest";
import {
  brokerList,
  kafkaBootstrap,
  kafkaCa,
  kafkaPlain,
  kafkaSaslBootstrap,
  kafkaSaslSslBootstrap,
  kafkaScram,
  mqttAuthUrl,
  mqttCredentials,
  mqttUrl,
  rabbitmqUrl,
  redisUrl,
} from "../setup/env.ts";

type Connection = Pick<ProducerOptions<string, string, string, string>, "bootstrapBrokers" | "sasl" | "tls">;

const plaintext: Connection = { bootstrapBrokers: brokerList(kafkaBootstrap()) };
const scramSsl = (): Connection => ({
  bootstrapBrokers: brokerList(kafkaSaslSslBootstrap()),
  tls: { ca: kafkaCa() },
  sasl: { mechanism: "SCRAM-SHA-256", ...kafkaScram() },
});
const plainSasl = (): Connection => ({
  bootstrapBrokers: brokerList(kafkaSaslBootstrap()),
  sasl: { mechanism: "PLAIN", ...kafkaPlain() },
});
const scram512Sasl = (): Connection => ({
  bootstrapBrokers: brokerList(kafkaSaslBootstrap()),
  sasl: { mechanism: "SCRAM-SHA-512", ...kafkaScram() },
});

/** Produce `count` keyed messages with a header and read them back from the beginning. */
async function roundTrip(conn: Connection, label: string, count = 5): Promise<void> {
  const topic = `smoke-${label}-${randomUUID()}`;
  const admin = new Admin({ clientId: `smoke-admin-${label}`, ...conn });
  try {
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 });
  } finally {
    await admin.close();
  }

  const producer = new Producer<string, string, string, string>({
    clientId: `smoke-producer-${label}`,
    serializers: stringSerializers,
    ...conn,
  });
  const sent = Array.from({ length: count }, (_, i) => ({
    topic,
    key: `k${i}`,
    value: `${label} message ${i}`,
    headers: new Map([["trace", `t${i}`]]),
  }));
  try {
    const result = await producer.send({ messages: sent, acks: -1 });
    expect(result.offsets?.length).toBeGreaterThan(0);
  } finally {
    await producer.close();
  }

  const consumerOptions: ConsumerOptions<string, string, string, string> = {
    clientId: `smoke-consumer-${label}`,
    groupId: `smoke-group-${label}-${randomUUID()}`,
    deserializers: stringDeserializers,
    ...conn,
  };
  const consumer = new Consumer<string, string, string, string>(consumerOptions);
  const received: { key: string; value: string; trace: string | undefined; offset: bigint }[] = [];
  try {
    const stream = await consumer.consume({ topics: [topic], mode: "earliest", maxWaitTime: 200 });
    for await (const message of stream) {
      received.push({
        key: message.key,
        value: message.value,
        trace: message.headers.get("trace"),
        offset: message.offset,
      });
      if (received.length === count) break;
    }
    await stream.close();
  } finally {
    await consumer.close(true);
  }
  expect(received.map((m) => m.value)).toEqual(sent.map((m) => m.value));
  expect(received.map((m) => m.key)).toEqual(sent.map((m) => m.key));
  expect(received.map((m) => m.trace)).toEqual(sent.map((m) => m.headers.get("trace")));
  expect(received.map((m) => m.offset)).toEqual(sent.map((_, i) => BigInt(i)));
}

/** Connect with `conn`, expecting a failure; return every error code in the error's tree. */
async function connectErrorCodes(conn: Connection): Promise<string[]> {
  const admin = new Admin({ clientId: "smoke-refused", ...conn, retries: 0 });
  try {
    await admin.metadata({ topics: [] });
  } catch (error) {
    const codes: string[] = [];
    const walk = (e: unknown): void => {
      if (!(e instanceof Error)) return;
      const { code, errors } = e as Error & { code?: unknown; errors?: unknown };
      if (typeof code === "string") codes.push(code);
      if (Array.isArray(errors)) errors.forEach(walk);
      walk(e.cause);
    };
    walk(error);
    return codes;
  } finally {
    await admin.close();
  }
  throw new Error("the connection was expected to fail");
}

describe("Kafka (KRaft, from Maven Central jars)", () => {
  it("produces and consumes over PLAINTEXT", async () => {
    await roundTrip(plaintext, "plaintext");
  });

  it("authenticates with SCRAM-SHA-256 over SASL_SSL, trusting KAFKA_CA_FILE", async () => {
    await roundTrip(scramSsl(), "scram-ssl");
  });

  it("authenticates with PLAIN over SASL_PLAINTEXT", async () => {
    await roundTrip(plainSasl(), "plain");
  });

  it("authenticates with SCRAM-SHA-512 over SASL_PLAINTEXT", async () => {
    const admin = new Admin({ clientId: "smoke-scram512", ...scram512Sasl() });
    try {
      const metadata = await admin.metadata({ topics: [] });
      expect(metadata.brokers.size).toBe(1);
    } finally {
      await admin.close();
    }
  });

  it("refuses a wrong SCRAM password", async () => {
    const codes = await connectErrorCodes({
      ...scramSsl(),
      sasl: { mechanism: "SCRAM-SHA-256", username: kafkaScram().username, password: "wrong" },
    });
    expect(codes).toContain("PLT_KFK_AUTHENTICATION");
  });

  it("serves SASL_SSL with a certificate that only KAFKA_CA_FILE makes trusted", async () => {
    const codes = await connectErrorCodes({ ...scramSsl(), tls: {} });
    expect(codes).toContain("SELF_SIGNED_CERT_IN_CHAIN");
  });
});

describe("MQTT 5 (Mosquitto)", () => {
  const clients: MqttClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
  });

  it("round-trips a message with MQTT 5 user properties", async () => {
    const topic = `sluice/smoke/${randomUUID()}`;
    const subscriber = await connectAsync(mqttUrl(), { protocolVersion: 5, clientId: `sub-${randomUUID()}` });
    clients.push(subscriber);
    const received = new Promise<IPublishPacket>((resolve) =>
      subscriber.on("message", (_topic, _payload, packet) => resolve(packet)),
    );
    await subscriber.subscribeAsync(topic, { qos: 1 });

    const publisher = await connectAsync(mqttUrl(), { protocolVersion: 5, clientId: `pub-${randomUUID()}` });
    clients.push(publisher);
    await publisher.publishAsync(topic, "hello", {
      qos: 1,
      properties: { userProperties: { tenant: "acme", trace: "abc123" }, contentType: "text/plain" },
    });

    const packet = await received;
    expect(packet.payload.toString()).toBe("hello");
    expect(packet.properties?.userProperties).toEqual({ tenant: "acme", trace: "abc123" });
    expect(packet.properties?.contentType).toBe("text/plain");
  });

  it("has a password listener that accepts MQTT_USER and refuses anonymous clients", async () => {
    const client = await connectAsync(mqttAuthUrl(), { protocolVersion: 5, ...mqttCredentials() });
    clients.push(client);
    expect(client.connected).toBe(true);
    await expect(
      connectAsync(mqttAuthUrl(), { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5_000 }),
    ).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
  });
});

describe("RabbitMQ (AMQP 0-9-1)", () => {
  it("publishes to a queue and consumes the message with its headers", async () => {
    const connection = await amqpConnect(rabbitmqUrl());
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue("", { exclusive: true, autoDelete: true });
      const got = new Promise<{ body: string; trace: unknown }>((resolve) => {
        void channel.consume(queue, (msg) => {
          if (!msg) return;
          channel.ack(msg);
          resolve({ body: msg.content.toString(), trace: msg.properties.headers?.trace });
        });
      });
      channel.sendToQueue(queue, Buffer.from("hello rabbit"), { headers: { trace: "r1" } });
      expect(await got).toEqual({ body: "hello rabbit", trace: "r1" });
      await channel.close();
    } finally {
      await connection.close();
    }
  });
});

/** Send `request` to host:port and resolve with the first bytes the server answers. */
function exchange(url: string, request: Buffer): Promise<Buffer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: hostname, port: Number(port) }, () => socket.write(request));
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer from ${url}`)));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data);
    });
    socket.once("error", reject);
  });
}

describe("Redis (the machine's service)", () => {
  it("Redis answers PING", async () => {
    const answer = await exchange(redisUrl(), Buffer.from("*1\r\n$4\r\nPING\r\n"));
    expect(answer.toString()).toBe("+PONG\r\n");
  });
});
