// Counters shared by every gateway replica through one Redis (SLUICE_REDIS_URL, e.g.
// redis://127.0.0.1:6379/0; unset: each process counts alone, lib/counters.ts). Each hit runs the
// atomic window script (counter-script.ts), so replicas enforce one limit together. Gravitee's
// options: `async` (non-strict) answers from a local estimate at once and updates Redis in the
// background; `errorStrategy` says what a failed count does (FALLBACK_PASS_TROUGH lets the request
// through, BLOCK_ON_INTERNAL_ERROR rejects it with the policy's *_BLOCK_ON_INTERNAL_ERROR key).
// The client is node-redis, chosen by measurement (bench/redis-clients.ts, docs/policies.md).
// An outage is reported by /health/ready (not ready only when a policy blocks on it) and /metrics.
// https://documentation.gravitee.io/apim/policies/rate-limit
import { createHash } from "node:crypto";
import { createClient } from "redis";
import type { ConnectorContext, Logger } from "../../contract.ts";
import { COUNTER_SCRIPT } from "./counter-script.ts";
import type { Window } from "./counters.ts";

const SCRIPT_SHA = createHash("sha1").update(COUNTER_SCRIPT).digest("hex");
const DEFAULT_TIMEOUT_MS = 500;

/** A count the shared store could not give (Redis unreachable, timed out, refused the script). */
export class CounterStoreError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** One Redis connection per gateway (per environment object), shared by all its APIs. */
export class SharedCounters {
  private readonly client: ReturnType<typeof createClient>;
  private up = false;
  private detail = "connecting";
  private failures = 0;
  private outages = 0;
  /** Whether a policy with BLOCK_ON_INTERNAL_ERROR depends on this store (then an outage is not ready). */
  blocking = false;
  private readonly timeoutMs: number;
  private closed = false;
  /** Settles when the first connection is ready: counts wait for it (bounded) rather than fail. */
  private readonly firstConnection: Promise<void>;
  private connectedOnce = false;
  readonly url: string;

  constructor(url: string, log: Logger, timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.url = url;
    this.timeoutMs = timeoutMs;
    this.client = createClient({
      url,
      // Fail at once while disconnected: a queued count would hold the request for the whole outage.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: timeoutMs * 4,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** Math.min(retries, 5), 1000),
      },
    });
    let connected = () => {};
    this.firstConnection = new Promise((resolve) => {
      connected = resolve;
    });
    this.client.on("ready", () => {
      if (!this.up) log.info("shared counters connected", { redis: redacted(url) });
      this.up = true;
      this.connectedOnce = true;
      this.detail = "";
      connected();
    });
    this.client.on("error", (error: Error) => {
      if (this.up) {
        this.outages++;
        log.warn("shared counters unreachable", { redis: redacted(url), error: error.message });
      }
      this.up = false;
      this.detail = error.message || error.name;
    });
    this.client.connect().catch(() => {
      // Reported through the error event; the client keeps reconnecting.
    });
  }

  /** Adds `weight` to `key`'s window, opening one of `ttlMs` when none is open. */
  async increment(key: string, weight: number, ttlMs: number, now = Date.now()): Promise<Window> {
    let timer: NodeJS.Timeout | undefined;
    // Just started: the first requests wait for the connection (at most the timeout) instead of
    // being let through uncounted or refused.
    if (!this.up && !this.connectedOnce) {
      await Promise.race([
        this.firstConnection,
        new Promise((resolve) => {
          timer = setTimeout(resolve, this.timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
    if (!this.up) throw this.failed(new CounterStoreError(`Redis unreachable: ${this.detail}`));
    try {
      const reply = (await Promise.race([
        this.run(key, weight, ttlMs),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new CounterStoreError(`Redis did not answer in ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ])) as [number, number];
      return { count: Number(reply[0]), resetAt: now + Number(reply[1]) };
    } catch (error) {
      throw this.failed(error instanceof CounterStoreError ? error : new CounterStoreError(String(error)));
    } finally {
      clearTimeout(timer);
    }
  }

  private async run(key: string, weight: number, ttlMs: number): Promise<unknown> {
    const options = { keys: [key], arguments: [String(weight), String(Math.max(1, Math.ceil(ttlMs)))] };
    try {
      return await this.client.evalSha(SCRIPT_SHA, options);
    } catch (error) {
      // A Redis that restarted has lost its scripts: EVAL loads it again.
      if (error instanceof Error && error.message.startsWith("NOSCRIPT"))
        return this.client.eval(COUNTER_SCRIPT, options);
      throw error;
    }
  }

  private failed(error: CounterStoreError): CounterStoreError {
    this.failures++;
    return error;
  }

  health(): { ready: boolean; up: boolean; detail?: string } {
    return {
      ready: this.up || !this.blocking,
      up: this.up,
      ...(this.up ? {} : { detail: `redis ${redacted(this.url)}: ${this.detail}` }),
    };
  }

  /** Prometheus lines (docs/contract.md §4 /metrics). */
  metrics(): string[] {
    return [
      "# HELP sluice_shared_counters_up Whether the Redis holding the shared rate-limit counters is reachable.",
      "# TYPE sluice_shared_counters_up gauge",
      `sluice_shared_counters_up ${this.up ? 1 : 0}`,
      "# HELP sluice_shared_counters_failures_total Counts the shared store could not give (handled by errorStrategy).",
      "# TYPE sluice_shared_counters_failures_total counter",
      `sluice_shared_counters_failures_total ${this.failures}`,
      "# HELP sluice_shared_counters_outages_total Times the connection to Redis was lost.",
      "# TYPE sluice_shared_counters_outages_total counter",
      `sluice_shared_counters_outages_total ${this.outages}`,
    ];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.destroy();
  }
}

function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid url)";
  }
}

const byEnv = new WeakMap<Env, SharedCounters>();

/** The shared store of the gateway `ctx` belongs to, or undefined when SLUICE_REDIS_URL is unset. */
export function sharedCountersFor(ctx: ConnectorContext): SharedCounters | undefined {
  const url = ctx.env.SLUICE_REDIS_URL;
  if (!url) return undefined;
  let store = byEnv.get(ctx.env);
  if (!store) {
    const timeout = Number(ctx.env.SLUICE_REDIS_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS);
    store = new SharedCounters(
      url,
      ctx.log,
      Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    );
    byEnv.set(ctx.env, store);
  }
  return store;
}

/** The gateway's shared store, if one was opened (for /health/ready, /metrics and shutdown). */
export function openedSharedCounters(env: Env): SharedCounters | undefined {
  return byEnv.get(env);
}

const SWEEP_EVERY = 1024;

/**
 * One counting policy's view of the shared store: keys prefixed with the API (as local counters
 * are kept per API). Strict (default): every hit waits for Redis's count. `async`: the hit is
 * decided on a local estimate at once (the last count Redis gave plus the hits since) and Redis is
 * updated in the background — cheaper, but replicas can together overshoot by the hits in flight.
 */
export class RemoteCounters {
  private readonly estimates = new Map<string, Window>();
  private hits = 0;
  private readonly shared: SharedCounters;
  private readonly prefix: string;
  private readonly async: boolean;

  constructor(shared: SharedCounters, prefix: string, async: boolean) {
    this.shared = shared;
    this.prefix = prefix;
    this.async = async;
  }

  increment(
    key: string,
    weight: number,
    end: (now: number) => number,
    now = Date.now(),
  ): Window | Promise<Window> {
    const full = `${this.prefix}${key}`;
    const ttl = end(now) - now;
    if (!this.async) return this.shared.increment(full, weight, ttl, now);
    if (++this.hits % SWEEP_EVERY === 0)
      for (const [k, w] of this.estimates) if (w.resetAt <= now) this.estimates.delete(k);
    let estimate = this.estimates.get(full);
    if (!estimate || estimate.resetAt <= now) {
      estimate = { count: 0, resetAt: end(now) };
      this.estimates.set(full, estimate);
    }
    estimate.count += weight;
    const local = { ...estimate };
    this.shared.increment(full, weight, ttl, now).then(
      (remote) => {
        const current = this.estimates.get(full);
        if (current && remote.resetAt > Date.now()) {
          current.count = Math.max(current.count, remote.count);
          current.resetAt = remote.resetAt;
        }
      },
      // Non-strict mode counts locally while Redis is away (Gravitee's async repository does too).
      () => {},
    );
    return local;
  }
}
