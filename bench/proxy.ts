// `npm run bench:proxy`: Sluice's proxy hot path against real gateways in one run (issue 18's
// method). One backend; in front of it, each in its own process: nginx (1 worker, upstream
// keep-alive), fast-gateway, fastify + @fastify/http-proxy, a bare undici pass-through, and Sluice
// bundles compiled from specs (keyless; API-key plan + transform-headers; rate-limited; 1,000 APIs).
// Throughput: wrk -t1 -c50 keep-alive GETs (autocannon when wrk is absent), rounds interleaved (the
// order rotates each round), each after a warm-up, medians. Latency: an open-loop client at a fixed rate
// (bench/proxy/fixed-rate.ts, in its own process), unloaded and at half of Sluice's maximum, p99 of Sluice minus p99 of the backend alone; nginx and the Node peers at the same rates in the same rounds.
//
//   node bench/proxy.ts [--seconds 5] [--rounds 3] [--connections 50] [--size 64] [--only a,b]
//                       [--latency-seconds 5] [--no-latency] [--write] [--all-cores [--no-gravitee]]
//                       [--stdout pipe]
//
// --stdout pipe: every Sluice variant's standard output (its access log) goes into a pipe a `cat`
// process drains, as in a container, instead of /dev/null (the keyless-pipe variant always does).
//
// --all-cores: Sluice with a worker on every core against Gravitee's own gateway instead
// (bench/proxy/all-cores.ts); --no-gravitee leaves Gravitee out (no JVM start: the Sluice rows and
// the latency rows alone; never written into the docs).
//
// --write puts the tables into docs/benchmarks.md (between the bench:proxy markers). Absolute
// figures depend on the machine and its load: the ratios to peers measured in the same run are
// the result. Every child is killed at the end.
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { allCores, processTree, writeAllCoresDocs } from "./proxy/all-cores.ts";
import { type ByRound, GOAL_HEADER, median, throughputGoal } from "./proxy/goals.ts";
import {
  autocannonThroughput,
  findWrk,
  fixedRateLatency,
  type Latency,
  type LoadOptions,
  pinProcesses,
  type Throughput,
  wrk,
} from "./proxy/load.ts";
import {
  backend,
  CONTEXT_PATH,
  cpuMicros,
  fastGateway,
  fastifyProxy,
  findNginx,
  freePort,
  otlpSink,
  startNginx,
  startRole,
  undiciDispatchFloor,
  undiciPassThrough,
  waitForPort,
} from "./proxy/peers.ts";
import { compileVariant, startBundle, VARIANTS } from "./proxy/sluice.ts";

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    port: { type: "string" },
    target: { type: "string" },
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    size: { type: "string", default: "64" },
    only: { type: "string" },
    "latency-seconds": { type: "string", default: "5" },
    "no-latency": { type: "boolean", default: false },
    write: { type: "boolean", default: false },
    "all-cores": { type: "boolean", default: false },
    "no-gravitee": { type: "boolean", default: false },
    stdout: { type: "string", default: "null" },
  },
});

/** The first warm-up of each target, before the rounds (JIT compilation settled). */
const WARM_UP_SECONDS = 8;

if (values.role) await serveRole(values.role, Number(values.port), values.target ?? "");
else await main();

/** The child side: one reference server on `port`. */
async function serveRole(role: string, port: number, target: string): Promise<void> {
  if (role === "backend") backend(Number(values.size)).listen(port, "127.0.0.1");
  else if (role === "undici") undiciPassThrough(target).listen(port, "127.0.0.1");
  else if (role === "floor") undiciDispatchFloor(target).listen(port, "127.0.0.1");
  else if (role === "fast-gateway") await (await fastGateway(target)).listen(port);
  else if (role === "fastify") await (await fastifyProxy(target)).listen(port);
  else if (role === "otlp-sink") otlpSink().listen(port, "127.0.0.1");
  else throw new Error(`unknown role ${role}`);
}

interface Target {
  name: string;
  label: string;
  url: string;
  headers?: Record<string, string>;
  kind: "limit" | "peer" | "node-peer" | "extra" | "sluice";
  /** The proxy's process, whose CPU time per request is reported. */
  pid: number;
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const only = values.only?.split(",");
  const wanted = (name: string) => !only || only.includes(name);
  const started = new Date();
  const load0 = loadavg();
  const children: ChildProcess[] = [];
  const stops: Array<() => void> = [];
  const work = await mkdtemp(join(tmpdir(), "sluice-bench-proxy-"));
  const killAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill();
    for (const s of stops) s();
  };
  process.once("exit", killAll);
  const role = async (name: Parameters<typeof startRole>[0], target = "") => {
    const { port, proc } = await startRole(name, target, Number(values.size));
    children.push(proc);
    return { port, pid: proc.pid! };
  };

  const wrkBinary = findWrk(true);
  const generator = wrkBinary ? `wrk -t1 -c${connections}` : `autocannon -c${connections} (wrk absent)`;
  const measure = (o: LoadOptions): Promise<Throughput> =>
    wrkBinary ? wrk(wrkBinary, o) : autocannonThroughput(o);

  const targets: Target[] = [];
  try {
    const { port: backendPort, pid: backendPid } = await role("backend");
    const backendUrl = `http://127.0.0.1:${backendPort}`;
    if (values["all-cores"]) {
      const report = await allCores({
        backendUrl,
        backendPid,
        work,
        seconds,
        rounds,
        connections,
        latencySeconds: Number(values["latency-seconds"]),
        latency: !values["no-latency"],
        generator,
        gravitee: !values["no-gravitee"],
        measure,
        children,
        stops,
      });
      console.log(report);
      if (values.write && values["no-gravitee"]) console.error("--no-gravitee: the docs are not written");
      else if (values.write) await writeAllCoresDocs(report);
      return;
    }
    targets.push({
      name: "backend",
      label: "backend direct (the limit)",
      url: `${backendUrl}/items?id=1`,
      kind: "limit",
      pid: backendPid,
    });
    const nginx = wanted("nginx") ? findNginx() : undefined;
    if (nginx) {
      const port = await freePort();
      const n = await startNginx(nginx, join(work, "nginx"), port, backendPort);
      stops.push(n.stop);
      await waitForPort(port);
      targets.push({
        name: "nginx",
        label: "nginx, 1 worker, upstream keepalive",
        url: `http://127.0.0.1:${port}${CONTEXT_PATH}/items?id=1`,
        kind: "peer",
        pid: n.pid,
      });
    } else if (wanted("nginx")) console.error("nginx could not be installed: its row is left out");
    for (const [name, label] of [
      ["fast-gateway", "fast-gateway"],
      ["fastify", "fastify + @fastify/http-proxy"],
    ] as const) {
      if (!wanted(name)) continue;
      const { port, pid } = await role(name, backendUrl);
      targets.push({
        pid,
        name,
        label,
        url: `http://127.0.0.1:${port}${CONTEXT_PATH}/items?id=1`,
        kind: "node-peer",
      });
    }
    if (wanted("undici")) {
      const { port, pid } = await role("undici", backendUrl);
      targets.push({
        pid,
        name: "undici",
        label: "node:http → undici Pool → pipe (extra)",
        url: `http://127.0.0.1:${port}${CONTEXT_PATH}/items?id=1`,
        kind: "extra",
      });
    }
    if (wanted("floor")) {
      const { port, pid } = await role("floor", backendUrl);
      targets.push({
        pid,
        name: "floor",
        label: "node:http → undici dispatch → write, nothing else (the floor; extra)",
        url: `http://127.0.0.1:${port}${CONTEXT_PATH}/items?id=1`,
        kind: "extra",
      });
    }
    for (const v of VARIANTS) {
      if (!wanted(v.name)) continue;
      const t0 = performance.now();
      const bundle = await compileVariant(v, join(work, v.name));
      console.error(`compiled ${v.name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // The traced variant exports its spans to a collector of its own (docs/operations.md#traces).
      const sink = v.otlp ? await role("otlp-sink") : undefined;
      const env = sink ? { ...v.env, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sink.port}` } : v.env;
      const piped = v.stdout === "pipe" || values.stdout === "pipe";
      const g = await startBundle(bundle, backendUrl, env, piped ? "pipe" : "ignore");
      children.push(g.proc);
      targets.push({
        name: v.name,
        label: v.label,
        url: `http://127.0.0.1:${g.port}${v.path}`,
        kind: "sluice",
        pid: g.proc.pid!,
        ...(v.headers ? { headers: v.headers } : {}),
      });
    }

    // Every target answers 200 before anything is measured.
    for (const t of targets) {
      const res = await fetch(t.url, { headers: t.headers ?? {} });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${t.name} answered ${res.status}`);
    }
    // Each target warmed once under load first: a Node process optimizes ~1,000 functions in its
    // first seconds of traffic (--trace-opt: 816–842 in the first 4 s, 161–286 in the next 4), whose
    // compilation the 1 s warm-up of a round would leave in the first rounds' CPU and throughput.
    for (const t of targets) {
      await measure({
        url: t.url,
        connections,
        seconds: WARM_UP_SECONDS,
        ...(t.headers ? { headers: t.headers } : {}),
      });
    }

    const rps: Record<string, number[]> = {};
    // The same figures by round (a hole where a target failed), for ratios within a round.
    const byRound: Record<string, number[]> = {};
    const errors: Record<string, number> = {};
    const cpu: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const t of order) {
        const o = { url: t.url, connections, ...(t.headers ? { headers: t.headers } : {}) };
        let r: Throughput;
        let cpu0: number;
        try {
          await measure({ ...o, seconds: 1 });
          cpu0 = cpuMicros(t.pid);
          r = await measure({ ...o, seconds });
        } catch (error) {
          // A target that died is reported as such; the others are still measured.
          console.error(`round ${round + 1} ${t.name}: ${(error as Error).message.split("\n")[0]}`);
          errors[t.name] = (errors[t.name] ?? 0) + 1;
          continue;
        }
        const perRequest = (cpuMicros(t.pid) - cpu0) / (r.rps * seconds);
        rps[t.name] = [...(rps[t.name] ?? []), r.rps];
        const seen = byRound[t.name] ?? [];
        seen[round] = r.rps;
        byRound[t.name] = seen;
        cpu[t.name] = [...(cpu[t.name] ?? []), perRequest];
        errors[t.name] = (errors[t.name] ?? 0) + r.errors;
        console.error(
          `round ${round + 1} ${t.name.padEnd(14)} ${r.rps.toFixed(0).padStart(7)} req/s ${perRequest.toFixed(1).padStart(6)} µs CPU/req  errors ${r.errors}  load ${loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
    const med = (name: string) => (rps[name] ? median(rps[name]) : Number.NaN);
    const medCpu = (name: string) => (cpu[name] ? median(cpu[name]) : Number.NaN);

    let latency: LatencyResult | undefined;
    const keyless = targets.find((t) => t.name === "keyless");
    if (!values["no-latency"] && keyless) {
      // The peers at the same rates, in the same rounds: what a proxy adds on this machine at
      // that rate whatever its code (nginx: next to no CPU; the Node peers: node:http + undici).
      const peers = targets.filter((t) => t.kind === "peer" || t.kind === "node-peer");
      latency = await measureLatency(
        [targets[0]!, keyless, ...peers],
        med("keyless"),
        Number(values["latency-seconds"]),
        rounds,
      );
    }
    const load1 = loadavg();
    const report = renderReport({
      targets,
      med,
      medCpu,
      byRound,
      errors,
      latency,
      seconds,
      rounds,
      connections,
      generator,
      started,
      load: [load0[0]!, load1[0]!],
    });
    console.log(report);
    if (values.write) await writeDocs(report);
  } finally {
    killAll();
    await rm(work, { recursive: true, force: true });
  }
}

interface LatencyResult {
  rate: number;
  /** Medians over the rounds, by target name: the backend alone, keyless, then the peers. */
  unloaded: Record<string, Latency>;
  half: Record<string, Latency>;
  /**
   * The same with the proxy on a core of its own (every thread of its processes on the last CPU;
   * the client and the backend on CPU 0), when the machine has two cores or more and taskset.
   */
  ownCore?: { unloaded: Record<string, Latency>; half: Record<string, Latency> };
  labels: Record<string, string>;
}

/**
 * p99 of each target (the backend alone first, then Sluice keyless, then the peers) unloaded and at
 * half of Sluice's maximum, interleaved, medians over the rounds. Twice: with every process free to
 * run on every core (the client, the backend and the proxy then compete for the machine's cores,
 * and a process that waits for a core adds the scheduler's time slice to the tail), and with the
 * proxy on a core of its own — the latency the proxy adds, without the load generator's share.
 */
async function measureLatency(
  targets: Target[],
  maxRps: number,
  seconds: number,
  rounds: number,
): Promise<LatencyResult> {
  const half = Math.round(maxRps / 2);
  const n = cpus().length;
  const canPin = n >= 2 && spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;
  const phases = [
    { key: "unloaded", connections: 1, rate: 200, own: false },
    { key: "half", connections: 50, rate: half, own: false },
    ...(canPin
      ? [
          { key: "own unloaded", connections: 1, rate: 200, own: true },
          { key: "own half", connections: 50, rate: half, own: true },
        ]
      : []),
  ];
  const all = `0-${n - 1}`;
  const proxies = targets.filter((t) => t.name !== "backend");
  const backendPids = processTree(targets[0]!.pid);
  const place = (own: boolean) => {
    pinProcesses(backendPids, own ? "0" : all);
    for (const t of proxies) pinProcesses(processTree(t.pid), own ? String(n - 1) : all);
  };
  const runs: Record<string, Latency[]> = {};
  try {
    for (let r = 0; r < rounds; r++) {
      const said: string[] = [];
      for (const phase of phases) {
        if (canPin) place(phase.own);
        const p99s: string[] = [];
        for (const t of targets) {
          const key = `${phase.key} ${t.name}`;
          const l = await fixedRateLatency({
            url: t.url,
            connections: phase.connections,
            rate: phase.rate,
            seconds,
            ...(phase.own ? { cpus: "0" } : {}),
          });
          runs[key] = [...(runs[key] ?? []), l];
          p99s.push(`${t.name} ${l.p99.toFixed(3)}`);
        }
        said.push(
          `${phase.own ? "own core, " : ""}${phase.rate}/s on ${phase.connections}: ${p99s.join(", ")} ms`,
        );
      }
      console.error(`latency round ${r + 1}, p99: ${said.join("; ")}`);
    }
  } finally {
    if (canPin) place(false);
  }
  const pick = (xs: Latency[]): Latency => ({
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
    count: median(xs.map((x) => x.count)),
    errors: xs.reduce((n, x) => n + x.errors, 0),
  });
  const of = (key: string) =>
    Object.fromEntries(targets.map((t) => [t.name, pick(runs[`${key} ${t.name}`]!)]));
  return {
    rate: half,
    unloaded: of("unloaded"),
    half: of("half"),
    ...(canPin ? { ownCore: { unloaded: of("own unloaded"), half: of("own half") } } : {}),
    labels: Object.fromEntries(targets.map((t) => [t.name, t.label])),
  };
}

function renderReport(r: {
  targets: Target[];
  med: (name: string) => number;
  medCpu: (name: string) => number;
  /** req/s by target and round, for the goals' paired ratios (./proxy/goals.ts). */
  byRound: ByRound;
  errors: Record<string, number>;
  latency: LatencyResult | undefined;
  seconds: number;
  rounds: number;
  connections: number;
  generator: string;
  started: Date;
  load: [number, number];
}): string {
  const { targets, med } = r;
  const nginx = med("nginx");
  const nodePeers = targets.filter((t) => t.kind === "node-peer");
  const best = nodePeers.reduce<Target | undefined>(
    (b, t) => (b === undefined || med(t.name) > med(b.name) ? t : b),
    undefined,
  );
  const bestRps = best ? med(best.name) : Number.NaN;
  const x = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "—");
  const lines: string[] = [];
  lines.push(
    `Run ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus().length} cores, load average ${r.load[0].toFixed(1)} at the start and ${r.load[1].toFixed(1)} at the end; Node ${process.version}; ${r.generator}, keep-alive GETs of a 64-byte body, ${r.rounds} interleaved rounds of ${r.seconds} s (each after a 1 s warm-up; every target warmed ${WARM_UP_SECONDS} s before the first), medians.`,
    "",
    "| target | req/s | of nginx | of the best Node peer | CPU µs/request | errors |",
    "|---|---:|---:|---:|---:|---:|",
  );
  for (const t of targets) {
    const v = med(t.name);
    const name = t.kind === "sluice" ? `**${t.label}**` : t.label;
    lines.push(
      `| ${name} | ${v.toFixed(0)} | ${x(v, nginx)} | ${x(v, bestRps)} | ${r.medCpu(t.name).toFixed(1)} | ${r.errors[t.name] ?? 0} |`,
    );
  }
  lines.push(
    "",
    "CPU µs/request: the proxy process's user + system time during the round (/proc) divided by the requests it served — steadier than req/s when other work shares the cores.",
  );
  // Each goal as both ratios; the paired one (the rounds' own ratios, medianed) decides met.
  const goal = (what: string, name: string, refLabel: string, ref: string, target: number) =>
    lines.push(throughputGoal(r.byRound, what, name, refLabel, ref, target));
  lines.push("", ...GOAL_HEADER);
  if (best) goal("keyless pass-through vs the best Node peer", "keyless", best.label, best.name, 1.3);
  goal("keyless pass-through vs nginx", "keyless", "nginx", "nginx", 0.6);
  if (targets.some((t) => t.name === "keyless-nolog")) {
    // Like for like: the peers write no access log.
    if (best)
      goal(
        "keyless, access log off (as the peers) vs the best Node peer",
        "keyless-nolog",
        best.label,
        best.name,
        1.3,
      );
    goal("keyless, access log off (as the peers) vs nginx", "keyless-nolog", "nginx", "nginx", 0.6);
  }
  goal("API-key plan + transform-headers", "api-key", "keyless", "keyless", 0.9);
  goal("rate-limited", "rate-limit", "keyless", "keyless", 0.85);
  goal("1,000 APIs in the bundle", "1000-apis", "1 API (keyless)", "keyless", 0.97);
  const lat = r.latency;
  if (lat) {
    const row = (what: string, p: Record<string, Latency>, target: number) => {
      const direct = p.backend!.p99;
      const sluice = p.keyless!.p99;
      const added = sluice - direct;
      lines.push(
        `| ${what} | ${added.toFixed(2)} ms | p99 backend alone ${direct.toFixed(2)} ms, through Sluice ${sluice.toFixed(2)} ms | — | — | ≤ ${target} ms | ${added <= target ? "✓" : "✗"} |`,
      );
    };
    const shared = lat.ownCore ? ", cores shared by client, backend and proxy" : "";
    row(`p99 added latency, unloaded (200 req/s, 1 connection${shared})`, lat.unloaded, 0.5);
    row(
      `p99 added latency at half the maximum rate (${lat.rate} req/s, 50 connections${shared})`,
      lat.half,
      3,
    );
    if (lat.ownCore) {
      row("p99 added latency, unloaded, the proxy on a core of its own", lat.ownCore.unloaded, 0.5);
      row(
        `p99 added latency at half the maximum rate (${lat.rate} req/s), the proxy on a core of its own`,
        lat.ownCore.half,
        3,
      );
    }
    const peers = Object.keys(lat.unloaded).filter((name) => name !== "backend" && name !== "keyless");
    if (peers.length > 0) {
      const own = lat.ownCore;
      lines.push(
        "",
        `| p99 at the same rates, same rounds | unloaded | added | at ${lat.rate} req/s | added |${own ? ` own core: unloaded | added | at ${lat.rate} req/s | added |` : ""}`,
        `|---|---:|---:|---:|---:|${own ? "---:|---:|---:|---:|" : ""}`,
      );
      for (const name of ["backend", "keyless", ...peers]) {
        const label = name === "keyless" ? `**${lat.labels[name]}**` : lat.labels[name];
        const cells = (p: { unloaded: Record<string, Latency>; half: Record<string, Latency> }) => {
          const u = p.unloaded[name]!.p99;
          const h = p.half[name]!.p99;
          const plus = (v: number, ref: number) => (name === "backend" ? "—" : `${(v - ref).toFixed(2)} ms`);
          return `${u.toFixed(2)} ms | ${plus(u, p.unloaded.backend!.p99)} | ${h.toFixed(2)} ms | ${plus(h, p.half.backend!.p99)} |`;
        };
        lines.push(`| ${label} | ${cells(lat)}${own ? ` ${cells(own)}` : ""}`);
      }
    }
    lines.push(
      "",
      "Latency: an open-loop fixed-rate client in its own process (bench/proxy/fixed-rate.ts, as wrk2 does; wrk2 is not in Debian): requests due at even intervals, coordinated omission corrected, every response time kept, interleaved (the backend alone, Sluice, then the peers, at each rate), medians of the rounds.",
    );
    if (lat.ownCore)
      lines.push(
        "",
        `Own core: every thread of the proxy's processes on CPU ${cpus().length - 1} (taskset), the client and the backend on CPU 0, for every target alike (the backend alone too); the shared rows let the scheduler put any process on any core, so the proxy also waits for the cores the client and the backend use.`,
      );
  }
  return lines.join("\n");
}

async function writeDocs(report: string): Promise<void> {
  const START = "<!-- bench:proxy:start -->";
  const END = "<!-- bench:proxy:end -->";
  const path = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));
  const text = await readFile(path, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const block = `${START}\n${report}\n${END}`;
  const next =
    a >= 0 && b > a
      ? text.slice(0, a) + block + text.slice(b + END.length)
      : `${text.trimEnd()}\n\n## Proxy hot path (\`npm run bench:proxy\`)\n\n${block}\n`;
  await writeFile(path, next);
  console.error(`tables written into ${path}`);
}
