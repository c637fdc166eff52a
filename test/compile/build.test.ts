// The compiled artifact: type-checked, bundled, deterministic, statically linked, and started by
// plain `node` — environment problems stop it with one clear message, SIGTERM drains it.
import { type ChildProcess, spawn } from "node:child_process";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CompileSession, compileRepository, PROJECT_DIR } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { chunkOf } from "../../compiler/emit/emit-gateway.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const NODE = join(PROJECT_DIR, "node_modules", ".bin", "node");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function compileFull(files: Record<string, string>) {
  const dir = await writeRepository(files);
  dirs.push(dir);
  const out = join(dir, "generated");
  const result = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
  return { dir, out, result };
}

const kafkaApi = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: events
spec:
  name: events
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /events
      entrypoints:
        - type: http-post
  endpointGroups:
    - name: kafka
      type: kafka
      endpoints:
        - name: kafka-1
          type: kafka
          configuration:
            bootstrapServers: 127.0.0.1:1
          sharedConfigurationOverride:
            producer:
              enabled: true
              topics: [events]
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

/** Every file of the bundle: the entry, the API modules and the runtime they link. */
async function readBundle(out: string): Promise<string> {
  const names = (await readdir(join(out, "dist"), { recursive: true })).filter((n) => /\.m?js$/.test(n));
  expect(names).toContain("gateway.mjs");
  expect(names).toContain("link.js");
  const files = names.map((n) => readFile(join(out, "dist", n), "utf8"));
  return (await Promise.all(files)).join("\n");
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("sluice compile", () => {
  it("type-checks and bundles; compiling twice is byte-identical", async () => {
    const { out, result, dir } = await compileFull({
      "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/x"),
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.internalErrors).toEqual([]);
    expect(result.bundle?.bytes).toBeGreaterThan(1000);
    const files = async () => {
      const names = [...(await readdir(out, { recursive: true }))]
        .filter((n) => !n.startsWith("dist"))
        .sort();
      return Promise.all(
        names.map(async (n) => [n, await readFile(join(out, n), "utf8").catch(() => "")] as const),
      );
    };
    const first = await files();
    const again = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
    expect(again.changed).toEqual([]);
    expect(await files()).toEqual(first);
    const check = await compileRepository({
      target: join(dir, "apis"),
      outDir: out,
      cwd: dir,
      checkOnly: true,
    });
    expect(check.changed).toEqual([]);
    await writeFile(join(dir, "apis", "a.yaml"), proxyApi("alpha", "/alpha", "http://127.0.0.1:2/x"));
    const stale = await compileRepository({
      target: join(dir, "apis"),
      outDir: out,
      cwd: dir,
      checkOnly: true,
    });
    expect(stale.changed).toEqual(["apis/alpha.ts", "gateway.ts"]);
  });

  it("rebuilds only what changed: nothing, then one module, then everything when an API is added", async () => {
    const { out, result, dir } = await compileFull({
      "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/x"),
      "b.yaml": proxyApi("beta", "/beta", "http://127.0.0.1:1/y"),
    });
    expect(result.build).toBe("full");
    const again = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
    expect(again.build).toBe("nothing");
    // alpha and beta are in different chunks (11 and 07), gamma in a third (10).
    const chunk = (id: string) => join(out, "dist", "chunks", `${chunkOf(id)}.js`);
    expect(new Set(["alpha", "beta", "gamma"].map(chunkOf)).size).toBe(3);
    const betaBefore = await stat(chunk("beta"));
    await writeFile(join(dir, "apis", "a.yaml"), proxyApi("alpha", "/alpha", "http://127.0.0.1:2/x"));
    const one = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
    expect(one.build).toBe("partial");
    expect(one.changed).toEqual(["apis/alpha.ts", "gateway.ts"]);
    expect(await readFile(chunk("alpha"), "utf8")).toContain("http://127.0.0.1:2/x");
    // The other API's chunk was left alone.
    expect((await stat(chunk("beta"))).mtimeMs).toBe(betaBefore.mtimeMs);
    await writeFile(join(dir, "apis", "c.yaml"), proxyApi("gamma", "/gamma", "http://127.0.0.1:1/z"));
    expect((await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir })).build).toBe(
      "full",
    );
    // An API that is gone leaves nothing behind in the bundle.
    await rm(join(dir, "apis", "b.yaml"));
    const removed = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
    expect(removed.build).toBe("full");
    expect((await readdir(join(out, "dist", "chunks"))).sort()).toEqual(
      [chunkOf("alpha"), chunkOf("gamma")].map((n) => `${n}.js`).sort(),
    );
    expect((await readdir(join(out, "chunks"))).sort()).toEqual(
      [chunkOf("alpha"), chunkOf("gamma")].map((n) => `${n}.ts`).sort(),
    );
    expect(await readFile(join(out, "dist", "gateway.mjs"), "utf8")).not.toContain("beta");
  });

  it("a watch-mode session gives what a fresh compile gives, after changes, additions and removals", async () => {
    // api1 and api-1 want the same identifier: whichever sorts first gets it, in both kinds of compile.
    const dir = await writeRepository({ "a.yaml": proxyApi("api1", "/one", "http://127.0.0.1:1/x") });
    dirs.push(dir);
    const out = join(dir, "generated");
    const session = new CompileSession();
    const compile = (more: Partial<Parameters<typeof compileRepository>[0]> = {}) =>
      compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir, emitOnly: true, ...more });
    const steps: Array<() => Promise<unknown>> = [
      () => writeFile(join(dir, "apis", "b.yaml"), proxyApi("api-1", "/two", "http://127.0.0.1:1/y")),
      () => writeFile(join(dir, "apis", "a.yaml"), proxyApi("api1", "/one", "http://127.0.0.1:1/changed")),
      () => writeFile(join(dir, "apis", "c.yaml"), proxyApi("zeta", "/three", "http://127.0.0.1:1/z")),
      () => rm(join(dir, "apis", "b.yaml")),
    ];
    expect((await compile({ session })).diagnostics).toEqual([]);
    for (const step of steps) {
      await step();
      const watched = await compile({ session });
      expect(watched.diagnostics).toEqual([]);
      // A fresh compile (no session) finds OUT exactly as it would write it.
      expect((await compile({ checkOnly: true })).changed).toEqual([]);
    }
    expect(await readFile(join(out, "gateway.ts"), "utf8")).toMatch(/\bapi1\b/);
    await session.dispose();
  });

  it("links only the connectors used: a proxy-only bundle ships no broker client", async () => {
    const proxyOnly = await compileFull({ "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/x") });
    const bundle = await readBundle(proxyOnly.out);
    // The bundle is self-contained and esbuild marks every bundled file with its path, so a
    // linked client library shows up as node_modules/<package>/….
    for (const client of [
      "node_modules/kafkajs/",
      "node_modules/@platformatic/kafka/",
      "node_modules/mqtt/",
      "node_modules/amqplib/",
      "runtime/endpoints/kafka",
      "runtime/endpoints/mqtt5",
    ]) {
      expect(bundle).not.toContain(client);
    }
    expect(bundle).toContain("node_modules/undici/");
    const generated = await readFile(join(proxyOnly.out, "apis", "alpha.ts"), "utf8");
    expect(generated).toMatch(/import \{[^}]*\bhttpProxyEndpoint\b[^}]*} from "\.\.\/link\.js";/);
    const link = await readFile(join(proxyOnly.out, "link.ts"), "utf8");
    expect(link).toMatch(
      /export \{ connector as httpProxyEndpoint \} from ".*runtime\/endpoints\/http-proxy\/index\.ts";/,
    );
    expect(link).not.toContain("runtime/endpoints/kafka");
  });

  it("a message API links its broker's endpoint module and nothing else", async () => {
    const { out, result } = await compileFull({ "e.yaml": kafkaApi });
    const generated = await readFile(join(out, "apis", "events.ts"), "utf8").catch(() => "");
    const link = await readFile(join(out, "link.ts"), "utf8").catch(() => "");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(generated).toMatch(/\bkafkaEndpoint\b/);
    expect(link).toContain("runtime/endpoints/kafka/index.ts");
    expect(link).not.toContain("runtime/endpoints/http-proxy/index.ts");
    const bundle = await readBundle(out);
    expect(bundle).toMatch(/node_modules\/(@platformatic\/kafka|kafkajs)\//);
    expect(bundle).not.toContain("node_modules/mqtt/");
    expect(bundle).not.toContain("node_modules/undici/");
    // Self-contained: it starts from another directory, its client's WebAssembly codecs copied
    // beside it, and answers while the broker is unreachable.
    const child = spawn(NODE, [join(out, "dist", "gateway.mjs")], {
      cwd: "/",
      env: {
        PATH: process.env.PATH ?? "",
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        SLUICE_HOST: "127.0.0.1",
      },
    });
    try {
      const adminPort = await new Promise<number>((resolve, reject) => {
        child.stdout?.on("data", (c: Buffer) => {
          const m = /"adminPort":(\d+)/.exec(c.toString());
          if (m) resolve(Number(m[1]));
        });
        child.once("exit", (code) => reject(new Error(`gateway exited with ${code}`)));
      });
      expect((await fetch(`http://127.0.0.1:${adminPort}/health/live`)).status).toBe(200);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("stops at start-up with one message naming the variable and the field", async () => {
    const spec = proxyApi("alpha", "/alpha", "${ALPHA_TARGET}/x").replace(
      "            target:",
      "            target:",
    );
    const withLimit = `${spec}`.replace(
      "          configuration:\n",
      "          sharedConfigurationOverride:\n            http:\n              readTimeout: ${ALPHA_TIMEOUT:-1000}\n          configuration:\n",
    );
    const { out, result } = await compileFull({ "a.yaml": withLimit });
    expect(result.bundle).toBeDefined();
    const start = (env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(NODE, [join(out, "dist", "gateway.mjs")], {
          env: {
            PATH: process.env.PATH ?? "",
            SLUICE_HTTP_PORT: "0",
            SLUICE_ADMIN_PORT: "0",
            SLUICE_HOST: "127.0.0.1",
            ...env,
          },
        });
        let stderr = "";
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.once("exit", (code) => resolve({ code, stderr }));
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      });
    const missing = await start({});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("environment variable ALPHA_TARGET is not set and has no default");
    expect(missing.stderr).toContain("a.yaml#/spec/endpointGroups/0/endpoints/0/configuration/target");
    expect(missing.stderr).not.toContain("    at ");
    const wrongType = await start({ ALPHA_TARGET: "http://127.0.0.1:1", ALPHA_TIMEOUT: "soon" });
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('environment variable ALPHA_TIMEOUT="soon" is not a valid integer');
    expect(wrongType.stderr).toContain("sharedConfigurationOverride/http/readTimeout");
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const inUse = await start({ ALPHA_TARGET: "http://127.0.0.1:1", SLUICE_HTTP_PORT: port });
      expect(inUse.code).toBe(1);
      expect(inUse.stderr).toBe(
        `sluice: cannot start: cannot listen on 127.0.0.1:${port} (SLUICE_HTTP_PORT): EADDRINUSE\n`,
      );
    } finally {
      busy.close();
    }
  });

  it("drains in-flight requests on SIGTERM and exits 0", async () => {
    const slow = createServer((_req, res) => setTimeout(() => res.end("slow but complete"), 700));
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const backend = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    const { out } = await compileFull({ "a.yaml": proxyApi("alpha", "/alpha", backend) });
    const child = spawn(NODE, [join(out, "dist", "gateway.mjs")], {
      env: {
        PATH: process.env.PATH ?? "",
        SLUICE_HTTP_PORT: "0",
        SLUICE_ADMIN_PORT: "0",
        SLUICE_HOST: "127.0.0.1",
      },
    });
    try {
      const port = await new Promise<number>((resolve) => {
        child.stdout?.on("data", (c: Buffer) => {
          const m = /"httpPort":(\d+)/.exec(c.toString());
          if (m) resolve(Number(m[1]));
        });
      });
      const inFlight = fetch(`http://127.0.0.1:${port}/alpha`).then(
        async (r) => [r.status, await r.text()] as const,
      );
      await new Promise((r) => setTimeout(r, 200));
      child.kill("SIGTERM");
      expect(await inFlight).toEqual([200, "slow but complete"]);
      expect(await waitForExit(child)).toBe(0);
    } finally {
      child.kill("SIGKILL");
      slow.close();
    }
  });
});

describe("type errors in generated code are reported against the YAML", () => {
  it("maps a tsc error on a configuration line to the spec node it came from", async () => {
    const { typecheck } = await import("../../compiler/build/typecheck.ts");
    const { out, result, dir } = await compileFull({
      "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/x"),
    });
    const module = result.modules.find((m) => m.path === "apis/alpha.ts")!;
    // Break the emitted value the way a schema/runtime mismatch would: a number where the
    // connector's type wants a string.
    const broken = module.text.replace('target: "http://127.0.0.1:1/x"', "target: 42");
    expect(broken).not.toBe(module.text);
    await writeFile(join(out, "apis", "alpha.ts"), broken);
    const checked = await typecheck(out, PROJECT_DIR, [{ ...module, text: broken }]);
    expect(checked.internal).toEqual([]);
    const located = checked.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    expect(located.map((d) => `${d.file.replace(`${dir}/`, "")}:${d.line}:${d.column} ${d.code}`)).toEqual([
      `apis/a.yaml:22:21 compile/type-check`,
    ]);
  });
});

describe("a full type-check split over several tsc", () => {
  it("checks every module once and still maps errors, in the API modules and in the wiring", async () => {
    const { typecheck } = await import("../../compiler/build/typecheck.ts");
    const { out, result, dir } = await compileFull({
      "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/x"),
      "b.yaml": proxyApi("beta", "/beta", "http://127.0.0.1:1/y"),
      "c.yaml": proxyApi("gamma", "/gamma", "http://127.0.0.1:1/z"),
    });
    expect(await typecheck(out, PROJECT_DIR, result.modules, undefined, 2)).toEqual({
      diagnostics: [],
      internal: [],
    });
    // A broken API module in the second slice (alpha and gamma are in the first), and broken
    // wiring (gateway.ts is checked in the first, with stand-ins for the API modules: were beta
    // checked there too, its error would be reported twice).
    const beta = result.modules.find((m) => m.path === "apis/beta.ts")!;
    const broken = beta.text.replace('target: "http://127.0.0.1:1/y"', "target: 42");
    await writeFile(join(out, "apis", "beta.ts"), broken);
    const gateway = await readFile(join(out, "gateway.ts"), "utf8");
    await writeFile(join(out, "gateway.ts"), gateway.replace(/version: "[^"]*"/, "version: 7"));
    const modules = result.modules.map((m) => (m === beta ? { ...m, text: broken } : m));
    const checked = await typecheck(out, PROJECT_DIR, modules, undefined, 2);
    const located = checked.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    expect(located.map((d) => `${d.file.replace(`${dir}/`, "")}:${d.line} ${d.code}`)).toEqual([
      "apis/b.yaml:22 compile/type-check",
    ]);
    expect(checked.internal).toEqual([expect.stringMatching(/gateway\.ts\(\d+,\d+\): error TS2322/)]);
  });
});

describe("the warm type-checker of watch mode", () => {
  it("checks a changed module against the warm program and maps its errors to the YAML", async () => {
    const { WarmTypechecker } = await import("../../compiler/build/warm-typecheck.ts");
    const { out, result, dir } = await compileFull({
      "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/x"),
      "b.yaml": proxyApi("beta", "/beta", "http://127.0.0.1:1/y"),
    });
    const checker = new WarmTypechecker(out, PROJECT_DIR);
    try {
      expect(await checker.warm()).toBe(true);
      const module = result.modules.find((m) => m.path === "apis/alpha.ts")!;
      const fine = await checker.check(result.modules, ["apis/alpha.ts"], ["apis/alpha.ts"]);
      expect(fine).toEqual({ diagnostics: [], internal: [] });
      const broken = module.text.replace('target: "http://127.0.0.1:1/x"', "target: 42");
      await writeFile(join(out, "apis", "alpha.ts"), broken);
      const checked = await checker.check(
        [{ ...module, text: broken }],
        ["apis/alpha.ts"],
        ["apis/alpha.ts"],
      );
      expect(checked?.internal).toEqual([]);
      const located = (checked?.diagnostics ?? []).map((d) => locateDiagnostic(result.sources, d));
      expect(located.map((d) => `${d.file.replace(`${dir}/`, "")}:${d.line}:${d.column} ${d.code}`)).toEqual([
        `apis/a.yaml:22:21 compile/type-check`,
      ]);
    } finally {
      await checker.dispose();
    }
  });
});
