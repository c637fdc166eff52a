// The goal rows of the bench:proxy tables (bench/proxy/goals.ts), shared by the single-process and
// the --all-cores tables: both ratios shown, the paired one deciding met.
import { describe, expect, it } from "vitest";
import { GOAL_HEADER, median, pairedRatio, throughputGoal } from "../../bench/proxy/goals.ts";

const cells = (row: string) =>
  row
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

describe("bench:proxy goals", () => {
  it("median: the middle figure, or the mean of the two middle ones; NaN for none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("the paired ratio is the median of the rounds' own ratios, over the rounds that measured both", () => {
    // Round 2 of the target failed (a hole); round 4 of the reference served nothing.
    const byRound = { a: [90, undefined, 120, 100, 50], b: [100, 100, 100, 0, 100] };
    expect(pairedRatio(byRound, "a", "b")).toBeCloseTo(0.9);
    expect(pairedRatio(byRound, "a", "missing")).toBeNaN();
  });

  it("a goal row shows both ratios and is met by the paired one, not by the ratio of the medians", () => {
    const byRound = { target: [90, 100, 200, 270], reference: [100, 100, 200, 300] };
    const row = cells(throughputGoal(byRound, "API-key", "target", "keyless", "reference", 0.85));
    expect(row).toHaveLength(cells(GOAL_HEADER[0]!).length);
    expect(row).toEqual(["API-key", "150 req/s", "keyless: 150 req/s", "1.00×", "0.95×", "≥ 0.85×", "✓"]);
    // The medians come from different rounds (250 from round 3, 200 from round 2): 1.25×; in its
    // own rounds the target made 3×, 0.75× and 0.83× of the reference — not met.
    const apart = { target: [300, 150, 250], reference: [100, 200, 300] };
    expect(cells(throughputGoal(apart, "x", "target", "ref", "reference", 0.85)).slice(3)).toEqual([
      "1.25×",
      "0.83×",
      "≥ 0.85×",
      "✗",
    ]);
    const none = cells(throughputGoal({ target: [100] }, "x", "target", "ref", "reference", 1));
    expect(none.slice(3)).toEqual(["—", "—", "≥ 1×", "—"]);
  });
});
