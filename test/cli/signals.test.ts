// `sluice start` and signals, through the re-exec path: bin/sluice.js run by a Node.js older than
// 24 re-runs itself with node_modules/.bin/node as a child. A signal to that wrapper must reach
// the gateway (drain, exit 0), its exit code or signal must become the wrapper's, and no process
// may be left behind. Also the direct path (Node.js 24 runs the gateway in the `sluice` process).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRepository, PROJECT_DIR } from "../../compiler/compile.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const BIN = join(PROJECT_DIR, "bin", "sluice.js");
const NODE24 = join(PROJECT_DIR, "node_modules", ".bin", "node");

/** A Node.js older than 24 (the system's), which makes bin/sluice.js re-execute itself. */
function olderNode(): string | undefined {
  for (const candidate of [process.env.SLUICE_OLD_NODE, "/usr/bin/node", "/usr/local/bin/node"]) {
    if (!candidate || !existsSync(candidate)) continue;
    const version = execFileSync(candidate, ["--version"], { encoding: "utf8" }).trim();
    if (Number(version.slice(1).split(".")[0]) < 24) return candidate;
  }
  return undefined;
}
const OLD_NODE = olderNode();

/** Every live descendant of `pid` (from /proc). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // pid (comm) state ppid …: comm may contain spaces and parentheses, so split after the last `)`.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents)
      if (parent === p) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z "); // a zombie is gone
  } catch {
    return false;
  }
}

let dir: string;
let out: string;
beforeAll(async () => {
  dir = await writeRepository({ "pets.yaml": proxyApi("pets", "/pets", "http://127.0.0.1:1") });
  out = join(dir, "generated");
  const result = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(result.bundle).toBeDefined();
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `node bin/sluice.js start OUT`, waits until the gateway listens, sends `signal`. */
async function startAndSignal(node: string, signal: NodeJS.Signals) {
  const child = spawn(node, [BIN, "start", out], {
    env: { ...process.env, SLUICE_HTTP_PORT: "0", SLUICE_ADMIN_PORT: "0", SLUICE_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 20_000;
  while (!output.includes('"gateway started"')) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`gateway did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const tree = descendants(child.pid!);
  child.kill(signal);
  const result = await exited;
  // Give the OS a moment to reap what the wrapper's exit orphaned, if anything.
  await new Promise((r) => setTimeout(r, 200));
  return { ...result, tree, left: tree.filter(alive), output };
}

describe.skipIf(!OLD_NODE)(`through the re-exec path (${OLD_NODE ?? "no Node.js < 24 found"})`, () => {
  it("SIGTERM to the wrapper drains the gateway; exit 0; nothing left running", async () => {
    const r = await startAndSignal(OLD_NODE!, "SIGTERM");
    expect(r.tree.length).toBeGreaterThan(0); // the Node.js 24 child that runs the gateway
    expect(r.output).toContain('"signal received","signal":"SIGTERM"');
    expect(r.output).toContain('"stopped"');
    expect({ code: r.code, signal: r.signal, left: r.left }).toEqual({ code: 0, signal: null, left: [] });
  });

  it("SIGINT likewise", async () => {
    const r = await startAndSignal(OLD_NODE!, "SIGINT");
    expect(r.output).toContain('"signal received","signal":"SIGINT"');
    expect({ code: r.code, signal: r.signal, left: r.left }).toEqual({ code: 0, signal: null, left: [] });
  });

  it("a signal that ends the gateway (SIGHUP) ends the wrapper by the same signal", async () => {
    const r = await startAndSignal(OLD_NODE!, "SIGHUP");
    expect({ code: r.code, signal: r.signal, left: r.left }).toEqual({
      code: null,
      signal: "SIGHUP",
      left: [],
    });
  });
});

describe("with Node.js 24 (the gateway runs in the `sluice` process)", () => {
  it("SIGTERM drains and exits 0", async () => {
    const r = await startAndSignal(NODE24, "SIGTERM");
    expect(r.output).toContain('"stopped"');
    expect({ code: r.code, signal: r.signal, left: r.left }).toEqual({ code: 0, signal: null, left: [] });
  });
});
