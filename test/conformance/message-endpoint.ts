// The message-endpoint conformance suite: one set of behaviours (runtime/contract.ts MessageEndpoint)
// that every broker connector runs against its real broker, as Hono runs one suite against every
// adapter. A *.test.ts file per endpoint calls describeMessageEndpointConformance with a factory;
// behaviours a broker cannot have are skipped by the factory's `features`, never faked.
//
// Warm-up: a subscription may only start receiving some time after subscribe() (a Kafka group
// join, an MQTT SUBACK). Tests that publish to a live subscription first publish marker messages
// until one arrives (`warmUp`); markers are acknowledged and filtered out of every assertion.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Message, MessageEndpoint, Qos } from "../../runtime/contract.ts";

export interface RestartableBroker {
  /** An endpoint on `channel` served by this broker. */
  endpoint(channel: string): MessageEndpoint;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its state. */
  dispose(): Promise<void>;
}

export interface ConformanceFactory {
  /** A fresh channel name (topic, queue…) for one test. */
  channel(): string;
  /** A new endpoint (consumer and producer enabled) on `channel`, not connected yet. */
  endpoint(channel: string): MessageEndpoint;
  /** The same configuration against a closed port; absent for endpoints without a broker (mock). */
  unreachable?: () => MessageEndpoint;
  features: {
    /** A published message reaches subscribers of the channel (false for the mock: it generates). */
    roundTrip: boolean;
    /** A group's position survives its consumers: messages published while it has no live
     *  consumer wait for it, and delivered/acknowledged ones are not delivered again. */
    durableGroups: boolean;
    /** Messages published before a group's first subscription are delivered to it (Kafka earliest). */
    deliversEarlierMessages: boolean;
    /** Start a broker of its own that the test may stop and start (e.g. on free ports). */
    restartable?: () => Promise<RestartableBroker>;
    /** For endpoints that generate messages (mock): the content they generate. */
    generatedContent?: string;
  };
}

const WARMUP = "__warmup__";
const isWarmUp = (m: Message): boolean => m.content.toString("utf8").startsWith(WARMUP);
const text = (m: Message): string => m.content.toString("utf8");

/** A subscription consumed in the background, its messages collected. */
export class Receiver {
  readonly messages: Message[] = [];
  readonly done: Promise<void>;
  error: unknown;
  ended = false;
  private readonly controller = new AbortController();

  /** `ackAll`: acknowledge every message as it arrives (markers are always acknowledged). */
  constructor(
    endpoint: MessageEndpoint,
    options: { qos: Qos; group?: string; cursor?: string },
    ackAll = false,
  ) {
    const iterable = endpoint.subscribe({ ...options, signal: this.controller.signal });
    this.done = (async () => {
      try {
        for await (const message of iterable) {
          this.messages.push(message);
          if (ackAll || isWarmUp(message)) await message.ack?.();
        }
      } catch (error) {
        this.error = error;
      } finally {
        this.ended = true;
      }
    })();
  }

  /** Messages other than warm-up markers. */
  get payload(): Message[] {
    return this.messages.filter((m) => !isWarmUp(m));
  }

  get texts(): string[] {
    return this.payload.map(text);
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<Message[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.payload.length < count) {
      if (this.error) throw this.error;
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} message(s) within ${timeoutMs} ms, got [${this.texts.join(", ")}]`,
        );
      }
      await sleep(20);
    }
    return this.payload.slice(0, count);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}

/** Publishes a marker until `receiver` gets one: from then on, the subscription is live. */
export async function warmUp(
  publisher: MessageEndpoint,
  receiver: Receiver,
  timeoutMs = 30_000,
): Promise<void> {
  const marker = `${WARMUP}${randomUUID()}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await publisher.publish(message(marker));
    const until = Date.now() + 500;
    while (Date.now() < until) {
      if (receiver.messages.some((m) => text(m) === marker)) return;
      if (receiver.error) throw receiver.error;
      await sleep(20);
    }
  }
  throw new Error(`the subscription received none of the warm-up messages within ${timeoutMs} ms`);
}

export function message(content: string | Buffer, headers: Record<string, string[]> = {}): Message {
  return {
    content: typeof content === "string" ? Buffer.from(content, "utf8") : content,
    headers,
    metadata: {},
  };
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(50);
  }
}

export function describeMessageEndpointConformance(name: string, factory: ConformanceFactory): void {
  const { features } = factory;
  describe(`${name} endpoint conformance`, () => {
    const opened: MessageEndpoint[] = [];
    const receivers: Receiver[] = [];
    /** A connected endpoint on `channel`, closed after the test. */
    const connected = async (channel: string): Promise<MessageEndpoint> => {
      const endpoint = factory.endpoint(channel);
      opened.push(endpoint);
      await endpoint.connect();
      return endpoint;
    };
    const receive = (
      endpoint: MessageEndpoint,
      options: { qos: Qos; group?: string; cursor?: string },
      ackAll = false,
    ) => {
      const r = new Receiver(endpoint, options, ackAll);
      receivers.push(r);
      return r;
    };
    afterEach(async () => {
      await Promise.all(receivers.splice(0).map((r) => r.stop()));
      await Promise.all(opened.splice(0).map((e) => e.close()));
    });

    it("connects and reports ready", async () => {
      const endpoint = factory.endpoint(factory.channel());
      opened.push(endpoint);
      expect(endpoint.health().ready).toBe(false);
      await endpoint.connect();
      expect(endpoint.health()).toEqual({ ready: true });
    });

    it.skipIf(!factory.unreachable)(
      "is not ready, with a detail, when the broker is unreachable",
      async () => {
        const endpoint = factory.unreachable!();
        opened.push(endpoint);
        await expect(endpoint.connect()).rejects.toThrow();
        const health = endpoint.health();
        expect(health.ready).toBe(false);
        expect(health.detail).toMatch(/\S/);
      },
    );

    it("ends a subscription when its signal aborts", async () => {
      const endpoint = await connected(factory.channel());
      const r = receive(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
      await sleep(300);
      await r.stop();
      expect(r.ended).toBe(true);
      expect(r.error).toBeUndefined();
    });

    it("ends a subscription when the endpoint closes", async () => {
      const endpoint = factory.endpoint(factory.channel());
      await endpoint.connect();
      const r = new Receiver(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
      await sleep(300);
      await endpoint.close();
      await Promise.race([
        r.done,
        sleep(10_000).then(() => Promise.reject(new Error("iteration still running"))),
      ]);
      expect(r.ended).toBe(true);
      expect(endpoint.health().ready).toBe(false);
    });

    if (features.generatedContent !== undefined) {
      const generated = features.generatedContent;
      it("generates messages with ids that resume after a cursor", async () => {
        const endpoint = await connected(factory.channel());
        const first = receive(endpoint, { qos: "AUTO" });
        const three = await first.waitFor(3);
        expect(three.map(text)).toEqual([generated, generated, generated]);
        const ids = three.map((m) => m.id);
        expect(new Set(ids).size).toBe(3);
        await first.stop();
        const resumed = receive(endpoint, { qos: "AUTO", cursor: ids[1]! });
        const [next] = await resumed.waitFor(1);
        expect(next?.id).toBe(ids[2]);
      });
    }

    if (!features.roundTrip) return;

    it("delivers published messages in order with content and headers intact", async () => {
      const channel = factory.channel();
      const endpoint = await connected(channel);
      const r = receive(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
      await warmUp(endpoint, r);
      const binary = Buffer.from([0, 1, 2, 254, 255, 0x0a]);
      await endpoint.publish(message("héllo ✓", { "x-trace": ["t-1"], "x-multi": ["a", "b"] }));
      await endpoint.publish(message(binary, { "x-trace": ["t-2"] }));
      await endpoint.publish(message("third"));
      const [one, two, three] = await r.waitFor(3);
      expect(text(one!)).toBe("héllo ✓");
      expect(one!.headers["x-trace"]).toEqual(["t-1"]);
      expect(one!.headers["x-multi"]).toEqual(["a", "b"]);
      expect(Buffer.compare(two!.content, binary)).toBe(0);
      expect(two!.headers["x-trace"]).toEqual(["t-2"]);
      expect(text(three!)).toBe("third");
    });

    if (features.deliversEarlierMessages) {
      it("delivers a message published before the group's first subscription", async () => {
        const channel = factory.channel();
        const endpoint = await connected(channel);
        await endpoint.publish(message("before", { h: ["v"] }));
        const r = receive(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
        const [m] = await r.waitFor(1);
        expect(text(m!)).toBe("before");
        expect(m!.headers.h).toEqual(["v"]);
      });
    }

    it("splits a channel's messages among the subscriptions of one group", async () => {
      const channel = factory.channel();
      const endpoint = await connected(channel);
      const group = `g-${randomUUID()}`;
      const a = receive(endpoint, { qos: "AUTO", group }, true);
      await warmUp(endpoint, a);
      const other = await connected(channel);
      const b = receive(other, { qos: "AUTO", group }, true);
      // Every message reaches a member of the group, whichever it is (the second member's join
      // may rebalance the group; AUTO allows a repeat across that, never a loss).
      await sleep(1_500);
      for (let i = 0; i < 10; i++) await endpoint.publish(message(`m${i}`));
      const all = Array.from({ length: 10 }, (_, i) => `m${i}`);
      const seen = () => new Set([...a.texts, ...b.texts]);
      await until("10 messages arrived", () => seen().size >= 10, 20_000);
      expect([...seen()].sort()).toEqual(all.sort());
    });

    if (features.durableGroups) {
      it("AT_LEAST_ONCE: redelivers an unacknowledged message to the group after a reconnect", async () => {
        const channel = factory.channel();
        const group = `g-${randomUUID()}`;
        const first = await connected(channel);
        const a = receive(first, { qos: "AT_LEAST_ONCE", group });
        await warmUp(first, a);
        await first.publish(message("acked"));
        await first.publish(message("not acked"));
        const [acked, notAcked] = await a.waitFor(2);
        expect([text(acked!), text(notAcked!)]).toEqual(["acked", "not acked"]);
        expect(acked!.ack).toBeTypeOf("function");
        await acked!.ack!();
        await a.stop();
        await first.close();

        const second = await connected(channel);
        const b = receive(second, { qos: "AT_LEAST_ONCE", group }, true);
        const [again] = await b.waitFor(1, 30_000);
        expect(text(again!)).toBe("not acked");
        await sleep(500);
        expect(b.texts).toEqual(["not acked"]);
      });

      for (const qos of ["AT_MOST_ONCE", "AUTO"] as const) {
        it(`${qos}: does not deliver a delivered message again to the group`, async () => {
          const channel = factory.channel();
          const group = `g-${randomUUID()}`;
          const first = await connected(channel);
          const a = receive(first, { qos, group });
          await warmUp(first, a);
          await first.publish(message("once"));
          const [once] = await a.waitFor(1);
          expect(text(once!)).toBe("once");
          await a.stop();
          await first.close();

          const second = await connected(channel);
          const b = receive(second, { qos, group });
          await warmUp(second, b);
          await second.publish(message("next"));
          await b.waitFor(1);
          await sleep(300);
          expect(b.texts).toEqual(["next"]);
        });
      }
    }

    it("resumes after a cursor, losing and repeating nothing (where it can resume)", async (ctx) => {
      const channel = factory.channel();
      const endpoint = await connected(channel);
      if (!endpoint.capabilities.resume) ctx.skip();
      const r = receive(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
      await warmUp(endpoint, r);
      for (let i = 1; i <= 5; i++) await endpoint.publish(message(`m${i}`));
      const five = await r.waitFor(5);
      expect(five.map(text)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
      expect(five.every((m) => typeof m.id === "string" && m.id.length > 0)).toBe(true);
      await r.stop();
      const resumed = receive(endpoint, { qos: "AUTO", group: `g-${randomUUID()}`, cursor: five[1]!.id! });
      const rest = await resumed.waitFor(3);
      expect(rest.map(text)).toEqual(["m3", "m4", "m5"]);
      expect(rest.map((m) => m.id)).toEqual(five.slice(2).map((m) => m.id));
      await sleep(1_000);
      expect(resumed.texts).toEqual(["m3", "m4", "m5"]);
    });

    if (features.restartable) {
      const restartable = features.restartable;
      it("reconnects after its broker stops and starts again", { timeout: 300_000 }, async () => {
        const broker = await restartable();
        try {
          const channel = factory.channel();
          const endpoint = broker.endpoint(channel);
          opened.push(endpoint);
          await endpoint.connect();
          const r = receive(endpoint, { qos: "AUTO", group: `g-${randomUUID()}` });
          await warmUp(endpoint, r);
          await endpoint.publish(message("before restart"));
          await r.waitFor(1);

          await broker.stop();
          await until("the endpoint reports not ready", () => !endpoint.health().ready, 60_000);
          expect(endpoint.health().detail).toMatch(/\S/);
          await broker.start();
          await until("the endpoint reports ready again", () => endpoint.health().ready, 90_000);
          // The producer may need a moment to find the new connection: retry the publish.
          const deadline = Date.now() + 60_000;
          for (;;) {
            try {
              await endpoint.publish(message("after restart"));
              break;
            } catch (error) {
              if (Date.now() > deadline) throw error;
              await sleep(500);
            }
          }
          const got = await r.waitFor(2, 90_000);
          expect(got.map(text)).toEqual(["before restart", "after restart"]);
          expect(r.error).toBeUndefined();
        } finally {
          await broker.dispose();
        }
      });
    }
  });
}

/** The connector context an endpoint is created with in these tests (logs kept for inspection). */
export function testContext(apiId = `conformance-${randomUUID().slice(0, 8)}`) {
  const logs: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  const log = {
    info: (msg: string, fields?: Record<string, unknown>) =>
      logs.push({ level: "info", msg, ...(fields ? { fields } : {}) }),
    warn: (msg: string, fields?: Record<string, unknown>) =>
      logs.push({ level: "warn", msg, ...(fields ? { fields } : {}) }),
    error: (msg: string, fields?: Record<string, unknown>) =>
      logs.push({ level: "error", msg, ...(fields ? { fields } : {}) }),
  };
  return {
    logs,
    ctx: { api: { id: apiId, name: apiId, type: "MESSAGE" as const, properties: {} }, log, env: process.env },
  };
}
