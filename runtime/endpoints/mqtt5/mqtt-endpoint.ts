// A MessageEndpoint over an MQTT 5 broker with mqtt.js, shared by the `mqtt5` endpoint and the
// `solace` endpoint (Solace brokers speak MQTT 5 too). As Gravitee's gravitee-endpoint-mqtt5:
// - one client for publishing, connected by connect(); one client per subscription, with a shared
//   subscription `$share/<group>/<topic>`, `group` being the client's consumer name
//   (runtime/message/consumer-name.ts): the connections of one client — on any replica of the
//   gateway — split the messages, each client gets all of them;
// - QoS: NONE / AT_MOST_ONCE → MQTT QoS 0; AUTO → QoS 1 acknowledged on arrival; AT_LEAST_ONCE →
//   QoS 1 with the PUBACK held until `ack()` (mqtt.js then reads nothing more from that client
//   until the ack: one message in flight per subscription);
// - user properties ↔ message headers; published messages carry retain, responseTopic and
//   messageExpiryInterval from the configuration; metadata has topic, qos, retain and the MQTT 5
//   properties received;
// - MQTT 5 only (protocolVersion 5): a broker that refuses it is reported as such in health.
// MQTT has no resume cursor: messages have no id (capabilities.resume is false).
import { randomUUID } from "node:crypto";
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from "mqtt";
import type { ConnectorContext, Health, Message, MessageEndpoint, Qos } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { PushQueue, reason } from "../broker/push-queue.ts";
import type { TlsOptions } from "../broker/tls.ts";

const CONNECT_TIMEOUT_MS = 5_000;
const RECONNECT_MS = 1_000;
/** Messages waiting for a slow subscriber before its broker connection stops being read. */
const QUEUE_HIGH = 1_000;

export interface MqttEndpointOptions {
  name: string;
  /** The connector id: `mqtt5` or `solace`. */
  type: string;
  /** `mqtt://host:port` or `mqtts://host:port`. */
  url: string;
  /** How health details name the broker, e.g. `mqtt5 broker 127.0.0.1:1883`. */
  label: string;
  clientIdPrefix: string;
  username?: string;
  password?: string;
  tls?: TlsOptions;
  /** Seconds; absent or ≤ -1: none set (Gravitee). */
  sessionExpiryInterval?: number;
  consumer: { enabled: boolean; topics: readonly string[] };
  producer: {
    enabled: boolean;
    topics: readonly string[];
    retained?: boolean;
    responseTopic?: string;
    /** Seconds; absent or ≤ -1: no expiry. */
    messageExpiryInterval?: number;
  };
  /** A configuration the broker would refuse (e.g. Solace's topic limits): connect() reports it. */
  configurationError?: string;
  ctx: ConnectorContext;
}

const shortId = (): string => randomUUID().replaceAll("-", "").slice(0, 12);

/** A health detail for a connection failure, saying so when the broker refused MQTT 5. */
export function mqttFailure(label: string, error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const text = reason(error);
  if (code === 132 || code === 1 || /protocol version/i.test(text)) {
    return `${label} refused MQTT 5 (protocol version 5 is required): ${text}`;
  }
  return `${label}: ${text}`;
}

export class MqttEndpoint implements MessageEndpoint {
  readonly name: string;
  readonly type: string;
  readonly capabilities = { resume: false } as const;
  private readonly options: MqttEndpointOptions;
  private client: MqttClient | undefined;
  private state: Health = { ready: false, detail: "not connected yet" };
  private closed = false;
  private readonly closing = new AbortController();

  constructor(options: MqttEndpointOptions) {
    this.options = options;
    this.name = options.name;
    this.type = options.type;
  }

  private clientOptions(clientId: string): IClientOptions {
    const o = this.options;
    const expiry = o.sessionExpiryInterval ?? 86_400;
    return {
      protocolVersion: 5,
      clientId,
      clean: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectPeriod: 0,
      ...(o.username !== undefined ? { username: o.username } : {}),
      ...(o.password !== undefined ? { password: o.password } : {}),
      ...(o.tls ?? {}),
      ...(expiry > -1 ? { properties: { sessionExpiryInterval: expiry } } : {}),
    };
  }

  /** Connects a client (one attempt), then lets it reconnect on its own. */
  private async open(clientId: string, extra: Partial<IClientOptions> = {}): Promise<MqttClient> {
    const client = mqtt.connect(this.options.url, { ...this.clientOptions(clientId), ...extra });
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: unknown): void => {
          cleanup();
          reject(error);
        };
        const closed = (): void => fail(new Error("connection closed before the broker answered"));
        const ok = (): void => {
          cleanup();
          resolve();
        };
        const cleanup = (): void => {
          client.off("connect", ok);
          client.off("error", fail);
          client.off("close", closed);
        };
        client.once("connect", ok);
        client.once("error", fail);
        client.once("close", closed);
      });
    } catch (error) {
      client.end(true);
      throw error;
    }
    client.options.reconnectPeriod = RECONNECT_MS;
    return client;
  }

  async connect(): Promise<void> {
    if (this.closed) throw new Error("endpoint closed");
    const o = this.options;
    if (o.configurationError) {
      this.state = { ready: false, detail: o.configurationError };
      throw new Error(o.configurationError);
    }
    if (this.client) return;
    try {
      this.client = await this.open(`${o.clientIdPrefix}-${shortId()}`);
    } catch (error) {
      this.state = { ready: false, detail: mqttFailure(o.label, error) };
      throw new Error(this.state.detail, { cause: error });
    }
    this.state = { ready: true };
    this.client.on("connect", () => {
      if (!this.state.ready) o.ctx.log.info("mqtt broker reachable again", { endpoint: this.name });
      this.state = { ready: true };
    });
    this.client.on("error", (error) => {
      this.state = { ready: false, detail: mqttFailure(o.label, error) };
    });
    this.client.on("offline", () => {
      if (this.state.ready) o.ctx.log.warn("mqtt broker unreachable", { endpoint: this.name });
      if (this.state.ready || !this.state.detail) {
        this.state = { ready: false, detail: `${o.label}: connection lost, reconnecting` };
      }
    });
  }

  health(): Health {
    return this.state;
  }

  async publish(message: Message, options?: { qos: Qos }): Promise<void> {
    const o = this.options;
    const client = this.client;
    if (!client || !o.producer.enabled || o.producer.topics.length === 0) {
      throw new GatewayError(500, `Endpoint ${this.name} does not produce (producer disabled or no topic)`);
    }
    if (!client.connected) throw new GatewayError(502, `${o.label} is not connected`);
    const userProperties: Record<string, string | string[]> = {};
    for (const [name, values] of Object.entries(message.headers)) {
      if (values.length > 0) userProperties[name] = values.length === 1 ? values[0]! : values;
    }
    const expiry = o.producer.messageExpiryInterval;
    // Gravitee publishes with QoS 1 (at least once); NONE / AT_MOST_ONCE ask for less.
    const qos = options?.qos === "NONE" || options?.qos === "AT_MOST_ONCE" ? 0 : 1;
    try {
      for (const topic of o.producer.topics) {
        await client.publishAsync(topic, message.content, {
          qos,
          retain: o.producer.retained ?? false,
          properties: {
            // An empty user-properties object is encoded malformed by mqtt-packet (Mosquitto then
            // waits for bytes that never come): only send it when there are headers.
            ...(Object.keys(userProperties).length > 0 ? { userProperties } : {}),
            ...(o.producer.responseTopic ? { responseTopic: o.producer.responseTopic } : {}),
            ...(expiry !== undefined && expiry > -1 ? { messageExpiryInterval: expiry } : {}),
          },
        });
      }
    } catch (error) {
      throw new GatewayError(502, `${o.label}: could not publish: ${reason(error)}`);
    }
  }

  async *subscribe(options: {
    qos: Qos;
    cursor?: string;
    group?: string;
    signal: AbortSignal;
  }): AsyncIterable<Message> {
    const o = this.options;
    if (!o.consumer.enabled || o.consumer.topics.length === 0) {
      throw new GatewayError(500, `Endpoint ${this.name} does not consume (consumer disabled or no topic)`);
    }
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    if (signal.aborted) return;
    const group = (options.group ?? `sluice-${o.ctx.api.id}`).replace(/[/+#]/g, "_");
    const filters = o.consumer.topics.map((t) => `$share/${group}/${t}`);
    const qos = options.qos === "NONE" || options.qos === "AT_MOST_ONCE" ? 0 : 1;
    const manual = options.qos === "AT_LEAST_ONCE";
    let client: MqttClient | undefined;
    // AT_LEAST_ONCE holds its PUBACKs (the broker's receive maximum bounds the queue); otherwise
    // the client's socket is not read while too many messages wait for a slow consumer.
    const queue = new PushQueue<Message>(
      signal,
      manual
        ? undefined
        : {
            high: QUEUE_HIGH,
            pause: () => client?.stream.pause(),
            resume: () => client?.stream.resume(),
          },
    );
    const extra: Partial<IClientOptions> = manual
      ? {
          customHandleAcks: (_topic, payload, packet, done) => {
            queue.push({ ...toMessage(packet, payload), ack: async () => done(0) });
          },
        }
      : {};
    try {
      client = await this.open(`${o.clientIdPrefix}-${shortId()}`, extra);
    } catch (error) {
      throw new GatewayError(502, mqttFailure(o.label, error));
    }
    if (!manual) client.on("message", (_topic, payload, packet) => queue.push(toMessage(packet, payload)));
    try {
      // A granted QoS of 0x80+ is a refusal (e.g. not authorised, or shared subscriptions unsupported).
      const granted = await client.subscribeAsync(filters, { qos });
      const refused = granted.filter((g) => g.qos >= 0x80);
      if (refused.length > 0) {
        throw new GatewayError(
          502,
          `${o.label} refused the subscription to ${refused.map((g) => g.topic).join(", ")} (reason ${refused[0]!.qos})`,
        );
      }
      yield* queue;
    } finally {
      // Unsubscribe first: a session left with a shared subscription would keep receiving its share.
      if (client.connected) await client.unsubscribeAsync(filters).catch(() => undefined);
      await client.endAsync(true).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    this.state = { ready: false, detail: "closed" };
    await this.client?.endAsync().catch(() => undefined);
  }
}

function toMessage(packet: IPublishPacket, payload: Buffer): Message {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(packet.properties?.userProperties ?? {})) {
    headers[name] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  const p = packet.properties ?? {};
  const metadata: Message["metadata"] = { topic: packet.topic, qos: packet.qos, retain: packet.retain };
  if (p.responseTopic) metadata.responseTopic = p.responseTopic;
  if (p.contentType) metadata.contentType = p.contentType;
  if (p.messageExpiryInterval !== undefined) metadata.messageExpiryInterval = p.messageExpiryInterval;
  if (p.correlationData) metadata.correlationData = p.correlationData.toString("base64");
  return { content: payload, headers, metadata };
}
