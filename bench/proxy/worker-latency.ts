// Latency under workers, target by target at one fixed rate (issue 18's "half the maximum rate"
// with every core in use): the backend alone, Sluice keyless with 2 workers, Sluice as one process,
// nginx with 2 workers (the reference of what any 2-process proxy gets on this machine), rounds
// interleaved. For each run: p50/p99 (fixed-rate.ts, open loop, coordinated omission corrected),
// the CPU time of every process (each gateway process, the backend, the client) over the run, and
// the machine's idle share (/proc/stat), so a saturated core shows.
//
//   node bench/proxy/worker-latency.ts [--rate 10579] [--connections 50] [--seconds 8] [--rounds 5]
//                                      [--targets backend,sluice2,sluice1,nginx2]
//                                      [--env2 'NAME=value …'  (extra environment of a sluice2b target)]
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { processTree } from "./all-cores.ts";
import { fixedRateLatency } from "./load.ts";
import { CONTEXT_PATH, cpuMicros, findNginx, freePort, startNginx, startRole, waitForPort } from "./peers.ts";
import { compileVariant, startBundle, VARIANTS } from "./sluice.ts";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "10579" },
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "8" },
    rounds: { type: "string", default: "5" },
    targets: { type: "string", default: "backend,sluice2,sluice1,nginx2" },
    env2: { type: "string", default: "" },
  },
});

function idleTicks(): { idle: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: cpu[3]! + cpu[4]!, total: cpu.reduce((a, b) => a + b, 0) };
}

const children: ChildProcess[] = [];
const stops: Array<() => void> = [];
process.once("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill();
  for (const s of stops) s();
});
process.once("SIGINT", () => process.exit(1));

const work = await mkdtemp(join(tmpdir(), "sluice-wlat-"));
const backend = await startRole("backend", "", 64);
children.push(backend.proc);
const backendUrl = `http://127.0.0.1:${backend.port}`;
const keyless = VARIANTS.find((v) => v.name === "keyless")!;
const bundle = await compileVariant(keyless, join(work, "keyless"));
const wanted = values.targets.split(",");
const targets: Array<{ name: string; url: string; pid: number }> = [];
for (const name of wanted) {
  if (name === "backend") targets.push({ name, url: `${backendUrl}/items?id=1`, pid: backend.proc.pid! });
  else if (name.startsWith("sluice")) {
    const extra: Record<string, string> = {};
    if (name === "sluice2b")
      for (const kv of values.env2.split(" ").filter(Boolean))
        extra[kv.slice(0, kv.indexOf("="))] = kv.slice(kv.indexOf("=") + 1);
    const workers = name === "sluice1" ? "1" : "2";
    const g = await startBundle(bundle, backendUrl, { SLUICE_WORKERS: workers, ...extra });
    children.push(g.proc);
    targets.push({ name, url: `http://127.0.0.1:${g.port}${keyless.path}`, pid: g.proc.pid! });
  } else if (name === "nginx2") {
    const port = await freePort();
    const n = await startNginx(findNginx()!, join(work, "nginx"), port, backend.port, 2);
    stops.push(n.stop);
    await waitForPort(port);
    targets.push({ name, url: `http://127.0.0.1:${port}${CONTEXT_PATH}/items?id=1`, pid: n.pid });
  } else throw new Error(`unknown target ${name}`);
}
const rate = Number(values.rate);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const p99s: Record<string, number[]> = {};
const cpus: Record<string, number[]> = {};
for (let round = 0; round < Number(values.rounds); round++) {
  const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
  for (const t of order) {
    // A short warm-up at the same rate (JIT, connections), then the measured run.
    await fixedRateLatency({ url: t.url, connections, rate, seconds: 1 });
    const pids = [...new Set([...processTree(t.pid), backend.proc.pid!])];
    const before = new Map(pids.map((p) => [p, cpuMicros(p)]));
    const idle0 = idleTicks();
    const l = await fixedRateLatency({ url: t.url, connections, rate, seconds });
    const idle1 = idleTicks();
    const cores = pids.map((p) => {
      let after = before.get(p)!;
      try {
        after = cpuMicros(p);
      } catch {}
      const label = p === backend.proc.pid ? "backend" : p === t.pid ? "main" : `child${p}`;
      return `${label} ${((after - before.get(p)!) / (seconds * 1e6)).toFixed(2)}`;
    });
    const idle = (idle1.idle - idle0.idle) / (idle1.total - idle0.total);
    // The gateway's own CPU per answered request: its process tree, the backend left out.
    let proxyCpu = 0;
    for (const p of pids) {
      if (p === backend.proc.pid && t.name !== "backend") continue;
      try {
        proxyCpu += cpuMicros(p) - before.get(p)!;
      } catch {}
    }
    const perRequest = proxyCpu / Math.max(1, l.count);
    p99s[t.name] = [...(p99s[t.name] ?? []), l.p99];
    cpus[t.name] = [...(cpus[t.name] ?? []), perRequest];
    console.log(
      `round ${round + 1} ${t.name.padEnd(8)} p50 ${l.p50.toFixed(2)} p99 ${l.p99.toFixed(2)} ms  ${perRequest.toFixed(1)} µs CPU/req  n ${l.count} err ${l.errors}  cores: ${cores.join(", ")}, client ${((l.clientCpuMicros ?? 0) / (seconds * 1e6)).toFixed(2)}; machine idle ${(idle * 100).toFixed(0)} %`,
    );
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(p99s))
  console.log(
    `${name.padEnd(8)} p99 median ${median(xs).toFixed(2)} ms (rounds ${xs.map((x) => x.toFixed(2)).join(" ")}); CPU µs/req median ${median(cpus[name]!).toFixed(1)} (rounds ${cpus[name]!.map((x) => x.toFixed(1)).join(" ")})`,
  );
process.exit(0);
