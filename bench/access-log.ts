// `node bench/access-log.ts`: what the access log costs on the proxy hot path. One backend, one
// compiled keyless bundle run three times side by side — SLUICE_ACCESS_LOG=off, =stdout (a pipe this
// script drains, as a container runtime does) and =<file> — measured by wrk in interleaved rounds
// (the order rotates each round), medians, so the machine's load hits every variant alike.
//
//   node bench/access-log.ts [--seconds 4] [--rounds 5] [--connections 50]
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findWrk, wrk } from "./proxy/load.ts";
import { CONTEXT_PATH, freePort, startRole, waitForPort } from "./proxy/peers.ts";
import { compileVariant, VARIANTS } from "./proxy/sluice.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "4" },
    rounds: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
  },
});
const work = await mkdtemp(join(tmpdir(), "sluice-bench-access-"));
const children: ChildProcess[] = [];
process.once("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill();
});
const binary = findWrk(true);
if (!binary) throw new Error("wrk is needed");
const backend = await startRole("backend", "", 64);
children.push(backend.proc);
const keyless = VARIANTS.find((v) => v.name === "keyless")!;
const bundle = await compileVariant(keyless, join(work, "keyless"));
const file = join(work, "access.log");
let stdoutBytes = 0;
const targets: Array<{ name: string; port: number }> = [];
for (const [name, destination] of [
  ["off", "off"],
  ["stdout", "stdout"],
  ["file", file],
] as const) {
  const port = await freePort();
  const proc = spawn(process.execPath, [bundle], {
    env: {
      ...process.env,
      BENCH_BACKEND: `http://127.0.0.1:${backend.port}`,
      SLUICE_HTTP_PORT: String(port),
      SLUICE_ADMIN_PORT: String(await freePort()),
      SLUICE_HOST: "127.0.0.1",
      SLUICE_ACCESS_LOG: destination,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  proc.stdout?.on("data", (d: Buffer) => {
    stdoutBytes += d.length;
  });
  children.push(proc);
  await waitForPort(port, proc);
  targets.push({ name, port });
}
const rps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
const seconds = Number(values.seconds);
const connections = Number(values.connections);
for (let round = 0; round < Number(values.rounds); round++) {
  const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
  for (const t of order) {
    const url = `http://127.0.0.1:${t.port}${CONTEXT_PATH}/items?id=1`;
    await wrk(binary, { url, seconds: 1, connections }); // warm-up
    rps.get(t.name)!.push((await wrk(binary, { url, seconds, connections })).rps);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const off = median(rps.get("off")!);
console.log("| SLUICE_ACCESS_LOG | req/s (median) | vs off | rounds |");
console.log("|---|---:|---:|---|");
for (const [name, list] of rps)
  console.log(
    `| ${name} | ${median(list).toFixed(0)} | ${(median(list) / off).toFixed(3)}× | ${list.map((x) => x.toFixed(0)).join(", ")} |`,
  );
console.log(`(file: ${(await stat(file)).size} bytes written; stdout: ${stdoutBytes} bytes read)`);
for (const c of children) c.kill();
await rm(work, { recursive: true, force: true });
