// Fixed-window counters for rate-limit, quota, spike-arrest and graphql-rate-limit, kept in memory
// per running API (Gravitee's "local" rate-limit repository): a window opens at the first hit and
// resets `period` later, every hit counts (rejected ones too, as Gravitee's incrementAndGet does).
// Keys follow Gravitee's KeyFactory: plan + subscription, the custom key, the policy type.
// https://documentation.gravitee.io/apim/policies/rate-limit
import type { ApiInfo, ConnectorContext, Exchange } from "../../contract.ts";
import { apiKeyDigest, apiKeyOf } from "../../security/api-key/index.ts";
import { CounterStoreError, RemoteCounters, sharedCountersFor } from "./shared-counters.ts";

export interface Window {
  count: number;
  /** Epoch milliseconds at which the window resets (Gravitee's X-*-Reset value). */
  resetAt: number;
}

const SWEEP_EVERY = 1024;

/** The counters of one API; a gateway restart starts them afresh. */
export class CounterStore {
  private readonly windows = new Map<string, Window>();
  private hits = 0;

  /**
   * Adds `weight` to the window of `key`, opening a window ending at `end(now)` if none is open.
   * Returns the window itself, not a copy (one object less per request): callers read it at once,
   * before anything else counts (`counted` decides synchronously on a local window).
   */
  increment(key: string, weight: number, end: (now: number) => number, now = Date.now()): Window {
    if (++this.hits % SWEEP_EVERY === 0) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: end(now) };
      this.windows.set(key, window);
    }
    window.count += weight;
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

const stores = new WeakMap<ApiInfo, CounterStore>();

/** The store of the API a policy was created for (shared by every counting policy of that API). */
export function storeFor(api: ApiInfo): CounterStore {
  let store = stores.get(api);
  if (!store) {
    store = new CounterStore();
    stores.set(api, store);
  }
  return store;
}

/** Where a counting policy counts: in this process, or (SLUICE_REDIS_URL) in Redis, shared. */
export interface Counters {
  /** The window after adding `weight`; a promise when the count comes from Redis (rejects with CounterStoreError). */
  increment(key: string, weight: number, end: (now: number) => number): Window | Promise<Window>;
}

/** Gravitee's `errorStrategy`, `FALLBACK_PASS_TROUGH` (sic) by default. */
export type ErrorStrategy = "FALLBACK_PASS_TROUGH" | "BLOCK_ON_INTERNAL_ERROR";

let warnedPerWorker = false;

/** The counters of the API `ctx` belongs to: shared through Redis when SLUICE_REDIS_URL is set. */
export function countersFor(
  ctx: ConnectorContext,
  options: { async?: boolean | undefined; errorStrategy?: ErrorStrategy | undefined },
): Counters {
  const shared = sharedCountersFor(ctx);
  if (!shared) {
    // Several workers (runtime/server/workers.ts) each count alone: say so once, from worker 1.
    if (ctx.env.SLUICE_WORKER_INDEX === "1" && !warnedPerWorker) {
      warnedPerWorker = true;
      ctx.log.warn(
        "rate-limit, quota and spike-arrest count per worker process: set SLUICE_REDIS_URL to count once for all workers and replicas, or SLUICE_WORKERS=1",
        { api: ctx.api.id },
      );
    }
    return storeFor(ctx.api);
  }
  if (options.errorStrategy === "BLOCK_ON_INTERNAL_ERROR") shared.blocking = true;
  return new RemoteCounters(shared, `sluice:${ctx.api.id}:`, options.async === true);
}

/**
 * Runs `decide` on the window — synchronously for local counters, so they add no promise to the
 * request — and `failed` when the shared store could not count. `decide` and `failed` are made once
 * per policy; what they need of the request comes as `exchange` and `rate` (no closure per request).
 */
export function counted<R>(
  exchange: Exchange,
  rate: R,
  window: Window | Promise<Window>,
  decide: (exchange: Exchange, rate: R, window: Window) => void,
  failed: (exchange: Exchange, rate: R, error: CounterStoreError) => void,
): void | Promise<void> {
  if (!(window instanceof Promise)) return decide(exchange, rate, window);
  return window.then(
    (w) => decide(exchange, rate, w),
    (error: unknown) => {
      if (error instanceof CounterStoreError) return failed(exchange, rate, error);
      throw error;
    },
  );
}

/**
 * Gravitee's subscription part of a key: the plan plus the subscription. Without subscriptions as
 * resources, an API key stands for its subscription (hashed: keys never sit in memory in clear) and a
 * keyless plan counts per client IP, as Gravitee does.
 */
export function subscriptionOf(exchange: Exchange): string {
  return `${exchange.plan ?? ""}${clientOf(exchange, apiKeyOf(exchange))}`;
}

/** The client part of the subscription: the first 16 hex digits of the key's digest, or the remote address. */
function clientOf(exchange: Exchange, key: string | undefined): string {
  // The digest plan selection already made for this request.
  return key ? apiKeyDigest(exchange, key).slice(0, 16) : (exchange.request.socket.remoteAddress ?? "");
}

/**
 * Keys without a custom part, already joined: by type, plan, then the client (the key's whole digest,
 * or the remote address). Each request's key comes back as the same string, whose hash the
 * counters' Map has kept: a key joined afresh cost ~0.25 µs to hash at every lookup, more than the
 * rest of the count, and a remote address is one string per connection. Dropped whole when it holds
 * KEY_CACHE_SIZE keys (as the client identifier's address hashes are).
 */
const joinedKeys = new Map<string, Map<string, Map<string, string>>>();
let joinedCount = 0;
const KEY_CACHE_SIZE = 4096;

/** Gravitee's KeyFactory: subscription, custom key, policy type; blank parts left out, `:` between. */
export function counterKey(
  exchange: Exchange,
  type: string,
  customKey: string | undefined,
  useKeyOnly: boolean | undefined,
): string {
  if (useKeyOnly && customKey) return `${customKey}:${type}`;
  if (customKey !== undefined && customKey.trim() !== "")
    return joinKey(joinKey(joinKey("", subscriptionOf(exchange)), customKey), type);
  const plan = exchange.plan ?? "";
  const key = apiKeyOf(exchange);
  const client = key ? apiKeyDigest(exchange, key) : (exchange.request.socket.remoteAddress ?? "");
  let byPlan = joinedKeys.get(type);
  if (byPlan === undefined) {
    byPlan = new Map();
    joinedKeys.set(type, byPlan);
  }
  let byClient = byPlan.get(plan);
  if (byClient === undefined) {
    byClient = new Map();
    byPlan.set(plan, byClient);
  }
  let joined = byClient.get(client);
  if (joined === undefined) {
    if (++joinedCount > KEY_CACHE_SIZE) {
      joinedKeys.clear();
      joinedCount = 1;
      byClient = new Map();
      joinedKeys.set(type, new Map([[plan, byClient]]));
    }
    joined = joinKey(joinKey("", `${plan}${clientOf(exchange, key)}`), type);
    byClient.set(client, joined);
  }
  return joined;
}

function joinKey(head: string, part: string): string {
  if (part.trim() === "") return head;
  return head === "" ? part : `${head}:${part}`;
}

export type PeriodUnit = "SECONDS" | "MINUTES" | "HOURS" | "DAYS" | "WEEKS" | "MONTHS";

const MILLIS: Record<Exclude<PeriodUnit, "MONTHS">, number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
  WEEKS: 604_800_000,
};

/**
 * End of a period of `time` `unit`s starting at `start`. Months are calendar months (UTC), the day
 * clamped to the target month's last day like Java's `plus(n, MONTHS)`: Jan 31 + 1 month is Feb 29.
 */
export function endOfPeriod(start: number, time: number, unit: PeriodUnit): number {
  if (unit === "MONTHS") {
    const date = new Date(start);
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + time);
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, last));
    return date.getTime();
  }
  return start + time * MILLIS[unit];
}

/** An integer from a policy's dynamic (EL) value; anything else is 0, which blocks (as in Gravitee). */
export function integerOf(text: string): number {
  const n = Number(text.trim());
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
