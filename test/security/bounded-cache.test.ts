// The bounded cache plans keep token knowledge in: deadlines and the bound on entries.
import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../runtime/security/bounded-cache.ts";

describe("BoundedCache", () => {
  it("forgets an entry at its deadline and never stores one already past it", () => {
    const cache = new BoundedCache<string>(10);
    cache.set("a", "A", 100, 0);
    cache.set("late", "L", 50, 60);
    expect(cache.get("a", 99)).toBe("A");
    expect(cache.get("a", 100)).toBeUndefined();
    expect(cache.get("late", 60)).toBeUndefined();
  });

  it("holds at most its bound, dropping the least recently used", () => {
    const cache = new BoundedCache<number>(3);
    for (const [i, key] of ["a", "b", "c"].entries()) cache.set(key, i, 1_000, 0);
    expect(cache.get("a", 1)).toBe(0);
    cache.set("d", 3, 1_000, 1);
    expect(cache.get("b", 2)).toBeUndefined();
    expect([cache.get("a", 2), cache.get("c", 2), cache.get("d", 2)]).toEqual([0, 2, 3]);
  });
});
