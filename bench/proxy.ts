// Proxy hot-path cost: a direct undici pass-through proxy (the floor: Node http server → undici
// Pool → pipeline back, nothing else) against the compiled Sluice gateway, in front of the same
// backend, in one run.
//
//   node bench/proxy.ts [--seconds 5] [--connections 32] [--rounds 3] [--size 64]
//
// The backend, the direct proxy and the gateway each run in their own child process; the load
// generator (an undici Pool, `connections` keep-alive connections, one request in flight each) runs
// in this process. Rounds alternate direct / sluice, each after a 1 s warm-up. Reported per target:
// requests/s, and the proxy process's CPU time per request (user + system, µs) — the figure that
// matters on a shared 2-core box, where req/s also depends on what the other processes get — and
// the Sluice/direct ratios. Medians over the rounds. Bounded: every child is killed at the end.
import { type ChildProcess, fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { startGatewayProcess } from "../test/proxy/gateway-process.ts";
import { group, v4Proxy } from "../test/proxy/specs.ts";

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    target: { type: "string" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "32" },
    rounds: { type: "string", default: "3" },
    size: { type: "string", default: "64" },
  },
});

// A child whose parent is gone has nothing left to do.
if (values.role) process.once("disconnect", () => process.exit(0));

if (values.role === "backend") {
  const body = Buffer.alloc(Number(values.size), "x");
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/plain", "content-length": body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
} else if (values.role === "direct") {
  const pool = new Pool(values.target!, { connections: 100 });
  const server = createServer((req, res) => {
    pool.request({ path: req.url!, method: req.method as "GET", headers: req.headers, body: req }).then(
      (up) => {
        res.writeHead(up.statusCode, up.headers as Record<string, string>);
        pipeline(up.body, res, () => {});
      },
      () => {
        res.statusCode = 502;
        res.end();
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on("message", (m) => {
    if (m === "cpu") {
      const u = process.cpuUsage();
      process.send!({ value: u.user + u.system });
    }
  });
} else {
  await main();
}

function child(role: string, extra: string[] = []): Promise<{ proc: ChildProcess; port: number }> {
  const proc = fork(fileURLToPath(import.meta.url), [`--role=${role}`, `--size=${values.size}`, ...extra], {
    execPath: process.execPath,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve) =>
    proc.once("message", (m: { port: number }) => resolve({ proc, port: m.port })),
  );
}

async function drive(
  url: string,
  ms: number,
  connections: number,
): Promise<{ count: number; errors: number }> {
  const pool = new Pool(url, { connections, pipelining: 1 });
  let count = 0;
  let errors = 0;
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      try {
        const res = await pool.request({ path: "/bench/items?id=1", method: "GET" });
        await res.body.dump();
        if (res.statusCode === 200) count++;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.close();
  return { count, errors };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const backend = await child("backend");
  const backendUrl = `http://127.0.0.1:${backend.port}`;
  const direct = await child("direct", [`--target=${backendUrl}`]);
  const sluice = await startGatewayProcess({
    "bench.yaml": v4Proxy("bench", "/bench", [
      group({ endpoints: [{ name: "origin", target: backendUrl }] }),
    ]),
  });
  const askCpu = (proc: ChildProcess) =>
    new Promise<number>((resolve) => {
      proc.once("message", (m: { value: number }) => resolve(m.value));
      proc.send("cpu");
    });
  const targets = [
    { name: "direct", url: `http://127.0.0.1:${direct.port}`, cpu: () => askCpu(direct.proc) },
    { name: "sluice", url: sluice.url, cpu: () => sluice.cpu() },
  ];
  const results: Record<string, { rps: number[]; us: number[]; errors: number }> = {
    direct: { rps: [], us: [], errors: 0 },
    sluice: { rps: [], us: [], errors: 0 },
  };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const t of targets) {
        await drive(t.url, 1000, connections);
        const cpu0 = await t.cpu();
        const t0 = performance.now();
        const { count, errors } = await drive(t.url, seconds * 1000, connections);
        const elapsed = (performance.now() - t0) / 1000;
        const cpu = (await t.cpu()) - cpu0;
        const r = results[t.name]!;
        r.rps.push(count / elapsed);
        r.us.push(cpu / count);
        r.errors += errors;
        console.log(
          `round ${round + 1} ${t.name.padEnd(6)} ${(count / elapsed).toFixed(0).padStart(7)} req/s  ${(cpu / count).toFixed(1).padStart(6)} µs CPU/req  errors ${errors}`,
        );
      }
    }
  } finally {
    await sluice.close();
    direct.proc.kill();
    backend.proc.kill();
  }
  const d = results.direct!;
  const s = results.sluice!;
  console.log(
    `\nmedians over ${rounds} rounds of ${seconds} s, ${connections} connections, ${values.size}-byte bodies:`,
  );
  console.log(
    `  direct undici pass-through  ${median(d.rps).toFixed(0)} req/s  ${median(d.us).toFixed(1)} µs CPU/req`,
  );
  console.log(
    `  sluice gateway              ${median(s.rps).toFixed(0)} req/s  ${median(s.us).toFixed(1)} µs CPU/req`,
  );
  console.log(
    `  ratio sluice/direct         ${(median(s.rps) / median(d.rps)).toFixed(2)}× throughput, ${(median(s.us) / median(d.us)).toFixed(2)}× CPU per request`,
  );
  if (d.errors + s.errors > 0) console.log(`  errors: direct ${d.errors}, sluice ${s.errors}`);
}
