// Endpoint selection within a group: Gravitee's ROUND_ROBIN, RANDOM, WEIGHTED_ROUND_ROBIN and
// WEIGHTED_RANDOM over the endpoints that are up; `secondary` endpoints only when no primary is.
import type { Health } from "../contract.ts";

interface Candidate {
  health(): Health;
}

export type LoadBalancerType = "ROUND_ROBIN" | "RANDOM" | "WEIGHTED_ROUND_ROBIN" | "WEIGHTED_RANDOM";

export class LoadBalancer<E extends Candidate> {
  private counter = 0;
  private readonly type: LoadBalancerType;
  private readonly endpoints: ReadonlyArray<{ endpoint: E; weight: number; secondary: boolean }>;
  /** Endpoints taken out of rotation by a health check or the failover circuit. */
  readonly down = new Set<E>();

  constructor(
    type: LoadBalancerType,
    endpoints: readonly E[],
    meta: ReadonlyArray<{ weight: number; secondary: boolean }>,
  ) {
    this.type = type;
    this.endpoints = endpoints.map((endpoint, i) => ({
      endpoint,
      weight: Math.max(1, meta[i]?.weight ?? 1),
      secondary: meta[i]?.secondary ?? false,
    }));
  }

  all(): readonly E[] {
    return this.endpoints.map((e) => e.endpoint);
  }

  next(): E | undefined {
    const up = (secondary: boolean) =>
      this.endpoints.filter((e) => e.secondary === secondary && !this.down.has(e.endpoint));
    let pool = up(false);
    if (pool.length === 0) pool = up(true);
    if (pool.length === 0) return undefined;
    if (pool.length === 1) return pool[0]!.endpoint;
    switch (this.type) {
      case "RANDOM":
        return pool[Math.floor(Math.random() * pool.length)]!.endpoint;
      case "WEIGHTED_RANDOM": {
        const total = pool.reduce((s, e) => s + e.weight, 0);
        let r = Math.random() * total;
        for (const e of pool) {
          r -= e.weight;
          if (r < 0) return e.endpoint;
        }
        return pool[pool.length - 1]!.endpoint;
      }
      case "WEIGHTED_ROUND_ROBIN": {
        const total = pool.reduce((s, e) => s + e.weight, 0);
        let slot = this.counter++ % total;
        for (const e of pool) {
          if (slot < e.weight) return e.endpoint;
          slot -= e.weight;
        }
        return pool[0]!.endpoint;
      }
      default:
        return pool[this.counter++ % pool.length]!.endpoint;
    }
  }
}
