// Test helpers: run the compiler's front half on YAML text and get located diagnostics.
import { checkSpecs } from "../../compiler/check/check-specs.ts";
import type { LocatedDiagnostic } from "../../compiler/diagnostics/diagnostic.ts";
import { compareLocated, locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { type LoadResult, loadText } from "../../compiler/load/load-specs.ts";
import { SourceSet } from "../../compiler/load/source-set.ts";
import { validateSpec } from "../../compiler/validate/validate-spec.ts";

export function loadFiles(files: Record<string, string>): LoadResult {
  const result: LoadResult = { sources: new SourceSet(), documents: [], diagnostics: [] };
  for (const [path, text] of Object.entries(files)) loadText(path, text, result);
  return result;
}

/** Load + validate + check, located and sorted; `only` keeps the given stages. */
export function diagnose(
  files: Record<string, string> | string,
  only: { schema?: boolean; rules?: boolean } = { schema: true, rules: true },
): LocatedDiagnostic[] {
  const loaded = loadFiles(typeof files === "string" ? { "api.yaml": files } : files);
  const diagnostics = [...loaded.diagnostics];
  if (only.schema) for (const doc of loaded.documents) diagnostics.push(...validateSpec(doc));
  if (only.rules) diagnostics.push(...checkSpecs(loaded.documents));
  return diagnostics.map((d) => locateDiagnostic(loaded.sources, d)).sort(compareLocated);
}

/** `code@line:column` strings: compact to assert exactly. */
export function summary(diagnostics: LocatedDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
}
