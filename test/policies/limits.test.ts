// rate-limit, quota and spike-arrest against real exchanges: Gravitee's messages, headers and keys.
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "../../runtime/consumers/plan-subscriptions.ts";
import type { Exchange } from "../../runtime/contract.ts";
import type { ElContext } from "../../runtime/el.ts";
import { CounterStore, counterKey, endOfPeriod } from "../../runtime/policies/lib/counters.ts";
import { connector as quota } from "../../runtime/policies/quota/index.ts";
import { connector as rateLimit } from "../../runtime/policies/rate-limit/index.ts";
import { sliceOf, connector as spikeArrest } from "../../runtime/policies/spike-arrest/index.ts";
import {
  contextOf,
  message,
  type PolicyHarness,
  policyHarness,
  runtimeApi,
  withMessageExchange,
} from "./harness.ts";

let harness: PolicyHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const json = { accept: "application/json" };

describe("rate-limit", () => {
  it("lets `limit` requests through, then answers Gravitee's 429 with X-Rate-Limit-* headers", async () => {
    harness = await policyHarness(rateLimit, {
      rate: { limit: 2, periodTime: 10, periodTimeUnit: "SECONDS" },
    });
    const before = Date.now();
    expect((await harness.call({ headers: json })).status).toBe(200);
    const second = await harness.call({ headers: json });
    expect(second.status).toBe(200);
    expect(second.headers.get("x-rate-limit-limit")).toBeNull(); // addHeaders is off
    const third = await harness.call({ headers: json });
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body)).toEqual({
      message: "Rate limit exceeded! You reached the limit of 2 requests per 10 seconds",
      http_status_code: 429,
    });
    expect(third.headers.get("x-rate-limit-limit")).toBe("2");
    expect(third.headers.get("x-rate-limit-remaining")).toBe("0");
    const reset = Number(third.headers.get("x-rate-limit-reset"));
    expect(reset).toBeGreaterThanOrEqual(before + 10_000);
    expect(reset).toBeLessThanOrEqual(Date.now() + 10_000);
  });

  it("addHeaders puts the headers on successful responses", async () => {
    harness = await policyHarness(rateLimit, {
      addHeaders: true,
      rate: { limit: 5, periodTimeUnit: "MINUTES" },
    });
    const first = await harness.call({});
    expect(first.headers.get("x-rate-limit-limit")).toBe("5");
    expect(first.headers.get("x-rate-limit-remaining")).toBe("4");
  });

  it.each([
    {
      name: "custom key separates counters",
      key: (el: ElContext) => el.request.headers("x-user")?.[0] ?? "",
    },
    {
      name: "custom key alone (useKeyOnly)",
      key: (el: ElContext) => el.request.headers("x-user")?.[0] ?? "",
      useKeyOnly: true,
    },
  ])("$name", async ({ key, useKeyOnly }) => {
    harness = await policyHarness(rateLimit, {
      rate: {
        limit: 1,
        periodTime: 1,
        periodTimeUnit: "MINUTES",
        key,
        ...(useKeyOnly ? { useKeyOnly } : {}),
      },
    });
    expect((await harness.call({ headers: { "x-user": "a" } })).status).toBe(200);
    expect((await harness.call({ headers: { "x-user": "b" } })).status).toBe(200);
    expect((await harness.call({ headers: { "x-user": "a" } })).status).toBe(429);
  });

  it("an API key counts for itself (header or query, the same counter); another key has its own", async () => {
    harness = await policyHarness(rateLimit, {
      rate: { limit: 1, periodTime: 1, periodTimeUnit: "MINUTES" },
    });
    const a = "a".repeat(40);
    const b = "b".repeat(40);
    expect((await harness.call({ headers: { "x-gravitee-api-key": a } })).status).toBe(200);
    expect((await harness.call({ headers: { "x-gravitee-api-key": b } })).status).toBe(200);
    expect((await harness.call({ path: `/api/x?api%2Dkey=${a}` })).status).toBe(429);
    expect((await harness.call({ path: `/api/x?api-key=${b}` })).status).toBe(429);
    // No key: the client's address, a counter of its own.
    expect((await harness.call({})).status).toBe(200);
  });

  it("dynamicLimit is used when limit is 0; an unreadable one blocks", async () => {
    harness = await policyHarness(rateLimit, {
      rate: {
        limit: 0,
        dynamicLimit: (el: ElContext) => el.request.headers("x-limit")?.[0] ?? "",
        periodTimeUnit: "HOURS",
      },
    });
    expect((await harness.call({ headers: { "x-limit": "1" } })).status).toBe(200);
    const blocked = await harness.call({ headers: { "x-limit": "1", ...json } });
    expect(blocked.status).toBe(429);
    expect(JSON.parse(blocked.body).message).toBe(
      "Rate limit exceeded! You reached the limit of 1 requests per 1 hours",
    );
  });

  it("counts messages too", async () => {
    const api = runtimeApi("messages");
    const policy = rateLimit.create({ rate: { limit: 1, periodTimeUnit: "MINUTES" } }, contextOf(api));
    await withMessageExchange(async (exchange) => {
      exchange.plan = "free";
      expect(await policy.onMessage?.(message("1"), exchange)).toBeDefined();
      expect(() => policy.onMessage?.(message("2"), exchange)).toThrow(/Rate limit exceeded/);
    }, api);
  });
});

describe("quota", () => {
  it("adds X-Quota-* headers by default and answers Gravitee's quota message", async () => {
    harness = await policyHarness(quota, { quota: { limit: 1, periodTime: 2, periodTimeUnit: "DAYS" } });
    const first = await harness.call({});
    expect(first.status).toBe(200);
    expect(first.headers.get("x-quota-limit")).toBe("1");
    expect(first.headers.get("x-quota-remaining")).toBe("0");
    const second = await harness.call({ headers: json });
    expect(second.status).toBe(429);
    expect(JSON.parse(second.body).message).toBe(
      "Quota exceeded! You reached the limit of 1 requests per 2 days",
    );
    expect(second.headers.get("x-quota-remaining")).toBe("0");
  });
});

describe("spike-arrest", () => {
  it.each([
    { limit: 10, periodMs: 1000, slice: { period: 100, limit: 1 } },
    { limit: 1, periodMs: 1000, slice: { period: 1000, limit: 1 } },
    { limit: 100, periodMs: 1000, slice: { period: 100, limit: 10 } },
    { limit: 3000, periodMs: 60_000, slice: { period: 100, limit: 5 } },
    { limit: 0, periodMs: 1000, slice: { period: 1000, limit: 0 } },
  ])("$limit per $periodMs ms is $slice.limit per $slice.period ms", ({ limit, periodMs, slice }) => {
    expect(sliceOf(limit, periodMs)).toEqual(slice);
  });

  it("rejects the second request within a slice with Gravitee's message", async () => {
    harness = await policyHarness(spikeArrest, {
      addHeaders: true,
      spike: { limit: 1, periodTime: 1, periodTimeUnit: "MINUTES" },
    });
    const first = await harness.call({});
    expect(first.status).toBe(200);
    expect(first.headers.get("x-spike-arrest-slice-period")).toBe("60000ms");
    const second = await harness.call({ headers: json });
    expect(second.status).toBe(429);
    expect(JSON.parse(second.body).message).toBe(
      "Spike limit exceeded! You reached the limit of 1 requests per 60000 ms.",
    );
  });
});

describe("counters", () => {
  it("a window resets after its period", () => {
    const store = new CounterStore();
    const end = (now: number) => now + 1000;
    expect(store.increment("k", 1, end, 0)).toEqual({ count: 1, resetAt: 1000 });
    expect(store.increment("k", 2, end, 999)).toEqual({ count: 3, resetAt: 1000 });
    expect(store.increment("k", 1, end, 1000)).toEqual({ count: 1, resetAt: 2000 });
  });

  // Keys without a custom part are joined once per type, plan and client and handed back after
  // (runtime/policies/lib/counters.ts): each must still be the key Gravitee's KeyFactory makes.
  it("counter keys: plan + client (remote address or key digest), custom key, type; past the joined keys' bound too", () => {
    const exchange = (plan: string, address: string, apiKey?: string) =>
      ({
        plan,
        request: {
          headers: apiKey ? { "x-gravitee-api-key": apiKey } : {},
          url: "/x",
          socket: { remoteAddress: address },
        },
      }) as unknown as Exchange;
    const apiKey = "k".repeat(40);
    const digest16 = sha256(apiKey).slice(0, 16);
    const check = () => {
      expect(counterKey(exchange("free", "10.0.0.1"), "rl", undefined, false)).toBe("free10.0.0.1:rl");
      expect(counterKey(exchange("free", "10.0.0.1"), "q", undefined, false)).toBe("free10.0.0.1:q");
      expect(counterKey(exchange("gold", "10.0.0.1"), "rl", undefined, false)).toBe("gold10.0.0.1:rl");
      expect(counterKey(exchange("free", "10.0.0.2"), "rl", " ", false)).toBe("free10.0.0.2:rl");
      expect(counterKey(exchange("keyed", "10.0.0.1", apiKey), "rl", undefined, false)).toBe(
        `keyed${digest16}:rl`,
      );
      expect(counterKey(exchange("free", "10.0.0.1"), "rl", "user-1", false)).toBe("free10.0.0.1:user-1:rl");
      expect(counterKey(exchange("free", "10.0.0.1"), "rl", "user-1", true)).toBe("user-1:rl");
    };
    check();
    // More clients than the joined keys hold (4,096): dropped and joined again, never mixed up.
    for (let i = 0; i < 5000; i++) {
      const address = `10.1.${i >> 8}.${i & 255}`;
      expect(counterKey(exchange("free", address), "rl", undefined, false)).toBe(`free${address}:rl`);
    }
    check();
  });

  it.each([
    { unit: "SECONDS", time: 3, expected: "2024-01-31T00:00:03.000Z" },
    { unit: "WEEKS", time: 1, expected: "2024-02-07T00:00:00.000Z" },
    { unit: "MONTHS", time: 1, expected: "2024-02-29T00:00:00.000Z" },
    { unit: "MONTHS", time: 13, expected: "2025-02-28T00:00:00.000Z" },
  ] as const)("end of $time $unit", ({ unit, time, expected }) => {
    expect(new Date(endOfPeriod(Date.parse("2024-01-31T00:00:00Z"), time, unit)).toISOString()).toBe(
      expected,
    );
  });
});
