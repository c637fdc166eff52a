// A new user's first hour, as docs/getting-started.md tells it: an empty folder, Sluice installed
// (node_modules/sluice linked to this repository, as `npm i -D <path to Sluice>` does; installing
// the packed tarball is test/package's job), `sluice init`, `check`, `compile`, then the bundle
// alone copied to another folder and run the way the image runs it — `node dist/gateway.mjs`,
// as uid 1000 on read-only files when the test runs as root — and called: a proxied REST call
// reaches a real backend, the mock message API answers, the probes answer, SIGTERM exits 0.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "sluice-new-user-"));
const repo = join(work, "team-apis");
const served = join(work, "somewhere else", "gateway");

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 180_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Every file and folder below `dir` read-only (the image's files belong to root, not the gateway). */
function readOnly(dir: string, writable = false): void {
  const [folders, files] = writable ? [0o755, 0o644] : [0o555, 0o444];
  chmodSync(dir, folders);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? folders : files);
}

let backend: Server;
let backendPort = 0;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let gateway: ChildProcess;
const logs: string[] = [];
let ports: { httpPort: number; adminPort: number };
let exit: Promise<number | null>;

beforeAll(async () => {
  backend = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ id: 42, status: "shipped" }));
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  backendPort = (backend.address() as { port: number }).port;
});

afterAll(async () => {
  if (gateway && gateway.exitCode === null) gateway.kill("SIGKILL");
  backend?.close();
  readOnly(work, true);
  rmSync(work, { recursive: true, force: true });
});

describe("a new user, from an empty folder to a called API", () => {
  it("installs Sluice and creates the repository with `sluice init`", () => {
    mkdirSync(join(repo, "node_modules"), { recursive: true });
    symlinkSync(ROOT, join(repo, "node_modules", "sluice"), "dir");
    const init = run(work, [join(repo, "node_modules", "sluice", "bin", "sluice.js"), "init", "team-apis"]);
    expect(init.out).toContain("created an API repository in team-apis/");
    expect(init.code).toBe(0);
  });

  it("checks and compiles it", () => {
    const cli = join("node_modules", "sluice", "bin", "sluice.js");
    const check = run(repo, [cli, "check", "apis"]);
    expect(check.out).toContain("2 APIs checked, no errors");
    expect(check.code).toBe(0);
    const compile = run(repo, [cli, "compile", "apis", "--out", "generated"]);
    expect(compile.out).toMatch(/compiled 2 APIs/);
    expect(compile.code).toBe(0);
    expect(statSync(join(repo, "generated", "dist", "gateway.mjs")).isFile()).toBe(true);
  }, 180_000);

  it("runs the bundle alone from another folder, as the image does", async () => {
    mkdirSync(served, { recursive: true });
    cpSync(join(repo, "generated", "dist"), join(served, "dist"), { recursive: true });
    rmSync(repo, { recursive: true, force: true }); // nothing of the repository or the compiler is left
    readOnly(join(work, "somewhere else"));
    chmodSync(work, 0o755); // mkdtemp's folder is private to its owner
    // As the image's user when we are root and that user can run this Node.js (a checkout inside
    // a private folder cannot be reached by it: then as ourselves).
    const image = { uid: 1000, gid: 1000 };
    const canRun = spawnSync(process.execPath, ["-e", ""], { ...image, cwd: served }).status === 0;
    const asUser = process.getuid?.() === 0 && canRun ? image : {};
    gateway = spawn(process.execPath, ["dist/gateway.mjs"], {
      cwd: served,
      ...asUser,
      env: {
        PATH: process.env.PATH,
        SLUICE_HOST: "127.0.0.1",
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        ORDERS_BACKEND: `http://127.0.0.1:${backendPort}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    exit = new Promise((resolve) => gateway.on("exit", (code) => resolve(code)));
    ports = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line:\n${logs.join("\n")}`)), 30_000);
      const onLine = (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n").filter(Boolean)) {
          logs.push(line);
          const entry = JSON.parse(line) as { msg: string; httpPort: number; adminPort: number };
          if (entry.msg === "gateway started") {
            clearTimeout(timer);
            resolve({ httpPort: entry.httpPort, adminPort: entry.adminPort });
          }
        }
      };
      gateway.stdout?.on("data", onLine);
      gateway.stderr?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
      gateway.on("exit", (code) => reject(new Error(`gateway exited ${code}:\n${logs.join("\n")}`)));
    });
    expect(ports.httpPort).toBeGreaterThan(0);
  }, 60_000);

  it("answers the probes on the admin port", async () => {
    const admin = `http://127.0.0.1:${ports.adminPort}`;
    expect((await fetch(`${admin}/health/live`)).status).toBe(200);
    const ready = await fetch(`${admin}/health/ready`);
    expect(await ready.json()).toEqual({ status: "UP", notReady: [] });
    expect(ready.status).toBe(200);
  });

  it("proxies the REST API to the backend named by the environment", async () => {
    const response = await fetch(`http://127.0.0.1:${ports.httpPort}/orders/42?expand=lines`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 42, status: "shipped" });
    expect(seen.map((s) => s.url)).toEqual(["/orders/42?expand=lines"]);
    expect(seen[0]?.headers["x-gateway"]).toBe("sluice");
  });

  it("serves the mock message API", async () => {
    const response = await fetch(`http://127.0.0.1:${ports.httpPort}/events?limit=2`, {
      headers: { accept: "application/json" },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { content: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]?.content).toBe('{"event": "tick"}');
  });

  it("drains and exits 0 on SIGTERM", async () => {
    gateway.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
  });
});
