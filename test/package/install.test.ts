// THE PUBLISHED PACKAGE, as a team uses it: `npm pack` this repository, install the tarball with
// `npm install --save-dev` into a fresh API repository (its own package.json, its own specs, only
// Node.js 24 on the PATH), then `npx sluice check`, `compile` and `start` there and call an API.
// Needs the npm registry (or npm's cache: --prefer-offline) for the package's dependencies; takes
// ~30–90 s, most of it `npm install`.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { TEAM_APIS } from "./team-repo.ts";

const NODE24_BIN = join(PROJECT_DIR, "node_modules", ".bin");
/** Node.js 24 first on the PATH, as on a team's machine or CI runner. */
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${NODE24_BIN}${delimiter}${process.env.PATH ?? ""}`,
  NO_COLOR: "1",
};
delete ENV.NODE_OPTIONS; // vitest's, not a user's

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env = ENV): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function ok(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A PROXY API whose flow path backtracks polynomially on a crafted request path. */
const BACKTRACKING_FLOW = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: slow
spec:
  name: Slow
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /slow
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: default
      type: http-proxy
      endpoints:
        - name: backend
          type: http-proxy
          configuration:
            target: http://127.0.0.1:1
  flows:
    - name: competing
      selectors:
        - type: HTTP
          path: /(.*)/(.*)/x
  plans:
    open:
      name: Open
      security:
        type: KEY_LESS
`;

let root: string;
let team: string;
let tarball: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "sluice-package-"));
  const packed = ok(
    await run("npm", ["pack", "--pack-destination", root, "--json"], PROJECT_DIR),
    "npm pack",
  );
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(root, info!.filename);
  const files = info!.files.map((f) => f.path);
  // What ships: the command, the built compiler, the runtime's sources, the schemas; nothing else.
  expect(files).toContain("bin/sluice.js");
  expect(files).toContain("lib/compiler/cli/main.js");
  expect(files).toContain("runtime/index.ts");
  expect(files).toContain("compiler/validate/schemas/api-v4-definition.schema.json");
  expect(files).toContain("lib/vendor/recheck/browser.cjs");
  expect(files.filter((f) => /^(test|generated|node_modules|\.brokers|\.tmp|apis|bench)\//.test(f))).toEqual(
    [],
  );
  expect(files.filter((f) => f.startsWith("compiler/") && f.endsWith(".ts"))).toEqual([]);

  team = join(root, "team-apis");
  for (const [path, text] of Object.entries(TEAM_APIS)) {
    await mkdir(dirname(join(team, path)), { recursive: true });
    await writeFile(join(team, path), text);
  }
  await writeFile(
    join(team, "package.json"),
    `${JSON.stringify({ name: "team-apis", private: true, scripts: { check: "sluice check" } }, null, 2)}\n`,
  );
  ok(
    await run(
      "npm",
      ["install", "--save-dev", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      team,
    ),
    "npm install",
  );
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the published package, installed into a fresh API repository", () => {
  it("is a devDependency of the team's repository, with its bin linked", async () => {
    const pkg = JSON.parse(await readFile(join(team, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.devDependencies)).toEqual(["sluice"]);
    expect(existsSync(join(team, "node_modules", ".bin", "sluice"))).toBe(true);
    const version = ok(await run("npx", ["sluice", "--version"], team), "sluice --version");
    expect(version.stdout.trim()).toMatch(/^sluice \d+\.\d+\.\d+/);
  }, 60_000);

  it("npx sluice check", async () => {
    const r = ok(await run("npx", ["sluice", "check"], team), "sluice check");
    expect(r.stderr).toContain("2 APIs checked, no errors");
    // Errors are found and located there too.
    await writeFile(
      join(team, "apis", "broken.yaml"),
      TEAM_APIS["apis/ticker.yaml"]!.replace("type: MESSAGE", "type: PROXY"),
    );
    try {
      const bad = await run("npx", ["sluice", "check"], team);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^apis\/broken\.yaml:\d+:\d+: error /m);
    } finally {
      await rm(join(team, "apis", "broken.yaml"));
    }
    // The backtracking check runs from the vendored pure-JavaScript recheck: none of recheck's
    // optional packages (a native binary, a JAR) is installed.
    await writeFile(join(team, "apis", "slow.yaml"), BACKTRACKING_FLOW);
    try {
      const slow = await run("npx", ["sluice", "check"], team);
      expect(slow.code).toBe(1);
      expect(slow.stdout).toMatch(/^apis\/slow\.yaml:\d+:\d+: error .*path\/flow-regex-backtracking/m);
    } finally {
      await rm(join(team, "apis", "slow.yaml"));
    }
    const installed = await readdir(join(team, "node_modules"));
    expect(installed.filter((name) => name.startsWith("recheck"))).toEqual([]);
  }, 60_000);

  it("npx sluice import, new, diff run from the built compiler (their libraries are dependencies)", async () => {
    const imported = ok(
      await run(
        "npx",
        [
          "sluice",
          "import",
          join(PROJECT_DIR, "test", "import", "fixtures", "bookshop.openapi.yaml"),
          "--out",
          "imported",
        ],
        team,
      ),
      "sluice import",
    );
    expect(imported.stderr).toContain("1 API imported, checked, no errors");
    const created = ok(
      await run(
        "npx",
        [
          "sluice",
          "new",
          "--name",
          "feed",
          "--type",
          "message",
          "--entrypoints",
          "sse",
          "--endpoint",
          "mock",
          "--security",
          "keyless",
          "--out",
          "imported",
        ],
        team,
      ),
      "sluice new",
    );
    expect(created.stderr).toContain("wrote imported/feed.yaml, checked, no errors");
    const diff = ok(
      await run("npx", ["sluice", "diff", "apis", "imported", "--format", "json"], team),
      "sluice diff",
    );
    expect(JSON.parse(diff.stdout).changes.map((c: { kind: string }) => c.kind)).toContain("api-added");
    await rm(join(team, "imported"), { recursive: true });
  }, 60_000);

  let digest: string;
  it("npx sluice compile: type-checked against the installed runtime, bundled", async () => {
    const r = ok(await run("npx", ["sluice", "compile"], team), "sluice compile");
    expect(r.stderr).toContain("compiled 2 APIs into generated/");
    digest = /sluice: bundle (sha256:[0-9a-f]{64})/.exec(r.stderr)![1]!;
    expect(existsSync(join(team, "generated", "dist", "gateway.mjs"))).toBe(true);
    expect(existsSync(join(team, "generated", "dist", "assets", "native.wasm"))).toBe(true);
    // The runtime's declarations were built from the installed package's sources, in the
    // project's cache.
    const cache = join(team, "node_modules", ".cache", "sluice");
    const runtime = (await readdir(cache)).find((n) => n.startsWith("runtime-"));
    expect(runtime && existsSync(join(cache, runtime, "dts", "index.d.ts"))).toBe(true);
    // tsc, as sluice runs it, resolves the runtime under node_modules and really checks: a value of
    // the wrong type in a generated module is an error there, and the only one.
    const module = join(team, "generated", "apis", "ticker.ts");
    const text = await readFile(module, "utf8");
    const broken = text.replace(/messageInterval: 50\b/, 'messageInterval: "50"');
    expect(broken).not.toBe(text);
    await writeFile(module, broken);
    try {
      const tsc = await run("npx", ["tsc", "-p", "generated/tsconfig.json", "--pretty", "false"], team);
      expect(tsc.code).not.toBe(0);
      const errors = tsc.stdout.split("\n").filter((l) => l.includes("error TS"));
      expect(errors.length, tsc.stdout).toBe(1);
      expect(errors[0]).toMatch(/^generated\/apis\/ticker\.ts\(\d+,\d+\): error TS2322/);
    } finally {
      await writeFile(module, text);
    }
  }, 120_000);

  it("sluice start: the gateway answers, /info serves the digest, SIGTERM stops it", async () => {
    // The bin npx would run, run directly: npm exec itself ends by the signal it forwards, so the
    // exit code asserted here is sluice's own.
    const child: ChildProcess = spawn(join(team, "node_modules", ".bin", "sluice"), ["start"], {
      cwd: team,
      env: { ...ENV, SLUICE_HTTP_PORT: "0", SLUICE_ADMIN_PORT: "0", SLUICE_HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      let started: { httpPort: number; adminPort: number } | undefined;
      while (!started) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
        const line = output.split("\n").find((l) => l.includes('"gateway started"'));
        if (line) started = JSON.parse(line) as { httpPort: number; adminPort: number };
        else await new Promise((r) => setTimeout(r, 100));
      }
      const res = await fetch(`http://127.0.0.1:${started.httpPort}/ticker`, {
        headers: { accept: "application/json" },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Array<{ content: string }> };
      expect(body.items[0]?.content).toBe('{"price": 42}');
      const info = (await (await fetch(`http://127.0.0.1:${started.adminPort}/info`)).json()) as {
        digest: string;
      };
      expect(info.digest).toBe(digest);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it("a repository's own TypeScript policy imports `sluice/runtime` from the installed package", async () => {
    // As docs/custom-policies.md shows it: ESM (the template's package.json has type module).
    const pkg = JSON.parse(await readFile(join(team, "package.json"), "utf8")) as Record<string, unknown>;
    await writeFile(join(team, "package.json"), `${JSON.stringify({ ...pkg, type: "module" }, null, 2)}\n`);
    const folder = join(team, "policies", "add-header");
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, "manifest.json"),
      JSON.stringify({
        id: "add-header",
        aliases: [],
        kind: "policy",
        title: "AddHeader",
        summary: "Adds a header.",
        phases: { MESSAGE: ["request"] },
      }),
    );
    await writeFile(
      join(folder, "schema.json"),
      JSON.stringify({ type: "object", properties: { name: { type: "string" } }, required: ["name"] }),
    );
    const policy = (body: string) =>
      `import { definePolicy } from "sluice/runtime";\n\nexport const connector = definePolicy<{ name: string }>({\n  id: "add-header",\n  create(config) {\n    return {\n      onRequest(exchange) {\n${body}\n      },\n    };\n  },\n});\n`;
    await writeFile(join(folder, "index.ts"), policy("        const n: number = config.name;"));
    const spec = join(team, "apis", "ticker.yaml");
    const original = await readFile(spec, "utf8");
    await writeFile(
      spec,
      original.replace(
        /\n {2}plans:/,
        "\n  flows:\n    - request:\n        - policy: add-header\n          configuration:\n            name: x-team\n  plans:",
      ),
    );
    try {
      const broken = await run("npx", ["sluice", "compile"], team);
      expect(broken.code).not.toBe(0);
      expect(broken.stdout + broken.stderr).toMatch(
        /policies\/add-header\/index\.ts:8:15: error compile\/policy-type-check: Type 'string' is not assignable to type 'number'/,
      );
      await writeFile(
        join(folder, "index.ts"),
        policy('        exchange.upstreamHeaders[config.name] = "blue";'),
      );
      ok(await run("npx", ["sluice", "compile"], team), "sluice compile with the fixed policy");
      expect(await readFile(join(team, "generated", "link.ts"), "utf8")).toContain(
        'from "../policies/add-header/index.ts"',
      );
    } finally {
      await writeFile(spec, original);
      await rm(join(team, "policies"), { recursive: true, force: true });
      await writeFile(join(team, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    }
  }, 180_000);
});
