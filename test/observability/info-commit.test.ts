// /info names each API's spec hash and the commit its spec file was last changed in. The commit is
// recorded beside the bundle (dist/.sluice-sources.json), not in it: rewriting history around an
// unchanged spec changes the record, never the bundle's bytes or digest.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { messageApi } from "../message/message-api.ts";

const NODE = process.execPath;
const BIN = join(PROJECT_DIR, "bin", "sluice.js");

const TICKER = messageApi({
  name: "ticker",
  path: "/ticker",
  entrypoints: "        - type: http-get",
  mock: "            messageContent: tick",
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example", "-c", "commit.gpgsign=false", ...args],
    { cwd },
  )
    .toString()
    .trim();

function compile(cwd: string): string {
  const r = spawnSync(NODE, [BIN, "compile", "apis"], { cwd, encoding: "utf8" });
  const m = /sluice: bundle (sha256:[0-9a-f]{64})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`compile failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return m[1]!;
}

describe("/info: spec hash and commit per API", () => {
  let repo: string;

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), "sluice-info-"));
    await mkdir(join(repo, "apis"));
    await writeFile(join(repo, "apis", "ticker.yaml"), TICKER);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "ticker");
  });

  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it("records the spec's commit beside the bundle; a new commit changes no bundle byte", async () => {
    const first = git(repo, "rev-parse", "HEAD");
    const digest = compile(repo);
    const record = () => readFile(join(repo, "generated", "dist", ".sluice-sources.json"), "utf8");
    expect(JSON.parse(await record())).toEqual({ apis: { ticker: { commit: first } } });
    // The same tree under another commit: a new record, the same bundle.
    git(repo, "commit", "-q", "--amend", "-m", "ticker, reworded");
    const second = git(repo, "rev-parse", "HEAD");
    expect(second).not.toBe(first);
    expect(compile(repo)).toBe(digest);
    expect(JSON.parse(await record())).toEqual({ apis: { ticker: { commit: second } } });
    // An uncommitted change is flagged.
    await writeFile(
      join(repo, "apis", "ticker.yaml"),
      TICKER.replace("messageContent: tick", "messageContent: tock"),
    );
    expect(compile(repo)).not.toBe(digest);
    expect(JSON.parse(await record())).toEqual({ apis: { ticker: { commit: second, modified: true } } });

    const child = spawn(NODE, [join(repo, "generated", "dist", "gateway.mjs")], {
      env: {
        ...process.env,
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        SLUICE_HOST: "127.0.0.1",
        SLUICE_ACCESS_LOG: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 20_000;
      let started: { adminPort: number } | undefined;
      while (!started) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
        const line = output.split("\n").find((l) => l.includes('"gateway started"'));
        if (line) started = JSON.parse(line) as { adminPort: number };
        else await new Promise((r) => setTimeout(r, 50));
      }
      const info = (await (await fetch(`http://127.0.0.1:${started.adminPort}/info`)).json()) as {
        apis: Array<Record<string, unknown>>;
      };
      expect(info.apis).toEqual([
        expect.objectContaining({
          id: "ticker",
          source: "apis/ticker.yaml",
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          commit: second,
          modified: true,
        }),
      ]);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }, 120_000);
});
