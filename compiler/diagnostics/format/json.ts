// `--format json`: one JSON array of {file, line, column, severity, code, message, hint?} (docs/contract.md §3).
import type { LocatedDiagnostic } from "../diagnostic.ts";

export function formatJson(diagnostics: LocatedDiagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
      ...(d.related ? { related: d.related } : {}),
    })),
    null,
    2,
  );
}
