// Static methods reached through type references, `T(java.lang.Math).max(a, b)`. Gravitee's EL only
// lets expressions reach the classes and methods of its whitelist
// (gravitee-expression-language src/main/resources/whitelist); this table is the part of that
// whitelist Sluice compiles, each method mapped to a JavaScript expression or a runtime/el.ts helper
// with Java's semantics (int vs double results, parse failures). A class Gravitee does not allow is a
// compile error saying so; one it allows but Sluice does not compile says that instead.

import type { ts } from "ts-morph";
import type { Expr, MethodCall, Span } from "./ast.ts";
import type { NodeCompiler } from "./compile-methods.ts";
import { toNum, toStr, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";
import { callHelper, type EmitState, f, numberLiteral, stringLiteral } from "./ts-build.ts";

type Result = Omit<Value, "span">;

interface StaticMethod {
  arity: number;
  compile(args: Value[], call: { state: EmitState; node: MethodCall }): Result;
}

const text = (expr: ts.Expression): Result => ({ expr, type: "string", nullable: false });
const int = (expr: ts.Expression): Result => ({ expr, type: "number", nullable: false, integer: true });
const double = (expr: ts.Expression): Result => ({ expr, type: "number", nullable: false });

const mathCall = (name: string, args: ts.Expression[]) =>
  f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier("Math"), name), undefined, args);

/** Math methods: ints stay ints where Java's overloads keep them (`abs`, `max`, `min`). */
function mathMethod(name: string, arity: number, result: "same" | "double" | "int"): StaticMethod {
  return {
    arity,
    compile: (args, { state, node }) => {
      if (arity === 2 && args[0]!.integer !== args[1]!.integer) {
        fail(
          "expression/unsupported",
          `Math.${name}() with a whole number and a decimal is ambiguous in SpEL: Gravitee fails the request.`,
          { start: node.nameStart, end: node.end },
          "Give both arguments the same type, e.g. 2.0 instead of 2.",
        );
      }
      const numbers = args.map((arg) => toNum(state, arg, `The argument of Math.${name}()`));
      const expr = mathCall(name, numbers);
      const integer = result === "int" || (result === "same" && args.every((arg) => arg.integer === true));
      return integer ? int(expr) : double(expr);
    },
  };
}

const parseInt32: StaticMethod = {
  arity: 1,
  compile: ([arg], { state }) => int(callHelper(state, "elParseInt", [arg!.expr])),
};
const parseDouble: StaticMethod = {
  arity: 1,
  compile: ([arg], { state }) => double(callHelper(state, "elParseDouble", [arg!.expr])),
};

/** URLEncoder/URLDecoder take the charset by name; only UTF-8 is compiled (the one Gravitee's docs use). */
function urlCoder(helper: "elUrlEncode" | "elUrlDecode"): StaticMethod {
  return {
    arity: 2,
    compile: ([value], { state, node }) => {
      const literal = node.args[1];
      if (literal?.kind !== "string" || literal.value.toUpperCase().replace("-", "") !== "UTF8") {
        fail("expression/unsupported", "Only the 'UTF-8' charset is supported here.", literal ?? node);
      }
      return text(callHelper(state, helper, [toStr(state, value!, "The text to encode")]));
    },
  };
}

/** Classes by their canonical Java name, with the static methods compiled. */
const CLASSES: ReadonlyMap<string, ReadonlyMap<string, StaticMethod>> = new Map([
  [
    "java.lang.Math",
    new Map<string, StaticMethod>([
      ["abs", mathMethod("abs", 1, "same")],
      ["max", mathMethod("max", 2, "same")],
      ["min", mathMethod("min", 2, "same")],
      ["round", mathMethod("round", 1, "int")],
      ["floor", mathMethod("floor", 1, "double")],
      ["ceil", mathMethod("ceil", 1, "double")],
      ["sqrt", mathMethod("sqrt", 1, "double")],
      ["pow", mathMethod("pow", 2, "double")],
      ["random", { arity: 0, compile: () => double(mathCall("random", [])) }],
    ]),
  ],
  [
    "java.lang.Integer",
    new Map([
      ["parseInt", parseInt32],
      ["valueOf", parseInt32],
    ]),
  ],
  [
    "java.lang.Long",
    new Map<string, StaticMethod>([
      [
        "parseLong",
        {
          arity: 1,
          compile: ([arg], { state }) => int(callHelper(state, "elParseInt", [arg!.expr, numberLiteral(64)])),
        },
      ],
    ]),
  ],
  [
    "java.lang.Double",
    new Map([
      ["parseDouble", parseDouble],
      ["valueOf", parseDouble],
    ]),
  ],
  [
    "java.lang.String",
    new Map<string, StaticMethod>([
      [
        "valueOf",
        { arity: 1, compile: ([arg], { state }) => text(callHelper(state, "elText", [arg!.expr])) },
      ],
    ]),
  ],
  [
    "java.lang.System",
    new Map<string, StaticMethod>([
      [
        "currentTimeMillis",
        {
          arity: 0,
          compile: () =>
            int(
              f.createCallExpression(
                f.createPropertyAccessExpression(f.createIdentifier("Date"), "now"),
                undefined,
                [],
              ),
            ),
        },
      ],
    ]),
  ],
  [
    "java.util.UUID",
    new Map<string, StaticMethod>([
      ["randomUUID", { arity: 0, compile: (_args, { state }) => text(callHelper(state, "elUuid", [])) }],
    ]),
  ],
  ["java.net.URLEncoder", new Map([["encode", urlCoder("elUrlEncode")]])],
  ["java.net.URLDecoder", new Map([["decode", urlCoder("elUrlDecode")]])],
  [
    "java.time.LocalDate",
    new Map<string, StaticMethod>([
      [
        "now",
        {
          arity: 0,
          compile: (_args, { state }) => text(callHelper(state, "elNow", [stringLiteral("date")])),
        },
      ],
    ]),
  ],
  [
    "java.time.LocalDateTime",
    new Map<string, StaticMethod>([
      [
        "now",
        {
          arity: 0,
          compile: (_args, { state }) => text(callHelper(state, "elNow", [stringLiteral("date-time")])),
        },
      ],
    ]),
  ],
]);

/** Whitelisted classes (Gravitee's whitelist) that Sluice does not compile: their own message. */
const ALLOWED_NOT_COMPILED = new Set([
  "java.lang.Float",
  "java.lang.Short",
  "java.math.BigDecimal",
  "java.util.Date",
  "java.time.ZonedDateTime",
  "java.time.format.DateTimeFormatter",
  "java.text.SimpleDateFormat",
  "java.text.DateFormat",
  "java.text.NumberFormat",
  "java.text.DecimalFormat",
  "java.text.MessageFormat",
  "java.text.ChoiceFormat",
  "java.text.Format",
  "java.util.Calendar",
  "java.util.TimeZone",
  "java.util.Collections",
  "java.util.Base64",
]);

/** SpEL resolves a simple name in java.lang only (`T(Math)`); every other class needs its full name. */
function canonical(name: string): string {
  return name.includes(".") ? name : `java.lang.${name}`;
}

const BASE64_ENCODERS: Record<string, "base64" | "base64url"> = {
  getEncoder: "base64",
  getUrlEncoder: "base64url",
};

/**
 * A call whose receiver is a type reference (`T(Math).max(1, 2)`), or Gravitee's documented Base64
 * idiom `T(java.util.Base64).getEncoder().encodeToString(text.getBytes())`; undefined for any other call.
 */
export function compileStaticCall(
  state: EmitState,
  compiler: NodeCompiler,
  node: MethodCall,
): Value | undefined {
  const span: Span = { start: node.start, end: node.end };
  const base64 = base64Encoding(state, compiler, node);
  if (base64 !== undefined) return { ...base64, span };
  if (node.object.kind !== "type") return undefined;
  const type = node.object;
  const name = canonical(type.name);
  const methods = CLASSES.get(name);
  if (methods === undefined) {
    const known = ALLOWED_NOT_COMPILED.has(name);
    return fail(
      "expression/unsupported",
      known
        ? `T(${type.name}) is allowed by Gravitee but not compiled by Sluice.`
        : `T(${type.name}) is not on Gravitee's whitelist of classes, so Gravitee refuses it too.`,
      type,
      `Compiled classes: ${[...CLASSES.keys()].map((c) => c.replace(/^java\.lang\./, "")).join(", ")}, and Base64 encoding.`,
    );
  }
  const method = methods.get(node.name);
  if (method === undefined) {
    return fail(
      "expression/unsupported",
      `${type.name}.${node.name}() is not compiled.`,
      { start: node.nameStart, end: node.nameStart + node.name.length },
      `Compiled methods of ${type.name}: ${[...methods.keys()].join(", ")}.`,
    );
  }
  if (node.args.length !== method.arity) {
    fail(
      "expression/syntax",
      `${type.name}.${node.name}() takes ${method.arity} argument${method.arity === 1 ? "" : "s"}, not ${node.args.length}.`,
      { start: node.nameStart, end: node.end },
    );
  }
  const args = node.args.map((arg: Expr) => compiler.value(arg));
  return { ...method.compile(args, { state, node }), span };
}

/** `T(java.util.Base64).getEncoder().encodeToString(x.getBytes())` → base64 of x's UTF-8 bytes. */
function base64Encoding(state: EmitState, compiler: NodeCompiler, node: MethodCall): Result | undefined {
  const encoder = node.object;
  if (encoder.kind !== "call" || encoder.object.kind !== "type") return undefined;
  if (canonical(encoder.object.name) !== "java.util.Base64") return undefined;
  const alphabet = BASE64_ENCODERS[encoder.name];
  const bytes = node.args[0];
  if (
    alphabet === undefined ||
    node.name !== "encodeToString" ||
    node.args.length !== 1 ||
    bytes?.kind !== "call" ||
    bytes.name !== "getBytes" ||
    bytes.args.length !== 0
  ) {
    return fail(
      "expression/unsupported",
      "Of Base64, only encoding text is compiled: T(java.util.Base64).getEncoder().encodeToString(text.getBytes()).",
      { start: encoder.start, end: node.end },
      "Decoding (new String(…decode(…)) in Gravitee) is not compiled.",
    );
  }
  const value = compiler.value(bytes.object);
  return text(callHelper(state, "elBase64", [toStr(state, value, "getBytes()"), stringLiteral(alphabet)]));
}
