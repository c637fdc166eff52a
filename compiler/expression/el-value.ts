// The static types the compiler tracks for EL values, and the conversions between them. SpEL is
// loosely typed; here every conversion is decided at compile time from the static type: a known
// string needs nothing, a value only known at run time (an attribute) goes through a runtime helper,
// and a conversion that SpEL would fail on (a list used as text in a comparison, a boolean added to a
// number) is a diagnostic instead of a run-time surprise.

import type { ts } from "ts-morph";
import type { Span } from "./ast.ts";
import { fail } from "./expression-error.ts";
import { callHelper, type EmitState, stringLiteral } from "./ts-build.ts";

/**
 * `list` is all values of a header or parameter (`readonly string[]`); `unknown` is a value whose type
 * is only known at run time (attributes, metadata); `null` is the `null` literal.
 * The TypeScript type of `expr` is exactly the static type (`| undefined` when `nullable`).
 */
export type ValueType = "boolean" | "number" | "string" | "list" | "unknown" | "null";

export interface Value {
  expr: ts.Expression;
  type: ValueType;
  /** May be undefined at run time (absent header, no response yet, missing property). Never true for booleans. */
  nullable: boolean;
  /**
   * For lists: a Java array (`String.split`, `#request.paths`), which has `.length` and indexes but
   * no methods (`size()` fails in SpEL), unlike the List of a header's values.
   */
  array?: boolean;
  /** A Java char (`charAt`): text when printed, but never equal to a String in SpEL. */
  char?: boolean;
  /** For numbers: a Java int or long (`7`, `size()`), not a double (`7.0`, `1e3`): it decides `/` and printing. */
  integer?: boolean;
  span: Span;
}

const DESCRIPTIONS: Record<ValueType, string> = {
  boolean: "a boolean",
  number: "a number",
  string: "a string",
  list: "a list of values",
  unknown: "a value",
  null: "null",
};

export function describe(value: Value): string {
  return DESCRIPTIONS[value.type];
}

export const LIST_HINT =
  "A header or parameter holds a list of values: pick one with [0], e.g. #request.headers['x-tenant'][0].";

/**
 * Text of a value as a template renders it (Spring's conversion to String): null is "", a double
 * shows its fraction (`2.0`). Lists are joined with "," only where `allowList` (template rendering).
 */
export function toStr(state: EmitState, value: Value, purpose: string, allowList = false): ts.Expression {
  if (value.type === "string" && !value.nullable) return value.expr;
  if (value.type === "list" && !allowList) {
    fail(
      "expression/unsupported",
      `${purpose} needs one value, but this is ${describe(value)}.`,
      value.span,
      LIST_HINT,
    );
  }
  if (value.type === "number" && !value.integer) return callHelper(state, "elDouble", [value.expr]);
  if (value.type === "null") return stringLiteral("");
  return callHelper(state, "elStr", [value.expr]);
}

/** Text of a value joined by `+` (SpEL's OpPlus): like toStr, except that null is "null", as in Java. */
export function toConcat(state: EmitState, value: Value): ts.Expression {
  if (value.type === "null") return stringLiteral("null");
  if (value.type === "list")
    fail(
      "expression/unsupported",
      "'+' needs one value, but this is a list of values.",
      value.span,
      LIST_HINT,
    );
  if (value.type === "number" && !value.integer && value.nullable)
    return callHelper(state, "elDouble", [value.expr, stringLiteral("null")]);
  if (value.nullable || value.type === "unknown") return callHelper(state, "elText", [value.expr]);
  return toStr(state, value, "'+'");
}

/** Number of a value; text is not parsed in arithmetic (SpEL fails on it, and so does the check at run time). */
export function toNum(state: EmitState, value: Value, purpose: string): ts.Expression {
  if (value.type === "number" && !value.nullable) return value.expr;
  if (value.type === "number" || value.type === "unknown") return callHelper(state, "elNumber", [value.expr]);
  return fail(
    "expression/unsupported",
    `${purpose} needs a number, but this is ${describe(value)}.`,
    value.span,
    value.type === "list"
      ? LIST_HINT
      : value.type === "string"
        ? "Convert the text first: T(Integer).parseInt(…) for whole numbers, T(Double).parseDouble(…) for decimals."
        : undefined,
  );
}

/** Boolean of a value: strings and run-time values convert like Spring (true/on/yes/1). */
export function toBool(
  state: EmitState,
  value: Value,
  purpose: string,
  wholeCondition = false,
): ts.Expression {
  if (value.type === "boolean") return value.expr;
  if (value.type === "string" || value.type === "unknown")
    return callHelper(state, wholeCondition ? "elCondition" : "elBool", [value.expr]);
  return fail(
    "expression/unsupported",
    `${purpose} needs true or false, but this is ${describe(value)}.`,
    value.span,
    value.type === "list" ? LIST_HINT : "Compare it, e.g. #response.status == 200.",
  );
}

/** The type of `a ? b : c` / `a ?: b` from its two results. */
export function unify(a: Value, b: Value): { type: ValueType; nullable: boolean; integer?: boolean } {
  if (a.type === b.type && a.type === "number")
    return {
      type: a.type,
      nullable: a.nullable || b.nullable,
      integer: a.integer === true && b.integer === true,
    };
  if (a.type === b.type) return { type: a.type, nullable: a.nullable || b.nullable };
  if (a.type === "null" && b.type !== "boolean") return { type: b.type, nullable: true };
  if (b.type === "null" && a.type !== "boolean") return { type: a.type, nullable: true };
  return { type: "unknown", nullable: true };
}
