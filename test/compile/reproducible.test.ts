// The bundle as an artifact: the same repository compiled into two output folders from two working
// directories gives byte-identical dist/ (so a digest can be pinned), `sluice compile` prints the
// digest as runtime/bundle-digest.ts defines it (recomputable with sha256sum), and a copy of dist/ in a folder
// of another name starts — Kafka client's WebAssembly included — and serves that digest on /info.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { TEAM_APIS } from "../package/team-repo.ts";

const NODE = join(PROJECT_DIR, "node_modules", ".bin", "node");
const BIN = join(PROJECT_DIR, "bin", "sluice.js");

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "sluice-reproducible-"));
  for (const [path, text] of Object.entries(TEAM_APIS)) {
    await mkdir(dirname(join(root, "repo", path)), { recursive: true });
    await writeFile(join(root, "repo", path), text);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** `sluice compile ARGS` in `cwd`; the digest it printed. */
function compile(cwd: string, args: string[]): { digest: string } {
  const r = spawnSync(NODE, [BIN, "compile", ...args], { cwd, encoding: "utf8" });
  const m = /sluice: bundle (sha256:[0-9a-f]{64})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`compile failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return { digest: m[1]! };
}

async function files(dist: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name !== ".sluice-build.json")
    .map((e) => join(e.parentPath, e.name).slice(dist.length + 1))
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dist, n))] as const)));
}

describe("a reproducible bundle", () => {
  it("two compiles into different folders from different working directories are byte-identical", async () => {
    await mkdir(join(root, "elsewhere", "ci"), { recursive: true });
    const a = compile(join(root, "repo"), ["apis", "--out", "generated"]);
    const b = compile(join(root, "elsewhere", "ci"), [
      join(root, "repo", "apis"),
      "--out",
      "../build/gateway-out",
    ]);
    const distA = join(root, "repo", "generated", "dist");
    const distB = join(root, "elsewhere", "build", "gateway-out", "dist");
    const [filesA, filesB] = [await files(distA), await files(distB)];
    expect([...filesA.keys()]).toEqual([...filesB.keys()]);
    expect([...filesA.keys()]).toContain("assets/native.wasm");
    for (const [name, bytes] of filesA) expect(bytes.equals(filesB.get(name)!), name).toBe(true);
    // No path of either build is in it.
    for (const bytes of filesA.values()) {
      expect(bytes.includes(root)).toBe(false);
      expect(bytes.includes("gateway-out")).toBe(false);
    }
    expect(a.digest).toBe(b.digest);
    // The documented definition, recomputed with standard tools.
    const recomputed = execFileSync(
      "sh",
      [
        "-c",
        "find . -type f ! -name '.sluice-*.json' | sed 's|^\\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum",
      ],
      { cwd: distA, encoding: "utf8" },
    );
    expect(`sha256:${recomputed.split(" ")[0]}`).toBe(a.digest);
  }, 90_000);

  it("runs from a copy of dist/ in a folder of another name and serves its digest on /info", async () => {
    const { digest } = compile(join(root, "repo"), ["apis", "--out", "generated"]);
    const copy = join(root, "deployed", "release-7");
    await cp(join(root, "repo", "generated", "dist"), copy, { recursive: true });
    await rm(join(root, "repo", "generated"), { recursive: true, force: true });
    const child = spawn(NODE, [join(copy, "gateway.mjs")], {
      cwd: join(root, "deployed"),
      env: { ...process.env, SLUICE_HTTP_PORT: "0", SLUICE_ADMIN_PORT: "0", SLUICE_HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 20_000;
      let started: { httpPort: number; adminPort: number } | undefined;
      while (!started) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
        const line = output.split("\n").find((l) => l.includes('"gateway started"'));
        if (line) started = JSON.parse(line) as { httpPort: number; adminPort: number };
        else await new Promise((r) => setTimeout(r, 50));
      }
      const info = (await (await fetch(`http://127.0.0.1:${started.adminPort}/info`)).json()) as {
        digest: string;
        apis: Array<{ id: string; source: string }>;
      };
      expect(info.digest).toBe(digest);
      expect(info.apis.map((a) => [a.id, a.source])).toEqual([
        ["ticker", "apis/ticker.yaml"],
        ["trades", "apis/streams/trades.yaml"],
      ]);
      const res = await fetch(`http://127.0.0.1:${started.httpPort}/ticker`, {
        headers: { accept: "application/json" },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('{\\"price\\": 42}');
      expect(output).not.toContain("ENOENT");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }, 90_000);
});
