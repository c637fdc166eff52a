// A repository's own TypeScript policy (policies/<id>/ beside apis/, docs/custom-policies.md), as a
// team writes one: `sluice check` validates its configuration in specs against its schema.json
// (located), `sluice compile` type-checks its module (a type error on its line) and links it into
// the bundle, and the bundle runs it — a real compile (tsc + esbuild) and the gateway run as a
// child process against an echo backend.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileRepository, PROJECT_DIR } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { startEchoBackend } from "../helpers/backends.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const NODE = join(PROJECT_DIR, "node_modules", ".bin", "node");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const MANIFEST = {
  id: "add-header",
  aliases: [],
  kind: "policy",
  title: "AddHeader",
  summary: "Adds a header to the request sent to the endpoint.",
  phases: { PROXY: ["request"], V2: ["request"] },
};

const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "AddHeaderPolicyConfiguration",
  type: "object",
  additionalProperties: false,
  properties: { name: { type: "string", minLength: 1 }, value: { type: "string" } },
  required: ["name", "value"],
};

const POLICY = `import { definePolicy, render, type Templated } from "sluice/runtime";

interface AddHeaderConfig {
  name: string;
  value: Templated;
}

export const connector = definePolicy<AddHeaderConfig>({
  id: "add-header",
  create(config) {
    return {
      onRequest(exchange) {
        exchange.upstreamHeaders[config.name.toLowerCase()] = render(config.value, exchange.el());
      },
    };
  },
});
`;

const step = (configuration: string) => `  flows:
    - name: stamp
      request:
        - policy: add-header
          configuration:
${configuration}
`;

/** A team's repository: package.json, apis/, policies/add-header/. */
async function repository(
  spec: string,
  policy: Record<string, string> = {},
): Promise<{ dir: string; file: (path: string) => string }> {
  const dir = await writeRepository({ "a.yaml": spec });
  dirs.push(dir);
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "team-apis", private: true, type: "module" }),
    "policies/add-header/manifest.json": `${JSON.stringify(MANIFEST, null, 2)}\n`,
    "policies/add-header/schema.json": `${JSON.stringify(SCHEMA, null, 2)}\n`,
    "policies/add-header/index.ts": POLICY,
    ...policy,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, file: (path) => join(dir, path) };
}

const spec = (target: string, configuration = "            name: X-Team\n            value: blue") =>
  proxyApi("alpha", "/alpha", target, step(configuration));

describe("a repository's own TypeScript policy", () => {
  it("a type error in its module is reported on its file, line and column, and nothing is bundled", async () => {
    const broken = POLICY.replace(
      "        exchange.upstreamHeaders",
      "        const count: number = config.name;\n        exchange.upstreamHeaders",
    );
    const { dir } = await repository(spec("http://127.0.0.1:1/"), { "policies/add-header/index.ts": broken });
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    const located = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    expect(located.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "policies/add-header/index.ts:13:15 compile/policy-type-check",
    ]);
    expect(located[0]?.message).toMatch(/Type 'string' is not assignable to type 'number'/);
    expect(result.internalErrors).toEqual([]);
    expect(result.bundle).toBeUndefined();
  });

  it("the fixed policy is linked into the bundle and adds its header (EL, compiled ahead) to what the endpoint receives", async () => {
    const echo = await startEchoBackend();
    // The value is EL: compiled ahead of time, rendered by the policy.
    const { dir } = await repository(
      spec(
        `${echo.url}/`,
        "            name: X-Team\n            value: \"{#request.headers['x-color'][0]}-team\"",
      ),
    );
    const out = join(dir, "generated");
    const result = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.internalErrors).toEqual([]);
    expect(result.bundle).toBeDefined();
    let child: ChildProcess | undefined;
    try {
      child = spawn(NODE, [join(out, "dist", "gateway.mjs")], {
        cwd: "/",
        env: {
          PATH: process.env.PATH ?? "",
          SLUICE_HTTP_PORT: "0",
          SLUICE_ADMIN_PORT: "0",
          SLUICE_HOST: "127.0.0.1",
        },
      });
      const started = child;
      const httpPort = await new Promise<number>((resolve, reject) => {
        let logs = "";
        started.stdout?.on("data", (c: Buffer) => {
          logs += c.toString();
          const m = /"httpPort":(\d+)/.exec(logs);
          if (m) resolve(Number(m[1]));
        });
        started.once("exit", (code) => reject(new Error(`gateway exited with ${code}: ${logs}`)));
      });
      const response = await fetch(`http://127.0.0.1:${httpPort}/alpha/items`, {
        headers: { "x-color": "blue" },
      });
      expect(response.status).toBe(200);
      expect(echo.received.at(-1)?.headers["x-team"]).toBe("blue-team");
    } finally {
      child?.kill("SIGKILL");
      await echo.close();
    }
  });

  it("sluice check validates a step's configuration against the policy's schema.json, on the YAML line", async () => {
    const { dir } = await repository(
      spec("http://127.0.0.1:1/", "            name: X-Team\n            valeu: blue"),
    );
    const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
    const located = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    // The unknown key, pointed at, with the schema's property suggested (the missing `value` it stands for is not repeated).
    expect(located.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.hint}`)).toEqual([
      "apis/a.yaml:34:13 schema/unknown-property did you mean `value`?",
    ]);
    const typed = await repository(
      spec("http://127.0.0.1:1/", "            name: X-Team\n            value: 3"),
    );
    const second = await checkRepository({ target: join(typed.dir, "apis"), cwd: typed.dir });
    expect(
      second.diagnostics
        .map((d) => locateDiagnostic(second.sources, d))
        .map((d) => `${d.line}:${d.column} ${d.code}`),
    ).toEqual(["34:20 schema/type"]);
  });

  it("a folder that is not a usable policy is an error located in its manifest", async () => {
    const { dir } = await repository(spec("http://127.0.0.1:1/"), {
      "policies/add-header/manifest.json": `${JSON.stringify({ ...MANIFEST, id: "rate-limit" }, null, 2)}\n`,
    });
    const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
    const located = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    const folder = located.filter((d) => d.code === "policy/invalid-folder");
    expect(folder.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      "policies/add-header/manifest.json:2:9",
    ]);
    expect(folder[0]?.message).toMatch(/must be its folder's name/);
  });
});
