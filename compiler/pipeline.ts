// The compiler's front half as one call: load → validate → check. Returns data; only the CLI
// prints or sets exit codes.
import { checkSpecs } from "./check/check-specs.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { type LoadedDocument, type LoadInput, loadSpecs } from "./load/load-specs.ts";
import type { SourceSet } from "./load/source-set.ts";
import { validateSpec } from "./validate/validate-spec.ts";

export interface CheckResult {
  sources: SourceSet;
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
  /** Documents that passed schema validation and every rule: safe to build a model from. */
  valid: LoadedDocument[];
}

export async function checkRepository(input: LoadInput): Promise<CheckResult> {
  const loaded = await loadSpecs(input);
  const diagnostics = [...loaded.diagnostics];
  const failed = new Set<LoadedDocument>();
  for (const doc of loaded.documents) {
    const found = validateSpec(doc);
    if (found.length > 0) failed.add(doc);
    diagnostics.push(...found);
  }
  const ruleDiagnostics = checkSpecs(loaded.documents);
  diagnostics.push(...ruleDiagnostics);
  for (const d of ruleDiagnostics) {
    if (d.severity !== "error") continue;
    for (const doc of loaded.documents)
      if (doc.at.file === d.at.file && doc.at.doc === d.at.doc) failed.add(doc);
  }
  return {
    sources: loaded.sources,
    documents: loaded.documents,
    diagnostics,
    valid: loaded.documents.filter((d) => !failed.has(d)),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
