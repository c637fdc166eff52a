// Golden output. Each directory under test/golden/ holds a small API repository (apis/) and the
// gateway Sluice generates for it (generated/, committed): the comparison is exact. The example
// repository's own golden output is generated/ at the top level: one module per example API.
// UPDATE_GOLDEN=1 rewrites the golden files after a deliberate change of the emitter.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRepository, PROJECT_DIR } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";

const GOLDEN = join(PROJECT_DIR, "test", "golden");
const cases = (await readdir(GOLDEN, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

async function golden(dir: string) {
  const result = await compileRepository({
    target: join(dir, "apis"),
    outDir: join(dir, "generated"),
    cwd: PROJECT_DIR,
    emitOnly: true,
    checkOnly: process.env.UPDATE_GOLDEN !== "1",
  });
  const errors = result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => locateDiagnostic(result.sources, d));
  return { result, errors };
}

describe("golden output", () => {
  it.each(cases)("%s", async (name) => {
    const { result, errors } = await golden(join(GOLDEN, name));
    expect(errors).toEqual([]);
    expect(
      result.changed,
      "generated output differs: run UPDATE_GOLDEN=1 npx vitest run test/compile/golden.test.ts",
    ).toEqual([]);
  });

  it("the example repository's generated/ is up to date, one module per example API", async () => {
    const { result, errors } = await golden(PROJECT_DIR);
    expect(errors).toEqual([]);
    expect(result.changed).toEqual([]);
    // Consumer resources (apis/consumers/) are data of the API modules, not modules of their own.
    const specs = (await readdir(join(PROJECT_DIR, "apis"), { recursive: true })).filter(
      (f) => f.endsWith(".yaml") && !f.startsWith("consumers"),
    );
    const modules = await readdir(join(PROJECT_DIR, "generated", "apis"));
    expect(modules.length).toBe(specs.length);
    expect(result.apis).toBe(specs.length);
  });
});
