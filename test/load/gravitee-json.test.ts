// No silent nothing: Gravitee APIs in JSON (real files from Gravitee's repositories: Management API
// exports, gateway-format v4 and v2/v1 definitions) and GKO resources fetched as JSON are located
// errors (load/gravitee-json); other JSON is left alone; input without any API is load/no-apis
// unless --allow-empty.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../compiler/cli/main.ts";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { proxyApi } from "../helpers/specs.ts";

const CORPUS = join(PROJECT_DIR, "test", "load", "fixtures", "gravitee-json");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function repo(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sluice-json-"));
  dirs.push(dir);
  await mkdir(join(dir, "apis"), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "apis", name), text);
  return dir;
}

interface Printed {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
  hint?: string;
}

async function run(args: string[], cwd: string): Promise<{ code: number; diagnostics: Printed[] }> {
  let out = "";
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main([...args, "--format", "json"], { out: (s) => (out += s), err: () => {} });
    return { code, diagnostics: JSON.parse(out || "[]") as Printed[] };
  } finally {
    process.chdir(previous);
  }
}

describe("Gravitee APIs in JSON", () => {
  it("every file of the corpus is an error naming its format, at the field that tells", async () => {
    const dir = await repo();
    await cp(join(CORPUS, "v4"), join(dir, "apis", "v4"), { recursive: true });
    await cp(join(CORPUS, "v2"), join(dir, "apis", "v2"), { recursive: true });
    const names = [
      ...(await readdir(join(CORPUS, "v4"))).map((n) => `apis/v4/${n}`),
      ...(await readdir(join(CORPUS, "v2"))).map((n) => `apis/v2/${n}`),
    ].sort();
    expect(names.length).toBe(26);
    const { code, diagnostics } = await run(["check", "apis"], dir);
    expect(code).toBe(1);
    // One error per file, nothing else (no load/no-apis on top).
    expect(diagnostics.map((d) => [d.file, d.code]).sort()).toEqual(
      names.map((n) => [n, "load/gravitee-json"]),
    );
    const at = (file: string) => diagnostics.find((d) => d.file === file)!;
    // A Management API export: at `api.definitionVersion`.
    const exported = at("apis/v4/apim-quicksetup_export-wrapper_echo-v4.json");
    expect(exported.message).toMatch(/^this file is a Gravitee Management API export \(V4\);/);
    expect([exported.line, exported.column]).toEqual([3, 30]);
    expect(exported.hint).toContain("`sluice import apis/v4/apim-quicksetup_export-wrapper_echo-v4.json`");
    expect(exported.hint).toContain("docs/import.md");
    // A gateway-format v4 definition, `"gravitee": "4.0.0"` at line 4.
    const gateway = at("apis/v4/apim-it_http-proxy_basic.json");
    expect(gateway.message).toContain("a Gravitee v4 API definition (gateway format, 4.0.0)");
    expect([gateway.line, gateway.column]).toEqual([4, 15]);
    // v2 and the legacy v1 shape.
    expect(at("apis/v2/apim-quicksetup_v2-export_echo.json").message).toContain(
      "a Gravitee v2 API definition",
    );
    expect(at("apis/v2/apim-jackson_legacy-v1-paths-style.json").message).toContain("v1/v2 API definition");
  });

  it("beside valid YAML specs: the JSON file still fails the check and the compile", async () => {
    const dir = await repo({ "pets.yaml": proxyApi("pets", "/pets", "http://127.0.0.1:1") });
    await cp(
      join(CORPUS, "v4", "apim-rest-test_export-wrapper_proxy-api.json"),
      join(dir, "apis", "orders-export.json"),
    );
    const checked = await run(["check", "apis"], dir);
    expect(checked.code).toBe(1);
    expect(checked.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "apis/orders-export.json:3:30 load/gravitee-json",
    ]);
    const compiled = await run(["compile", "apis", "--out", "generated"], dir);
    expect(compiled.code).toBe(1);
  });

  it("GKO resources as JSON: one (rename it) or a kubectl List (split it)", async () => {
    const resource = JSON.stringify(
      {
        apiVersion: "gravitee.io/v1alpha1",
        kind: "ApiV4Definition",
        metadata: { name: "pets" },
        spec: { name: "pets" },
      },
      null,
      2,
    );
    const list = JSON.stringify({ apiVersion: "v1", kind: "List", items: [JSON.parse(resource)] }, null, 2);
    const dir = await repo({ "one.json": resource, "many.json": list });
    const { diagnostics } = await run(["check", "apis"], dir);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "apis/many.json:7:15 load/gravitee-json",
      "apis/one.json:3:11 load/gravitee-json",
    ]);
    expect(diagnostics[1]!.hint).toContain("rename the file to .yaml");
    expect(diagnostics[0]!.hint).toContain("YAML document of its own");
  });

  it("JSON that is not a Gravitee API is left alone", async () => {
    const dir = await repo({
      "pets.yaml": proxyApi("pets", "/pets", "http://127.0.0.1:1"),
      "schema.json": '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}',
      "broken.json": "{ not json",
      "list.json": "[1, 2, 3]",
    });
    expect(await run(["check", "apis"], dir)).toEqual({ code: 0, diagnostics: [] });
  });
});

describe("input without any API", () => {
  it("is an error at the input, for check and compile, a directory, a file and stdin", async () => {
    const dir = await repo({
      "notes.yaml": "# nothing here yet\n",
      "cm.yaml": "apiVersion: v1\nkind: ConfigMap\n",
    });
    for (const command of ["check", "compile"]) {
      const r = await run([command, "apis"], dir);
      expect(r.code).toBe(1);
      expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
        "apis:1:1 load/no-apis",
      ]);
      expect(r.diagnostics[0]!.hint).toContain("--allow-empty");
    }
    const file = await run(["check", "apis/cm.yaml"], dir);
    expect(file.diagnostics.map((d) => d.code)).toEqual(["load/no-apis"]);
  });

  it("is allowed with --allow-empty: check passes and compile builds a gateway without APIs", async () => {
    const dir = await repo();
    expect(await run(["check", "apis", "--allow-empty"], dir)).toEqual({ code: 0, diagnostics: [] });
    const compiled = await run(["compile", "apis", "--allow-empty", "--out", "generated"], dir);
    expect(compiled.code).toBe(0);
    expect(await readdir(join(dir, "generated", "dist"))).toContain("gateway.mjs");
  }, 60_000);

  it("is not added on top of errors that explain it", async () => {
    const dir = await repo({ "broken.yaml": "apiVersion: gravitee.io/v1alpha1\nkind: [\n" });
    const r = await run(["check", "apis"], dir);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["load/yaml-syntax"]);
  });
});
