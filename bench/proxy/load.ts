// Load generators for the proxy bench. Throughput: wrk (Debian's, C, its own process; `-t1 -c50`
// keep-alive GETs), or autocannon when wrk is absent (the test suite's smoke run). Latency at a
// fixed rate: fixed-rate.ts, an open-loop client in its own process (wrk2 is not packaged by
// Debian; autocannon's `overallRate` sends in bursts, see there), every response time kept.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { FixedRateResult } from "./fixed-rate.ts";

export interface Throughput {
  rps: number;
  /** Responses other than 2xx, and socket errors. */
  errors: number;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
}

export function findWrk(install: boolean): string | undefined {
  const found = () => ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((p) => existsSync(p));
  if (found() || !install) return found();
  console.error("wrk not found: installing it with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit", env });
  return found();
}

/**
 * `wrk -t1 -cN -dS`, run to completion in its own process; asynchronous so the caller's children
 * keep serving. A run that prints no figure (wrk killed by the machine's load) is tried once more.
 */
export async function wrk(binary: string, o: LoadOptions): Promise<Throughput> {
  try {
    return await wrkOnce(binary, o);
  } catch (error) {
    console.error(`${(error as Error).message.split("\n")[0]}; trying again`);
    return await wrkOnce(binary, o);
  }
}

async function wrkOnce(binary: string, o: LoadOptions): Promise<Throughput> {
  const args = ["-t1", `-c${o.connections}`, `-d${o.seconds}s`];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push("-H", `${k}: ${v}`);
  args.push(o.url);
  const { spawn } = await import("node:child_process");
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(binary, args, { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    p.stdout.on("data", (d: Buffer) => {
      text += d.toString();
    });
    p.once("error", reject);
    p.once("close", (code, signal) => resolve(text || `(exit ${code ?? signal})`));
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  if (Number.isNaN(rps)) throw new Error(`wrk printed no figure:\n${out}`);
  return { rps, errors: non2xx + socketErrors };
}

/** The same measurement with autocannon, in this process (when wrk is not installed). */
export async function autocannonThroughput(o: LoadOptions): Promise<Throughput> {
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    headers: o.headers ?? {},
  });
  const ok = result["2xx"];
  return { rps: ok / o.seconds, errors: result.non2xx + result.errors + result.timeouts };
}

export interface Latency {
  /** Milliseconds. */
  p50: number;
  p99: number;
  count: number;
  errors: number;
  /** The client's own CPU time while it ran, in microseconds. */
  clientCpuMicros?: number;
}

export interface FixedRateOptions extends LoadOptions {
  rate: number;
  /** The client's CPUs (taskset's list, e.g. "0"); any when absent. */
  cpus?: string;
}

/**
 * `rate` requests/s spread evenly over `connections`, for `seconds`, open loop (fixed-rate.ts, in
 * its own process): percentiles of every response time, coordinated omission corrected.
 */
export async function fixedRateLatency(o: FixedRateOptions): Promise<Latency> {
  const script = fileURLToPath(new URL("./fixed-rate.ts", import.meta.url));
  const headers = Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  const args = [script, o.url, String(o.rate), String(o.connections), String(o.seconds), ...headers];
  const [command, argv] = o.cpus
    ? ["taskset", ["-c", o.cpus, process.execPath, ...args]]
    : [process.execPath, args];
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(command, argv, { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    p.stdout.on("data", (d: Buffer) => {
      text += d.toString();
    });
    p.once("error", reject);
    p.once("close", (code) =>
      code === 0 ? resolve(text) : reject(new Error(`fixed-rate client exited with ${code}`)),
    );
  });
  const { times, errors, cpuMicros } = JSON.parse(out) as FixedRateResult;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), count: times.length, errors, clientCpuMicros: cpuMicros };
}

/**
 * Moves a process and its descendants, every thread of each, onto the CPUs of `cpus` (taskset's
 * list syntax: "1", "0-1"). For the latency rows with the proxy on a core of its own.
 */
export function pinProcesses(pids: number[], cpus: string): void {
  for (const pid of pids) {
    const r = spawnSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
    if (r.status !== 0 && existsSync(`/proc/${pid}`))
      throw new Error(`taskset could not pin ${pid} to ${cpus}`);
  }
}
