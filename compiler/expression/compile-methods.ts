// The method whitelist. SpEL can call any public Java method; Sluice compiles only a few pure ones on
// strings, lists and maps, each mapped to an equivalent JavaScript expression. Receivers that may be
// absent behave as empty (a missing header has length 0 and starts with nothing), so a compiled
// condition never throws where Gravitee would fail the request with a null pointer.

import { ts } from "ts-morph";
import type { Expr, MethodCall, Span, StringLiteral } from "./ast.ts";
import type { MapMember, Resolved } from "./compile-node.ts";
import { describe, LIST_HINT, toNum, toStr, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";
import {
  binary,
  callHelper,
  coalesce,
  type EmitState,
  elementOf,
  f,
  methodCall,
  numberLiteral,
  propertyOf,
  stringLiteral,
} from "./ts-build.ts";

/** What method compilation needs from the node compiler (passed in to keep the modules acyclic). */
export interface NodeCompiler {
  value(node: Expr): Value;
  mapEntry(member: MapMember, key: Expr, span: Span): Value;
  /** The map (`ctx.properties`) and key expressions of an entry, without reading it. */
  mapKey(member: MapMember, key: Expr): { map: ts.Expression; key: ts.Expression };
  matches(subject: Value, pattern: Expr, span: Span): Value;
  /** The hoisted RegExp of a Java pattern literal (unanchored; global when `global`). */
  regex(pattern: StringLiteral, global: boolean): ts.Expression;
}

function literalOrFail(node: Expr, call: CallContext): StringLiteral {
  if (node.kind === "string") return node;
  return fail(
    "expression/unsupported",
    `The pattern of ${call.name}() must be a string literal, so it can be checked and compiled ahead of time.`,
    node,
  );
}

type Result = Omit<Value, "span">;

interface Method {
  /** Number of required arguments, and of optional ones after them. */
  arity: [required: number, optional?: number];
  compile(receiver: Value, args: Expr[], call: CallContext): Result;
}

interface CallContext {
  state: EmitState;
  compiler: NodeCompiler;
  span: Span;
  name: string;
}

const boolean = (expr: ts.Expression): Result => ({ expr, type: "boolean", nullable: false });
const number = (expr: ts.Expression): Result => ({ expr, type: "number", nullable: false, integer: true });
const string = (expr: ts.Expression): Result => ({ expr, type: "string", nullable: false });

/** The receiver as text; absent values are "". */
function text(receiver: Value, call: CallContext): ts.Expression {
  return toStr(call.state, receiver, `${call.name}()`);
}

function stringArg(node: Expr, call: CallContext): ts.Expression {
  return toStr(call.state, call.compiler.value(node), `The argument of ${call.name}()`);
}

function numberArg(node: Expr, call: CallContext): ts.Expression {
  return toNum(call.state, call.compiler.value(node), `The argument of ${call.name}()`);
}

const textMethod = (method: "startsWith" | "endsWith" | "includes" | "indexOf" | "lastIndexOf"): Method => ({
  arity: [1],
  compile: (receiver, [arg], call) => {
    const expr = methodCall(text(receiver, call), method, [stringArg(arg!, call)]);
    return method === "indexOf" || method === "lastIndexOf" ? number(expr) : boolean(expr);
  },
});

/** A regular expression argument (split, replaceAll): a literal, translated from Java once, at load. */
function regexArg(node: Expr, call: CallContext): ts.Expression {
  if (node.kind !== "string") {
    return fail(
      "expression/unsupported",
      `The pattern of ${call.name}() must be a string literal, so it can be checked and compiled ahead of time.`,
      node,
    );
  }
  return call.compiler.regex(node, false);
}

/**
 * A Java replacement string (`$1`, `${name}`, `\$` for a literal `$`) as a JavaScript one
 * (`$1`, `$<name>`, `$$`), converted at compile time; it must be a literal.
 */
function replacementArg(node: Expr, call: CallContext): ts.Expression {
  if (node.kind !== "string") {
    return fail(
      "expression/unsupported",
      `The replacement of ${call.name}() must be a string literal, so it can be converted ahead of time.`,
      node,
    );
  }
  let out = "";
  const java = node.value;
  for (let i = 0; i < java.length; i++) {
    const ch = java[i]!;
    if (ch === "\\") {
      const next = java[i + 1];
      if (next === undefined)
        fail("expression/syntax", "A replacement cannot end with a lone backslash.", node);
      out += next === "$" ? "$$" : next;
      i++;
    } else if (ch === "$") {
      const named = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(java.slice(i + 1));
      const group = /^[0-9]+/.exec(java.slice(i + 1));
      if (named) {
        out += `$<${named[1]}>`;
        i += named[0].length;
      } else if (group) {
        // Java's $0 is the whole match, JavaScript's $&.
        out += group[0] === "0" ? "$&" : `$${group[0]}`;
        i += group[0].length;
      } else {
        fail(
          "expression/syntax",
          "A '$' in a replacement must name a group ($1, ${name}); write \\$ for a literal $.",
          node,
        );
      }
    } else {
      out += ch;
    }
  }
  return stringLiteral(out);
}

const caseMethod = (method: "toUpperCase" | "toLowerCase" | "trim"): Method => ({
  arity: [0],
  compile: (receiver, _args, call) => string(methodCall(text(receiver, call), method, [])),
});

export const STRING_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ["startsWith", textMethod("startsWith")],
  ["endsWith", textMethod("endsWith")],
  ["contains", textMethod("includes")],
  ["indexOf", textMethod("indexOf")],
  ["lastIndexOf", textMethod("lastIndexOf")],
  [
    "split",
    {
      arity: [1],
      compile: (receiver, [pattern], call) => ({
        expr: callHelper(call.state, "elSplit", [text(receiver, call), regexArg(pattern!, call)]),
        type: "list",
        nullable: false,
        array: true,
      }),
    },
  ],
  [
    "replaceAll",
    {
      arity: [2],
      compile: (receiver, [pattern, replacement], call) =>
        string(
          methodCall(text(receiver, call), "replace", [
            call.compiler.regex(literalOrFail(pattern!, call), true),
            replacementArg(replacement!, call),
          ]),
        ),
    },
  ],
  [
    "replaceFirst",
    {
      arity: [2],
      compile: (receiver, [pattern, replacement], call) =>
        string(
          methodCall(text(receiver, call), "replace", [
            regexArg(pattern!, call),
            replacementArg(replacement!, call),
          ]),
        ),
    },
  ],
  [
    "concat",
    {
      arity: [1],
      compile: (receiver, [arg], call) =>
        string(binary(text(receiver, call), ts.SyntaxKind.PlusToken, stringArg(arg!, call))),
    },
  ],
  [
    "charAt",
    {
      arity: [1],
      compile: (receiver, [index], call) => ({
        ...string(callHelper(call.state, "elCharAt", [text(receiver, call), numberArg(index!, call)])),
        char: true,
      }),
    },
  ],
  [
    "isBlank",
    {
      arity: [0],
      compile: (receiver, _args, call) =>
        boolean(
          binary(
            methodCall(text(receiver, call), "trim", []),
            ts.SyntaxKind.EqualsEqualsEqualsToken,
            stringLiteral(""),
          ),
        ),
    },
  ],
  ["toString", { arity: [0], compile: (receiver, _args, call) => string(text(receiver, call)) }],
  ["toUpperCase", caseMethod("toUpperCase")],
  ["toLowerCase", caseMethod("toLowerCase")],
  ["trim", caseMethod("trim")],
  [
    "length",
    {
      arity: [0],
      compile: (receiver, _args, call) => number(propertyOf(text(receiver, call), "length", false)),
    },
  ],
  [
    "isEmpty",
    {
      arity: [0],
      compile: (receiver, _args, call) =>
        boolean(
          binary(
            propertyOf(text(receiver, call), "length", false),
            ts.SyntaxKind.EqualsEqualsEqualsToken,
            numberLiteral(0),
          ),
        ),
    },
  ],
  [
    "equals",
    {
      arity: [1],
      compile: (receiver, [arg], call) =>
        boolean(callHelper(call.state, "elEq", [receiver.expr, call.compiler.value(arg!).expr])),
    },
  ],
  [
    "equalsIgnoreCase",
    {
      arity: [1],
      compile: (receiver, [arg], call) =>
        boolean(
          binary(
            methodCall(text(receiver, call), "toLowerCase", []),
            ts.SyntaxKind.EqualsEqualsEqualsToken,
            methodCall(stringArg(arg!, call), "toLowerCase", []),
          ),
        ),
    },
  ],
  [
    "substring",
    {
      arity: [1, 1],
      compile: (receiver, args, call) =>
        string(
          methodCall(
            text(receiver, call),
            "substring",
            args.map((arg) => numberArg(arg, call)),
          ),
        ),
    },
  ],
  [
    "replace",
    {
      arity: [2],
      compile: (receiver, [target, replacement], call) =>
        string(
          callHelper(call.state, "elReplace", [
            text(receiver, call),
            stringArg(target!, call),
            stringArg(replacement!, call),
          ]),
        ),
    },
  ],
  [
    "matches",
    {
      arity: [1],
      compile: (receiver, [pattern], call) => call.compiler.matches(receiver, pattern!, call.span),
    },
  ],
]);

/** List methods (all values of a header or parameter); an absent list is empty. */
export const LIST_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ["size", { arity: [0], compile: (receiver) => number(listLength(receiver)) }],
  [
    "isEmpty",
    {
      arity: [0],
      compile: (receiver) =>
        boolean(binary(listLength(receiver), ts.SyntaxKind.EqualsEqualsEqualsToken, numberLiteral(0))),
    },
  ],
  [
    "contains",
    {
      arity: [1],
      compile: (receiver, [arg], call) =>
        boolean(callHelper(call.state, "elListHas", [receiver.expr, call.compiler.value(arg!).expr])),
    },
  ],
  [
    "get",
    {
      arity: [1],
      compile: (receiver, [arg], call) => ({
        expr: elementOf(receiver.expr, numberArg(arg!, call), receiver.nullable),
        type: "string",
        nullable: true,
      }),
    },
  ],
]);

/** Methods on values whose type is only known at run time (attributes, metadata). */
const UNKNOWN_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ...STRING_METHODS,
  [
    "size",
    {
      arity: [0],
      compile: (receiver, _args, call) => number(callHelper(call.state, "elSize", [receiver.expr])),
    },
  ],
  [
    "isEmpty",
    {
      arity: [0],
      compile: (receiver, _args, call) =>
        boolean(
          binary(
            callHelper(call.state, "elSize", [receiver.expr]),
            ts.SyntaxKind.EqualsEqualsEqualsToken,
            numberLiteral(0),
          ),
        ),
    },
  ],
  [
    "contains",
    {
      arity: [1],
      compile: (receiver, [arg], call) =>
        boolean(callHelper(call.state, "elContains", [receiver.expr, call.compiler.value(arg!).expr])),
    },
  ],
  [
    "get",
    {
      arity: [1],
      compile: (receiver, [arg], call) => ({
        expr: callHelper(call.state, "elGet", [receiver.expr, call.compiler.value(arg!).expr]),
        type: "unknown",
        nullable: true,
      }),
    },
  ],
]);

export const MAP_METHODS = ["containsKey", "get", "getFirst"];

function listLength(list: Value): ts.Expression {
  return list.nullable
    ? coalesce(propertyOf(list.expr, "length", true), numberLiteral(0))
    : propertyOf(list.expr, "length", false);
}

export function compileMethodCall(
  state: EmitState,
  compiler: NodeCompiler,
  node: MethodCall,
  receiver: Resolved,
): Value {
  const span = { start: node.start, end: node.end };
  const nameSpan = { start: node.nameStart, end: node.nameStart + node.name.length };
  const call: CallContext = { state, compiler, span, name: node.name };
  if (receiver.kind === "object") {
    return fail(
      "expression/unsupported",
      `Methods of ${receiver.name} are not supported.`,
      nameSpan,
      `Read its properties instead: ${[...receiver.member.members.keys()].join(", ")}.`,
    );
  }
  if (receiver.kind === "map") return compileMapMethod(call, receiver, node, nameSpan);
  const value = receiver.value;
  if (value.type === "list" && value.array === true) {
    return fail(
      "expression/unsupported",
      `A Java array (what split() and #request.paths give) has no method ${node.name}(): SpEL fails on it.`,
      nameSpan,
      "Use .length for its size and [i] for an item.",
    );
  }
  const table =
    value.type === "string"
      ? STRING_METHODS
      : value.type === "list"
        ? LIST_METHODS
        : value.type === "unknown"
          ? UNKNOWN_METHODS
          : undefined;
  if (table === undefined) {
    return fail(
      "expression/unsupported",
      `Methods on ${describe(value)} are not supported.`,
      nameSpan,
      value.type === "number" ? "Use it in an operation instead, e.g. '' + value for text." : undefined,
    );
  }
  const method = table.get(node.name);
  if (method === undefined) {
    const hint =
      value.type === "list" && STRING_METHODS.has(node.name)
        ? LIST_HINT
        : `Supported methods: ${[...table.keys()].join(", ")}.`;
    return fail(
      "expression/unsupported",
      `The method ${node.name}() is not supported on ${describe(value)}.`,
      nameSpan,
      hint,
    );
  }
  checkArity(node, method.arity);
  return { ...method.compile(value, node.args, call), span };
}

function checkArity(node: MethodCall, [required, optional = 0]: [number, number?]): void {
  const count = node.args.length;
  if (count >= required && count <= required + optional) return;
  const expected = optional === 0 ? `${required}` : `${required} to ${required + optional}`;
  fail(
    "expression/syntax",
    `${node.name}() takes ${expected} argument${required + optional === 1 ? "" : "s"}, not ${count}.`,
    { start: node.nameStart, end: node.end },
  );
}

function compileMapMethod(
  call: CallContext,
  receiver: Extract<Resolved, { kind: "map" }>,
  node: MethodCall,
  nameSpan: Span,
): Value {
  const { member } = receiver;
  const multi = member.map === "headers" || member.map === "multi";
  if (!MAP_METHODS.includes(node.name) || (node.name === "getFirst" && !multi)) {
    const supported = multi ? MAP_METHODS : MAP_METHODS.filter((name) => name !== "getFirst");
    return fail(
      "expression/unsupported",
      `The method ${node.name}() is not supported on ${receiver.name}.`,
      nameSpan,
      `Supported methods: ${supported.join(", ")}; or index it: ${receiver.name}['name'].`,
    );
  }
  checkArity(node, [1]);
  const key = node.args[0]!;
  const entry = call.compiler.mapEntry(member, key, call.span);
  if (node.name === "get") return entry;
  if (node.name === "getFirst")
    return {
      expr: elementOf(entry.expr, numberLiteral(0), true),
      type: "string",
      nullable: true,
      span: call.span,
    };
  if (multi) {
    return {
      expr: binary(entry.expr, ts.SyntaxKind.ExclamationEqualsEqualsToken, f.createIdentifier("undefined")),
      type: "boolean",
      nullable: false,
      span: call.span,
    };
  }
  // Records: own keys only, whatever the value (even one that is itself undefined).
  const { map, key: name } = call.compiler.mapKey(member, key);
  return {
    expr: callHelper(call.state, "elHas", [map, name]),
    type: "boolean",
    nullable: false,
    span: call.span,
  };
}
