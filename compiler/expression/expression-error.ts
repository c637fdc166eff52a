// The one error shape of the expression compiler. Parsing and type-checking stop at the first problem
// of an expression (later ones are usually consequences of it) and report it with the exact character
// range inside the spec string; ./expression-diagnostics.ts turns it into a compiler Diagnostic.

export type ExpressionErrorCode = "expression/syntax" | "expression/unsupported";

export interface ExpressionError {
  /** `expression/syntax`: not valid EL at all. `expression/unsupported`: valid SpEL that Sluice does not compile. */
  code: ExpressionErrorCode;
  /** What is wrong and why, in one sentence. */
  message: string;
  /** Offset of the problem inside the spec string (0-based, UTF-16 code units like JavaScript strings). */
  offset: number;
  /** Number of characters the problem spans (at least 1, except at the end of the string). */
  length: number;
  /** How to fix it. */
  hint?: string;
}

/** Thrown inside the parser and compiler, caught at their public entry points. */
export class ExpressionFailure extends Error {
  readonly error: ExpressionError;

  constructor(error: ExpressionError) {
    super(error.message);
    this.error = error;
  }
}

export function fail(
  code: ExpressionErrorCode,
  message: string,
  span: { start: number; end: number },
  hint?: string,
): never {
  const error: ExpressionError = {
    code,
    message,
    offset: span.start,
    length: Math.max(0, span.end - span.start),
  };
  if (hint !== undefined) error.hint = hint;
  throw new ExpressionFailure(error);
}
