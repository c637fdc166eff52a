// avro-json, protobuf-json and cloud-events through a compiled gateway and the real Kafka and MQTT 5
// brokers, with the configurations of Gravitee's documentation (the inline Payment schemas, the
// cloud-events sample reading Kafka metadata) and schemas from files of the repository; avro-json on
// PROXY bodies and protobuf-json on a v2 API's bodies through a binary-safe echo backend. Payloads in
// Confluent's wire format are framed by the test (magic byte, schema id, message indexes) and encoded
// with avsc and protobufjs; what the gateway publishes is read back from Kafka byte for byte. A
// payload that does not convert answers through a response template keyed by Gravitee's error key.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Consumer, Producer } from "@platformatic/kafka";
import avsc from "avsc";
import { connectAsync } from "mqtt";
import protobuf from "protobufjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";
import { createKafkaTopics } from "../helpers/kafka.ts";
import { brokerList, kafkaBootstrap, mqttUrl } from "../setup/env.ts";

const run = randomUUID().slice(0, 8);
const AVRO_TOPIC = `avro-${run}`;
const PROTO_TOPIC = `proto-${run}`;
const CE_TOPIC = `ce-${run}`;
const AVRO_BAD_TOPIC = `avro-bad-${run}`;
const FIXTURES = join(import.meta.dirname, "fixtures", "message-schemas");
const AVSC = readFileSync(join(FIXTURES, "payment.avsc"), "utf8");
const PROTO = readFileSync(join(FIXTURES, "payment.proto"), "utf8");

// Gravitee's documented inline examples, verbatim.
const GRAVITEE_AVRO_SCHEMA =
  '{"namespace": "io.confluent.examples.clients.basicavro", "type": "record", "name": "Payment", "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": "double"}]}';
const GRAVITEE_PROTO_SCHEMA =
  'syntax = "proto2";\npackage test;\n\nmessage Payment {\n  required string id = 1;\n  required double amount = 2;\n}';

const api = (name: string, topic: string, flows: string) => `apiVersion: gravitee.io/v1alpha1
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
        - type: http-get
          configuration:
            messagesLimitCount: 1
            messagesLimitDurationMs: 5000
        - type: http-post
          configuration:
            requestHeadersToMessage: true
  endpointGroups:
    - name: default-group
      type: kafka
      endpoints:
        - name: default
          type: kafka
          configuration:
            bootstrapServers: "${kafkaBootstrap()}"
          sharedConfigurationOverride:
            consumer:
              enabled: true
              topics: ["${topic}"]
              autoOffsetReset: earliest
            producer:
              enabled: true
              topics: ["${topic}"]
  responseTemplates:
    INVALID_AVRO_TRANSFORMATION:
      "*/*":
        status: 422
        body: "avro refused"
    INVALID_PROTOBUF_TRANSFORMATION:
      "*/*":
        status: 422
        body: "protobuf refused"
    CLOUD_EVENTS_TRANSFORMATION_ERROR:
      "*/*":
        status: 422
        body: "cloud-events refused"
  plans:
    free:
      name: free
      security:
        type: KEY_LESS
  flows:
${flows}`;

const avroApi = api(
  "avro",
  AVRO_TOPIC,
  `    - name: avro
      publish:
        - name: json-2-avro
          policy: avro-json
          configuration:
            conversion: json-to-avro
            schemaFile: schemas/payment.avsc
            schemaId: 42
      subscribe:
        - name: avro-2-json
          policy: avro-json
          configuration:
            conversion: avro-to-json
            schemaLocation: inline
            schemaDefinition: '${GRAVITEE_AVRO_SCHEMA}'
`,
);

const avroBadApi = api(
  "avro-bad",
  AVRO_BAD_TOPIC,
  `    - name: avro
      subscribe:
        - name: avro-2-json
          policy: avro-json
          configuration:
            schemaFile: schemas/payment.avsc
`,
);

const protoApi = api(
  "proto",
  PROTO_TOPIC,
  `    - name: proto
      publish:
        - name: json-2-protobuf
          policy: protobuf-json
          configuration:
            conversion: json-to-protobuf
            protobufOut:
              schemaLocation: inline
              inlineOut:
                schemaFile: schemas/payment.proto
                messageType: test.Payment
                schemaId: 9
      subscribe:
        - name: protobuf-2-json
          policy: protobuf-json
          configuration:
            conversion: protobuf-to-json
            json:
              includingDefaultValueFields: false
              preservingProtoFieldNames: false
              sortingMapKeys: false
              omittingInsignificantWhitespace: false
            protobufIn:
              schemaLocation: inline
              inlineIn:
                normalizeSchema: false
                serializationFormat: confluent
                schemaDefinition: ${JSON.stringify(GRAVITEE_PROTO_SCHEMA)}
`,
);

const ceApi = api(
  "ce",
  CE_TOPIC,
  `    - name: ce
      publish:
        - name: cloud-events-from-headers
          policy: cloud-events
          configuration: {}
      subscribe:
        - name: cloud-events
          policy: cloud-events
          configuration:
            type: demo-events
            id: "{#message.metadata['key']}"
            source: "kafka://{#message.metadata['topic']}/{#message.metadata['partition']}/{#message.metadata['offset']}"
            extensions:
              origin: gateway
`,
);

const proxyApi = (target: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: avro-proxy
spec:
  name: avro-proxy
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /avro-proxy
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: default-group
      type: http-proxy
      endpoints:
        - name: default
          type: http-proxy
          configuration:
            target: ${target}
  plans:
    free:
      name: free
      security:
        type: KEY_LESS
  flows:
    - name: avro
      request:
        - name: json-2-avro
          policy: avro-json
          configuration:
            conversion: json-to-avro
            serializationFormat: simple
            schemaFile: schemas/payment.avsc
      response:
        - name: avro-2-json
          policy: avro-json
          configuration:
            conversion: avro-to-json
            serializationFormat: simple
            schemaFile: schemas/payment.avsc
`;

// A device on MQTT 5 publishes raw Protobuf (no Confluent framing) with CloudEvents attributes as user
// properties; subscribers get JSON wrapped in a CloudEvent: two policies chained in `subscribe`.
const MQTT_TOPIC = `sluice/conversions/${run}`;
const mqttBroker = new URL(mqttUrl());
const mqttApi = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: devices
spec:
  name: devices
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /devices
      entrypoints:
        - type: http-get
          configuration:
            messagesLimitCount: 1
            messagesLimitDurationMs: 5000
  endpointGroups:
    - name: mqtt-group
      type: mqtt5
      endpoints:
        - name: mqtt
          type: mqtt5
          configuration:
            serverHost: ${mqttBroker.hostname}
            serverPort: ${mqttBroker.port}
          sharedConfigurationOverride:
            consumer:
              enabled: true
              topic: "${MQTT_TOPIC}"
  plans:
    free:
      name: free
      security:
        type: KEY_LESS
  flows:
    - name: devices
      subscribe:
        - name: protobuf-2-json
          policy: protobuf-json
          configuration:
            json:
              preservingProtoFieldNames: true
              omittingInsignificantWhitespace: true
            protobufIn:
              inlineIn:
                schemaFile: schemas/payment.proto
                messageType: Payment
                serializationFormat: simple
        - name: cloud-events
          policy: cloud-events
          configuration:
            subject: "{#message.metadata['topic']}"
`;

// A v2 API: protobuf-json in `pre` (JSON → Protobuf, Confluent framing) and `post` (back to JSON).
const v2Api = (target: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: proto-v2
spec:
  name: proto-v2
  version: "1"
  proxy:
    virtual_hosts:
      - path: /proto-v2
    groups:
      - name: default
        endpoints:
          - name: default
            target: ${target}
  plans:
    - name: free
      security: KEY_LESS
  flows:
    - name: proto
      path-operator:
        path: /
        operator: STARTS_WITH
      pre:
        - name: json-2-protobuf
          policy: protobuf-json
          enabled: true
          configuration:
            conversion: json-to-protobuf
            protobufOut:
              inlineOut:
                schemaFile: schemas/payment.proto
                messageType: test.Refund
                schemaId: 3
      post:
        - name: protobuf-2-json
          policy: protobuf-json
          enabled: true
          configuration:
            json:
              omittingInsignificantWhitespace: true
            protobufIn:
              inlineIn:
                schemaFile: schemas/payment.proto
`;

let gateway: TestGateway;
/** A binary-safe echo backend: answers with the bytes and content type it received. */
let echo: Server;
const received: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];

async function produce(topic: string, value: Buffer, key?: string, headers?: Record<string, string>) {
  const producer = new Producer({ clientId: `conv-${run}`, bootstrapBrokers: brokerList(kafkaBootstrap()) });
  try {
    await producer.send({
      messages: [
        {
          topic,
          value,
          ...(key ? { key: Buffer.from(key) } : {}),
          ...(headers
            ? { headers: new Map(Object.entries(headers).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])) }
            : {}),
        },
      ],
    });
  } finally {
    await producer.close();
  }
}

/** The values on `topic`, raw, until `count` arrived. */
async function consumeRaw(topic: string, count: number): Promise<Buffer[]> {
  const consumer = new Consumer({
    clientId: `conv-raw-${run}`,
    groupId: `conv-raw-${randomUUID()}`,
    bootstrapBrokers: brokerList(kafkaBootstrap()),
  });
  const out: Buffer[] = [];
  try {
    const stream = await consumer.consume({ topics: [topic], mode: "earliest", maxWaitTime: 200 });
    for await (const message of stream) {
      out.push(message.value as Buffer);
      if (out.length === count) break;
    }
    await stream.close();
  } finally {
    await consumer.close(true);
  }
  return out;
}

async function poll(path: string): Promise<string[]> {
  const res = await fetch(`${gateway.url}${path}`, {
    headers: { accept: "application/json", "x-gravitee-client-identifier": `c-${randomUUID()}` },
  });
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: Array<{ content: string }> };
  return page.items.map((item) => item.content);
}

const frame = (id: number, rest: Uint8Array) => {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(id, 1);
  return Buffer.concat([head, rest]);
};

beforeAll(async () => {
  await createKafkaTopics([AVRO_TOPIC, PROTO_TOPIC, CE_TOPIC, AVRO_BAD_TOPIC]);
  echo = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({ headers: req.headers, body });
      res.setHeader("content-type", req.headers["content-type"] ?? "application/octet-stream");
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  gateway = await startTestGateway({
    "avro-proxy.yaml": proxyApi(`http://127.0.0.1:${(echo.address() as AddressInfo).port}/echo`),
    "proto-v2.yaml": v2Api(`http://127.0.0.1:${(echo.address() as AddressInfo).port}/echo`),
    "avro.yaml": avroApi,
    "avro-bad.yaml": avroBadApi,
    "devices.yaml": mqttApi,
    "proto.yaml": protoApi,
    "ce.yaml": ceApi,
    "schemas/payment.avsc": AVSC,
    "schemas/payment.proto": PROTO,
  });
}, 90_000);

afterAll(async () => {
  await gateway?.close();
  echo?.closeAllConnections();
  await new Promise((resolve) => echo?.close(resolve));
});

describe("avro-json over Kafka", () => {
  const type = avsc.Type.forSchema(JSON.parse(AVSC));

  it("subscribe: a Confluent-framed Avro record becomes JSON (Gravitee's inline example)", async () => {
    await produce(AVRO_TOPIC, frame(1, type.toBuffer({ id: "p1", amount: 12.5 })));
    const [content] = await poll("/avro");
    expect(JSON.parse(content!)).toEqual({ id: "p1", amount: 12.5 });
  }, 30_000);

  it("publish: JSON becomes Avro framed with the schema id, read back from Kafka", async () => {
    const res = await fetch(`${gateway.url}/avro`, { method: "POST", body: '{"id":"p2","amount":3}' });
    expect(res.status).toBe(202);
    const values = await consumeRaw(AVRO_TOPIC, 2);
    const published = values[1]!;
    expect([...published.subarray(0, 5)]).toEqual([0, 0, 0, 0, 42]);
    expect(type.fromBuffer(published.subarray(5))).toEqual({ id: "p2", amount: 3 });
  }, 30_000);

  it("publish: JSON that does not fit the schema is INVALID_AVRO_TRANSFORMATION", async () => {
    const res = await fetch(`${gateway.url}/avro`, { method: "POST", body: '{"id":7}' });
    expect(res.status).toBe(422);
    expect(await res.text()).toBe("avro refused");
  }, 30_000);
});

describe("a payload that does not convert in subscribe", () => {
  it("fails the poll with INVALID_AVRO_TRANSFORMATION (no Confluent magic byte)", async () => {
    await produce(AVRO_BAD_TOPIC, Buffer.from("hello"));
    const res = await fetch(`${gateway.url}/avro-bad`, {
      headers: { accept: "application/json", "x-gravitee-client-identifier": `bad-${run}` },
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toBe("avro refused");
  }, 30_000);
});

describe("avro-json on PROXY bodies", () => {
  it("the request body goes to the backend as Avro (simple), its Avro answer comes back as JSON", async () => {
    const type = avsc.Type.forSchema(JSON.parse(AVSC));
    const res = await fetch(`${gateway.url}/avro-proxy`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"id":"b1","amount":0.5}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ id: "b1", amount: 0.5 });
    const sent = received.at(-1)!;
    expect(sent.headers["content-type"]).toBe("avro/binary");
    expect(sent.body.equals(type.toBuffer({ id: "b1", amount: 0.5 }))).toBe(true);
  }, 30_000);

  it("a request body that is not JSON is 500 INVALID_AVRO_TRANSFORMATION, before the backend", async () => {
    const before = received.length;
    const res = await fetch(`${gateway.url}/avro-proxy`, { method: "POST", body: "not json" });
    expect(res.status).toBe(500);
    expect(received.length).toBe(before);
  }, 30_000);
});

describe("protobuf-json on a v2 API's bodies", () => {
  it("pre: JSON → the file's first message, Confluent-framed; post: the indexes choose it back", async () => {
    const res = await fetch(`${gateway.url}/proto-v2`, { method: "POST", body: '{"reason":"late"}' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"reason":"late"}');
    const sent = received.at(-1)!;
    expect(sent.headers["content-type"]).toBe("application/x-protobuf");
    // magic, schema id 3, message indexes [0] (a single 0), then field 1 "late"
    expect([...sent.body]).toEqual([0, 0, 0, 0, 3, 0, 0x0a, 4, ...Buffer.from("late")]);
  }, 30_000);
});

describe("protobuf-json over Kafka", () => {
  const root = protobuf.parse(PROTO).root;
  const Payment = root.lookupType("test.Payment");

  it("subscribe: a Confluent-framed message becomes JSON (Gravitee's inline proto2 example)", async () => {
    const proto2 = protobuf.parse(GRAVITEE_PROTO_SCHEMA).root.lookupType("test.Payment");
    const payload = proto2.encode(proto2.fromObject({ id: "p1", amount: 12.5 })).finish();
    // message indexes [0]: the single byte 0
    await produce(PROTO_TOPIC, frame(5, Buffer.concat([Buffer.from([0]), payload])));
    const [content] = await poll("/proto");
    expect(content).toBe('{\n  "id": "p1",\n  "amount": 12.5\n}');
  }, 30_000);

  it("publish: JSON becomes the file's second message, framed with its indexes", async () => {
    const res = await fetch(`${gateway.url}/proto`, {
      method: "POST",
      body: '{"id":"p2","amount":3,"orderNumber":"9007199254740993"}',
    });
    expect(res.status).toBe(202);
    const published = (await consumeRaw(PROTO_TOPIC, 2))[1]!;
    // magic, schema id 9, indexes: count 1 (zig-zag 2), index 1 (zig-zag 2)
    expect([...published.subarray(0, 7)]).toEqual([0, 0, 0, 0, 9, 2, 2]);
    const decoded = Payment.toObject(Payment.decode(published.subarray(7)), { longs: String });
    expect(decoded).toEqual({ id: "p2", amount: 3, orderNumber: "9007199254740993" });
  }, 30_000);

  it("publish: a field the message does not have is INVALID_PROTOBUF_TRANSFORMATION", async () => {
    const res = await fetch(`${gateway.url}/proto`, { method: "POST", body: '{"id":"p3","colour":"red"}' });
    expect(res.status).toBe(422);
    expect(await res.text()).toBe("protobuf refused");
  }, 30_000);
});

describe("cloud-events over Kafka", () => {
  it("subscribe: the message becomes a structured CloudEvent from Kafka's metadata", async () => {
    await produce(CE_TOPIC, Buffer.from('{"a":1}'), "k1", { "content-type": "application/json" });
    const [content] = await poll("/ce");
    expect(JSON.parse(content!)).toEqual({
      specversion: "1.0",
      id: "k1",
      source: `kafka://${CE_TOPIC}/0/0`,
      type: "demo-events",
      datacontenttype: "application/json",
      origin: "gateway",
      data: { a: 1 },
    });
  }, 30_000);

  it("publish: attributes default to the ce_* headers; a missing one is CLOUD_EVENTS_TRANSFORMATION_ERROR", async () => {
    const ok = await fetch(`${gateway.url}/ce`, {
      method: "POST",
      body: "hello",
      headers: {
        ce_id: "e1",
        ce_type: "t",
        ce_source: "/s",
        ce_subject: "sub",
        "content-type": "text/plain",
      },
    });
    expect(ok.status).toBe(202);
    const published = (await consumeRaw(CE_TOPIC, 2))[1]!;
    expect(JSON.parse(published.toString())).toEqual({
      specversion: "1.0",
      id: "e1",
      source: "/s",
      type: "t",
      subject: "sub",
      datacontenttype: "text/plain",
      data_base64: Buffer.from("hello").toString("base64"),
    });
    const missing = await fetch(`${gateway.url}/ce`, { method: "POST", body: "x", headers: { ce_id: "e2" } });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toBe("cloud-events refused");
  }, 30_000);
});

describe("protobuf-json then cloud-events over MQTT 5", () => {
  it("a device's raw Protobuf reaches subscribers as JSON in a CloudEvent from its user properties", async () => {
    const Payment = protobuf.parse(PROTO, { keepCase: true }).root.lookupType("test.Payment");
    const payload = Payment.encode(Payment.fromObject({ id: "d1", amount: 2.5, order_number: 7 })).finish();
    const device = await connectAsync(mqttUrl(), { protocolVersion: 5 });
    try {
      // retained: the subscription the poll opens receives it
      await device.publishAsync(MQTT_TOPIC, Buffer.from(payload), {
        qos: 1,
        retain: true,
        properties: { userProperties: { ce_id: "evt-1", ce_type: "payment.made", ce_source: "/devices/7" } },
      });
      const [content] = await poll("/devices");
      expect(JSON.parse(content!)).toEqual({
        specversion: "1.0",
        id: "evt-1",
        source: "/devices/7",
        type: "payment.made",
        subject: MQTT_TOPIC,
        datacontenttype: "application/json",
        data: { id: "d1", amount: 2.5, order_number: "7" },
      });
    } finally {
      await device.publishAsync(MQTT_TOPIC, Buffer.alloc(0), { qos: 1, retain: true });
      await device.endAsync();
    }
  }, 30_000);
});

describe("schemas at compile time", () => {
  async function located(files: Record<string, string>) {
    const dir = await writeRepository(files);
    const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
    return result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d))
      .map((d) => `${d.code}@${d.line}:${d.message}`);
  }
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("a missing schema file, a bad Avro schema and an unknown message type are errors on their lines", async () => {
    const missing = avroApi;
    const badAvro = avroApi
      .replace('"type": "double"}]}', '"type": "dollars"}]}')
      .replaceAll("name: avro\n", "name: avro2\n")
      .replace("path: /avro", "path: /avro2");
    const badType = protoApi.replace("messageType: test.Payment", "messageType: test.Invoice");
    const found = await located({
      "a.yaml": missing,
      "b.yaml": badAvro,
      "c.yaml": badType,
      "schemas/payment.proto": PROTO,
    });
    const codes = found.map((f) => f.split(":")[0]);
    expect(codes).toEqual([
      `policy/invalid-message-schema@${lineOf(missing, "schemaFile:")}`,
      `policy/invalid-message-schema@${lineOf(badAvro, "schemaFile:")}`,
      `policy/invalid-message-schema@${lineOf(badAvro, "schemaDefinition:")}`,
      `policy/invalid-message-schema@${lineOf(badType, "messageType:")}`,
    ]);
    expect(found[0]).toContain("no readable schema file at");
    expect(found[2]).toContain("dollars");
    expect(found[3]).toContain("no message `test.Invoice`");
  });

  it("a schema file outside the repository is refused, its content never read", async () => {
    const text = avroApi.replace(
      "schemaFile: schemas/payment.avsc",
      "schemaFile: ../../../../../../etc/passwd",
    );
    const found = await located({ "a.yaml": text });
    expect(found).toEqual([
      `policy/invalid-message-schema@${lineOf(text, "schemaFile:")}:\`../../../../../../etc/passwd\` is outside the repository`,
    ]);
  });

  it("a schema registry location is a located not-implemented error", async () => {
    const text = avroApi.replace("schemaLocation: inline", "schemaLocation: schema-registry");
    const found = await located({ "a.yaml": text, "schemas/payment.avsc": AVSC });
    expect(found.map((f) => f.split(":")[0])).toEqual([
      `compile/not-implemented@${lineOf(text, "schema-registry")}`,
    ]);
  });
});
