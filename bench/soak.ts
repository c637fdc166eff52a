// Soak: a compiled gateway in its own process under a steady request rate for a long time, its
// RSS and V8 heap sampled (after a GC) all along. Passes when no request failed and neither grew
// by 10 % or more between the end of the warm-up and the end of the run — a leak shows as growth.
//
//   npm run soak                                  # 10 minutes at 200 requests/s
//   node bench/soak.ts --seconds 60 --rate 100    # shorter
//
// The mix: small GETs, 1 KiB POSTs, a 404 and a 401 (error paths allocate too), and requests the
// client abandons mid-way. test/faults/soak.test.ts runs the same for 30 seconds.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { proxyApi } from "../test/helpers/specs.ts";
import { startGatewayProcess } from "../test/proxy/gateway-process.ts";

export interface SoakResult {
  requests: number;
  failed: number;
  samples: Array<{ atSeconds: number; rss: number; heap: number }>;
  rssGrowth: number;
  heapGrowth: number;
}

export async function runSoak(options: {
  seconds: number;
  rate: number;
  warmupSeconds: number;
  log?: (line: string) => void;
}): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const backend = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.includes("/slow")) setTimeout(() => res.end("late"), 200);
      else res.end("ok");
    });
  });
  await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
  const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  const gateway = await startGatewayProcess(
    {
      "open.yaml": proxyApi("open", "/open", target),
      "keyed.yaml": proxyApi("keyed", "/keyed", target).replace("type: KEY_LESS", "type: API_KEY"),
    },
    { SLUICE_API_KEYS_KEYED: "soak-key" },
    { gc: true },
  );
  const pool = new Pool(gateway.url, { connections: 16 });
  const body = Buffer.alloc(1024, "x");
  let requests = 0;
  let failed = 0;
  const one = async (n: number): Promise<void> => {
    const kind = n % 10;
    try {
      if (kind === 9) {
        // Abandoned by the client before the backend answers.
        const ac = new AbortController();
        setTimeout(() => ac.abort(), 50);
        await pool
          .request({ path: "/open/slow", method: "GET", signal: ac.signal })
          .then((r) => r.body.dump())
          .catch(() => undefined);
        return;
      }
      const r =
        kind < 5
          ? await pool.request({ path: `/open/items/${n}`, method: "GET" })
          : kind < 7
            ? await pool.request({ path: "/open/upload", method: "POST", body })
            : kind === 7
              ? await pool.request({ path: "/nowhere", method: "GET" })
              : await pool.request({ path: "/keyed/x", method: "GET" });
      await r.body.text();
      const expected = kind === 7 ? 404 : kind === 8 ? 401 : 200;
      if (r.statusCode !== expected) failed++;
    } catch {
      failed++;
    } finally {
      requests++;
    }
  };

  const samples: SoakResult["samples"] = [];
  const started = Date.now();
  // One sample at a time: the gateway answers rss and heap questions in order, and the last
  // interval's sample may still be waiting for its answers when the final one starts.
  let sampling = Promise.resolve();
  const sample = () => {
    sampling = sampling.then(takeSample);
    return sampling;
  };
  const takeSample = async () => {
    const atSeconds = (Date.now() - started) / 1000;
    samples.push({ atSeconds, rss: await gateway.rss(), heap: await gateway.heap() });
    const s = samples.at(-1)!;
    log(
      `${atSeconds.toFixed(0)}s  requests ${requests}  failed ${failed}  rss ${(s.rss / 1e6).toFixed(1)} MB  heap ${(s.heap / 1e6).toFixed(1)} MB`,
    );
  };
  const sampleEvery = Math.max(2, Math.min(30, options.seconds / 20)) * 1000;
  const sampler = setInterval(() => void sample(), sampleEvery);
  let n = 0;
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / options.rate;
  try {
    while (Date.now() - started < options.seconds * 1000) {
      const due = started + n * interval;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const p = one(n++);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    await sample();
  } finally {
    clearInterval(sampler);
    await pool.destroy();
    await gateway.close();
    backend.close();
  }
  // Medians of three samples on each side: one GC's timing is not a trend.
  const after = samples.filter((s) => s.atSeconds >= options.warmupSeconds);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = after.slice(0, 3);
  const last = after.slice(-3);
  const growth = (pick: (s: SoakResult["samples"][number]) => number) =>
    median(last.map(pick)) / median(first.map(pick)) - 1;
  return { requests, failed, samples, rssGrowth: growth((s) => s.rss), heapGrowth: growth((s) => s.heap) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "600" },
      rate: { type: "string", default: "200" },
      warmup: { type: "string", default: "60" },
    },
  });
  const r = await runSoak({
    seconds: Number(values.seconds),
    rate: Number(values.rate),
    warmupSeconds: Number(values.warmup),
    log: (line) => console.log(line),
  });
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(
    `\n${r.requests} requests, ${r.failed} failed; after warm-up RSS ${pct(r.rssGrowth)}, heap ${pct(r.heapGrowth)} (limit 10 %)`,
  );
  process.exit(r.failed === 0 && r.rssGrowth < 0.1 && r.heapGrowth < 0.1 ? 0 : 1);
}
