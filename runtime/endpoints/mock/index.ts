// The `mock` endpoint: a message source that needs no infrastructure (the default for examples), as
// Gravitee's gravitee-endpoint-mock: every subscription gets its own sequence of `messageContent`
// messages, one every `messageInterval` ms, ids "0", "1", … (so a cursor resumes after its id), with
// the configured headers and metadata (plus `sourceTimestamp`), ending after `messageCount` ids.
// Published messages are accepted and remembered (the last MOCK_REMEMBERED), so tests and examples
// can observe what a producer sent; they are not echoed to subscribers (Gravitee only logs them).
import type { Message, MessageEndpoint } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEndpoint } from "../../define.ts";
import type {
  MockEndpointConfiguration,
  MockSharedConfiguration,
} from "../../spec-types/api-v4-definition.ts";

/** How many published (and acknowledged) messages a mock endpoint remembers. */
export const MOCK_REMEMBERED = 100;

/** The mock endpoint as tests see it (`gateway.apis[i].groups[j].endpoints[k]`). */
export interface MockMessageEndpoint extends MessageEndpoint {
  /** The last published messages, oldest first. */
  readonly published: readonly Message[];
  /** Ids of the last acknowledged messages, in acknowledgement order. */
  readonly acknowledged: readonly string[];
}

function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MOCK_REMEMBERED) list.splice(0, list.length - MOCK_REMEMBERED);
}

/** Gravitee resumes after a numeric last id and starts over (from 0) on anything else. */
function firstId(cursor: string | undefined): number {
  if (cursor === undefined || !/^\d+$/.test(cursor)) return 0;
  return Number(cursor) + 1;
}

const DONE: IteratorResult<Message> = Object.freeze({ done: true, value: undefined });

function timeUp(subscription: MockSubscription): void {
  subscription.settle(true);
}

/** What a subscription reads from its endpoint. */
interface MockSource {
  readonly interval: number;
  /** The number of ids a subscription gets (undefined: no end). */
  readonly count: number | undefined;
  generate(id: number): Message;
  /** The endpoint closed: every subscription ends. */
  closed: boolean;
  /** The subscriptions with a pull pending, which close() ends. */
  readonly waiting: Set<MockSubscription>;
}

/**
 * One subscription's messages: one every `interval` ms, until `count` ids, its signal aborts,
 * return() or the endpoint closes. An iterator object rather than an async generator: an idle
 * subscription keeps this object, its timer and the pending pull's promise, not a suspended
 * generator frame, its request queue and the reactions of an `await` (about 0.7 KB less per idle
 * stream: docs/benchmarks.md, "Idle SSE streams: third pass"). It is its timer's argument and its signal's listener (`handleEvent`): no closure per
 * wait. A subscriber that calls return() on stopping (`returnsOnStop`: the gateway's) has its
 * signal left unread — reading it would make it, and a listener on it costs ~0.3 KB an idle
 * stream (docs/benchmarks.md, "sixth round"); the endpoint's close() ends the pulls in `waiting`
 * (a set, not a listener each on an endpoint-wide signal). One pull at a time, as
 * MessageSubscription pulls.
 */
class MockSubscription implements AsyncIterableIterator<Message> {
  private id: number;
  private ended = false;
  /** The pending pull's resolve, its timer (a positive interval) or immediate (0). */
  private resolve: ((next: IteratorResult<Message>) => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private readonly source: MockSource;
  /** The subscriber's signal, when it does not call return() on stopping. */
  private readonly signal: AbortSignal | undefined;

  constructor(source: MockSource, cursor: string | undefined, signal: AbortSignal | undefined) {
    this.source = source;
    this.id = firstId(cursor);
    this.signal = signal;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Message>> {
    if (this.resolve !== undefined) return Promise.reject(new Error("one pull at a time"));
    const { count } = this.source;
    if (
      this.ended ||
      this.source.closed ||
      this.signal?.aborted === true ||
      (count !== undefined && this.id >= count)
    ) {
      this.ended = true;
      return Promise.resolve(DONE);
    }
    const pull = new Promise<IteratorResult<Message>>((resolve) => {
      this.resolve = resolve;
    });
    const ms = this.source.interval;
    if (ms > 0) this.timer = setTimeout(timeUp, ms, this);
    else this.immediate = setImmediate(timeUp, this);
    this.source.waiting.add(this);
    this.signal?.addEventListener("abort", this, { once: true });
    return pull;
  }

  return(): Promise<IteratorResult<Message>> {
    this.ended = true;
    this.settle(false);
    return Promise.resolve(DONE);
  }

  /** The signal aborted. */
  handleEvent(): void {
    this.settle(false);
  }

  /** Ends the pending pull: the next message (`ok`: its time came) or the end. */
  settle(ok: boolean): void {
    const resolve = this.resolve;
    if (resolve === undefined) return;
    this.resolve = undefined;
    // Out of the endpoint's set whichever way it settles: it would otherwise keep this
    // subscription's whole chain — its exchange, the response and the socket — after its client left.
    this.source.waiting.delete(this);
    this.signal?.removeEventListener("abort", this);
    if (ok) {
      this.timer = this.immediate = undefined;
      resolve({ done: false, value: this.source.generate(this.id++) });
      return;
    }
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    else clearImmediate(this.immediate);
    this.timer = this.immediate = undefined;
    resolve(DONE);
  }
}

export const connector = defineEndpoint<
  MockEndpointConfiguration,
  MockSharedConfiguration,
  MockMessageEndpoint
>({
  type: "mock",
  create(config, _shared, endpoint, ctx) {
    const interval = config.messageInterval ?? 1000;
    const content = Buffer.from(config.messageContent ?? "mock message", "utf8");
    const count = config.messageCount;
    const headers: Record<string, string[]> = {};
    for (const h of config.headers ?? []) headers[h.name] = [...(headers[h.name] ?? []), h.value];
    const metadata: Record<string, string> = {};
    for (const m of config.metadata ?? []) metadata[m.name] = m.value;
    const published: Message[] = [];
    const acknowledged: string[] = [];
    let connected = false;

    // Closing the endpoint ends every running subscription, like a broker connection going away.
    const source: MockSource = {
      interval,
      count,
      closed: false,
      waiting: new Set(),
      generate: (id) => ({
        id: String(id),
        content,
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [...v]])),
        metadata: { sourceTimestamp: Date.now(), ...metadata },
        ack: async () => remember(acknowledged, String(id)),
      }),
    };

    return {
      name: endpoint.name,
      type: "mock",
      capabilities: { resume: true },
      published,
      acknowledged,
      async connect() {
        source.closed = false;
        connected = true;
      },
      health: () => (connected ? { ready: true } : { ready: false, detail: "not connected" }),
      subscribe: (options) =>
        new MockSubscription(
          source,
          options.cursor,
          options.returnsOnStop === true ? undefined : options.signal,
        ),
      async publish(message) {
        if (!connected) throw new GatewayError(503, "No endpoint available", { key: "NO_ENDPOINT_FOUND" });
        remember(published, message);
        ctx.log.info("mock endpoint received a message", {
          endpoint: endpoint.name,
          bytes: message.content.length,
        });
      },
      async close() {
        connected = false;
        source.closed = true;
        for (const subscription of source.waiting) subscription.settle(false);
      },
    };
  },
});
