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

/**
 * Waits `ms`; false when either signal aborted first. One timer and a listener on each signal,
 * removed when it settles (not AbortSignal.any with timers/promises: a dependent signal, its weak
 * references and sets on both sources, for every subscription that waits). The wait is one object,
 * the signals' listener itself (`handleEvent`), with no closure per wait.
 */
function wait(ms: number, signal: AbortSignal, closing: AbortSignal): Promise<boolean> {
  if (signal.aborted || closing.aborted) return Promise.resolve(false);
  return new Promise((resolve) => new Wait(ms, signal, closing, resolve));
}

function timeUp(wait: Wait): void {
  wait.settle(true);
}

class Wait {
  private readonly signal: AbortSignal;
  private readonly closing: AbortSignal;
  private readonly resolve: (ok: boolean) => void;
  /** A timer for a positive interval, else an immediate (the next turn of the loop). */
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly immediate: NodeJS.Immediate | undefined;

  constructor(ms: number, signal: AbortSignal, closing: AbortSignal, resolve: (ok: boolean) => void) {
    this.signal = signal;
    this.closing = closing;
    this.resolve = resolve;
    this.timer = ms > 0 ? setTimeout(timeUp, ms, this) : undefined;
    this.immediate = ms > 0 ? undefined : setImmediate(timeUp, this);
    signal.addEventListener("abort", this, { once: true });
    closing.addEventListener("abort", this, { once: true });
  }

  /** Either signal aborted. */
  handleEvent(): void {
    this.settle(false);
  }

  settle(ok: boolean): void {
    // Both listeners go, whichever way it settles: the one on `closing` (the endpoint's signal,
    // alive as long as the endpoint) would otherwise keep this subscription's whole chain — the
    // generator, its exchange, the response and the socket — after its client left.
    this.signal.removeEventListener("abort", this);
    this.closing.removeEventListener("abort", this);
    if (!ok) {
      if (this.timer) clearTimeout(this.timer);
      else clearImmediate(this.immediate);
    }
    this.resolve(ok);
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
    let closing = new AbortController();

    const generate = (id: number): Message => {
      const message: Message = {
        id: String(id),
        content,
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [...v]])),
        metadata: { sourceTimestamp: Date.now(), ...metadata },
        ack: async () => remember(acknowledged, String(id)),
      };
      return message;
    };

    return {
      name: endpoint.name,
      type: "mock",
      capabilities: { resume: true },
      published,
      acknowledged,
      async connect() {
        if (closing.signal.aborted) closing = new AbortController();
        connected = true;
      },
      health: () => (connected ? { ready: true } : { ready: false, detail: "not connected" }),
      async *subscribe({ cursor, signal }) {
        const closed = closing.signal;
        for (let id = firstId(cursor); count === undefined || id < count; id++) {
          if (!(await wait(interval, signal, closed))) return;
          yield generate(id);
        }
      },
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
        closing.abort();
      },
    };
  },
});
