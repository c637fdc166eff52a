// `sluice compile --watch` as a user runs it: the first compile, a saved change rebuilding the
// bundle (an editor's rename-over save included), a spec error reported while the last good
// bundle stays, a new directory of specs picked up, and Ctrl-C ending it with exit code 0.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { chunkOf } from "../../compiler/emit/emit-gateway.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const NODE = join(PROJECT_DIR, "node_modules", ".bin", "node");
const SLUICE = join(PROJECT_DIR, "bin", "sluice.js");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Collects the watcher's output (diagnostics on stdout, progress on stderr) and waits for lines. */
class Output {
  text = "";
  private waiters: Array<{ match: RegExp; from: number; resolve: (line: string) => void }> = [];
  constructor(child: ChildProcess) {
    const collect = (c: Buffer) => {
      this.text += c.toString();
      this.waiters = this.waiters.filter((w) => {
        const line = this.text
          .slice(w.from)
          .split("\n")
          .find((l) => w.match.test(l));
        if (line) w.resolve(line);
        return !line;
      });
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }
  /** The next line from now on matching `match`. */
  next(match: RegExp, timeoutMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no line matching ${match} in:\n${this.text}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        from: this.text.length,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }
}

describe("sluice compile --watch", () => {
  it("recompiles on every save, reports errors without touching the bundle, and stops on Ctrl-C", async () => {
    const dir = await writeRepository({ "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/one") });
    dirs.push(dir);
    const child = spawn(NODE, [SLUICE, "compile", "apis", "--watch"], { cwd: dir });
    const output = new Output(child);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const module = () => readFile(join(dir, "generated", "dist", "chunks", `${chunkOf("alpha")}.js`), "utf8");
    try {
      await output.next(/watching apis\/ for changes/);
      expect(output.text).toMatch(/compiled 1 APIs into generated\//);
      expect(await module()).toContain("http://127.0.0.1:1/one");

      // A plain save.
      let compiled = output.next(/a\.yaml changed: compiled 1 APIs/);
      await writeFile(join(dir, "apis", "a.yaml"), proxyApi("alpha", "/alpha", "http://127.0.0.1:1/two"));
      await compiled;
      expect(await module()).toContain("http://127.0.0.1:1/two");

      // An editor's save: a new file renamed over the old one.
      compiled = output.next(/a\.yaml changed: compiled 1 APIs/);
      await writeFile(
        join(dir, "apis", ".a.yaml.tmp"),
        proxyApi("alpha", "/alpha", "http://127.0.0.1:1/three"),
      );
      await rename(join(dir, "apis", ".a.yaml.tmp"), join(dir, "apis", "a.yaml"));
      await compiled;
      expect(await module()).toContain("http://127.0.0.1:1/three");

      // A spec error: reported with its place; the last good bundle stays.
      const reported = output.next(/was not updated/);
      await writeFile(
        join(dir, "apis", "a.yaml"),
        proxyApi("alpha", "/alpha", "http://127.0.0.1:1/four").replace("type: PROXY", "type: PROXI"),
      );
      await reported;
      expect(output.text).toMatch(/apis\/a\.yaml:\d+:\d+: error /);
      expect(await module()).toContain("http://127.0.0.1:1/three");

      // A new directory with a new API.
      compiled = output.next(/b\.yaml changed: compiled 2 APIs/);
      await mkdir(join(dir, "apis", "team-b"));
      await writeFile(join(dir, "apis", "a.yaml"), proxyApi("alpha", "/alpha", "http://127.0.0.1:1/five"));
      await new Promise((r) => setTimeout(r, 100));
      await writeFile(
        join(dir, "apis", "team-b", "b.yaml"),
        proxyApi("beta", "/beta", "http://127.0.0.1:1/b"),
      );
      await compiled;
      expect(
        await readFile(join(dir, "generated", "dist", "chunks", `${chunkOf("beta")}.js`), "utf8"),
      ).toContain("http://127.0.0.1:1/b");
      expect(await module()).toContain("http://127.0.0.1:1/five");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });

  it("recompiles when a file of the repository's own policies/ changes, reporting a type error on its line", async () => {
    const flows = `  flows:
    - request:
        - policy: add-header
          configuration:
            name: x-team
`;
    const dir = await writeRepository({
      "a.yaml": proxyApi("alpha", "/alpha", "http://127.0.0.1:1/", flows),
    });
    dirs.push(dir);
    const policy = (body: string) =>
      `import { definePolicy } from "sluice/runtime";\n\nexport const connector = definePolicy<{ name: string }>({\n  id: "add-header",\n  create(config) {\n    return {\n      onRequest(exchange) {\n${body}\n      },\n    };\n  },\n});\n`;
    const folder = join(dir, "policies", "add-header");
    await mkdir(folder, { recursive: true });
    await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
    await writeFile(
      join(folder, "manifest.json"),
      JSON.stringify({
        id: "add-header",
        aliases: [],
        kind: "policy",
        title: "AddHeader",
        summary: "s",
        phases: { PROXY: ["request"] },
      }),
    );
    await writeFile(join(folder, "schema.json"), JSON.stringify({ type: "object", required: ["name"] }));
    await writeFile(
      join(folder, "index.ts"),
      policy('        exchange.upstreamHeaders[config.name] = "blue";'),
    );
    const child = spawn(NODE, [SLUICE, "compile", "apis", "--watch"], { cwd: dir });
    const output = new Output(child);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await output.next(/watching apis\/ for changes/, 60_000);
      expect(output.text).toMatch(/compiled 1 APIs into generated\//);
      const reported = output.next(/was not updated/, 60_000);
      await writeFile(join(folder, "index.ts"), policy("        const n: number = config.name;"));
      await reported;
      expect(output.text).toMatch(/policies\/add-header\/index\.ts:8:15: error compile\/policy-type-check/);
      const compiled = output.next(/index\.ts changed: compiled 1 APIs/, 60_000);
      await writeFile(
        join(folder, "index.ts"),
        policy('        exchange.upstreamHeaders[config.name] = "green";'),
      );
      await compiled;
      expect(await readFile(join(dir, "generated", "dist", "link.js"), "utf8")).toContain('"green"');
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  }, 180_000);

  it("refuses --check and standard input", async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(NODE, [SLUICE, "compile", ...args], { cwd: PROJECT_DIR });
        let err = "";
        child.stderr.on("data", (c: Buffer) => (err += c.toString()));
        child.once("exit", (code) => resolve({ code, err }));
      });
    expect(await run(["apis", "--watch", "--check"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--watch and --check cannot be used together"),
    });
    expect(await run(["-", "--watch"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--watch needs a DIR or FILE"),
    });
  });
});
