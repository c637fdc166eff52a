// The `rabbitmq` endpoint (Gravitee's gravitee-endpoint-rabbitmq) over amqplib, AMQP 0-9-1.
// - The exchange is declared with the configured name, type, durable and autoDelete.
// - Publish: to the producer exchange with the producer routing key, on a confirm channel (the
//   publish resolves once the broker took the message); headers → AMQP headers.
// - Subscribe: one channel per subscription consuming the client's queue
//   `gravitee/gio-gateway/<consumer name>` (Gravitee's pattern; runtime/message/consumer-name.ts),
//   bound to the exchange with the consumer routing key: the connections of one client share the
//   queue, each client has its own. As Gravitee: QoS NONE → a non-durable auto-delete queue and no
//   acks; otherwise a durable queue — which, beyond Gravitee, expires after a day without any
//   consumer (`x-expires`), so clients that never come back (every sent client identifier makes
//   one) do not pile up queues that collect every message forever. AT_MOST_ONCE consumes without
//   acks, AUTO acknowledges a message as it is handed out, AT_LEAST_ONCE on `ack()`
//   (unacknowledged messages go back to the queue when the subscription ends, for the client's
//   next connection).
// - Health: ready while the connection is open; a lost connection is re-opened with backoff.
import { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage, connect } from "amqplib";
import type { ConnectorContext, Health, Message, MessageEndpoint, Qos } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEndpoint } from "../../define.ts";
import type {
  RabbitMqEndpointConfiguration,
  RabbitMqExchange,
  RabbitMqSharedConfiguration,
} from "../../spec-types/api-v4-definition.ts";
import { PushQueue, reason } from "../broker/push-queue.ts";
import { brokerTls } from "../broker/tls.ts";

const PREFETCH = 100;
/** A durable client queue is deleted after this long without a consumer (RabbitMQ `x-expires`). */
const QUEUE_EXPIRES_MS = 86_400_000;

export const connector = defineEndpoint<
  RabbitMqEndpointConfiguration,
  RabbitMqSharedConfiguration,
  MessageEndpoint
>({
  type: "rabbitmq",
  create(config, shared, endpoint, ctx) {
    return new RabbitMqEndpoint(config, shared, endpoint.name, ctx);
  },
});

class RabbitMqEndpoint implements MessageEndpoint {
  readonly name: string;
  readonly type = "rabbitmq";
  readonly capabilities = { resume: false } as const;
  private readonly config: RabbitMqEndpointConfiguration;
  private readonly shared: RabbitMqSharedConfiguration;
  private readonly ctx: ConnectorContext;
  private connection: ChannelModel | undefined;
  private publisher: ConfirmChannel | undefined;
  private state: Health = { ready: false, detail: "not connected yet" };
  private closed = false;
  private readonly closing = new AbortController();
  private readonly label: string;

  constructor(
    config: RabbitMqEndpointConfiguration,
    shared: RabbitMqSharedConfiguration,
    name: string,
    ctx: ConnectorContext,
  ) {
    this.config = config;
    this.shared = shared;
    this.name = name;
    this.ctx = ctx;
    this.label = `rabbitmq broker ${config.serverHost}:${config.serverPort}`;
  }

  async connect(): Promise<void> {
    if (this.closed) throw new Error("endpoint closed");
    if (this.connection) return;
    const auth = this.shared.security?.auth;
    const ssl = this.shared.security?.ssl;
    try {
      const connection = await connect(
        {
          protocol: ssl ? "amqps" : "amqp",
          hostname: this.config.serverHost,
          port: this.config.serverPort,
          vhost: this.config.virtualHost ?? "/",
          username: auth?.username ?? "guest",
          password: auth?.password ?? "guest",
          heartbeat: 30,
        },
        {
          ...(ssl ? brokerTls(ssl) : {}),
          timeout: 5_000,
          clientProperties: { connection_name: `sluice-${this.ctx.api.id}` },
        },
      );
      connection.on("error", (error: unknown) => {
        this.state = { ready: false, detail: `${this.label}: ${reason(error)}` };
      });
      connection.on("close", () => {
        this.connection = undefined;
        this.publisher = undefined;
        if (this.closed) return;
        this.ctx.log.warn("rabbitmq connection lost, reconnecting", { endpoint: this.name });
        if (this.state.ready)
          this.state = { ready: false, detail: `${this.label}: connection lost, reconnecting` };
        void this.reconnect();
      });
      this.connection = connection;
      const producer = this.shared.producer;
      if (producer?.enabled && producer.exchange) {
        this.publisher = await connection.createConfirmChannel();
        await declare(this.publisher, producer.exchange);
      }
    } catch (error) {
      this.state = { ready: false, detail: `${this.label}: ${reason(error)}` };
      throw new Error(this.state.detail, { cause: error });
    }
    this.state = { ready: true };
  }

  private async reconnect(): Promise<void> {
    let delay = 500;
    while (!this.closed && !this.connection) {
      await new Promise((r) => setTimeout(r, delay).unref());
      try {
        await this.connect();
        this.ctx.log.info("rabbitmq connection re-opened", { endpoint: this.name });
      } catch {
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  health(): Health {
    return this.state;
  }

  async publish(message: Message): Promise<void> {
    const producer = this.shared.producer;
    if (!producer?.enabled || !producer.exchange) {
      throw new GatewayError(
        500,
        `Endpoint ${this.name} does not produce (producer disabled or no exchange)`,
      );
    }
    const channel = this.publisher;
    if (!channel) throw new GatewayError(502, `${this.label} is not connected`);
    const headers: Record<string, string | string[]> = {};
    for (const [name, values] of Object.entries(message.headers)) {
      if (values.length > 0) headers[name] = values.length === 1 ? values[0]! : values;
    }
    await new Promise<void>((resolve, reject) => {
      channel.publish(
        producer.exchange!.name,
        producer.routingKey ?? "",
        message.content,
        { headers, persistent: producer.exchange!.durable ?? false },
        (error: unknown) =>
          error
            ? reject(new GatewayError(502, `${this.label}: the broker refused the message: ${reason(error)}`))
            : resolve(),
      );
    });
  }

  async *subscribe(options: {
    qos: Qos;
    cursor?: string;
    group?: string;
    signal: AbortSignal;
  }): AsyncIterable<Message> {
    const consumer = this.shared.consumer;
    if (!consumer?.enabled || !consumer.exchange) {
      throw new GatewayError(
        500,
        `Endpoint ${this.name} does not consume (consumer disabled or no exchange)`,
      );
    }
    const connection = this.connection;
    if (!connection) throw new GatewayError(502, `${this.label} is not connected`);
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    if (signal.aborted) return;
    const exchange = consumer.exchange;
    const queueName = `gravitee/gio-gateway/${options.group ?? this.ctx.api.id}`;
    const transient = options.qos === "NONE";
    const noAck = options.qos === "NONE" || options.qos === "AT_MOST_ONCE";
    const queue = new PushQueue<Message>(signal);
    let channel: Channel;
    try {
      channel = await connection.createChannel();
      await declare(channel, exchange);
      await channel.assertQueue(queueName, {
        durable: !transient,
        autoDelete: transient,
        ...(transient ? {} : { arguments: { "x-expires": QUEUE_EXPIRES_MS } }),
      });
      await channel.bindQueue(queueName, exchange.name, consumer.routingKey ?? "");
      await channel.prefetch(PREFETCH);
    } catch (error) {
      throw new GatewayError(502, `${this.label}: cannot consume ${queueName}: ${reason(error)}`);
    }
    channel.on("error", (error: unknown) => queue.end(new Error(`${this.label}: ${reason(error)}`)));
    channel.on("close", () => queue.end());
    const onMessage = (raw: ConsumeMessage | null): void => {
      if (!raw) {
        queue.end(new Error(`${this.label}: the consumer was cancelled by the broker`));
        return;
      }
      const message = toMessage(raw);
      if (options.qos === "AT_LEAST_ONCE") message.ack = async () => channel.ack(raw);
      else if (!noAck) message.ack = async () => channel.ack(raw);
      queue.push(message);
    };
    try {
      await channel.consume(queueName, onMessage, { noAck });
      for await (const message of queue) {
        // AUTO: handed out = delivered; acknowledged now, before the consumer sees the next one.
        if (options.qos === "AUTO") {
          await message.ack?.();
          delete message.ack;
        }
        yield message;
      }
    } finally {
      // Closing the channel returns unacknowledged messages to the queue.
      await channel.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    this.state = { ready: false, detail: "closed" };
    await this.connection?.close().catch(() => undefined);
  }
}

function declare(channel: Channel, exchange: RabbitMqExchange): Promise<unknown> {
  return channel.assertExchange(exchange.name, exchange.type, {
    durable: exchange.durable ?? false,
    autoDelete: exchange.autoDelete ?? false,
  });
}

function toMessage(raw: ConsumeMessage): Message {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw.properties.headers ?? {})) {
    if (value === undefined || value === null) continue;
    headers[name] = Array.isArray(value)
      ? value.map(String)
      : [Buffer.isBuffer(value) ? value.toString("utf8") : String(value)];
  }
  const metadata: Message["metadata"] = {
    exchange: raw.fields.exchange,
    routingKey: raw.fields.routingKey,
    redelivered: raw.fields.redelivered,
  };
  if (raw.properties.messageId) metadata.messageId = String(raw.properties.messageId);
  if (raw.properties.contentType) metadata.contentType = String(raw.properties.contentType);
  return { content: raw.content, headers, metadata };
}
