// `sluice check --fix`: rewrites the fixable mistakes (compiler/check/fixes.ts) in the spec files,
// prints each change where it was made, then checks again. Files read from stdin are not rewritten.
import { writeFile } from "node:fs/promises";
import type { CheckResult } from "../pipeline.ts";
/** Applies the fixes of a check result, printing each; returns how many changes were written. */
export async function applyFixes(result: CheckResult, print: (line: string) => void): Promise<number> {
  const { fixesFor, editsFor, applyEdits } = await import("../check/fixes.ts");
  const fixes = fixesFor(result.diagnostics, result.documents);
  const byFile = new Map<string, typeof fixes>();
  for (const f of fixes) byFile.set(f.at.file, [...(byFile.get(f.at.file) ?? []), f]);
  let changed = 0;
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const source = result.sources.get(file);
    if (!source || file === "-") continue;
    const { text, applied } = applyEdits(source.text, editsFor(source.text, list));
    if (applied.length === 0) continue;
    await writeFile(file, text);
    for (const e of applied) {
      const before = source.text.slice(0, e.at);
      const line = before.split("\n").length;
      const column = e.at - before.lastIndexOf("\n");
      print(`fixed ${file}:${line}:${column} ${e.fix.code}: ${e.fix.what}`);
    }
    changed += applied.length;
  }
  return changed;
}
