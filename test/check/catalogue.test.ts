// The diagnostic catalogue cannot drift: every code the compiler can emit has an entry, every
// entry is used, every rule's file name is its code, and docs/diagnostics.md is generated from it.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiRules, repositoryRules } from "../../compiler/check/rules/index.ts";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { CATALOGUE } from "../../compiler/diagnostics/catalogue.ts";
import { renderCatalogue } from "../../compiler/diagnostics/generate-docs.ts";

async function sources(dir: string): Promise<string[]> {
  const names = await readdir(join(PROJECT_DIR, dir), { recursive: true });
  return names.filter((n) => n.endsWith(".ts")).map((n) => join(PROJECT_DIR, dir, n));
}

describe("diagnostic catalogue", () => {
  it("has an entry for every code used in compiler/, and no unused entry", async () => {
    const used = new Set<string>();
    for (const file of await sources("compiler")) {
      const text = await readFile(file, "utf8");
      for (const m of text.matchAll(/code: "([a-z0-9-]+\/[a-z0-9-]+)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/"(expression\/(?:syntax|unsupported))"/g)) used.add(m[1]!);
    }
    const catalogued = new Set(CATALOGUE.map((e) => e.code));
    expect([...used].filter((c) => !catalogued.has(c)).sort()).toEqual([]);
    expect([...catalogued].filter((c) => !used.has(c)).sort()).toEqual([]);
    expect(CATALOGUE.length).toBe(catalogued.size);
  });

  it("names every rule after its file, and registers every rule file", async () => {
    const rulesDir = join(PROJECT_DIR, "compiler", "check", "rules");
    const files = (await readdir(rulesDir, { recursive: true }))
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    const codes = [...apiRules, ...repositoryRules].map((r) => r.code).sort();
    expect(codes).toEqual(files);
  });

  it("docs/diagnostics.md is up to date", async () => {
    const committed = await readFile(join(PROJECT_DIR, "docs", "diagnostics.md"), "utf8");
    expect(committed, "run `npm run gen:docs`").toBe(renderCatalogue());
  });
});
