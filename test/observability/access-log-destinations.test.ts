// SLUICE_ACCESS_LOG=stdout writes batches of whole lines with one write each (runtime/observability/
// access-log.ts): 16 KiB batches from a single process, at most PIPE_BUF bytes from cluster workers
// sharing a pipe; a full pipe keeps the batches waiting in order. Every line must arrive whole and
// in order, including the lines still waiting for a batch when the log is closed. A child process
// gets each kind of standard output.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const LINES = 300;
const accessLog = join(process.cwd(), "runtime", "observability", "access-log.ts");

// Writes LINES request lines (each ~700 bytes: several batches) through the access log on stdout.
const writer = `
import { openAccessLog } from ${JSON.stringify(accessLog)};
const log = openAccessLog({ SLUICE_ACCESS_LOG: "stdout" }, { info() {}, warn() {}, error() {} });
const socket = { remoteAddress: "127.0.0.1", localAddress: "127.0.0.1" };
const response = { getHeader: () => "64" };
for (let i = 0; i < ${LINES}; i++) {
  const request = { method: "GET", url: "/shop/items?n=" + i + "&pad=" + "x".repeat(600), headers: { host: "gw" }, socket };
  log.exchange({ request, response, status: 200, started: 0, ended: 1 });
}
log.close();
`;

function run(stdout: "pipe" | number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", writer], {
      stdio: ["ignore", stdout, "inherit"],
    });
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out }));
  });
}

function expectAllLines(text: string): void {
  const lines = text.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(LINES);
  const uris = lines.map((l) => (JSON.parse(l) as { uri: string }).uri);
  expect(uris.map((u) => Number(/n=(\d+)/.exec(u)?.[1]))).toEqual([...Array(LINES).keys()]);
}

// Writes LINES lines over many event-loop turns (10 a turn) and reports on stderr the longest a turn
// took: a full pipe must not stop the loop (writes to it answer EAGAIN; the batch waits in order).
const pacedWriter = `
import { openAccessLog } from ${JSON.stringify(accessLog)};
const log = openAccessLog({ SLUICE_ACCESS_LOG: "stdout" }, { info() {}, warn() {}, error() {} });
const socket = { remoteAddress: "127.0.0.1", localAddress: "127.0.0.1" };
const response = { getHeader: () => "64" };
let longest = 0;
for (let i = 0; i < ${LINES * 4}; ) {
  const t0 = performance.now();
  for (let j = 0; j < 10; j++, i++) {
    const request = { method: "GET", url: "/shop/items?n=" + i + "&pad=" + "x".repeat(600), headers: { host: "gw" }, socket };
    log.exchange({ request, response, status: 200, started: 0, ended: 1 });
  }
  longest = Math.max(longest, performance.now() - t0);
  await new Promise((r) => setImmediate(r));
}
process.stderr.write("longest " + longest + "\\n");
log.close();
`;

// Two cluster workers write LINES lines each into the standard output they share (a pipe).
const workersWriter = `
import cluster from "node:cluster";
if (cluster.isPrimary) {
  let left = 2;
  for (let w = 0; w < 2; w++) cluster.fork({ WRITER: String(w) }).on("exit", () => { if (--left === 0) process.exit(0); });
} else {
  const { openAccessLog } = await import(${JSON.stringify(accessLog)});
  const log = openAccessLog({ SLUICE_ACCESS_LOG: "stdout" }, { info() {}, warn() {}, error() {} });
  const socket = { remoteAddress: "127.0.0.1", localAddress: "127.0.0.1" };
  const response = { getHeader: () => "64" };
  for (let i = 0; i < ${LINES}; i++) {
    const request = { method: "GET", url: "/w" + process.env.WRITER + "?n=" + i + "&pad=" + "x".repeat(900), headers: { host: "gw" }, socket };
    log.exchange({ request, response, status: 200, started: 0, ended: 1 });
    if (i % 20 === 0) await new Promise((r) => setImmediate(r));
  }
  log.close();
  process.exit(0);
}
`;

describe("access log on standard output", () => {
  it("workers sharing a pipe never tear each other's lines", async () => {
    // cluster.fork runs a file: the script is written to one.
    const dir = join(process.cwd(), ".tmp", "tests", `access-workers-${randomBytes(6).toString("hex")}`);
    mkdirSync(dir, { recursive: true });
    const script = join(dir, "writer.mjs");
    writeFileSync(script, workersWriter);
    const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    // Not read at first: the pipe fills, and the workers' writes meet a full pipe (where a write
    // larger than PIPE_BUF would go in parts).
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 400));
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.stdout.resume();
    const code = await new Promise((r) => child.once("close", r));
    expect(code).toBe(0);
    const lines = out.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(LINES * 2);
    const uris = lines.map((l) => (JSON.parse(l) as { uri: string }).uri);
    for (const w of ["0", "1"]) {
      const mine = uris.filter((u) => u.startsWith(`/w${w}?`));
      expect(mine.map((u) => Number(/n=(\d+)/.exec(u)?.[1]))).toEqual([...Array(LINES).keys()]);
    }
  });

  it("a collector that stops reading: no turn of the event loop waits for it, and every line arrives whole and in order", async () => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", pacedWriter], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    // Nothing is read for the first 500 ms: the pipe (64 KiB) fills with the first ~90 lines.
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 500));
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.stdout.resume();
    const code = await new Promise((r) => child.once("close", r));
    expect(code).toBe(0);
    const longest = Number(/longest ([\d.]+)/.exec(err)?.[1]);
    expect(longest).toBeLessThan(100);
    const lines = out.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(LINES * 4);
    const uris = lines.map((l) => (JSON.parse(l) as { uri: string }).uri);
    expect(uris.map((u) => Number(/n=(\d+)/.exec(u)?.[1]))).toEqual([...Array(LINES * 4).keys()]);
  });

  it("a pipe (a container runtime's collector) gets every line, whole and in order", async () => {
    const { code, out } = await run("pipe");
    expect(code).toBe(0);
    expectAllLines(out);
  });

  it("a file (stdout redirected) gets every line, whole and in order", async () => {
    const dir = join(process.cwd(), ".tmp", "tests", `access-stdout-${randomBytes(6).toString("hex")}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "stdout.log");
    const fd = openSync(file, "w");
    try {
      const { code } = await run(fd);
      expect(code).toBe(0);
    } finally {
      closeSync(fd);
    }
    expectAllLines(readFileSync(file, "utf8"));
  });
});
