// Instruction counts per request of a proxy under `valgrind --tool=callgrind` — what the timed
// bench cannot resolve on a shared machine (docs/benchmarks.md, "counted, not timed"). One
// backend; each target started under callgrind, warmed with a keep-alive client (8 requests in
// flight), its counters zeroed, N requests counted, dumped; the main thread's total per request
// is printed, and the dump is kept for callgrind_annotate.
//
//   node bench/proxy/callgrind.ts [--targets floor,keyless,keyless-nolog] (also undici, fast-gateway,
//                                 fastify and the other variants of sluice.ts) [--warm 3000] [--count 2000]
//                                 [--out DIR]
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";
import { CONTEXT_PATH, freePort, startRole } from "./peers.ts";
import { compileVariant, VARIANTS } from "./sluice.ts";

const { values } = parseArgs({
  options: {
    targets: { type: "string", default: "floor,keyless,keyless-nolog" },
    warm: { type: "string", default: "3000" },
    count: { type: "string", default: "2000" },
    out: { type: "string", default: "/tmp/sluice-callgrind" },
  },
});
const out = values.out;
await mkdir(out, { recursive: true });
const children: ChildProcess[] = [];
process.once("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});
const backend = await startRole("backend", "", 64);
children.push(backend.proc);
const backendUrl = `http://127.0.0.1:${backend.port}`;
const proxyScript = fileURLToPath(new URL("../proxy.ts", import.meta.url));

for (const name of values.targets.split(",")) {
  const port = await freePort();
  let argv: string[];
  let env: Record<string, string> = {};
  if (["floor", "undici", "fast-gateway", "fastify"].includes(name)) {
    argv = [proxyScript, `--role=${name}`, `--port=${port}`, `--target=${backendUrl}`];
  } else {
    const v = VARIANTS.find((x) => x.name === name);
    if (!v) throw new Error(`unknown target ${name}`);
    const bundle = await compileVariant(v, join(out, `bundle-${name}`));
    argv = [bundle];
    env = {
      SLUICE_WORKERS: "1",
      ...v.env,
      BENCH_BACKEND: backendUrl,
      SLUICE_HTTP_PORT: String(port),
      SLUICE_ADMIN_PORT: String(await freePort()),
      SLUICE_HOST: "127.0.0.1",
    };
  }
  const file = join(out, `${name}.callgrind`);
  // The semi-space flag given here (the gateway would otherwise re-exec itself out of valgrind).
  const proc = spawn(
    "valgrind",
    [
      "--tool=callgrind",
      "--smc-check=all-non-file",
      "--separate-threads=yes",
      `--callgrind-out-file=${file}.%p`,
      process.execPath,
      "--min-semi-space-size=16",
      ...argv,
    ],
    { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] },
  );
  children.push(proc);
  const v = VARIANTS.find((x) => x.name === name);
  const path = v ? v.path : `${CONTEXT_PATH}/items?id=1`;
  const url = `http://127.0.0.1:${port}${path}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const r = await request(url, { headers: v?.headers ?? {} });
      await r.body.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`${name} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const agent = new Agent({ connections: 8, pipelining: 1 });
  const load = async (n: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next++ < n) {
          const r = await request(url, { dispatcher: agent, headers: v?.headers ?? {} });
          await r.body.arrayBuffer();
          if (r.statusCode !== 200) throw new Error(`${name} answered ${r.statusCode}`);
        }
      }),
    );
  };
  const count = Number(values.count);
  await load(Number(values.warm));
  spawnSync("callgrind_control", ["-z", String(proc.pid)], { stdio: "ignore" });
  await load(count);
  spawnSync("callgrind_control", ["-d", String(proc.pid)], { stdio: "ignore" });
  await agent.close();
  proc.kill("SIGKILL");
  await new Promise((r) => proc.once("close", r));
  // The counted window's dumps, one per thread (`.N-TT`): thread 01 is the main thread.
  for (const f of readdirSync(out).sort()) {
    if (!f.startsWith(`${name}.callgrind.${proc.pid}.`) || f.endsWith(".0") || /\.0-\d+$/.test(f)) continue;
    const text = readFileSync(join(out, f), "utf8");
    const total = Number((/^summary:\s+(\d+)/m.exec(text) ?? /^totals:\s+(\d+)/m.exec(text))?.[1] ?? 0);
    if (total === 0) continue;
    console.log(
      `${name} ${f.slice(f.lastIndexOf(".") + 1)}: ${(total / count / 1000).toFixed(1)}k instructions per request (${f})`,
    );
  }
}
