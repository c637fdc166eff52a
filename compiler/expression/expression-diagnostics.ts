// Bridges expression errors to the compiler's one Diagnostic type. The caller knows where the YAML
// scalar holding the expression is (a SourceRef); the expression compiler knows where inside the
// string the problem is. `at.offset` carries the latter so the printer can point at the character.

import type { Diagnostic, Severity, SourceRef } from "../diagnostics/diagnostic.ts";
import type { CompileResult } from "./compile-expression.ts";
import type { ExpressionError } from "./expression-error.ts";

/** The diagnostic for one expression error found in the scalar at `at`. */
export function expressionDiagnostic(
  error: ExpressionError,
  at: SourceRef,
  severity: Severity = "error",
): Diagnostic {
  const diagnostic: Diagnostic = {
    code: error.code,
    severity,
    message: error.message,
    at: { ...at, offset: (at.offset ?? 0) + error.offset },
  };
  if (error.hint !== undefined) diagnostic.hint = error.hint;
  return diagnostic;
}

/** Diagnostics of a compile result: none when it compiled. */
export function expressionDiagnostics(
  result: CompileResult,
  at: SourceRef,
  severity: Severity = "error",
): Diagnostic[] {
  return result.ok ? [] : [expressionDiagnostic(result.error, at, severity)];
}
