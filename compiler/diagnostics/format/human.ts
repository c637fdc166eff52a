// Human output: `file:line:col: severity code: message`, then a code frame and the hint.
import type { SourceSet } from "../../load/source-set.ts";
import type { LocatedDiagnostic } from "../diagnostic.ts";

export function formatHuman(diagnostics: LocatedDiagnostic[], sources: SourceSet, color = false): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const d of diagnostics) {
    const sev = d.severity === "error" ? paint("31;1", "error") : paint("33;1", "warning");
    out.push(`${d.file}:${d.line}:${d.column}: ${sev} ${paint("2", d.code)}: ${d.message}`);
    const frame = codeFrame(sources, d);
    if (frame) out.push(frame);
    if (d.hint) out.push(`  ${paint("36", "hint:")} ${d.hint}`);
    for (const r of d.related ?? []) out.push(`  ${r.file}:${r.line}:${r.column}: ${r.message}`);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) out.push("", `${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return out.join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Two lines of context before the offending line, and a caret under its column. */
export function codeFrame(sources: SourceSet, d: LocatedDiagnostic): string | undefined {
  const file = sources.get(d.file);
  if (!file) return undefined;
  const lines = file.text.split(/\r?\n/);
  const first = Math.max(1, d.line - 2);
  const width = String(d.line).length;
  const out: string[] = [];
  for (let n = first; n <= d.line && n <= lines.length; n++) {
    out.push(`  ${String(n).padStart(width)} | ${lines[n - 1]}`);
  }
  if (out.length === 0) return undefined;
  out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, d.column - 1))}^`);
  return out.join("\n");
}
