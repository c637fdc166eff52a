// `npm run bench:proxy -- --all-cores`: Sluice with a worker on every core (SLUICE_WORKERS unset)
// against Gravitee's own gateway (4.10, test/differential/start-gravitee.ts, JVM on every core) on
// the same machine and backend. Targets: the backend alone (the limit), Gravitee keyless, Sluice
// keyless, API-key + transform-headers, rate-limited. Throughput rounds interleaved (the order
// rotates), each after a warm-up; Gravitee gets a longer warm-up first (JIT). CPU per request sums
// each gateway's whole process tree. Latency: the open-loop fixed-rate client through Sluice
// keyless, unloaded and at half its maximum, p99 minus the backend's own; at that same rate also
// through nginx with a worker per core and through Sluice as one process, references (not goals)
// that tell the machine's share of the figure from the gateway's. Each throughput goal is shown as
// the ratio of the medians and as the median of the rounds' own ratios, which decides met
// (./goals.ts, as the single-process table).
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GOAL_HEADER, median, throughputGoal } from "./goals.ts";
import { fixedRateLatency, type Latency, type LoadOptions, type Throughput } from "./load.ts";
import { CONTEXT_PATH, cpuMicros, findNginx, freePort, startNginx, waitForPort } from "./peers.ts";
import { compileVariant, startBundle, VARIANTS } from "./sluice.ts";

interface Target {
  name: string;
  label: string;
  url: string;
  headers?: Record<string, string>;
  pid: number;
}

export interface AllCoresOptions {
  backendUrl: string;
  backendPid: number;
  work: string;
  seconds: number;
  rounds: number;
  connections: number;
  latencySeconds: number;
  latency: boolean;
  generator: string;
  /** false: no Gravitee (no JVM start; its rows and its goal are left out). */
  gravitee: boolean;
  measure(o: LoadOptions): Promise<Throughput>;
  children: ChildProcess[];
  /** Stops what is not a child process of this one (nginx's master). */
  stops: Array<() => void>;
}

/**
 * CPU time of a process and all its descendants (Linux /proc), in microseconds. Descendants are
 * found by every process's parent pid (/proc/N/stat), not by `/proc/N/task/N/children`: that file
 * lists only the children the process's *first thread* started, and the JVM (forked by Maven's
 * surefire from a Java thread, not the first one) is not in it — the tree was then bash + Maven
 * alone, 0.1–0.3 µs per request for Gravitee.
 */
export function treeCpuMicros(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      total += cpuMicros(p);
    } catch {
      // A process that exited in between counts for nothing.
    }
  }
  return total;
}

/** The pids of a process and its descendants, found by every process's parent pid. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // Exited while listed.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const child of parents.get(p) ?? []) walk(child);
  };
  walk(pid);
  return out;
}

async function startGravitee(backendUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const script = fileURLToPath(new URL("../../test/differential/start-gravitee.ts", import.meta.url));
  const proc = spawn(process.execPath, [script, "--port", String(port), "--backend", backendUrl], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      await waitForPort(port, proc);
      break;
    } catch (error) {
      if (proc.exitCode !== null || Date.now() > deadline) throw error;
    }
  }
  // The port opens before the API is deployed (a 404 until then): wait for the API itself.
  const url = `http://127.0.0.1:${port}/d-basic/items?id=1`;
  for (;;) {
    const status = await fetch(url)
      .then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      })
      .catch(() => 0);
    if (status === 200) break;
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`Gravitee answered ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, proc };
}

export async function allCores(o: AllCoresOptions): Promise<string> {
  const started = new Date();
  const load0 = loadavg()[0]!;
  const targets: Target[] = [
    {
      name: "backend",
      label: "backend direct (the limit)",
      url: `${o.backendUrl}/items?id=1`,
      pid: o.backendPid,
    },
  ];
  let gravitee: { url: string; proc: ChildProcess } | undefined;
  if (o.gravitee) {
    console.error("starting Gravitee (the first start resolves its jars; minutes)…");
    gravitee = await startGravitee(o.backendUrl);
    o.children.push(gravitee.proc);
    targets.push({
      name: "gravitee",
      label: "Gravitee 4.10 gateway, keyless (JVM, all cores)",
      url: gravitee.url,
      pid: gravitee.proc.pid!,
    });
  }
  for (const v of VARIANTS.filter((x) => ["keyless", "api-key", "rate-limit"].includes(x.name))) {
    const bundle = await compileVariant(v, join(o.work, `all-${v.name}`));
    // SLUICE_WORKERS unset: a worker on every usable core.
    const g = await startBundle(bundle, o.backendUrl, { ...(v.env ?? {}), SLUICE_WORKERS: "auto" });
    o.children.push(g.proc);
    targets.push({
      name: v.name,
      label: `${v.label}, ${availableParallelism()} workers`,
      url: `http://127.0.0.1:${g.port}${v.path}`,
      pid: g.proc.pid!,
      ...(v.headers ? { headers: v.headers } : {}),
    });
  }
  for (const t of targets) {
    const res = await fetch(t.url, { headers: t.headers ?? {} });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${t.name} answered ${res.status}`);
  }
  // The JVM compiles its hot paths under load: a long warm-up before any round.
  if (gravitee) {
    console.error("warming Gravitee up (20 s)…");
    await o.measure({ url: gravitee.url, connections: o.connections, seconds: 20 });
  }

  const rps: Record<string, number[]> = {};
  // The same figures by round (a hole where a round failed), for the goals' paired ratios.
  const byRound: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  /** Rounds whose measurement failed twice: left out of the medians, shown in the table. */
  const failed: Record<string, number> = {};
  for (let round = 0; round < o.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const t of order) {
      const load = { url: t.url, connections: o.connections, ...(t.headers ? { headers: t.headers } : {}) };
      // A round that served nothing (Gravitee's first round once gave 0 req/s) is no figure: it
      // is tried once more after another warm-up, then reported, never put into the median.
      let r: Throughput | undefined;
      let perRequest = Number.NaN;
      for (let attempt = 0; attempt < 2 && r === undefined; attempt++) {
        await o.measure({ ...load, seconds: 2 });
        const cpu0 = treeCpuMicros(t.pid);
        const m = await o.measure({ ...load, seconds: o.seconds }).catch((error: Error) => {
          console.error(`round ${round + 1} ${t.name}: ${error.message.split("\n")[0]}`);
          return undefined;
        });
        if (m && failedRound(m, o.seconds)) {
          console.error(
            `round ${round + 1} ${t.name}: ${m.rps.toFixed(0)} req/s, ${m.errors} errors — a failed measurement${attempt === 0 ? "; trying again" : ""}`,
          );
        } else if (m) {
          r = m;
          perRequest = (treeCpuMicros(t.pid) - cpu0) / (m.rps * o.seconds);
        }
      }
      if (r === undefined) {
        failed[t.name] = (failed[t.name] ?? 0) + 1;
        continue;
      }
      rps[t.name] = [...(rps[t.name] ?? []), r.rps];
      const seen = byRound[t.name] ?? [];
      seen[round] = r.rps;
      byRound[t.name] = seen;
      cpu[t.name] = [...(cpu[t.name] ?? []), perRequest];
      errors[t.name] = (errors[t.name] ?? 0) + r.errors;
      console.error(
        `round ${round + 1} ${t.name.padEnd(10)} ${r.rps.toFixed(0).padStart(7)} req/s ${perRequest.toFixed(1).padStart(6)} µs CPU/req  errors ${r.errors}  load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
  const med = (name: string) => median(rps[name] ?? []);
  let latency:
    | {
        rate: number;
        unloaded: [Latency, Latency];
        half: [Latency, Latency];
        /** At the same rate and connections: references of what the machine gives any proxy. */
        references: Array<{ label: string; latency: Latency }>;
      }
    | undefined;
  if (o.latency) {
    const keyless = targets.find((t) => t.name === "keyless")!;
    const rate = Math.round(med("keyless") / 2);
    // The same rate through nginx with as many workers (a C proxy: what the scheduler and the
    // cores leave to any multi-process proxy here) and through Sluice as one process.
    const references: Array<{ label: string; url: string }> = [];
    const nginx = findNginx();
    if (nginx) {
      const port = await freePort();
      const backendPort = Number(new URL(o.backendUrl).port);
      const workers = availableParallelism();
      const n = await startNginx(nginx, join(o.work, "nginx-all"), port, backendPort, workers);
      o.stops.push(n.stop);
      await waitForPort(port);
      references.push({
        label: `nginx, ${workers} workers`,
        url: `http://127.0.0.1:${port}${CONTEXT_PATH}/items?id=1`,
      });
    }
    const keylessVariant = VARIANTS.find((x) => x.name === "keyless")!;
    const single = await startBundle(
      join(o.work, "all-keyless", "generated", "dist", "gateway.mjs"),
      o.backendUrl,
      {
        SLUICE_WORKERS: "1",
      },
    );
    o.children.push(single.proc);
    references.push({
      label: "Sluice keyless, 1 process",
      url: `http://127.0.0.1:${single.port}${keylessVariant.path}`,
    });
    const runs: Latency[][] = [[], [], [], [], ...references.map(() => [])];
    for (let r = 0; r < o.rounds; r++) {
      const s = o.latencySeconds;
      runs[0]!.push(await fixedRateLatency({ url: targets[0]!.url, connections: 1, rate: 200, seconds: s }));
      runs[1]!.push(await fixedRateLatency({ url: keyless.url, connections: 1, rate: 200, seconds: s }));
      runs[2]!.push(await fixedRateLatency({ url: targets[0]!.url, connections: 50, rate, seconds: s }));
      runs[3]!.push(await fixedRateLatency({ url: keyless.url, connections: 50, rate, seconds: s }));
      for (const [i, ref] of references.entries())
        runs[4 + i]!.push(await fixedRateLatency({ url: ref.url, connections: 50, rate, seconds: s }));
      console.error(
        `latency round ${r + 1}: p99 at ${rate} req/s — backend ${runs[2]!.at(-1)!.p99.toFixed(2)} ms, Sluice ${availableParallelism()} workers ${runs[3]!.at(-1)!.p99.toFixed(2)} ms${references.map((ref, i) => `, ${ref.label} ${runs[4 + i]!.at(-1)!.p99.toFixed(2)} ms`).join("")}; load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const pick = (xs: Latency[]): Latency => ({
      p50: median(xs.map((x) => x.p50)),
      p99: median(xs.map((x) => x.p99)),
      count: median(xs.map((x) => x.count)),
      errors: xs.reduce((n, x) => n + x.errors, 0),
    });
    latency = {
      rate,
      unloaded: [pick(runs[0]!), pick(runs[1]!)],
      half: [pick(runs[2]!), pick(runs[3]!)],
      references: references.map((ref, i) => ({ label: ref.label, latency: pick(runs[4 + i]!) })),
    };
  }
  const load1 = loadavg()[0]!;

  const x = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(2)}×` : "—");
  const lines = [
    `Run ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${availableParallelism()} cores, load average ${load0.toFixed(1)} at the start and ${load1.toFixed(1)} at the end; Node ${process.version}; ${o.generator}, keep-alive GETs of a 64-byte body, ${o.rounds} interleaved rounds of ${o.seconds} s (each after a 2 s warm-up${gravitee ? "; Gravitee warmed up 20 s first" : "; no Gravitee in this run"}), medians.`,
    "",
    "| target | req/s | of Gravitee | CPU µs/request (process tree) | errors | failed rounds |",
    "|---|---:|---:|---:|---:|---:|",
    ...targets.map(
      (t) =>
        `| ${t.name.startsWith("gravitee") || t.name === "backend" ? t.label : `**${t.label}**`} | ${med(t.name).toFixed(0)} | ${x(med(t.name), med("gravitee"))} | ${median(cpu[t.name] ?? []).toFixed(1)} | ${errors[t.name] ?? 0} | ${failed[t.name] ?? 0} |`,
    ),
    "",
    ...GOAL_HEADER,
  ];
  // Each goal as both ratios; the paired one (the rounds' own ratios, medianed) decides met.
  const goal = (what: string, name: string, refLabel: string, ref: string, target: number) =>
    lines.push(throughputGoal(byRound, what, name, refLabel, ref, target));
  if (gravitee) goal("keyless, all cores, vs Gravitee", "keyless", "Gravitee keyless", "gravitee", 1.5);
  goal("API-key plan + transform-headers, all cores", "api-key", "keyless", "keyless", 0.9);
  goal("rate-limited, all cores", "rate-limit", "keyless", "keyless", 0.85);
  if (latency) {
    const row = (what: string, [direct, sluice]: [Latency, Latency], target: number) => {
      const added = sluice.p99 - direct.p99;
      lines.push(
        `| ${what} | ${added.toFixed(2)} ms | p99 backend alone ${direct.p99.toFixed(2)} ms, through Sluice ${sluice.p99.toFixed(2)} ms | — | — | ≤ ${target} ms | ${added <= target ? "✓" : "✗"} |`,
      );
    };
    row("p99 added latency, unloaded (200 req/s, 1 connection)", latency.unloaded, 0.5);
    row(
      `p99 added latency at half the maximum rate (${latency.rate} req/s, 50 connections)`,
      latency.half,
      3,
    );
    // Not goals: the same rate through a reference, to read the row above by.
    for (const ref of latency.references) {
      const added = ref.latency.p99 - latency.half[0].p99;
      lines.push(
        `| reference, not a goal: p99 added by ${ref.label} at the same rate (${latency.rate} req/s, 50 connections) | ${added.toFixed(2)} ms | p99 backend alone ${latency.half[0].p99.toFixed(2)} ms, through it ${ref.latency.p99.toFixed(2)} ms | — | — | — | — |`,
      );
    }
    lines.push(
      "",
      "Latency: an open-loop fixed-rate client in its own process (bench/proxy/fixed-rate.ts, as wrk2 does; wrk2 is not in Debian), coordinated omission corrected, every response time kept, medians of the rounds.",
    );
  }
  return lines.join("\n");
}

export async function writeAllCoresDocs(report: string): Promise<void> {
  const START = "<!-- bench:proxy-all-cores:start -->";
  const END = "<!-- bench:proxy-all-cores:end -->";
  const path = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));
  const text = await readFile(path, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const block = `${START}\n${report}\n${END}`;
  if (a < 0 || b < a) throw new Error(`docs/benchmarks.md has no ${START} … ${END} block`);
  await writeFile(path, text.slice(0, a) + block + text.slice(b + END.length));
  console.error(`tables written into ${path}`);
}

/**
 * A measurement that is no figure: nothing served, or more failed requests than answered ones
 * (a gateway that was not serving yet, a load generator killed by the machine's load).
 */
export function failedRound(r: Throughput, seconds: number): boolean {
  return !(r.rps > 0) || r.errors > r.rps * seconds;
}
