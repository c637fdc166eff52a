// The Node flags a gateway process runs with: a young generation that starts at 16 MiB a
// semi-space (SLUICE_SEMI_SPACE_MB) instead of V8's 1 MiB. A proxied request leaves ~12 KB of
// short-lived garbage and little that survives, so V8 never grows a small young generation at a
// modest rate and shrinks it again after a burst: at 200 req/s a single process collected it once
// every ~40 requests, and a request that a collection interrupts waits for it — 1.5–2 % of the
// requests, enough to set the p99. With 16 MiB: once every ~450 (docs/benchmarks.md,
// "Young generation of the single process").
//
// V8 reads the size only on the command line: not from `v8.setFlagsFromString` once the heap
// exists, and Node refuses it in NODE_OPTIONS. Workers get it in their execArgv (workers.ts); a
// single process replaces itself, once, at start, with the same command line plus the flag
// (`restartWithGatewayFlags`) — first thing, from the compiled bundle's entry (dist/gateway.mjs),
// before it loads the runtime and the APIs. So this module imports nothing but Node built-ins:
// the entry bundles it, and whatever it imported would be loaded twice.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isMainThread } from "node:worker_threads";
import type { Logger } from "../contract.ts";

/** How many workers `SLUICE_WORKERS` asks for (default: the usable cores); workers.ts. */
export function workerCount(env: Readonly<Record<string, string | undefined>>): number {
  const asked = env.SLUICE_WORKERS;
  if (asked !== undefined && asked !== "" && asked !== "auto") {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`SLUICE_WORKERS must be a whole number ≥ 1 or auto, not '${asked}'`);
    return n;
  }
  return Math.max(1, Math.min(availableParallelism(), cgroupCpus() ?? Number.POSITIVE_INFINITY));
}

/**
 * The CPU limit of the container (cgroup v2 `cpu.max`, v1 `cfs_quota_us`/`cfs_period_us`),
 * rounded up; undefined without one. availableParallelism() sees the cpuset, not the quota that a
 * Kubernetes `resources.limits.cpu` sets.
 */
export function cgroupCpus(read: (path: string) => string | undefined = readText): number | undefined {
  const v2 = read("/sys/fs/cgroup/cpu.max")?.trim().split(/\s+/);
  if (v2 && v2[0] !== undefined && v2[0] !== "max") {
    const quota = Number(v2[0]);
    const period = Number(v2[1] ?? 100_000);
    if (quota > 0 && period > 0) return Math.max(1, Math.ceil(quota / period));
  }
  const quota = Number(read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")?.trim());
  const period = Number(read("/sys/fs/cgroup/cpu/cpu.cfs_period_us")?.trim());
  if (quota > 0 && period > 0) return Math.max(1, Math.ceil(quota / period));
  return undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The young generation's starting semi-space, MiB, unless SLUICE_SEMI_SPACE_MB says otherwise. */
export const DEFAULT_SEMI_SPACE_MB = 16;

/**
 * The Node flags a gateway process starts with: the ones it was given (`node <flags>
 * dist/gateway.mjs`; the environment, NODE_OPTIONS included, is inherited as it is), then
 * `--min-semi-space-size` from SLUICE_SEMI_SPACE_MB (`0` or `off`: none) unless the user's flags
 * already set a semi-space size.
 */
export function gatewayExecArgv(
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const asked = env.SLUICE_SEMI_SPACE_MB;
  let mb = DEFAULT_SEMI_SPACE_MB;
  if (asked !== undefined && asked !== "") {
    mb = asked === "off" ? 0 : Number(asked);
    if (!Number.isInteger(mb) || mb < 0 || mb > 1024)
      throw new Error(
        `SLUICE_SEMI_SPACE_MB must be a whole number of MiB from 0 to 1024, or off, not '${asked}'`,
      );
  }
  const own = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)];
  const userSets = own.some((a) => /^--(min-|max-)?semi[-_]space[-_]size(=|$)/.test(a));
  return mb === 0 || userSets ? [...execArgv] : [...execArgv, `--min-semi-space-size=${mb}`];
}

/**
 * In a single gateway process that owns its process: when `gatewayExecArgv` adds a flag, replaces
 * the process with `node <flags> <script> <arguments>` (process.execve: the same PID, environment
 * and standard streams — PID 1 in a container stays PID 1), before anything is opened. The new
 * process has the flag and goes on. Returns when there is nothing to add, or when the process
 * cannot be replaced without losing something: an IPC channel (a forked child: execve keeps only
 * the standard streams; a cluster worker is one), a worker thread, no script (`node -e`), or a
 * platform without execve (Windows) — the gateway then runs with V8's default young generation.
 * Nor does a primary that forks workers (SLUICE_WORKERS > 1): they get the flag in their execArgv.
 *
 * Called twice on a start from the compiled bundle, with the same rules: first by the bundle's
 * entry, before it imports anything else, without a logger — it returns quietly on a bad
 * SLUICE_WORKERS or SLUICE_SEMI_SPACE_MB, or when execve fails; then by `runGateway` (with the
 * gateway's logger), which has nothing left to do in the replaced process (its command line has
 * the flag) and otherwise reports the problem: the start-up error, or the warning.
 */
export function restartWithGatewayFlags(log?: Logger): void {
  let argv: string[];
  try {
    if (!cluster.isPrimary || workerCount(process.env) > 1) return;
    argv = gatewayExecArgv(process.execArgv, process.env);
  } catch (error) {
    if (log) throw error;
    return;
  }
  if (argv.length === process.execArgv.length) return;
  const script = process.argv[1];
  if (!isMainThread || process.send !== undefined || script === undefined || !process.execve) return;
  try {
    process.execve(process.execPath, [process.execPath, ...argv, script, ...process.argv.slice(2)]);
  } catch (error) {
    log?.warn("could not restart with the young generation's size; running with V8's default", {
      flags: argv.slice(process.execArgv.length),
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
