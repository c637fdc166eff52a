// Gravitee's message sampling strategies and the access log's query masking, table-driven.
import { describe, expect, it } from "vitest";
import { maskQuery } from "../../runtime/observability/access-log.ts";
import { createSampler, parseDuration } from "../../runtime/observability/sampling.ts";

describe("message sampling", () => {
  it("COUNT n: the first message, then every n-th, per session", () => {
    const sampled = createSampler({ type: "COUNT", value: "3" });
    const a = {};
    const b = {};
    expect([1, 2, 3, 4, 5, 6, 7].map(() => sampled(a))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(sampled(b)).toBe(true);
  });

  it("TEMPORAL: at most one message per period", () => {
    const sampled = createSampler({ type: "TEMPORAL", value: "PT1S" });
    const s = {};
    expect([0, 500, 999, 1000, 1500, 2100].map((t) => sampled(s, t))).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it("WINDOWED_COUNT n/period: at most n per window", () => {
    const sampled = createSampler({ type: "WINDOWED_COUNT", value: "2/PT10S" });
    const s = {};
    expect([0, 1, 2, 9_999, 10_000, 10_001, 10_002].map((t) => sampled(s, t))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it("PROBABILITY: 0 keeps none, 1 keeps all; no sampling keeps all", () => {
    const none = createSampler({ type: "PROBABILITY", value: "0" });
    const all = createSampler({ type: "PROBABILITY", value: "1" });
    const unsampled = createSampler(undefined);
    const s = {};
    expect(Array.from({ length: 50 }, () => none(s)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 50 }, () => all(s)).every(Boolean)).toBe(true);
    expect(Array.from({ length: 50 }, () => unsampled(s)).every(Boolean)).toBe(true);
  });

  it.each([
    ["PT1S", 1000],
    ["PT0.5S", 500],
    ["PT2M", 120_000],
    ["PT1H30M", 5_400_000],
    ["P1D", 86_400_000],
  ])("parses %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe("query masking", () => {
  it.each([
    ["/a?api-key=k1&page=2", "/a?api-key=***&page=2"],
    ["/a?access_token=t&x=1&password=p", "/a?access_token=***&x=1&password=***"],
    ["/a?page=2", "/a?page=2"],
    ["/a", "/a"],
    ["/a?api%2Dkey=k", "/a?api%2Dkey=***"],
    // A secret-looking word in a value, not a name: nothing to mask.
    ["/a?q=password&token2", "/a?q=password&token2"],
    ["/a?q=password&page=1", "/a?q=password&page=1"],
    ["/a?Token=t", "/a?Token=***"],
  ])("%s → %s", (url, masked) => {
    expect(maskQuery(url)).toBe(masked);
  });
});
