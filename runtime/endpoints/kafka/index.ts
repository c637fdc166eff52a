// The `kafka` endpoint (Gravitee's gravitee-endpoint-kafka) over @platformatic/kafka, the client
// chosen by measurement (docs/endpoints.md, bench/kafka-clients.ts).
//
// - Subscribe: one consumer per subscription in the consumer group named by `group` — the client's
//   consumer name (runtime/message/consumer-name.ts; Gravitee: the client identifier), so the
//   connections of one client share the partitions and each client gets every message — topics or
//   topicPattern, starting at the group's committed offsets, else at
//   autoOffsetReset (Kafka's default: latest). Offsets are committed by the endpoint, never by the
//   client's fetch-time autocommit (which commits what was fetched, not what was delivered):
//   AT_LEAST_ONCE on `ack()`, AT_MOST_ONCE before the message is handed out, AUTO/NONE once the
//   consumer asks for the next message (or stops). A consumer that fails (broker gone) is re-created
//   with backoff, resuming where delivery stopped.
// - Message id = resume cursor `topic@partition#offset` (cursor.ts); a cursor resumes after it.
// - Publish: one shared producer, to every `producer.topics`, key from metadata `key` (else header
//   `key`), acks=all, `compressionType`.
// - Security: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL with PLAIN / SCRAM-SHA-256/512 (security.ts).
// - Dynamic configuration per request (dynamic.ts): EL in consumer.autoOffsetReset/topicPattern,
//   `gravitee.attributes.endpoint.kafka.*` attribute overrides of topics and those two.
// - Health: ready once the cluster answered a metadata request; re-probed every few seconds.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  Admin,
  type BaseOptions,
  Consumer,
  type Message as KafkaRecord,
  type MessagesStream,
  Producer,
} from "@platformatic/kafka";
import type { ConnectorContext, Exchange, Health, Message, MessageEndpoint, Qos } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEndpoint } from "../../define.ts";
import type { KafkaEndpointConfiguration } from "../../spec-types/api-v4-definition.ts";
import { addHeader, reason } from "../broker/push-queue.ts";
import { type CursorPositions, messageId, parseCursor } from "./cursor.ts";
import { consumerFor, type KafkaDynamicShared, type KafkaResolvedShared, producerTopics } from "./dynamic.ts";
import { kafkaSecurity } from "./security.ts";

/** Health re-probe period while connected. */
const PROBE_MS = 3_000;
/** Backoff of a subscription whose consumer failed (0.5 s → 10 s). */
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

type Connection = Pick<BaseOptions, "bootstrapBrokers" | "tls" | "sasl">;

const shortId = (): string => randomUUID().slice(0, 8);

/**
 * How long an offset commit or a consumer's close may take: a broker that went away mid-commit
 * must not hold a subscription forever. A commit that times out rejects (the consumer is then
 * re-created and resumes from the committed offsets: a duplicate, never a loss).
 */
const COMMIT_TIMEOUT_MS = 10_000;

/** SLUICE_KAFKA_LAG_INTERVAL_MS: how often each consumer measures its lag (default 15 s, 0: never). */
function lagInterval(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.SLUICE_KAFKA_LAG_INTERVAL_MS ?? 15_000);
  return Number.isFinite(value) && value >= 0 ? value : 15_000;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`kafka ${what} timed out after ${ms} ms`)), ms).unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const connector = defineEndpoint<KafkaEndpointConfiguration, KafkaDynamicShared, MessageEndpoint>({
  type: "kafka",
  create(config, shared, endpoint, ctx) {
    return new KafkaEndpoint(config, shared, endpoint.name, ctx);
  },
});

class KafkaEndpoint implements MessageEndpoint {
  readonly name: string;
  readonly type = "kafka";
  readonly capabilities = { resume: true } as const;
  private readonly config: KafkaEndpointConfiguration;
  private readonly shared: KafkaDynamicShared;
  private readonly ctx: ConnectorContext;
  private connection: Connection | undefined;
  private admin: Admin | undefined;
  private producer: Producer | undefined;
  private state: Health = { ready: false, detail: "not connected yet" };
  private probe: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;
  private readonly closing = new AbortController();
  /** The running subscriptions' consumers, for their lag. */
  private readonly sessions = new Set<ConsumerSession>();

  constructor(
    config: KafkaEndpointConfiguration,
    shared: KafkaDynamicShared,
    name: string,
    ctx: ConnectorContext,
  ) {
    this.config = config;
    this.shared = shared;
    this.name = name;
    this.ctx = ctx;
  }

  private brokers(): string[] {
    return this.config.bootstrapServers
      .split(",")
      .map((s) => s.trim().replace(/^[a-z]+:\/\//i, ""))
      .filter(Boolean);
  }

  async connect(): Promise<void> {
    if (this.closed) throw new Error("endpoint closed");
    try {
      this.connection ??= { bootstrapBrokers: this.brokers(), ...kafkaSecurity(this.shared.security) };
      this.admin ??= new Admin({
        clientId: `sluice-admin-${shortId()}`,
        ...this.connection,
        retries: 0,
        connectTimeout: 5_000,
        requestTimeout: 5_000,
      });
      await this.admin.metadata({ topics: [], forceUpdate: true });
    } catch (error) {
      this.state = { ready: false, detail: `kafka ${this.config.bootstrapServers}: ${reason(error)}` };
      throw new Error(this.state.detail, { cause: error });
    }
    if (this.shared.producer?.enabled && !this.producer) {
      this.producer = new Producer({
        clientId: `sluice-producer-${shortId()}`,
        ...this.connection,
        autocreateTopics: true,
        acks: -1,
        compression: this.shared.producer.compressionType ?? "none",
      });
    }
    this.state = { ready: true };
    this.probe ??= setInterval(() => void this.reprobe(), PROBE_MS).unref();
  }

  private async reprobe(): Promise<void> {
    if (this.probing || this.closed || !this.admin) return;
    this.probing = true;
    try {
      await this.admin.metadata({ topics: [], forceUpdate: true });
      if (!this.state.ready) this.ctx.log.info("kafka cluster reachable again", { endpoint: this.name });
      this.state = { ready: true };
    } catch (error) {
      if (this.state.ready) {
        this.ctx.log.warn("kafka cluster unreachable", { endpoint: this.name, error: reason(error) });
      }
      this.state = { ready: false, detail: `kafka ${this.config.bootstrapServers}: ${reason(error)}` };
    } finally {
      this.probing = false;
    }
  }

  health(): Health {
    return this.state;
  }

  async publish(message: Message, options?: { exchange?: Exchange }): Promise<void> {
    const producer = this.producer;
    const topics = producerTopics(this.shared, options?.exchange);
    if (!producer || topics.length === 0) {
      throw new GatewayError(500, `Endpoint ${this.name} does not produce (producer disabled or no topics)`);
    }
    const keyValue = message.metadata.key ?? message.headers.key?.[0];
    const key = keyValue === undefined ? undefined : Buffer.from(String(keyValue), "utf8");
    // Buffer keys: distinct Map entries even for repeated names, so multi-valued headers survive.
    const headers = new Map<Buffer, Buffer>();
    for (const [name, values] of Object.entries(message.headers)) {
      for (const v of values) headers.set(Buffer.from(name, "utf8"), Buffer.from(v, "utf8"));
    }
    try {
      await producer.send({
        messages: topics.map((topic) => ({
          topic,
          value: message.content,
          headers,
          ...(key ? { key } : {}),
        })),
      });
    } catch (error) {
      throw new GatewayError(502, `Kafka endpoint ${this.name} could not produce: ${reason(error)}`);
    }
  }

  /** The consumer's topics: `topics`, else the existing topics matching `topicPattern`. */
  private async consumerTopics(shared: KafkaResolvedShared): Promise<string[]> {
    const consumer = shared.consumer;
    if (consumer?.topics && consumer.topics.length > 0) return consumer.topics;
    if (consumer?.topicPattern && this.admin) {
      const pattern = new RegExp(`^(?:${consumer.topicPattern})$`);
      const all = await this.admin.listTopics({ includeInternals: false });
      return all.filter((t) => pattern.test(t)).sort();
    }
    return [];
  }

  async *subscribe(options: {
    qos: Qos;
    cursor?: string;
    group?: string;
    signal: AbortSignal;
    exchange?: Exchange;
  }): AsyncIterable<Message> {
    if (!this.connection || !this.admin)
      throw new GatewayError(503, `Endpoint ${this.name} is not connected`);
    const shared = consumerFor(this.shared, options.exchange);
    if (shared.consumer?.enabled === false) {
      throw new GatewayError(500, `Endpoint ${this.name} does not consume (consumer disabled)`);
    }
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    const groupId = options.group ?? `sluice-${this.ctx.api.id}`;
    const encode = shared.consumer?.encodeMessageId ?? false;
    // Where to start (after), per partition: the cursor, then whatever this subscription delivered.
    let resumeAfter: CursorPositions =
      (options.cursor ? parseCursor(options.cursor) : undefined) ?? new Map();
    let delay = RETRY_MIN_MS;
    while (!signal.aborted) {
      const topics = await this.consumerTopics(shared);
      if (topics.length === 0) throw new GatewayError(500, `Endpoint ${this.name} has no topic to consume`);
      const session = new ConsumerSession(this.connection, groupId, topics, shared, resumeAfter, signal);
      session.lagEveryMs = lagInterval(this.ctx.env);
      this.sessions.add(session);
      try {
        // The stream's own iterator, not a generator around it: one hop less per message.
        const records = await session.open();
        if (!records) return;
        for await (const record of records) {
          if (signal.aborted) return;
          delay = RETRY_MIN_MS;
          const id = messageId(record.topic, record.partition, record.offset, encode);
          const message = toMessage(record, id);
          if (options.qos === "AT_LEAST_ONCE") {
            message.ack = () => within(record.commit() as Promise<void>, COMMIT_TIMEOUT_MS, "offset commit");
          } else if (options.qos === "AT_MOST_ONCE") {
            await within(record.commit() as Promise<void>, COMMIT_TIMEOUT_MS, "offset commit");
          }
          // Nothing delivered is repeated when the consumer is re-created (AT_LEAST_ONCE excepted:
          // there, unacknowledged messages are delivered again from the committed offsets).
          if (options.qos !== "AT_LEAST_ONCE") {
            resumeAfter = withPosition(resumeAfter, record.topic, record.partition, record.offset);
          }
          session.delivered = options.qos === "AUTO" || options.qos === "NONE" ? record : undefined;
          yield message;
          session.commitDelivered();
        }
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof GatewayError) throw error;
        this.ctx.log.warn("kafka consumer failed, re-creating it", {
          endpoint: this.name,
          group: groupId,
          error: reason(error),
          retryInMs: delay,
        });
      } finally {
        this.sessions.delete(session);
        await session.close();
      }
      try {
        await sleep(delay, undefined, { signal });
      } catch {
        return;
      }
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  consumerLag(): Array<{ group: string; topic: string; partition: number; lag: number }> {
    const out: Array<{ group: string; topic: string; partition: number; lag: number }> = [];
    for (const session of this.sessions) out.push(...session.lag());
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    if (this.probe) clearInterval(this.probe);
    this.state = { ready: false, detail: "closed" };
    await Promise.allSettled([this.producer?.close(), this.admin?.close()]);
  }
}

function withPosition(
  positions: CursorPositions,
  topic: string,
  partition: number,
  offset: bigint,
): CursorPositions {
  const partitions = positions.get(topic) ?? new Map<number, bigint>();
  partitions.set(partition, offset);
  positions.set(topic, partitions);
  return positions;
}

function toMessage(record: KafkaRecord, id: string): Message {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of record.headerEntries)
    addHeader(headers, name.toString("utf8"), value.toString("utf8"));
  const metadata: Message["metadata"] = {
    topic: record.topic,
    partition: record.partition,
    offset: Number(record.offset),
  };
  if (record.key !== undefined && record.key !== null && record.key.length > 0) {
    metadata.key = record.key.toString("utf8");
  }
  return { id, content: record.value ?? Buffer.alloc(0), headers, metadata };
}

/** One consumer in the group and its message stream, for one attempt of a subscription. */
class ConsumerSession {
  private readonly consumer: Consumer;
  private stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined;
  private readonly topics: string[];
  private readonly shared: KafkaResolvedShared;
  private readonly resumeAfter: CursorPositions;
  private readonly signal: AbortSignal;
  /** AUTO/NONE: the message handed out last, committed once the next one is asked for. */
  delivered: KafkaRecord | undefined;
  readonly groupId: string;
  /** How often the consumer measures its lag (0: never). */
  lagEveryMs = 0;
  /** The last lag measured: topic → per partition, -1 for a partition this consumer does not hold. */
  private lastLag: Map<string, bigint[]> = new Map();
  /** AUTO/NONE: the last delivered message of each partition not committed yet. */
  private readonly toCommit = new Map<string, KafkaRecord>();
  /** The commits in flight, if any. */
  private committing: Promise<void> | undefined;
  /** Removes open()'s abort listener. */
  private unlisten: (() => void) | undefined;

  constructor(
    connection: Connection,
    groupId: string,
    topics: string[],
    shared: KafkaResolvedShared,
    resumeAfter: CursorPositions,
    signal: AbortSignal,
  ) {
    this.topics = topics;
    this.shared = shared;
    this.resumeAfter = resumeAfter;
    this.signal = signal;
    this.groupId = groupId;
    this.consumer = new Consumer({
      clientId: `sluice-consumer-${shortId()}`,
      groupId,
      ...connection,
      autocommit: false,
      autocreateTopics: shared.consumer?.checkTopicExistence !== true,
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      // How long a fetch waits for a record when there is none (it answers as soon as one is
      // there): the library's default. With 500 ms every idle consumer sent 2 fetches a second
      // (1,000 SSE clients on a quiet topic: 2,000 requests/s); with 5 s, 0.2.
      maxWaitTime: 5_000,
      // The records the stream holds before it stops fetching: the library's default. With 256, a
      // fast client drained the buffer before the next fetch answered and the stream stood idle
      // between fetches (Kafka → SSE throughput ~0.6× a plain relay; docs/benchmarks.md).
      highWaterMark: 1024,
      // A fetch answers at most 1 MiB per partition (Kafka's max.partition.fetch.bytes; the
      // library's default is its whole 50 MB maxBytes).
      maxBytesPerPartition: 1_048_576,
      retries: 3,
      retryDelay: 500,
      // Kafka's metadata.max.age.ms (the library's default is 5 s: every consumer re-read the
      // topic's metadata every 5 s, 200 requests/s for 1,000 clients). A leader change still
      // refreshes it at once: a fetch that fails on a retryable error forces the refresh.
      metadataMaxAge: 300_000,
    });
  }

  /**
   * Joins the group and opens the message stream (undefined when the subscription was stopped
   * first). Iterate it until it ends; close() ends it.
   */
  async open(): Promise<AsyncIterable<KafkaRecord> | undefined> {
    const reset = this.shared.consumer?.autoOffsetReset ?? "latest";
    // A value from EL or an attribute is only known now: Kafka refuses any other (so does Gravitee).
    if (reset !== "earliest" && reset !== "latest" && reset !== "none")
      throw new GatewayError(500, `Invalid autoOffsetReset '${reset}': earliest, latest or none`);
    // An abort while the consumer is still joining its group closes the consumer, which ends the
    // join; once the stream exists, closing the stream ends its iteration.
    const stop = (): void => {
      const closing = this.stream ? this.stream.close() : this.consumer.close(true);
      closing.catch(() => undefined);
    };
    if (this.signal.aborted) return undefined;
    this.signal.addEventListener("abort", stop, { once: true });
    this.unlisten = () => this.signal.removeEventListener("abort", stop);
    try {
      const stream = await this.consumer.consume({
        topics: this.topics,
        mode: "committed",
        fallbackMode: reset === "none" ? "fail" : reset,
        autocommit: false,
      });
      this.stream = stream;
      if (this.signal.aborted) return undefined;
      if (this.lagEveryMs > 0) {
        // The client's lag monitor: a ListOffsets request per interval, against the offsets this
        // consumer committed (skipped while the group rebalances).
        this.consumer.on("consumer:lag", (lag: Map<string, bigint[]>) => {
          this.lastLag = lag;
        });
        this.consumer.on("consumer:lag:error", () => undefined);
        this.consumer.startLagMonitoring({ topics: this.topics }, this.lagEveryMs);
      }
      // Resume after a cursor: once partitions are assigned and their committed offsets loaded
      // ('offsets'), move each partition the cursor names past it (once: a later 'offsets', e.g.
      // after an out-of-range recovery, must not rewind it again).
      const applied = new Set<string>();
      const seek = (): void => {
        for (const [topic, partitions] of this.resumeAfter) {
          for (const [partition, offset] of partitions) {
            const key = `${topic}:${partition}`;
            if (applied.has(key) || !stream.offsetsToFetch.has(key)) continue;
            stream.offsetsToFetch.set(key, offset + 1n);
            applied.add(key);
          }
        }
      };
      if (this.resumeAfter.size > 0) stream.on("offsets", seek);
      return stream as AsyncIterable<KafkaRecord>;
    } catch (error) {
      if (this.signal.aborted) return undefined;
      throw error;
    }
  }

  /**
   * AUTO/NONE: the previous message reached the consumer (it asked for more), so commit it. One
   * commit at a time: while one is in flight, later messages only move the position, and the last
   * of them is committed when it returns (a commit covers every earlier offset of its partition).
   */
  commitDelivered(): void {
    const record = this.delivered;
    this.delivered = undefined;
    if (!record) return;
    this.toCommit.set(`${record.topic}:${record.partition}`, record);
    if (this.committing) return;
    // Wait for the rest of the fetched batch (handed out in this turn of the event loop): one
    // commit covers it, where committing at once sent one for the first message and one for the rest.
    this.committing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.flushCommits();
      return this.committing;
    });
  }

  private flushCommits(): void {
    if (this.toCommit.size === 0) {
      this.committing = undefined;
      return;
    }
    const records = [...this.toCommit.values()];
    this.toCommit.clear();
    this.committing = Promise.all(records.map((r) => r.commit() as Promise<void>)).then(
      () => this.flushCommits(),
      () => this.flushCommits(),
    );
  }

  lag(): Array<{ group: string; topic: string; partition: number; lag: number }> {
    const out: Array<{ group: string; topic: string; partition: number; lag: number }> = [];
    for (const [topic, partitions] of this.lastLag)
      partitions.forEach((lag, partition) => {
        if (lag >= 0n) out.push({ group: this.groupId, topic, partition, lag: Number(lag) });
      });
    return out;
  }

  async close(): Promise<void> {
    this.unlisten?.();
    this.consumer.stopLagMonitoring();
    const last = this.delivered;
    this.delivered = undefined;
    if (last) this.toCommit.set(`${last.topic}:${last.partition}`, last);
    const pending = [...this.toCommit.values()];
    this.toCommit.clear();
    const commits = Promise.all([this.committing, ...pending.map((r) => r.commit() as Promise<void>)]);
    await within(commits, COMMIT_TIMEOUT_MS, "offset commit").catch(() => undefined);
    await within(this.stream?.close() ?? Promise.resolve(), COMMIT_TIMEOUT_MS, "stream close").catch(
      () => undefined,
    );
    await within(this.consumer.close(true), COMMIT_TIMEOUT_MS, "consumer close").catch(() => undefined);
  }
}
