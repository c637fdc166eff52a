// SLUICE_WORKERS: the compiled bundle (dist/gateway.mjs) run as `sluice start` runs it, in real
// processes — a primary and its workers. The workers share the traffic port; the primary serves
// the admin port for all of them, restarts a worker that dies, and drains them all on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRepository } from "../../compiler/compile.ts";
import { DEBUG_HEADER, debugToken } from "../../runtime/observability/debug.ts";
import {
  cgroupCpus,
  DEFAULT_SEMI_SPACE_MB,
  gatewayExecArgv,
  workerCount,
} from "../../runtime/server/node-flags.ts";
import { sumMetrics } from "../../runtime/server/workers.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("how many workers", () => {
  it("SLUICE_WORKERS wins; auto or unset takes the cores, bounded by the cgroup CPU quota", () => {
    expect(workerCount({ SLUICE_WORKERS: "3" })).toBe(3);
    expect(workerCount({ SLUICE_WORKERS: "1" })).toBe(1);
    expect(() => workerCount({ SLUICE_WORKERS: "0" })).toThrow(/SLUICE_WORKERS/);
    expect(() => workerCount({ SLUICE_WORKERS: "two" })).toThrow(/SLUICE_WORKERS/);
    expect(workerCount({})).toBeGreaterThanOrEqual(1);
    const files = (f: Record<string, string>) => (path: string) => f[path];
    expect(cgroupCpus(files({ "/sys/fs/cgroup/cpu.max": "150000 100000\n" }))).toBe(2);
    expect(cgroupCpus(files({ "/sys/fs/cgroup/cpu.max": "max 100000\n" }))).toBeUndefined();
    expect(cgroupCpus(files({ "/sys/fs/cgroup/cpu.max": "50000 100000\n" }))).toBe(1);
    expect(
      cgroupCpus(
        files({
          "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "400000",
          "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000",
        }),
      ),
    ).toBe(4);
    expect(cgroupCpus(files({}))).toBeUndefined();
  });

  it("a gateway process's node flags: the ones it was given, then the young generation's size unless the user set one", () => {
    const semi = `--min-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`;
    expect(gatewayExecArgv(["--stack-trace-limit=7"], {})).toEqual(["--stack-trace-limit=7", semi]);
    expect(gatewayExecArgv([], { SLUICE_SEMI_SPACE_MB: "4" })).toEqual(["--min-semi-space-size=4"]);
    expect(gatewayExecArgv(["--inspect=0"], { SLUICE_SEMI_SPACE_MB: "off" })).toEqual(["--inspect=0"]);
    expect(gatewayExecArgv([], { SLUICE_SEMI_SPACE_MB: "0" })).toEqual([]);
    // The user's own semi-space flag, on the command line or in NODE_OPTIONS, wins.
    expect(gatewayExecArgv(["--max-semi-space-size=2"], {})).toEqual(["--max-semi-space-size=2"]);
    expect(gatewayExecArgv(["--semi_space_size=8"], {})).toEqual(["--semi_space_size=8"]);
    expect(gatewayExecArgv([], { NODE_OPTIONS: "--max-old-space-size=300 --max-semi-space-size=1" })).toEqual(
      [],
    );
    expect(gatewayExecArgv([], { NODE_OPTIONS: "--max-old-space-size=300" })).toEqual([semi]);
    expect(() => gatewayExecArgv([], { SLUICE_SEMI_SPACE_MB: "lots" })).toThrow(/SLUICE_SEMI_SPACE_MB/);
    expect(() => gatewayExecArgv([], { SLUICE_SEMI_SPACE_MB: "-1" })).toThrow(/SLUICE_SEMI_SPACE_MB/);
  });

  it("sums the workers' counters and histograms; readiness gauges take the lowest", () => {
    const worker = (requests: number, ready: number, inFlight: number) =>
      [
        "# HELP sluice_requests_total Requests.",
        "# TYPE sluice_requests_total counter",
        `sluice_requests_total{api="a",status="200"} ${requests}`,
        "# TYPE sluice_request_duration_seconds histogram",
        `sluice_request_duration_seconds_bucket{api="a",le="0.1"} ${requests}`,
        `sluice_request_duration_seconds_sum{api="a"} ${requests / 100}`,
        `sluice_request_duration_seconds_count{api="a"} ${requests}`,
        "# TYPE sluice_requests_in_flight gauge",
        `sluice_requests_in_flight ${inFlight}`,
        "# TYPE sluice_api_ready gauge",
        `sluice_api_ready{api="a"} ${ready}`,
        "",
      ].join("\n");
    const text = sumMetrics([worker(3, 1, 2), worker(4, 0, 1)]);
    expect(text).toContain('sluice_requests_total{api="a",status="200"} 7\n');
    expect(text).toContain('sluice_request_duration_seconds_bucket{api="a",le="0.1"} 7\n');
    expect(text).toContain('sluice_request_duration_seconds_count{api="a"} 7\n');
    expect(text).toContain('sluice_request_duration_seconds_sum{api="a"} 0.07\n');
    expect(text).toContain("sluice_requests_in_flight 3\n");
    expect(text).toContain('sluice_api_ready{api="a"} 0\n');
    expect(text.match(/# TYPE sluice_requests_total counter/g)).toHaveLength(1);
  });
});

interface Primary {
  child: ChildProcess;
  url: string;
  adminUrl: string;
  logs: string[];
  exited: Promise<number | null>;
}

/** The worker processes of the primary (Linux: /proc/<pid>/task/<pid>/children). */
function workersOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return text === "" ? [] : text.split(/\s+/).map(Number);
}

/** CPU time (user + system, clock ticks) a process has used. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

describe("a compiled gateway with SLUICE_WORKERS=3", () => {
  let backend: Server;
  let dir: string;
  let bundle: string;
  let received = 0;

  beforeAll(async () => {
    backend = createServer((req, res) => {
      received++;
      req.resume();
      req.on("end", () => setTimeout(() => res.end("done"), req.url?.includes("slow") ? 30 : 0));
    });
    backend.listen(0, "127.0.0.1");
    await once(backend, "listening");
    const port = (backend.address() as AddressInfo).port;
    dir = await writeRepository({ "a.yaml": proxyApi("alpha", "/alpha", `http://127.0.0.1:${port}`) });
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    bundle = join(dir, "generated", "dist", "gateway.mjs");
  }, 180_000);

  afterAll(async () => {
    backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const start = async (extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Primary> => {
    const child = spawn(process.execPath, [...nodeArgs, bundle], {
      env: {
        ...process.env,
        SLUICE_WORKERS: "3",
        ...extraEnv,
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        SLUICE_HOST: "127.0.0.1",
        SLUICE_DRAIN_TIMEOUT_MS: "5000",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const logs: string[] = [];
    let buffered = "";
    const started = new Promise<{ httpPort: number; adminPort: number }>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        let nl = buffered.indexOf("\n");
        while (nl >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          logs.push(line);
          const entry = JSON.parse(line) as {
            msg: string;
            httpPort: number;
            adminPort: number;
            workers?: number;
          };
          // One start line for the gateway, as with a single process, with the primary's admin port.
          if (entry.msg === "gateway started") {
            expect(entry.workers).toBe(extraEnv.SLUICE_WORKERS === "1" ? undefined : 3);
            resolve(entry);
          }
          nl = buffered.indexOf("\n");
        }
      });
      void exited.then((code) => reject(new Error(`gateway exited with ${code}`)));
    });
    const { httpPort, adminPort } = await started;
    return {
      child,
      url: `http://127.0.0.1:${httpPort}`,
      adminUrl: `http://127.0.0.1:${adminPort}`,
      logs,
      exited,
    };
  };

  /** Starts a primary with `start`'s arguments, runs `body` with it, then kills it whatever happened. */
  const withPrimary = async (args: Parameters<typeof start>, body: (primary: Primary) => Promise<void>) => {
    const primary = await start(...args);
    try {
      await body(primary);
    } finally {
      primary.child.kill("SIGKILL");
      await primary.exited;
    }
  };

  it("three workers answer; /metrics sums them; ready when all are; a killed worker is replaced", async () => {
    await withPrimary([], async (g) => {
      const pids = workersOf(g.child.pid!);
      expect(pids).toHaveLength(3);
      const ready = await fetch(`${g.adminUrl}/health/ready`);
      expect(ready.status).toBe(200);
      // The body a single process gives: the probes and their readers need not know about workers.
      expect(await ready.json()).toEqual({ status: "UP", notReady: [] });

      const before = pids.map(cpuTicks);
      const pool = new Pool(g.url, { connections: 30 });
      const statuses = await Promise.all(
        Array.from({ length: 600 }, () =>
          pool.request({ path: "/alpha/x", method: "GET" }).then(async (r) => {
            await r.body.dump();
            return r.statusCode;
          }),
        ),
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      // Every worker took a share of the connections, and so of the work.
      const used = pids.map((p, i) => cpuTicks(p) - before[i]!);
      for (const ticks of used) expect(ticks).toBeGreaterThan(0);
      const metrics = await (await fetch(`${g.adminUrl}/metrics`)).text();
      expect(metrics).toContain('sluice_requests_total{api="alpha",status="200"} 600\n');
      expect(metrics).toContain("sluice_workers 3\n");

      // A worker dies: the primary logs it and starts another; traffic goes on.
      process.kill(pids[1]!, "SIGKILL");
      let replaced: number[] = [];
      for (let i = 0; i < 100; i++) {
        await sleep(100);
        replaced = workersOf(g.child.pid!);
        const again = await fetch(`${g.adminUrl}/health/ready`).then((r) => r.status);
        if (replaced.length === 3 && !replaced.includes(pids[1]!) && again === 200) break;
      }
      expect(replaced).toHaveLength(3);
      expect(replaced).not.toContain(pids[1]);
      expect(g.logs.some((l) => l.includes('"worker exited; starting another"'))).toBe(true);
      const after = await pool.request({ path: "/alpha/y", method: "GET" });
      await after.body.dump();
      expect(after.statusCode).toBe(200);
      await pool.destroy();
    });
  });

  it("each worker runs with the primary's node flags and NODE_OPTIONS, and a bigger young generation", async () => {
    await withPrimary(
      [{ NODE_OPTIONS: "--max-old-space-size=300" }, ["--stack-trace-limit=7"]],
      async (g) => {
        const pids = workersOf(g.child.pid!);
        expect(pids).toHaveLength(3);
        for (const pid of pids) {
          const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
          expect(argv).toContain("--stack-trace-limit=7");
          expect(argv).toContain(`--min-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`);
          expect(readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")).toContain(
            "NODE_OPTIONS=--max-old-space-size=300",
          );
        }
        const res = await fetch(`${g.url}/alpha/x`);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      },
    );
    // The user's own semi-space flag is theirs: the workers get it, and no other.
    await withPrimary([{ SLUICE_SEMI_SPACE_MB: "8" }, ["--max-semi-space-size=2"]], async (own) => {
      for (const pid of workersOf(own.child.pid!)) {
        const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        expect(argv).toContain("--max-semi-space-size=2");
        expect(argv.filter((a) => a.includes("semi-space"))).toEqual(["--max-semi-space-size=2"]);
      }
    });
  });

  it("a single process replaces itself once, same PID, with its node flags and a bigger young generation", async () => {
    await withPrimary([{ SLUICE_WORKERS: "1" }, ["--stack-trace-limit=7"]], async (g) => {
      expect(workersOf(g.child.pid!)).toEqual([]);
      const argv = readFileSync(`/proc/${g.child.pid}/cmdline`, "utf8").split("\0");
      expect(argv.slice(1, 4)).toEqual([
        "--stack-trace-limit=7",
        `--min-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`,
        bundle,
      ]);
      const res = await fetch(`${g.url}/alpha/x`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    });
    // SLUICE_SEMI_SPACE_MB=off: V8's default, and no second start.
    await withPrimary([{ SLUICE_WORKERS: "1", SLUICE_SEMI_SPACE_MB: "off" }], async (off) => {
      const argv = readFileSync(`/proc/${off.child.pid}/cmdline`, "utf8").split("\0");
      expect(argv.filter((a) => a.includes("semi-space"))).toEqual([]);
    });
  });

  it("a single process replaces itself before it loads the runtime and the APIs: the bundle is loaded once", async () => {
    // A preload (kept across the restart: it is one of the node flags) records every module each
    // process loads, and whether that process has the young generation's flag yet.
    const trace = join(dir, "loaded.txt");
    const hook = join(dir, "trace-loads.mjs");
    await writeFile(
      hook,
      [
        'import { appendFileSync } from "node:fs";',
        'import { registerHooks } from "node:module";',
        'const stage = process.execArgv.some((a) => a.startsWith("--min-semi-space-size")) ? "after" : "before";',
        "registerHooks({",
        "  load(url, context, next) {",
        `    appendFileSync(${JSON.stringify(trace)}, \`\${process.pid} \${stage} \${url}\\n\`);`,
        "    return next(url, context);",
        "  },",
        "});",
        "",
      ].join("\n"),
    );
    let pid: number | undefined;
    await withPrimary([{ SLUICE_WORKERS: "1" }, [`--import=${pathToFileURL(hook).href}`]], async (g) => {
      pid = g.child.pid;
      const res = await fetch(`${g.url}/alpha/x`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    });
    const loads = readFileSync(trace, "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(" "))
      .filter(([, , url]) => url!.startsWith("file:") && url !== pathToFileURL(hook).href)
      .map(([pid, stage, url]) => ({
        pid: Number(pid),
        stage,
        file: relative(dirname(bundle), fileURLToPath(url!)),
      }));
    const files = (stage: string) => loads.filter((l) => l.stage === stage).map((l) => l.file);
    // One process (the same PID before and after); before the restart, nothing but the entry.
    expect(new Set(loads.map((l) => l.pid))).toEqual(new Set([pid]));
    expect(files("before")).toEqual(["gateway.mjs"]);
    expect(files("after")).toEqual(expect.arrayContaining(["gateway.mjs", "gateway.js", "link.js"]));
    expect(files("after").filter((f) => f.startsWith("chunks/")).length).toBeGreaterThan(0);
    expect(new Set(files("after")).size).toBe(files("after").length);
    // And the entry itself is small: what it bundles (node-flags.ts) imports no runtime module.
    expect(statSync(bundle).size).toBeLessThan(16_000);
  });

  it("a start-up problem is reported once, by worker 1, and is the gateway's exit code", async () => {
    const child = spawn(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH ?? "",
        SLUICE_WORKERS: "3",
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        SLUICE_TLS_CERT: "/nonexistent/tls.crt",
        SLUICE_TLS_KEY: "/nonexistent/tls.key",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    expect(await new Promise((r) => child.once("exit", r))).toBe(1);
    expect(stderr).toBe("sluice: cannot start: SLUICE_TLS_CERT=/nonexistent/tls.crt: ENOENT\n");
  });

  it("SIGTERM to the primary under load: every started request completes, every worker exits, exit 0", async () => {
    const g = await start();
    const pids = workersOf(g.child.pid!);
    const pool = new Pool(g.url, { connections: 30 });
    let ok = 0;
    let broken = 0;
    let stopped = false;
    const client = async () => {
      while (!stopped) {
        try {
          const r = await pool.request({ path: "/alpha/slow", method: "GET" });
          const body = await r.body.text();
          if (r.statusCode === 200 && body === "done") ok++;
          else broken++;
        } catch (error) {
          // No connection, or a keep-alive connection a draining worker closed before this request
          // reached it: never started (as in test/faults). Anything else is a request lost mid-way.
          const code = (error as { code?: string }).code ?? "";
          if (!["ECONNREFUSED", "UND_ERR_SOCKET", "ECONNRESET"].includes(code)) broken++;
          await sleep(5);
        }
      }
    };
    const base = received;
    const clients = Array.from({ length: 30 }, client);
    // Under way (a loaded machine may take a while to warm up three workers).
    for (let i = 0; i < 150 && ok < 60; i++) await sleep(100);
    const receivedBefore = received;
    g.child.kill("SIGTERM");
    const code = await g.exited;
    stopped = true;
    await Promise.all(clients);
    await pool.destroy();
    expect(code).toBe(0);
    expect(received).toBeGreaterThan(receivedBefore);
    expect(ok).toBeGreaterThan(50);
    expect(broken).toBe(0);
    // Every request a worker forwarded was answered completely to its client.
    expect(ok).toBe(received - base);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });

  it("the primary's admin port answers for the workers: /debug from the worker that recorded, /portal itself", async () => {
    const secret = "workers-debug-secret-0123456789";
    const portal = await mkdtemp(join(tmpdir(), "sluice-portal-"));
    await writeFile(join(portal, "index.html"), "<h1>portal of the workers</h1>");
    const g = await start({ SLUICE_DEBUG_SECRET: secret, SLUICE_PORTAL_DIR: portal });
    try {
      const ids: string[] = [];
      // Several connections, so the debugged requests land on different workers.
      for (let i = 0; i < 6; i++) {
        const r = await fetch(`${g.url}/alpha/debugged`, {
          headers: { [DEBUG_HEADER]: debugToken(secret, "GET", "/alpha/debugged"), connection: "close" },
        });
        await r.text();
        expect(r.status).toBe(200);
        ids.push(r.headers.get("x-gravitee-request-id") ?? "");
      }
      for (const id of ids) {
        expect(id).not.toBe("");
        const record = await fetch(`${g.adminUrl}/debug/${id}`);
        expect(record.status).toBe(200);
        expect(((await record.json()) as { requestId: string }).requestId).toBe(id);
      }
      expect((await fetch(`${g.adminUrl}/debug/no-such-request`)).status).toBe(404);
      const page = await fetch(`${g.adminUrl}/portal/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("portal of the workers");
    } finally {
      g.child.kill("SIGKILL");
      await g.exited;
      await rm(portal, { recursive: true, force: true });
    }
  });
});
