// Vitest globalSetup: real brokers for the whole test run, started once (not once per file).
//
// - Runs `scripts/brokers.sh start` (idempotent: whatever already runs is left as it is).
//   SLUICE_BROKERS=external (or skip) leaves the brokers to you and only loads the settings.
// - Loads .brokers/env.json into process.env without overriding variables you set yourself;
//   test/setup/env.ts reads them.
// - Teardown stops Kafka only if a test run started it, and only once no other test run (several
//   people and tools share this tree) still uses it: each run holds a lease file
//   .brokers/kafka/leases/<pid> meanwhile. A Kafka that you started yourself with
//   `scripts/brokers.sh start` is never stopped; SLUICE_KEEP_BROKERS=1 keeps it running too.
//   Everything else is left running, like the machine's own services (a Mosquitto that the
//   script started on 1883 or 1884 costs nothing and may serve other runs).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brokersDir } from "./env.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const script = `${repoRoot}scripts/brokers.sh`;
const kafkaDir = (): string => `${brokersDir()}/kafka`;
const leaseDir = (): string => `${kafkaDir()}/leases`;
const lease = (): string => `${leaseDir()}/${process.pid}`;
/** Present while the running Kafka was started by a test run (not by hand). */
const startedByTests = (): string => `${kafkaDir()}/started-by-tests`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function kafkaPid(): number | undefined {
  const file = `${kafkaDir()}/kafka.pid`;
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/** Pids of the other test runs that hold a lease on Kafka (stale leases are removed). */
function otherLeases(): number[] {
  if (!existsSync(leaseDir())) return [];
  const pids: number[] = [];
  for (const name of readdirSync(leaseDir())) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (Number.isInteger(pid) && alive(pid)) pids.push(pid);
    else rmSync(`${leaseDir()}/${name}`, { force: true });
  }
  return pids;
}

function brokersSh(...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout/stderr inherited: the script is quiet but for progress lines and errors.
    const child = spawn("bash", [script, ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`scripts/brokers.sh ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function loadEnv(): void {
  const file = `${brokersDir()}/env.json`;
  if (!existsSync(file)) return;
  const values = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] === undefined || process.env[key] === "") process.env[key] = value;
  }
}

let leased = false;

export async function teardown(): Promise<void> {
  if (!leased) return;
  leased = false;
  rmSync(lease(), { force: true });
  if (process.env.SLUICE_KEEP_BROKERS === "1") return;
  if (!existsSync(startedByTests()) || otherLeases().length > 0) return;
  rmSync(startedByTests(), { force: true });
  await brokersSh("stop", "kafka");
}

export default async function setup(): Promise<() => Promise<void>> {
  const mode = process.env.SLUICE_BROKERS;
  if (mode !== "external" && mode !== "skip") {
    // The lease is taken before `start`, so that a run ending meanwhile leaves Kafka running.
    mkdirSync(leaseDir(), { recursive: true });
    writeFileSync(lease(), "");
    leased = true;
    const before = kafkaPid();
    try {
      await brokersSh("start");
    } catch (error) {
      await teardown();
      throw error;
    }
    const after = kafkaPid();
    if (after !== undefined && after !== before) writeFileSync(startedByTests(), `${after}\n`);
  }
  loadEnv();
  return teardown;
}
