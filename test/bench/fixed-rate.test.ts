// The proxy bench's latency client (bench/proxy/fixed-rate.ts) against a real HTTP server that
// records when each request arrives: the requests come at the asked rate, evenly (not each second's
// share back to back, as autocannon's `overallRate` sends them), and a slow response counts for the
// requests queued behind it (coordinated omission).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runFixedRate } from "../../bench/proxy/fixed-rate.ts";
import { fixedRateLatency } from "../../bench/proxy/load.ts";

let server: Server | undefined;
afterEach(() => server?.close());

async function recordingServer(delayMs: (n: number) => number): Promise<{ url: string; arrivals: number[] }> {
  const arrivals: number[] = [];
  server = createServer((req, res) => {
    const n = arrivals.push(performance.now()) - 1;
    req.resume();
    const answer = () => res.end("ok");
    const delay = delayMs(n);
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, arrivals };
}

describe("fixed-rate latency client", () => {
  it("spreads the requests over the second instead of sending them in a burst", async () => {
    const { url, arrivals } = await recordingServer(() => 0);
    const result = await runFixedRate(url, 100, 1, 1);
    expect(result.times).toHaveLength(100);
    expect(result.errors).toBe(0);
    // Its own CPU time over the run (sending and parsing 100 requests is not free, nor a second's worth).
    expect(result.cpuMicros).toBeGreaterThan(0);
    expect(result.cpuMicros).toBeLessThan(2_000_000);
    // 100 requests/s: one every 10 ms. A burst would put them all within the first tens of
    // milliseconds; a late timer on a busy machine may send two or three together, no more.
    const span = arrivals.at(-1)! - arrivals[0]!;
    expect(span).toBeGreaterThan(900);
    const tenths = new Set(arrivals.map((t) => Math.floor((t - arrivals[0]!) / 100)));
    expect(tenths.size).toBeGreaterThanOrEqual(9);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    expect(gaps.filter((g) => g < 2).length).toBeLessThan(50);
  });

  it("times the requests held behind a slow response from when they were due", async () => {
    // The 20th response takes 300 ms; at 100 requests/s on one connection, the ~30 requests due
    // meanwhile wait behind it, and that wait is part of their latency.
    const { url } = await recordingServer((n) => (n === 20 ? 300 : 0));
    const result = await runFixedRate(url, 100, 1, 1);
    expect(result.times).toHaveLength(100);
    const slow = result.times.filter((t) => t > 100).length;
    expect(slow).toBeGreaterThanOrEqual(10);
    expect(result.times.at(-1)!).toBeGreaterThanOrEqual(290);
  });

  it("runs in a process of its own and reports percentiles", async () => {
    const { url } = await recordingServer(() => 0);
    const latency = await fixedRateLatency({ url, rate: 50, connections: 2, seconds: 1 });
    expect(latency.count).toBe(50);
    expect(latency.errors).toBe(0);
    expect(latency.p50).toBeGreaterThan(0);
    expect(latency.p99).toBeGreaterThanOrEqual(latency.p50);
  });
});
