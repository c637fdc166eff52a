// The compiler and gateway benchmarks (`npm run bench`). Every figure is reported next to a
// reference measured in the same run on the same machine, and as a ratio against the target of
// the issue that set it, never as a timed unit test:
//   check 1,000 specs                       target < 2 s     reference: read + parse the YAML only
//   compile 1,000 APIs cold (YAML → bundle)  target ≤ 3 s     reference: same
//   code generation alone (model + emit)    target ≤ 0.5 s
//   one changed spec, recompiled            target ≤ 0.5 s   (write + type-check + bundle)
//   gateway start with 1,000 APIs           target ≤ 1 s, ≤ 150 MB RSS   reference: bare node HTTP server
import { execFileSync, spawn } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { generateSpecs, specFor } from "./generate-specs.ts";

const ROOT = resolve(import.meta.dirname, "..");
const NODE = join(ROOT, "node_modules", ".bin", "node");
const SLUICE = join(ROOT, "bin", "sluice.js");
const WORK = join(ROOT, ".tmp", "bench");
const APIS = join(WORK, "apis");
const OUT = join(WORK, "generated");
const COUNT = Number(process.env.BENCH_APIS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Row {
  what: string;
  value: number;
  unit: string;
  reference?: { what: string; value: number };
  target?: number;
}
const rows: Row[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time of a command, in ms (the median of RUNS). */
function timeCommand(args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    try {
      execFileSync(NODE, args, { cwd: WORK, stdio: "pipe", env: { ...process.env, ...env } });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(
        `${args.join(" ")} failed:\n${e.stdout?.toString().slice(0, 2000)}\n${e.stderr?.toString().slice(0, 2000)}`,
      );
    }
    times.push(performance.now() - t);
  }
  return median(times);
}

async function yamlReference(): Promise<number> {
  // Reading and parsing every file with the loader's parser, in a fresh process like the CLI:
  // what `check` cannot beat.
  const script = join(WORK, "parse-only.mjs");
  await writeFile(
    script,
    `import { readFileSync, readdirSync } from "node:fs"; import { join } from "node:path";
import { loadAll } from ${JSON.stringify(join(ROOT, "node_modules", "js-yaml", "dist", "js-yaml.mjs"))};
const dir = ${JSON.stringify(APIS)}; let n = 0;
for (const f of readdirSync(dir, { recursive: true })) if (String(f).endsWith(".yaml")) n += loadAll(readFileSync(join(dir, String(f)), "utf8")).length;
if (n === 0) process.exit(1);`,
  );
  return timeCommand([script]);
}

async function gatewayStart(bundle: string): Promise<{ ms: number; rssMb: number }> {
  const samples: Array<{ ms: number; rssMb: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const child = spawn(NODE, [bundle], {
      // One process: its start time and RSS (SLUICE_WORKERS would add a worker per core).
      env: {
        ...process.env,
        SLUICE_WORKERS: "1",
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        SLUICE_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const ms = await new Promise<number>((resolveStart, reject) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes('"gateway started"') || out.includes("listening"))
          resolveStart(performance.now() - t);
      });
      child.once("exit", (code) => reject(new Error(`gateway exited ${code}: ${out}`)));
    });
    await new Promise((r) => setTimeout(r, 300));
    const status = await readFile(`/proc/${child.pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    child.removeAllListeners("exit");
    child.kill("SIGKILL");
    samples.push({ ms, rssMb: rssKb / 1024 });
  }
  return { ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)) };
}

/**
 * `sluice compile --watch`: the time from saving a changed spec to the compile that it triggered
 * reporting its new bundle (the watcher's settle delay included), median of RUNS changes.
 */
async function watchMode(file: string): Promise<number[]> {
  const child = spawn(NODE, [SLUICE, "compile", "apis", "--out", "generated", "--watch"], {
    cwd: WORK,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  let waiting: ((line: string) => void) | undefined;
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString();
    let nl = err.indexOf("\n");
    while (nl >= 0) {
      const line = err.slice(0, nl);
      err = err.slice(nl + 1);
      waiting?.(line);
      nl = err.indexOf("\n");
    }
  });
  const next = (match: RegExp) =>
    new Promise<void>((resolveLine, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch mode: no line matching ${match}`)), 60_000);
      waiting = (line) => {
        if (!match.test(line)) return;
        clearTimeout(timer);
        waiting = undefined;
        resolveLine();
      };
    });
  try {
    await next(/watching/);
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const done = next(/changed: compiled/);
      const t = performance.now();
      await writeFile(
        join(APIS, "team-0", file),
        specFor(0).replace("Generated API number 0", `Watched ${i}`),
      );
      await done;
      // The first change after start-up warms the JIT; it is not counted.
      if (i > 0) times.push(performance.now() - t);
    }
    return times;
  } finally {
    child.kill("SIGINT");
  }
}

async function main(): Promise<void> {
  process.stderr.write(`bench: generating ${COUNT} specs…\n`);
  await generateSpecs(APIS, COUNT);

  process.stderr.write("bench: check…\n");
  const parse = await yamlReference();
  const check = timeCommand([SLUICE, "check", "apis", "-q"].filter((a) => a !== "-q"));
  rows.push({
    what: `check ${COUNT} specs`,
    value: check,
    unit: "ms",
    reference: { what: "parse the YAML only", value: parse },
    target: 2000,
  });

  // Cold: an output directory that has never been compiled into, with the compiler's cache as
  // the first compile after `npm ci` leaves it (runtime declarations, the link bundle). Each run
  // writes a fresh directory: deleting the last one just before would time the file system's
  // clean-up of 1,000 deleted files (a VM disk mounted with `discard` made writes 10× slower).
  process.stderr.write("bench: compile cold…\n");
  const compileInto = (out: string, env: Record<string, string> = {}) => {
    const t = performance.now();
    execFileSync(NODE, [SLUICE, "compile", "apis", "--out", out, "-q"], {
      cwd: WORK,
      stdio: "pipe",
      env: { ...process.env, ...env },
    });
    return performance.now() - t;
  };
  const firstCompile = compileInto("generated-first", { SLUICE_CACHE_DIR: join(WORK, "cache-first") });
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) cold.push(compileInto(`generated-cold-${i}`));
  await rm(OUT, { recursive: true, force: true });
  compileInto("generated");
  rows.push({
    what: `compile ${COUNT} APIs cold (YAML → bundle)`,
    value: median(cold),
    unit: "ms",
    reference: { what: "parse the YAML only", value: parse },
    target: 3000,
  });
  rows.push({
    what: `the same, the first compile after \`npm ci\` (empty compiler cache)`,
    value: firstCompile,
    unit: "ms",
    reference: { what: "parse the YAML only", value: parse },
  });
  for (const dir of ["generated-first", "cache-first", ...cold.map((_, i) => `generated-cold-${i}`)])
    await rm(join(WORK, dir), { recursive: true, force: true });

  process.stderr.write("bench: code generation…\n");
  const { checkRepository } = await import("../compiler/pipeline.ts");
  const { emitGateway } = await import("../compiler/emit/emit-gateway.ts");
  const { ConnectorResolver } = await import("../compiler/emit/connectors.ts");
  const checked = await checkRepository({ target: APIS });
  if (!checked.model) throw new Error("bench specs do not check");
  const gen: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    emitGateway(checked.model, new ConnectorResolver(), {
      outDir: OUT,
      runtimeDir: join(ROOT, "runtime"),
      typesDir: join(ROOT, "node_modules", "@types"),
      version: "bench",
    });
    gen.push(performance.now() - t);
  }
  rows.push({
    what: "code generation alone (emit, in process)",
    value: median(gen),
    unit: "ms",
    target: 500,
  });

  process.stderr.write("bench: one changed spec…\n");
  const incremental: number[] = [];
  const first = (await readdir(join(APIS, "team-0")))[0]!;
  for (let i = 0; i < RUNS; i++) {
    await writeFile(
      join(APIS, "team-0", first),
      specFor(0).replace("Generated API number 0", `Changed ${i}`),
    );
    const t = performance.now();
    execFileSync(NODE, [SLUICE, "compile", "apis", "--out", "generated", "-q"], { cwd: WORK, stdio: "pipe" });
    incremental.push(performance.now() - t);
  }
  process.stderr.write("bench: one changed spec, watch mode…\n");
  const watched = await watchMode(first);
  rows.push({
    what: "one changed spec recompiled, `compile --watch` (saved → type-checked bundle)",
    value: median(watched),
    unit: "ms",
    reference: { what: "a one-shot `sluice compile` of the same change", value: median(incremental) },
    target: 500,
  });

  process.stderr.write("bench: gateway start…\n");
  const bare = join(WORK, "bare.mjs");
  await writeFile(
    bare,
    `import http from "node:http"; http.createServer((q, s) => s.end()).listen(0, "127.0.0.1", () => console.log("listening"));`,
  );
  const reference = await gatewayStart(bare);
  const started = await gatewayStart(join(OUT, "dist", "gateway.mjs"));
  rows.push({
    what: `gateway start with ${COUNT} APIs`,
    value: started.ms,
    unit: "ms",
    reference: { what: "bare node HTTP server", value: reference.ms },
    target: 1000,
  });
  rows.push({
    what: `gateway RSS with ${COUNT} APIs`,
    value: started.rssMb,
    unit: "MB",
    reference: { what: "bare node HTTP server", value: reference.rssMb },
    target: 150,
  });

  const lines = [
    `| measurement | value | reference (same run) | ratio to reference | target | value / target |`,
    `|---|---:|---|---:|---:|---:|`,
    ...rows.map((r) => {
      const ref = r.reference ? `${r.reference.what}: ${r.reference.value.toFixed(0)} ${r.unit}` : "—";
      const ratio = r.reference ? `${(r.value / r.reference.value).toFixed(2)}×` : "—";
      const target = r.target ? `${r.target} ${r.unit}` : "—";
      const vt = r.target ? `${(r.value / r.target).toFixed(2)} ${r.value <= r.target ? "✓" : "✗"}` : "—";
      return `| ${r.what} | ${r.value.toFixed(0)} ${r.unit} | ${ref} | ${ratio} | ${target} | ${vt} |`;
    }),
  ];
  console.log(lines.join("\n"));
}

await main();
