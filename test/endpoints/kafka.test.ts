// kafka endpoint specifics beyond the conformance suite, against the test broker: every security
// protocol and SASL mechanism the broker offers (the "Confluent" row: SASL_SSL + SCRAM with the CA
// as a PEM trust store), JAAS parsing, keys and metadata, topicPattern, compression, encoded ids.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { MessageEndpoint } from "../../runtime/contract.ts";
import { parseCursor } from "../../runtime/endpoints/kafka/cursor.ts";
import { connector } from "../../runtime/endpoints/kafka/index.ts";
import { parseJaasConfig } from "../../runtime/endpoints/kafka/security.ts";
import type { KafkaSharedConfiguration } from "../../runtime/spec-types/api-v4-definition.ts";
import { message, Receiver, testContext, warmUp } from "../conformance/message-endpoint.ts";
import {
  kafkaBootstrap,
  kafkaCa,
  kafkaCaFile,
  kafkaPlain,
  kafkaSaslBootstrap,
  kafkaSaslSslBootstrap,
  kafkaScram,
} from "../setup/env.ts";

const opened: MessageEndpoint[] = [];
const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
  await Promise.all(opened.splice(0).map((e) => e.close()));
});

function create(bootstrapServers: string, shared: KafkaSharedConfiguration): MessageEndpoint {
  const e = connector.create(
    { bootstrapServers },
    shared,
    { name: "default", group: "g" },
    testContext().ctx,
  );
  opened.push(e);
  return e;
}
const both = (topic: string, extra: KafkaSharedConfiguration = {}): KafkaSharedConfiguration => ({
  consumer: { enabled: true, topics: [topic], autoOffsetReset: "earliest" },
  producer: { enabled: true, topics: [topic] },
  ...extra,
});
const jaas = (module: "plain.PlainLoginModule" | "scram.ScramLoginModule", u: string, p: string) =>
  `org.apache.kafka.common.security.${module} required username="${u}" password="${p}";`;

/** Publishes one message and reads it back through `endpoint`. */
async function roundTrip(endpoint: MessageEndpoint): Promise<void> {
  await endpoint.connect();
  expect(endpoint.health()).toEqual({ ready: true });
  await endpoint.publish(message("secured", { h: ["v"] }));
  const r = new Receiver(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
  receivers.push(r);
  const [m] = await r.waitFor(1);
  expect(m!.content.toString()).toBe("secured");
}

describe("kafka security", () => {
  it("SASL_SSL with SCRAM-SHA-256 and the CA as a PEM trust store file (Confluent-style)", async () => {
    const { username, password } = kafkaScram();
    await roundTrip(
      create(
        kafkaSaslSslBootstrap(),
        both(`sec-${randomUUID()}`, {
          security: {
            protocol: "SASL_SSL",
            sasl: {
              saslMechanism: "SCRAM-SHA-256",
              saslJaasConfig: jaas("scram.ScramLoginModule", username, password),
            },
            ssl: { trustStore: { type: "PEM", location: kafkaCaFile() } },
          },
        }),
      ),
    );
  });

  it("SASL_SSL with SCRAM-SHA-512 and inline PEM certificates", async () => {
    const { username, password } = kafkaScram();
    await roundTrip(
      create(
        kafkaSaslSslBootstrap(),
        both(`sec-${randomUUID()}`, {
          security: {
            protocol: "SASL_SSL",
            sasl: {
              saslMechanism: "SCRAM-SHA-512",
              saslJaasConfig: jaas("scram.ScramLoginModule", username, password),
            },
            ssl: { trustStore: { type: "PEM", certificates: kafkaCa() } },
          },
        }),
      ),
    );
  });

  it("SASL_PLAINTEXT with PLAIN", async () => {
    const { username, password } = kafkaPlain();
    await roundTrip(
      create(
        kafkaSaslBootstrap(),
        both(`sec-${randomUUID()}`, {
          security: {
            protocol: "SASL_PLAINTEXT",
            sasl: {
              saslMechanism: "PLAIN",
              saslJaasConfig: jaas("plain.PlainLoginModule", username, password),
            },
          },
        }),
      ),
    );
  });

  it("is not ready, saying why, with a wrong SCRAM password; the password is never in the detail", async () => {
    const e = create(kafkaSaslSslBootstrap(), {
      security: {
        protocol: "SASL_SSL",
        sasl: {
          saslMechanism: "SCRAM-SHA-256",
          saslJaasConfig: jaas("scram.ScramLoginModule", kafkaScram().username, "wrong-secret-123"),
        },
        ssl: { trustStore: { type: "PEM", location: kafkaCaFile() } },
      },
    });
    await expect(e.connect()).rejects.toThrow();
    expect(e.health().ready).toBe(false);
    expect(e.health().detail).toMatch(/auth|SASL|SCRAM/i);
    expect(e.health().detail).not.toContain("wrong-secret-123");
  });

  it("is not ready when the broker's certificate is not trusted (no trust store)", async () => {
    const { username, password } = kafkaScram();
    const e = create(kafkaSaslSslBootstrap(), {
      security: {
        protocol: "SASL_SSL",
        sasl: {
          saslMechanism: "SCRAM-SHA-256",
          saslJaasConfig: jaas("scram.ScramLoginModule", username, password),
        },
      },
    });
    await expect(e.connect()).rejects.toThrow();
    expect(e.health().detail).toMatch(/certificate|SELF_SIGNED/i);
  });
});

describe("kafka JAAS lines", () => {
  it.each([
    [
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="alice-secret";',
      { username: "alice", password: "alice-secret" },
    ],
    [
      'org.apache.kafka.common.security.plain.PlainLoginModule required username=bob password="p;a \\"q\\" s"',
      { username: "bob", password: 'p;a "q" s' },
    ],
  ])("%s", (line, options) => {
    expect(parseJaasConfig(line).options).toEqual(options);
  });

  it("refuses a line without a login module and flag", () => {
    expect(() => parseJaasConfig('username="a" password="b";')).toThrow(/LoginModule/);
  });
});

describe("kafka messages", () => {
  it("produces the key from metadata, and gives key, topic, partition and offset as metadata", async () => {
    const topic = `meta-${randomUUID()}`;
    const e = create(
      kafkaBootstrap(),
      both(topic, { producer: { enabled: true, topics: [topic], compressionType: "gzip" } }),
    );
    await e.connect();
    await e.publish({ content: Buffer.from("k1"), headers: {}, metadata: { key: "order-42" } });
    await e.publish(message("k2", { key: ["from-header"] }));
    const r = new Receiver(e, { qos: "AUTO", group: `g-${randomUUID()}` });
    receivers.push(r);
    const [one, two] = await r.waitFor(2);
    expect(one!.metadata).toEqual({ key: "order-42", topic, partition: 0, offset: 0 });
    expect(one!.id).toBe(`${topic}@0#0`);
    expect(two!.metadata.key).toBe("from-header");
    expect(two!.id).toBe(`${topic}@0#1`);
  });

  it("consumes the topics matching topicPattern", async () => {
    const prefix = `pat${randomUUID().slice(0, 8)}`;
    const a = create(kafkaBootstrap(), both(`${prefix}-a`));
    const b = create(kafkaBootstrap(), both(`${prefix}-b`));
    await a.connect();
    await b.connect();
    await a.publish(message("from a"));
    await b.publish(message("from b"));
    const e = create(kafkaBootstrap(), {
      consumer: { enabled: true, topicPattern: `${prefix}-.*`, autoOffsetReset: "earliest" },
    });
    await e.connect();
    const r = new Receiver(e, { qos: "AUTO", group: `g-${randomUUID()}` });
    receivers.push(r);
    await r.waitFor(2);
    expect(r.texts.sort()).toEqual(["from a", "from b"]);
  });

  it("encodes message ids with encodeMessageId, and resumes from an encoded cursor", async () => {
    const topic = `enc-${randomUUID()}`;
    const e = create(kafkaBootstrap(), {
      ...both(topic),
      consumer: { enabled: true, topics: [topic], autoOffsetReset: "earliest", encodeMessageId: true },
    });
    await e.connect();
    const r = new Receiver(e, { qos: "AUTO", group: `g-${randomUUID()}` });
    receivers.push(r);
    await warmUp(e, r);
    await e.publish(message("one"));
    await e.publish(message("two"));
    const [one] = await r.waitFor(2);
    expect(one!.id).not.toContain("@");
    expect(parseCursor(one!.id!)?.get(topic)?.size).toBe(1);
    const resumed = new Receiver(e, { qos: "AUTO", group: `g-${randomUUID()}`, cursor: one!.id! });
    receivers.push(resumed);
    const [next] = await resumed.waitFor(1);
    expect(next!.content.toString()).toBe("two");
  });
});
