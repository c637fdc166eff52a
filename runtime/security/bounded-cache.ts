// A small in-memory cache with a deadline per entry and a bound on entries (the least recently
// used goes first), for what plans learn about a token: verified JWT claims, introspection
// answers. Bounded, so tokens made up by a client cannot grow the gateway's memory.
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, until: number, now: number): void {
    if (until <= now) return;
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, until });
  }
}
