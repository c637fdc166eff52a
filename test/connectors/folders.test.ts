// Every connector folder is whole and agrees with itself: manifest.json valid, schema.json, README.md,
// and an index.ts whose `connector` carries the manifest's id. The assembly refuses what does not fit.
import { mkdtempSync, writeFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  manifestProblems,
  readConnectorFolder,
  readConnectorFolders,
} from "../../compiler/connectors/folders.ts";
import { assembleSchemas } from "../../compiler/validate/assemble-schemas.ts";
import { MANIFESTS } from "../../runtime/connector-manifests.ts";

const folders = readConnectorFolders();

describe("connector folders", () => {
  it("cover every built-in connector, each kind", () => {
    const kinds = new Set(folders.map((f) => f.manifest.kind));
    expect([...kinds].sort()).toEqual(["endpoint", "entrypoint", "policy", "security"]);
    expect(folders.map((f) => f.manifest.id)).toEqual(MANIFESTS.map((m) => m.id));
  });

  for (const folder of folders) {
    const { id, kind } = folder.manifest;
    it(`${kind} ${id}: its module's connector has the manifest's id`, async () => {
      const module = (await import(join(folder.dir, "index.ts"))) as {
        connector: { id?: string; type?: string };
      };
      expect(module.connector.id ?? module.connector.type).toBe(id);
    });
  }

  it("aliases are unique across policies and never another policy's id", () => {
    const names = folders
      .filter((f) => f.manifest.kind === "policy")
      .flatMap((f) => [f.manifest.id, ...f.manifest.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("a manifest that breaks its schema is refused with its path and the field", async () => {
    expect(manifestProblems({ id: "x", aliases: [], kind: "policy", title: "X", summary: "s" })).toEqual([
      "/: must have required property 'phases'",
      '/: must match "then" schema',
    ]);
    const dir = join(mkdtempSync(join(tmpdir(), "sluice-folder-")), "x");
    await mkdir(dir);
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify({
        id: "x",
        aliases: [],
        kind: "endpoint",
        title: "X",
        summary: "s",
        apiTypes: ["SOAP"],
      }),
    );
    expect(() => readConnectorFolder(dir)).toThrow(
      /x[\\/]manifest\.json: .*\/apiTypes\/0: must be equal to one of/,
    );
  });

  it("a folder named other than its id is refused", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "sluice-folder-")), "other");
    await mkdir(dir);
    const manifest = await readFile(join(folders[0]?.dir ?? "", "manifest.json"), "utf8");
    writeFileSync(join(dir, "manifest.json"), manifest);
    expect(() => readConnectorFolder(dir)).toThrow(/needs the folder/);
  });

  it("the assembly refuses a definition defined twice, or a shared one redefined", () => {
    const policy = folders.find((f) => f.manifest.id === "mock" && f.manifest.kind === "policy")!;
    const copy = { ...policy, manifest: { ...policy.manifest, id: "mock-2", title: "Mock2" } };
    expect(() => assembleSchemas([...folders, copy])).not.toThrow();
    const twice = {
      ...copy,
      schema: { ...copy.schema, title: "X", definitions: { MockPolicyConfiguration: {} } },
    };
    expect(() => assembleSchemas([...folders, twice])).toThrow(
      /defines MockPolicyConfiguration, already defined/,
    );
    const shadow = { ...copy, schema: { ...copy.schema, definitions: { HttpHeader: { type: "string" } } } };
    expect(() => assembleSchemas([...folders, shadow])).toThrow(
      /HttpHeader is defined both by a connector and by the base or shared/,
    );
  });
});
