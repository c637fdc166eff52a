// Operators: SpEL's semantics for `==`, ordering, `+`, arithmetic, `/` and `^`, decided from the
// static types where the compiler knows them (text against a number is a compile error, ints divide
// as ints) and by a runtime/el.ts helper making SpEL's own check where it does not (elEq, elCmp,
// elAdd). Comparisons go through helpers, which also keeps TypeScript's narrowing from rejecting
// code such as `a == 'x' && a == 'y'`.
// https://docs.spring.io/spring-framework/reference/core/expressions/language-ref/operators.html

import { ts } from "ts-morph";
import type { Binary, Span } from "./ast.ts";
import { compileMatches, compileValue } from "./compile-node.ts";
import { OPTIONAL_ROOTS } from "./el-roots.ts";
import { describe, LIST_HINT, toBool, toConcat, toNum, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";
import {
  absent,
  binary,
  callHelper,
  contextPath,
  type EmitState,
  f,
  methodCall,
  not,
  numberLiteral,
  stringLiteral,
} from "./ts-build.ts";

export function compileUnary(state: EmitState, operator: "!" | "-" | "+", operand: Value, span: Span): Value {
  if (operator === "!") {
    return { expr: not(toBool(state, operand, "'!'")), type: "boolean", nullable: false, span };
  }
  const integer = operand.integer === true ? { integer: true } : {};
  if (operator === "-" && ts.isNumericLiteral(operand.expr)) {
    return {
      expr: numberLiteral(-Number(operand.expr.text)),
      type: "number",
      nullable: false,
      ...integer,
      span,
    };
  }
  const number = toNum(state, operand, `Unary '${operator}'`);
  return {
    expr: operator === "-" ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, number) : number,
    type: "number",
    nullable: false,
    ...integer,
    span,
  };
}

const RELATIONAL_TOKENS = {
  "<": ts.SyntaxKind.LessThanToken,
  "<=": ts.SyntaxKind.LessThanEqualsToken,
  ">": ts.SyntaxKind.GreaterThanToken,
  ">=": ts.SyntaxKind.GreaterThanEqualsToken,
} as const;

const ARITHMETIC_TOKENS = {
  "-": ts.SyntaxKind.MinusToken,
  "*": ts.SyntaxKind.AsteriskToken,
  "%": ts.SyntaxKind.PercentToken,
} as const;

export function compileBinary(state: EmitState, node: Binary): Value {
  const span = { start: node.start, end: node.end };
  const operator = node.operator;
  if (operator === "instanceof") return compileInstanceof(state, node, span);
  if (operator === "between") return compileBetween(state, node, span);
  if (operator === "==" || operator === "!=") {
    const presence = compilePresence(state, node);
    if (presence !== undefined)
      return { expr: operator === "==" ? presence : not(presence), type: "boolean", nullable: false, span };
  }
  const left = compileValue(state, node.left);
  if (operator === "matches") return compileMatches(state, left, node.right, span);
  const right = compileValue(state, node.right);
  const boolean = (expr: ts.Expression): Value => ({ expr, type: "boolean", nullable: false, span });
  switch (operator) {
    case "&&":
    case "||": {
      const token = operator === "&&" ? ts.SyntaxKind.AmpersandAmpersandToken : ts.SyntaxKind.BarBarToken;
      return boolean(
        binary(toBool(state, left, `'${operator}'`), token, toBool(state, right, `'${operator}'`)),
      );
    }
    case "==":
    case "!=": {
      for (const [one, other] of [
        [left, right],
        [right, left],
      ] as const) {
        if (
          one.type === "list" &&
          other.type !== "list" &&
          other.type !== "null" &&
          other.type !== "unknown"
        ) {
          fail(
            "expression/unsupported",
            `This compares a list of values with ${describe(other)}, which is never equal.`,
            one.span,
            LIST_HINT,
          );
        }
      }
      if (
        (left.char === true) !== (right.char === true) &&
        left.type === "string" &&
        right.type === "string"
      ) {
        fail(
          "expression/unsupported",
          "This compares a char (charAt gives one) with a String: SpEL never finds them equal.",
          span,
          "Take a one-character String instead: substring(i, i + 1), or charAt(i).toString().",
        );
      }
      if (SCALARS.has(left.type) && SCALARS.has(right.type) && left.type !== right.type) {
        fail(
          "expression/unsupported",
          `This compares ${describe(left)} with ${describe(right)}: SpEL does not convert between them, so in Gravitee it is never equal.`,
          span,
          left.type === "number" || right.type === "number"
            ? "Compare text with text ('7'), or convert the text first: T(Integer).parseInt(…) == 7."
            : "Compare values of the same type ('true' with text, true with a boolean).",
        );
      }
      const equal = callHelper(state, "elEq", [left.expr, right.expr]);
      return boolean(operator === "==" ? equal : not(equal));
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      for (const side of [left, right]) {
        if (side.type === "list") {
          fail(
            "expression/unsupported",
            `'${operator}' orders numbers or strings, but this is ${describe(side)}.`,
            side.span,
            LIST_HINT,
          );
        }
      }
      if (
        (SCALARS.has(left.type) && SCALARS.has(right.type) && left.type !== right.type) ||
        ((left.char === true) !== (right.char === true) && left.type === "string" && right.type === "string")
      ) {
        fail(
          "expression/unsupported",
          `'${operator}' cannot order ${kindOf(left)} and ${kindOf(right)}: in Gravitee SpEL fails the request ("cannot compare").`,
          node.operatorSpan,
          left.type === "string" || right.type === "string"
            ? "Convert the text first, e.g. T(Integer).parseInt(#request.headers['x-count'][0]) > 3."
            : undefined,
        );
      }
      const token = RELATIONAL_TOKENS[operator];
      if (left.type === right.type && SCALARS.has(left.type) && !left.nullable && !right.nullable) {
        return boolean(binary(left.expr, token, right.expr));
      }
      return boolean(binary(callHelper(state, "elCmp", [left.expr, right.expr]), token, numberLiteral(0)));
    }
    case "+":
      return compilePlus(state, left, right, node);
    case "-":
    case "*":
    case "%": {
      const purpose = `'${operator}'`;
      // SpEL's OpMultiply repeats text: 'ab' * 2 is "abab".
      if (operator === "*" && right.type === "number" && right.integer === true && !right.nullable) {
        if (left.type === "string" && !left.nullable)
          return {
            expr: methodCall(left.expr, "repeat", [right.expr]),
            type: "string",
            nullable: false,
            span,
          };
        if (left.type === "unknown")
          return {
            expr: callHelper(state, "elMul", [left.expr, right.expr]),
            type: "unknown",
            nullable: false,
            span,
          };
      }
      const value: Value = {
        expr: binary(toNum(state, left, purpose), ARITHMETIC_TOKENS[operator], toNum(state, right, purpose)),
        type: "number",
        nullable: false,
        span,
      };
      if (left.integer === true && right.integer === true) value.integer = true;
      return value;
    }
    case "^": {
      // OpPower: ints give an int (the power truncated), anything with a double a double.
      for (const side of [left, right]) {
        if (side.type !== "number")
          fail(
            "expression/unsupported",
            `'^' raises numbers, but this is ${describe(side)}.`,
            side.span,
            side.type === "unknown"
              ? "Convert it first: T(Integer).parseInt(…) or T(Double).parseDouble(…)."
              : undefined,
          );
      }
      const power = f.createCallExpression(
        f.createPropertyAccessExpression(f.createIdentifier("Math"), "pow"),
        undefined,
        [toNum(state, left, "'^'"), toNum(state, right, "'^'")],
      );
      if (left.integer === true && right.integer === true) {
        const truncated = f.createCallExpression(
          f.createPropertyAccessExpression(f.createIdentifier("Math"), "trunc"),
          undefined,
          [power],
        );
        return { expr: truncated, type: "number", nullable: false, integer: true, span };
      }
      return { expr: power, type: "number", nullable: false, span };
    }
    case "/": {
      for (const side of [left, right]) {
        if (side.type !== "number")
          fail(
            "expression/unsupported",
            side.type === "unknown"
              ? "'/' on a value known only at run time: SpEL divides whole numbers (7 / 2 is 3) and decimals (7.0 / 2 is 3.5) differently, and the compiler cannot tell which this is."
              : `'/' divides numbers, but this is ${describe(side)}.`,
            side.span,
            "Convert it first: T(Integer).parseInt(…) for whole numbers, T(Double).parseDouble(…) for decimals.",
          );
      }
      const a = toNum(state, left, "'/'");
      const b = toNum(state, right, "'/'");
      if (left.integer === true && right.integer === true)
        return {
          expr: callHelper(state, "elIntDiv", [a, b]),
          type: "number",
          nullable: false,
          integer: true,
          span,
        };
      return { expr: binary(a, ts.SyntaxKind.SlashToken, b), type: "number", nullable: false, span };
    }
  }
}

/** How a value is named in an error about its type (a char is text, but not a String). */
function kindOf(value: Value): string {
  return value.char === true ? "a char" : describe(value);
}

/** Types whose values SpEL never converts into each other when comparing. */
const SCALARS: ReadonlySet<string> = new Set(["string", "number", "boolean"]);

/** `#response == null` / `#message != null`: whether a root that may be absent is there. */
function compilePresence(state: EmitState, node: Binary): ts.Expression | undefined {
  const rootNode =
    node.left.kind === "null" ? node.right : node.right.kind === "null" ? node.left : undefined;
  if (rootNode?.kind !== "variable" || !OPTIONAL_ROOTS.has(rootNode.name)) return undefined;
  state.uses.add(rootNode.name);
  // A helper rather than `=== undefined`, so TypeScript does not narrow `ctx.response` for the rest.
  return callHelper(state, "elEq", [contextPath([rootNode.name]), absent()]);
}

/** `+` (SpEL's OpPlus): numbers add; text joins when either side is a string, null printing as "null". */
function compilePlus(state: EmitState, left: Value, right: Value, node: Binary): Value {
  const span = { start: node.start, end: node.end };
  for (const side of [left, right]) {
    if (side.type === "list")
      fail(
        "expression/unsupported",
        "'+' needs one value, but this is a list of values.",
        side.span,
        LIST_HINT,
      );
  }
  if (left.type === "string" || right.type === "string") {
    const text = binary(toConcat(state, left), ts.SyntaxKind.PlusToken, toConcat(state, right));
    return { expr: text, type: "string", nullable: false, span };
  }
  if (left.type === "number" && right.type === "number") {
    const value: Value = {
      expr: binary(toNum(state, left, "'+'"), ts.SyntaxKind.PlusToken, toNum(state, right, "'+'")),
      type: "number",
      nullable: false,
      span,
    };
    if (left.integer === true && right.integer === true) value.integer = true;
    return value;
  }
  for (const side of [left, right]) {
    if (side.type !== "number" && side.type !== "unknown") {
      fail(
        "expression/unsupported",
        `'+' adds numbers or joins strings, but this is ${describe(side)}.`,
        side.span,
        side.type === "null"
          ? "SpEL fails on null + a value that is not text."
          : "Join text with a string: 'x' + value.",
      );
    }
  }
  return {
    expr: callHelper(state, "elAdd", [left.expr, right.expr]),
    type: "unknown",
    nullable: false,
    span,
  };
}

/** What `instanceof T(…)` tests, by canonical class name. */
const INSTANCE_TESTS: ReadonlyMap<string, InstanceKind> = new Map([
  ["java.lang.String", "string"],
  ["java.lang.CharSequence", "string"],
  ["java.lang.Integer", "int"],
  ["java.lang.Double", "double"],
  ["java.lang.Number", "number"],
  ["java.lang.Boolean", "boolean"],
  ["java.lang.Object", "object"],
  ["java.util.List", "list"],
  ["java.util.Collection", "list"],
  ["java.util.Map", "map"],
]);

/** Whether a value of a static type is an instance of a kind; undefined when only the run time knows. */
function staticInstance(value: Value, kind: InstanceKind): boolean | undefined {
  if (value.type === "unknown") return undefined;
  if (value.type === "null") return false;
  if (kind === "object") return true;
  switch (value.type) {
    case "string":
      return kind === "string" && value.char !== true;
    case "number":
      return kind === "number" || kind === (value.integer === true ? "int" : "double");
    case "boolean":
      return kind === "boolean";
    case "list":
      return kind === "list" && value.array !== true;
  }
}

/** `value instanceof T(String)` (OperatorInstanceof: null is an instance of nothing). */
export function compileInstanceof(state: EmitState, node: Binary, span: Span): Value {
  if (node.right.kind !== "type") {
    return fail("expression/syntax", "'instanceof' needs a type on its right, e.g. T(String).", node.right);
  }
  const name = node.right.name.includes(".") ? node.right.name : `java.lang.${node.right.name}`;
  const kind = INSTANCE_TESTS.get(name);
  if (kind === undefined) {
    return fail(
      "expression/unsupported",
      `instanceof T(${node.right.name}) is not compiled.`,
      node.right,
      `Compiled types: ${[...INSTANCE_TESTS.keys()].map((c) => c.replace(/^java\.lang\./, "")).join(", ")}.`,
    );
  }
  const value = compileValue(state, node.left);
  const known = staticInstance(value, kind);
  const boolean = (expr: ts.Expression): Value => ({ expr, type: "boolean", nullable: false, span });
  if (known === undefined)
    return boolean(callHelper(state, "elInstanceOf", [value.expr, stringLiteral(kind)]));
  if (!known) return boolean(f.createFalse());
  return boolean(value.nullable ? not(callHelper(state, "elIsNull", [value.expr])) : f.createTrue());
}

/** `value between {low, high}` (OperatorBetween): low <= value <= high with SpEL's ordering. */
export function compileBetween(state: EmitState, node: Binary, span: Span): Value {
  if (node.right.kind !== "list" || node.right.items.length !== 2) {
    return fail(
      "expression/syntax",
      "'between' needs a list of two values on its right, e.g. {1, 5}.",
      node.right,
    );
  }
  const value = compileValue(state, node.left);
  const [low, high] = node.right.items.map((item) => compileValue(state, item)) as [Value, Value];
  for (const bound of [low, high]) {
    if (SCALARS.has(value.type) && SCALARS.has(bound.type) && value.type !== bound.type) {
      fail(
        "expression/unsupported",
        `'between' cannot order ${kindOf(value)} and ${kindOf(bound)}: in Gravitee SpEL fails the request ("cannot compare").`,
        bound.span,
      );
    }
    if (bound.type === "list" || value.type === "list")
      fail("expression/unsupported", "'between' orders single values.", bound.span, LIST_HINT);
  }
  const atLeast = binary(
    callHelper(state, "elCmp", [value.expr, low.expr]),
    ts.SyntaxKind.GreaterThanEqualsToken,
    numberLiteral(0),
  );
  const atMost = binary(
    callHelper(state, "elCmp", [value.expr, high.expr]),
    ts.SyntaxKind.LessThanEqualsToken,
    numberLiteral(0),
  );
  return {
    expr: binary(atLeast, ts.SyntaxKind.AmpersandAmpersandToken, atMost),
    type: "boolean",
    nullable: false,
    span,
  };
}

type InstanceKind = "string" | "int" | "double" | "number" | "boolean" | "object" | "list" | "map";
