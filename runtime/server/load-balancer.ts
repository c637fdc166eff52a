// Endpoint selection within a group: Gravitee's ROUND_ROBIN, RANDOM, WEIGHTED_ROUND_ROBIN and
// WEIGHTED_RANDOM over the endpoints that are up; `secondary` endpoints only when no primary is.
// Endpoints go down and up through markDown/markUp (the health check); the lists of candidates are
// rebuilt only then, so picking an endpoint allocates nothing. Weighted round robin is the smooth
// variant (nginx): each cycle of Σweights picks gives every endpoint exactly its weight, interleaved.
import type { Health } from "../contract.ts";

interface Candidate {
  health(): Health;
}

export type LoadBalancerType = "ROUND_ROBIN" | "RANDOM" | "WEIGHTED_ROUND_ROBIN" | "WEIGHTED_RANDOM";

interface Slot<E> {
  readonly endpoint: E;
  readonly weight: number;
  readonly secondary: boolean;
  /** Smooth weighted round robin state. */
  current: number;
}

export class LoadBalancer<E extends Candidate> {
  private counter = 0;
  private readonly type: LoadBalancerType;
  private readonly slots: ReadonlyArray<Slot<E>>;
  /** Endpoints taken out of rotation, with the reason (for /health/ready). */
  private readonly removed = new Map<E, string>();
  private pool: Array<Slot<E>> = [];
  private total = 0;

  constructor(
    type: LoadBalancerType,
    endpoints: readonly E[],
    meta: ReadonlyArray<{ weight: number; secondary: boolean }>,
  ) {
    this.type = type;
    this.slots = endpoints.map((endpoint, i) => ({
      endpoint,
      weight: Math.max(1, meta[i]?.weight ?? 1),
      secondary: meta[i]?.secondary ?? false,
      current: 0,
    }));
    this.rebuild();
  }

  all(): readonly E[] {
    return this.slots.map((e) => e.endpoint);
  }

  isSecondary(endpoint: E): boolean {
    return this.slots.some((s) => s.endpoint === endpoint && s.secondary);
  }

  markDown(endpoint: E, reason: string): void {
    const had = this.removed.has(endpoint);
    this.removed.set(endpoint, reason);
    if (!had) this.rebuild();
  }

  markUp(endpoint: E): void {
    if (this.removed.delete(endpoint)) this.rebuild();
  }

  /** Why the endpoint is out of rotation, or undefined when it is in. */
  downReason(endpoint: E): string | undefined {
    return this.removed.get(endpoint);
  }

  /**
   * The next endpoint, or undefined when none is up. `skip` (failover: endpoints already tried or
   * with an open circuit) counts as down for this pick only, so secondaries step in when every
   * primary is skipped.
   */
  next(skip?: (endpoint: E) => boolean): E | undefined {
    if (!skip) return this.pick(this.pool, this.total);
    let pool = this.slots.filter((s) => !s.secondary && !this.removed.has(s.endpoint) && !skip(s.endpoint));
    if (pool.length === 0)
      pool = this.slots.filter((s) => s.secondary && !this.removed.has(s.endpoint) && !skip(s.endpoint));
    return this.pick(
      pool,
      pool.reduce((sum, s) => sum + s.weight, 0),
    );
  }

  private pick(pool: ReadonlyArray<Slot<E>>, total: number): E | undefined {
    const n = pool.length;
    if (n === 0) return undefined;
    if (n === 1) return pool[0]!.endpoint;
    switch (this.type) {
      case "RANDOM":
        return pool[Math.floor(Math.random() * n)]!.endpoint;
      case "WEIGHTED_RANDOM": {
        let r = Math.random() * total;
        for (const s of pool) {
          r -= s.weight;
          if (r < 0) return s.endpoint;
        }
        return pool[n - 1]!.endpoint;
      }
      case "WEIGHTED_ROUND_ROBIN": {
        let best = pool[0]!;
        for (const s of pool) {
          s.current += s.weight;
          if (s.current > best.current) best = s;
        }
        best.current -= total;
        return best.endpoint;
      }
      default: {
        const i = this.counter % n;
        this.counter = (this.counter + 1) % 1_000_000_007;
        return pool[i]!.endpoint;
      }
    }
  }

  private rebuild(): void {
    let pool = this.slots.filter((s) => !s.secondary && !this.removed.has(s.endpoint));
    if (pool.length === 0) pool = this.slots.filter((s) => s.secondary && !this.removed.has(s.endpoint));
    for (const s of this.slots) s.current = 0;
    this.pool = pool;
    this.total = pool.reduce((sum, s) => sum + s.weight, 0);
  }
}
