// The soak (bench/soak.ts, `npm run soak`: 10 minutes) in its 30-second version: a steady rate
// through a gateway process, no failed request, RSS and heap growth under 10 % after warm-up.
import { expect, it } from "vitest";
import { runSoak } from "../../bench/soak.ts";

it("30 s at a steady rate: nothing fails, memory stays flat", async () => {
  const lines: string[] = [];
  const r = await runSoak({ seconds: 30, rate: 100, warmupSeconds: 10, log: (l) => lines.push(l) });
  expect(r.requests).toBeGreaterThan(2500);
  expect(r.failed, lines.join("\n")).toBe(0);
  expect(r.rssGrowth, lines.join("\n")).toBeLessThan(0.1);
  expect(r.heapGrowth, lines.join("\n")).toBeLessThan(0.1);
}, 90_000);
