// TypeScript construction for compiled expressions: TS factory nodes printed once with a pinned
// printer, so quoting, escaping and parenthesisation are the compiler's job, not string splicing.
// No name from a spec ever becomes an identifier: spec text only appears inside string literals;
// identifiers are `ctx`, the runtime helpers (checked against runtime/el.ts's exports) and `reN`.

import { ts } from "ts-morph";
import type * as runtime from "../../runtime/el.ts";
import type * as xmlRuntime from "../../runtime/el-xml.ts";
import { OPTIONAL_ROOTS } from "./el-roots.ts";
import type { Value } from "./el-value.ts";

export const f = ts.factory;

/** Names of the functions a module exports. */
type FunctionsOf<M> = { [K in keyof M]: M[K] extends (...args: never[]) => unknown ? K : never }[keyof M];

/**
 * Names of the functions runtime/el.ts exports, and runtime/el-xml.ts's `elXml…` (linked only where
 * used: see XML_HELPER_PREFIX): a typo here is a type error, not broken output.
 */
export type RuntimeHelper = FunctionsOf<typeof runtime> | FunctionsOf<typeof xmlRuntime>;

/** Helpers named so live in runtime/el-xml.ts (the XML parser and XPath engine), the others in runtime/el.ts. */
export const XML_HELPER_PREFIX = "elXml";

/** What one compilation collects while it emits. */
export interface EmitState {
  /** The whole spec string, for offsets inside string literals. */
  source: string;
  /** ElContext paths the expression reads, e.g. `request.headers`, `response.status`. */
  uses: Set<string>;
  /** Runtime helpers the code calls (imported from runtime/el.ts by the emitter). */
  imports: Set<RuntimeHelper>;
  /** Regular expressions hoisted to constants `re0`, `re1`, … compiled once at module load. */
  regexes: Array<{ source: string; flags: string }>;
  /** `#this` inside selections and projections, innermost last (the arrow function's parameter `itN`). */
  element: Value[];
  /** Parameters named so far (`it0`, `it1`, …). */
  parameters: number;
}

export function newEmitState(source: string): EmitState {
  return { source, uses: new Set(), imports: new Set(), regexes: [], element: [], parameters: 0 };
}

/** `(itN) => body`, the callback of a selection or projection. */
export function elementArrow(name: string, body: ts.Expression): ts.ArrowFunction {
  return f.createArrowFunction(
    undefined,
    undefined,
    [f.createParameterDeclaration(undefined, undefined, name)],
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    body,
  );
}

export function callHelper(state: EmitState, name: RuntimeHelper, args: ts.Expression[]): ts.Expression {
  state.imports.add(name);
  return f.createCallExpression(f.createIdentifier(name), undefined, args);
}

/** The identifier of a hoisted RegExp constant (the same pattern is hoisted once). */
export function regexConstant(state: EmitState, source: string, flags: string): ts.Identifier {
  let index = state.regexes.findIndex((r) => r.source === source && r.flags === flags);
  if (index < 0) index = state.regexes.push({ source, flags }) - 1;
  return f.createIdentifier(`re${index}`);
}

export function stringLiteral(value: string): ts.Expression {
  return f.createStringLiteral(value);
}

export function numberLiteral(value: number): ts.Expression {
  const literal = f.createNumericLiteral(Math.abs(value));
  return value < 0 || Object.is(value, -0)
    ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, literal)
    : literal;
}

/**
 * `ctx.a.b`, with `?.` after a root that may be absent (`ctx.response?.status`) and after a segment
 * written with a trailing `?` (`["request", "ssl?", "clientHost"]` → `ctx.request.ssl?.clientHost`).
 */
export function contextPath(path: readonly string[]): ts.Expression {
  let expr: ts.Expression = f.createIdentifier("ctx");
  path.forEach((segment, i) => {
    const name = segment.replace(/\?$/, "");
    const optional = (i === 1 && OPTIONAL_ROOTS.has(path[0]!)) || (i > 0 && path[i - 1]!.endsWith("?"));
    expr =
      optional || ts.isOptionalChain(expr)
        ? f.createPropertyAccessChain(
            expr,
            optional ? f.createToken(ts.SyntaxKind.QuestionDotToken) : undefined,
            name,
          )
        : f.createPropertyAccessExpression(expr, name);
  });
  return expr;
}

export function isOptionalPath(path: readonly string[]): boolean {
  return OPTIONAL_ROOTS.has(path[0]!) || path.some((segment) => segment.endsWith("?"));
}

/** The ElContext path as `uses` names it (`request.ssl.client.dn`). */
export function usePath(path: readonly string[]): string {
  return path.map((segment) => segment.replace(/\?$/, "")).join(".");
}

/** `target(args)`, continuing an optional chain when `target` is one. */
export function callOn(target: ts.Expression, args: ts.Expression[]): ts.Expression {
  return ts.isOptionalChain(target)
    ? f.createCallChain(target, undefined, undefined, args)
    : f.createCallExpression(target, undefined, args);
}

/** `target[index]`, or `target?.[index]` when `target` may be undefined. */
export function elementOf(target: ts.Expression, index: ts.Expression, nullable: boolean): ts.Expression {
  if (nullable)
    return f.createElementAccessChain(target, f.createToken(ts.SyntaxKind.QuestionDotToken), index);
  return ts.isOptionalChain(target)
    ? f.createElementAccessChain(target, undefined, index)
    : f.createElementAccessExpression(target, index);
}

/** `target.name` / `target?.name`. */
export function propertyOf(target: ts.Expression, name: string, nullable: boolean): ts.Expression {
  if (nullable)
    return f.createPropertyAccessChain(target, f.createToken(ts.SyntaxKind.QuestionDotToken), name);
  return ts.isOptionalChain(target)
    ? f.createPropertyAccessChain(target, undefined, name)
    : f.createPropertyAccessExpression(target, name);
}

export function methodCall(target: ts.Expression, name: string, args: ts.Expression[]): ts.Expression {
  return f.createCallExpression(f.createPropertyAccessExpression(target, name), undefined, args);
}

export function binary(
  left: ts.Expression,
  operator: ts.BinaryOperator,
  right: ts.Expression,
): ts.Expression {
  return f.createBinaryExpression(left, operator, right);
}

/** `left ?? right` (the factory parenthesises it where `??` may not mix with `&&`/`||`). */
export function coalesce(left: ts.Expression, right: ts.Expression): ts.Expression {
  return f.createBinaryExpression(left, ts.SyntaxKind.QuestionQuestionToken, right);
}

/** SpEL's `null`: `undefined` in the emitted code, the one "absent" value of ElContext. */
export function absent(): ts.Expression {
  return f.createIdentifier("undefined");
}

export function not(operand: ts.Expression): ts.Expression {
  return f.createPrefixUnaryExpression(ts.SyntaxKind.ExclamationToken, operand);
}

const printer = ts.createPrinter({
  newLine: ts.NewLineKind.LineFeed,
  removeComments: true,
  omitTrailingSemicolon: false,
});
const printFile = ts.createSourceFile("expression.ts", "", ts.ScriptTarget.ES2023, false, ts.ScriptKind.TS);

/**
 * `(ctx: ElContext): T => body`; when regexes were hoisted, an immediately invoked function that
 * compiles them once and returns the arrow function, so the result stays a single expression.
 */
export function printFunction(state: EmitState, returnType: ts.TypeNode, body: ts.Expression): string {
  const parameter = f.createParameterDeclaration(
    undefined,
    undefined,
    state.uses.size === 0 ? "_ctx" : "ctx",
    undefined,
    f.createTypeReferenceNode("ElContext"),
  );
  const arrow = f.createArrowFunction(
    undefined,
    undefined,
    [parameter],
    returnType,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    body,
  );
  if (state.regexes.length === 0) return printer.printNode(ts.EmitHint.Expression, arrow, printFile);
  const constants = state.regexes.map((regex, i) =>
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [
          f.createVariableDeclaration(
            `re${i}`,
            undefined,
            undefined,
            f.createNewExpression(f.createIdentifier("RegExp"), undefined, [
              stringLiteral(regex.source),
              stringLiteral(regex.flags),
            ]),
          ),
        ],
        ts.NodeFlags.Const,
      ),
    ),
  );
  const factory = f.createArrowFunction(
    undefined,
    undefined,
    [],
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    f.createBlock([...constants, f.createReturnStatement(arrow)], true),
  );
  return printer.printNode(
    ts.EmitHint.Expression,
    f.createCallExpression(f.createParenthesizedExpression(factory), undefined, []),
    printFile,
  );
}

export function keywordType(kind: "boolean" | "string" | "number" | "unknown"): ts.TypeNode {
  switch (kind) {
    case "boolean":
      return f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword);
    case "string":
      return f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
    case "number":
      return f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword);
    case "unknown":
      return f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword);
  }
}

export function readonlyStringArrayType(): ts.TypeNode {
  return f.createTypeOperatorNode(
    ts.SyntaxKind.ReadonlyKeyword,
    f.createArrayTypeNode(keywordType("string")),
  );
}

export function orUndefined(type: ts.TypeNode): ts.TypeNode {
  return f.createUnionTypeNode([type, f.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword)]);
}

export function printType(type: ts.TypeNode): string {
  return printer.printNode(ts.EmitHint.Unspecified, type, printFile);
}
