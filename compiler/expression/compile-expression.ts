// Public entry points of the expression compiler: Gravitee EL in a spec string → the TypeScript
// source of an arrow function typed against runtime/el.ts's ElContext. The emitter embeds `code` in
// generated modules and imports `imports` (plus the type ElContext) from the runtime; nothing is
// evaluated or interpreted at run time. Errors carry the exact character range inside the string.

import { ts } from "ts-morph";
import type { Expr } from "./ast.ts";
import { compileValue } from "./compile-node.ts";
import { toBool, toStr, type Value } from "./el-value.ts";
import { type ExpressionError, ExpressionFailure } from "./expression-error.ts";
import { checkBlockOpening, parseSingleBlock, parseTemplate } from "./parse-expression.ts";
import {
  binary,
  type EmitState,
  keywordType,
  newEmitState,
  orUndefined,
  printFunction,
  printType,
  type RuntimeHelper,
  readonlyStringArrayType,
  stringLiteral,
} from "./ts-build.ts";

export { hasTemplate, isExpression } from "./parse-expression.ts";

/** The static type of a compiled value; `string[]` is every value of a header or parameter. */
export type ElValueType = "boolean" | "number" | "string" | "string[]" | "unknown";

export interface CompiledExpression {
  ok: true;
  /** TypeScript source: `(ctx: ElContext): T => …`, or an IIFE returning it when regexes are hoisted. */
  code: string;
  type: ElValueType;
  /** True when the value may be undefined at run time (`T | undefined`). */
  nullable: boolean;
  /** The printed return type, e.g. `boolean`, `string | undefined`. */
  returnType: string;
  /** ElContext paths read, e.g. `request.headers`, `response.status`, `context.attributes`. */
  uses: Set<string>;
  /** Functions the code calls, all exported by runtime/el.ts. */
  imports: Set<RuntimeHelper>;
}

export type CompileResult = CompiledExpression | { ok: false; error: ExpressionError };

/** A whole-value condition `{#…}` (flow conditions, assertions, messageConditions) → `(ctx) => boolean`. */
export function compileCondition(source: string): CompileResult {
  return run(source, (state) => {
    const value = compileValue(state, parseSingleBlock(source));
    const expr = toBool(state, value, "A condition", true);
    checkBlockOpening(source);
    return { expr, type: "boolean", nullable: false };
  });
}

/** A templated value mixing text and blocks (`Bearer {#context.attributes['token']}`) → `(ctx) => string`. */
export function compileTemplate(source: string): CompileResult {
  return run(source, (state) => ({ expr: templateText(state, source), type: "string", nullable: false }));
}

/**
 * A value whose type is inferred: one `{#…}` block keeps the block's static type (a header list, a
 * number, …); anything else is a template and yields a string.
 */
export function compileExpression(source: string): CompileResult {
  return run(source, (state) => {
    const parts = parseTemplate(source);
    const blocks = parts.filter((part) => part.kind === "block");
    const onlyBlock =
      blocks.length === 1 && parts.every((part) => part.kind === "block" || part.text.trim() === "")
        ? blocks[0]
        : undefined;
    if (onlyBlock === undefined)
      return { expr: templateText(state, source), type: "string", nullable: false };
    const value = compileValue(state, onlyBlock.expr);
    return { expr: value.expr, ...publicType(value) };
  });
}

function templateText(state: EmitState, source: string): ts.Expression {
  const pieces = parseTemplate(source).map((part) =>
    part.kind === "text"
      ? stringLiteral(part.text)
      : toStr(state, compileValue(state, part.expr), "A template block", true),
  );
  if (pieces.length === 0) return stringLiteral("");
  // A lone block of a non-string type is already converted by toStr; a leading text literal keeps `+` textual.
  return pieces.reduce((text, piece) => binary(text, ts.SyntaxKind.PlusToken, piece));
}

function publicType(value: Value): { type: ElValueType; nullable: boolean } {
  switch (value.type) {
    case "list":
      return { type: "string[]", nullable: value.nullable };
    case "null":
      return { type: "unknown", nullable: true };
    case "unknown":
      return { type: "unknown", nullable: true };
    default:
      return { type: value.type, nullable: value.nullable };
  }
}

function typeNode(type: ElValueType, nullable: boolean): ts.TypeNode {
  if (type === "unknown") return keywordType("unknown");
  const base = type === "string[]" ? readonlyStringArrayType() : keywordType(type);
  return nullable ? orUndefined(base) : base;
}

function run(
  source: string,
  compile: (state: EmitState) => { expr: ts.Expression; type: ElValueType; nullable: boolean },
): CompileResult {
  const state = newEmitState(source);
  try {
    const { expr, type, nullable } = compile(state);
    const returnType = typeNode(type, nullable);
    return {
      ok: true,
      code: printFunction(state, returnType, expr),
      type,
      nullable,
      returnType: printType(returnType),
      uses: state.uses,
      imports: state.imports,
    };
  } catch (cause) {
    if (cause instanceof ExpressionFailure) return { ok: false, error: cause.error };
    throw cause;
  }
}

/** Parse only (no type-checking): the syntax tree of a single-block value, for tools and tests. */
export function parseCondition(
  source: string,
): { ok: true; expr: Expr } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, expr: parseSingleBlock(source) };
  } catch (cause) {
    if (cause instanceof ExpressionFailure) return { ok: false, error: cause.error };
    throw cause;
  }
}
