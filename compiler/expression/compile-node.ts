// Type-checks one EL syntax tree and builds the TypeScript expression for it. Names resolve against
// the whitelist in ./el-roots.ts (variables, members, keyed maps, indexes); operators are
// ./compile-operators.ts, methods ./compile-methods.ts, T(…) ./compile-types.ts, functions
// ./compile-functions.ts, lists ./compile-collections.ts. Semantics: docs/expression-language.md.

import type { ts } from "ts-morph";
import type { Expr, Span, StringLiteral } from "./ast.ts";
import { compileInlineList, compileSelection } from "./compile-collections.ts";
import { compileFunction } from "./compile-functions.ts";
import { compileMethodCall, type NodeCompiler } from "./compile-methods.ts";
import { compileBinary, compileUnary } from "./compile-operators.ts";
import { compileStaticCall } from "./compile-types.ts";
import { NOT_COMPILED, ROOTS, type RootMember } from "./el-roots.ts";
import { describe, LIST_HINT, toBool, toNum, toStr, unify, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";
import { translateJavaRegex } from "./java-regex.ts";
import {
  absent,
  callHelper,
  callOn,
  coalesce,
  contextPath,
  type EmitState,
  elementOf,
  f,
  isOptionalPath,
  numberLiteral,
  propertyOf,
  regexConstant,
  stringLiteral,
  usePath,
} from "./ts-build.ts";

type ObjectMember = Extract<RootMember, { kind: "object" }>;
/** A keyed map; `receiver` when it is computed rather than read at its path (`#dictionaries['name']`). */
export type MapMember = Extract<RootMember, { kind: "map" }> & { receiver?: ts.Expression };

/** What a node denotes: a value, or a root object / keyed map that must be navigated further. */
export type Resolved =
  | { kind: "value"; value: Value }
  | { kind: "object"; member: ObjectMember; name: string; span: Span }
  | { kind: "map"; member: MapMember; name: string; span: Span };

const ROOT_LIST = [...ROOTS.keys()].map((name) => `#${name}`).join(", ");

export function compileValue(state: EmitState, node: Expr): Value {
  const resolved = resolve(state, node);
  if (resolved.kind === "value") return resolved.value;
  const example =
    resolved.kind === "map"
      ? `${resolved.name}['name']`
      : `${resolved.name}.${[...resolved.member.members.keys()][0] ?? ""}`;
  return fail(
    "expression/unsupported",
    `${resolved.name} is ${resolved.kind === "map" ? "a map" : "an object"}, not a value.`,
    resolved.span,
    `Read one of its entries, e.g. ${example}.`,
  );
}

export function resolve(state: EmitState, node: Expr): Resolved {
  switch (node.kind) {
    case "string":
      return asValue({ expr: stringLiteral(node.value), type: "string", nullable: false, span: node });
    case "number": {
      if (!Number.isFinite(node.value)) fail("expression/unsupported", "This number is too large.", node);
      // SpEL: `7` and `0x1F` are ints, `7.0` and `1e3` doubles.
      // The literal as written (a parenthesised literal's span includes its parentheses).
      const text = state.source.slice(node.start, node.end).replace(/^[(\s]+|[)\s]+$/g, "");
      const hex = /^0[xX]/.test(text);
      const long = /[lL]$/.test(text);
      const integer = hex || !/[.eEdDfF]/.test(text);
      if (integer && !long && Math.abs(node.value) > 2 ** 31)
        fail(
          "expression/unsupported",
          "This whole number does not fit a Java int, which SpEL reads it as.",
          node,
          "Add the suffix L for a long (e.g. 1709737299215L), as Gravitee requires too.",
        );
      if (long && !Number.isSafeInteger(node.value))
        fail(
          "expression/unsupported",
          "This long is beyond 2^53, where JavaScript numbers lose digits.",
          node,
        );
      return asValue({
        expr: numberLiteral(node.value),
        type: "number",
        nullable: false,
        integer,
        span: node,
      });
    }
    case "boolean":
      return asValue({
        expr: node.value ? f.createTrue() : f.createFalse(),
        type: "boolean",
        nullable: false,
        span: node,
      });
    case "null":
      return asValue({ expr: absent(), type: "null", nullable: true, span: node });
    case "variable":
      if (node.name === "this" && state.element.length > 0)
        return asValue({ ...state.element.at(-1)!, span: node });
      return resolveVariable(state, node.name, node);
    case "identifier": {
      const hint = ROOTS.has(node.name)
        ? `Variables start with '#': write #${node.name}.`
        : `Expressions start from a variable: ${ROOT_LIST}.`;
      return fail("expression/unsupported", `Unknown name '${node.name}'.`, node, hint);
    }
    case "property":
      return resolveMember(
        state,
        resolve(state, node.object),
        node.name,
        { start: node.nameStart, end: node.end },
        node,
      );
    case "index":
      return resolveIndex(state, resolve(state, node.object), node.index, node);
    case "call": {
      const staticCall = compileStaticCall(state, nodeCompiler(state), node);
      if (staticCall !== undefined) return asValue(staticCall);
      const receiver = resolve(state, node.object);
      if (node.safe && receiver.kind === "value" && receiver.value.type === "null")
        return asValue({ expr: absent(), type: "null", nullable: true, span: node });
      const result = compileMethodCall(state, nodeCompiler(state), node, receiver);
      // `a?.m()`: null when `a` is null (SpEL's safe navigation), not the method's value on "nothing".
      if (node.safe && receiver.kind === "value" && receiver.value.nullable && result.type !== "boolean") {
        return asValue({
          ...result,
          expr: f.createConditionalExpression(
            callHelper(state, "elIsNull", [receiver.value.expr]),
            undefined,
            absent(),
            undefined,
            result.expr,
          ),
          nullable: true,
        });
      }
      return asValue(result);
    }
    case "type":
      return fail(
        "expression/unsupported",
        `T(${node.name}) is a class, not a value.`,
        node,
        `Call one of its static methods, e.g. T(${node.name}).…(…).`,
      );
    case "list":
      return asValue(compileInlineList(state, nodeCompiler(state), node));
    case "selection":
      return asValue(compileSelection(state, nodeCompiler(state), node));
    case "function":
      return asValue(compileFunction(state, nodeCompiler(state), node));
    case "unary":
      return asValue(compileUnary(state, node.operator, compileValue(state, node.operand), node));
    case "binary":
      return asValue(compileBinary(state, node));
    case "ternary": {
      const condition = toBool(state, compileValue(state, node.condition), "The condition of '?'");
      const whenTrue = compileValue(state, node.whenTrue);
      const whenFalse = compileValue(state, node.whenFalse);
      const expr = f.createConditionalExpression(
        condition,
        undefined,
        whenTrue.expr,
        undefined,
        whenFalse.expr,
      );
      return asValue({ expr, ...unify(whenTrue, whenFalse), span: node });
    }
    case "elvis": {
      const value = compileValue(state, node.value);
      const fallback = compileValue(state, node.fallback);
      // A boolean is never null; a null literal always falls back (and elElvis could not type it).
      if (value.type === "boolean") return asValue(value);
      if (value.type === "null") return asValue({ ...fallback, span: node });
      const { type } = unify(value, fallback);
      return asValue({
        expr: callHelper(state, "elElvis", [value.expr, fallback.expr]),
        type,
        nullable: fallback.nullable || type === "unknown",
        span: node,
      });
    }
  }
}

function nodeCompiler(state: EmitState): NodeCompiler {
  return {
    value: (node) => compileValue(state, node),
    mapEntry: (member, key, span) => mapEntry(state, member, key, span),
    mapKey: (member, key) => mapKey(state, member, key),
    matches: (subject, pattern, span) => compileMatches(state, subject, pattern, span),
    regex: (pattern, global) => hoistRegex(state, pattern, false, global),
  };
}

function asValue(value: Value): Resolved {
  return { kind: "value", value };
}

function resolveVariable(state: EmitState, name: string, span: Span): Resolved {
  if (name === "this" || name === "root") {
    return fail(
      "expression/unsupported",
      `#${name} is not supported.`,
      span,
      `Start from a variable: ${ROOT_LIST}.`,
    );
  }
  const member = ROOTS.get(name);
  const reason = NOT_COMPILED.get(`#${name}`);
  if (member === undefined && reason !== undefined)
    return fail("expression/unsupported", `#${name} is not supported: ${reason}.`, span);
  if (member === undefined)
    return fail(
      "expression/unsupported",
      `Unknown variable #${name}.`,
      span,
      `Available variables: ${ROOT_LIST}.`,
    );
  return fromMember(state, member, `#${name}`, span);
}

function fromMember(state: EmitState, member: RootMember, name: string, span: Span): Resolved {
  if (member.kind === "object") return { kind: "object", member, name, span };
  if (member.kind === "map") return { kind: "map", member, name, span };
  if (member.kind === "derived") return asValue(derivedValue(state, member, span));
  return asValue(memberValue(state, member, span));
}

/** `#request.paths` (Java's `path.split("/")`) and `#request.jsonContent` (the body parsed as JSON). */
function derivedValue(state: EmitState, member: Extract<RootMember, { kind: "derived" }>, span: Span): Value {
  state.uses.add(usePath(member.path));
  const source = contextPath(member.path);
  if (member.derive === "jsonContent")
    return { expr: callHelper(state, "elJson", [source]), type: "unknown", nullable: true, span };
  if (member.derive === "contentLength")
    return {
      expr: callHelper(state, "elUtf8Length", [source]),
      type: "number",
      nullable: true,
      integer: true,
      span,
    };
  if (member.derive === "attributeNames")
    return { expr: callHelper(state, "elKeys", [source]), type: "list", nullable: true, span };
  const slash = regexConstant(state, "/", "u");
  return {
    expr: callHelper(state, "elSplit", [source, slash]),
    type: "list",
    nullable: false,
    array: true,
    span,
  };
}

/** A scalar member of a root, e.g. `#request.method` → `ctx.request.method`. */
function memberValue(state: EmitState, member: Extract<RootMember, { kind: "value" }>, span: Span): Value {
  state.uses.add(usePath(member.path));
  const read = contextPath(member.path);
  const expr =
    member.fallback === undefined
      ? read
      : coalesce(
          read,
          typeof member.fallback === "number"
            ? numberLiteral(member.fallback)
            : stringLiteral(member.fallback),
        );
  const optional = isOptionalPath(member.path) && member.fallback === undefined;
  if (member.type === "boolean") {
    return {
      expr: optional ? coalesce(expr, f.createFalse()) : expr,
      type: "boolean",
      nullable: false,
      span,
    };
  }
  const value: Value = { expr, type: member.type, nullable: optional || member.mayBeAbsent === true, span };
  if (member.integer === true) value.integer = true;
  return value;
}

function resolveMember(
  state: EmitState,
  target: Resolved,
  name: string,
  nameSpan: Span,
  node: Span,
): Resolved {
  if (target.kind === "object") {
    const member = target.member.members.get(name);
    const reason = NOT_COMPILED.get(`${target.name}.${name}`);
    if (member === undefined && reason !== undefined)
      return fail("expression/unsupported", `${target.name}.${name} is not supported: ${reason}.`, nameSpan);
    if (member === undefined) {
      return fail(
        "expression/unsupported",
        `${target.name} has no property '${name}'.`,
        nameSpan,
        `Known properties: ${[...target.member.members.keys()].join(", ")}.`,
      );
    }
    return fromMember(state, member, `${target.name}.${name}`, { start: node.start, end: node.end });
  }
  if (target.kind === "map") {
    const key: Expr = { kind: "string", value: name, quote: "'", ...nameSpan };
    if (target.member.map === "dictionaries") return dictionary(state, target, key, node);
    return asValue(mapEntry(state, target.member, key, node));
  }
  const value = target.value;
  if (value.type === "list" && value.array === true && name === "length") {
    return asValue({
      expr: propertyOf(value.expr, "length", false),
      type: "number",
      nullable: false,
      integer: true,
      span: node,
    });
  }
  if (value.type === "unknown") {
    return asValue({
      expr: callHelper(state, "elGet", [value.expr, stringLiteral(name)]),
      type: "unknown",
      nullable: true,
      span: node,
    });
  }
  const hint =
    value.type === "string"
      ? `Methods need parentheses, e.g. .${name}().`
      : value.type === "list"
        ? LIST_HINT
        : undefined;
  return fail("expression/unsupported", `'${name}' is not a property of ${describe(value)}.`, nameSpan, hint);
}

function resolveIndex(state: EmitState, target: Resolved, indexNode: Expr, node: Span): Resolved {
  if (target.kind === "object") {
    if (indexNode.kind === "string") return resolveMember(state, target, indexNode.value, indexNode, node);
    return fail(
      "expression/unsupported",
      `${target.name} can only be indexed with a property name in quotes.`,
      indexNode,
    );
  }
  if (target.kind === "map") {
    if (target.member.map === "dictionaries") return dictionary(state, target, indexNode, node);
    return asValue(mapEntry(state, target.member, indexNode, node));
  }
  const value = target.value;
  const index = compileValue(state, indexNode);
  if (value.type === "list") {
    if (indexNode.kind === "number" && !Number.isInteger(indexNode.value)) {
      fail("expression/unsupported", "A list index must be a whole number.", indexNode);
    }
    const position =
      index.type === "number" && !index.nullable ? index.expr : toNum(state, index, "A list index");
    return asValue({
      expr: elementOf(value.expr, position, value.nullable),
      type: "string",
      nullable: true,
      span: node,
    });
  }
  if (value.type === "unknown") {
    return asValue({
      expr: callHelper(state, "elGet", [value.expr, index.expr]),
      type: "unknown",
      nullable: true,
      span: node,
    });
  }
  const hint = value.type === "string" ? "Use substring(i, i + 1) to take one character." : undefined;
  return fail(
    "expression/unsupported",
    `${describe(value)[0]!.toUpperCase()}${describe(value).slice(1)} cannot be indexed.`,
    { start: indexNode.start - 1, end: node.end },
    hint,
  );
}

/**
 * `#dictionaries['name']`: the properties of one Dictionary resource, a map of text. A literal name is
 * recorded in `uses` (`dictionaries.name`), so the API links that dictionary only (and the check
 * reports a name no Dictionary has); a computed name links them all (`dictionaries.*`).
 */
function dictionary(
  state: EmitState,
  target: Extract<Resolved, { kind: "map" }>,
  keyNode: Expr,
  node: Span,
): Resolved {
  const literal = literalKey(keyNode);
  state.uses.add(`dictionaries.${literal ?? "*"}`);
  const name =
    literal !== undefined
      ? stringLiteral(literal)
      : toStr(state, compileValue(state, keyNode), "A dictionary name");
  const receiver = callHelper(state, "elDictionary", [contextPath(target.member.path), name]);
  const label = `${target.name}[${literal === undefined ? "…" : `'${literal}'`}]`;
  return {
    kind: "map",
    member: { kind: "map", map: "strings", path: target.member.path, receiver },
    name: label,
    span: node,
  };
}

/** Read one entry of a keyed map: `#request.headers['X-Tenant']` → `ctx.request.headers("x-tenant")`. */
export function mapEntry(state: EmitState, member: MapMember, keyNode: Expr, span: Span): Value {
  const { map, key } = mapKey(state, member, keyNode);
  if (member.map === "headers" || member.map === "multi")
    return { expr: callOn(map, [key]), type: "list", nullable: true, span };
  if (member.map === "dictionaries") {
    // `#dictionaries.get('name')`: the dictionary as a value of run-time type.
    state.uses.add(`dictionaries.${literalKey(keyNode) ?? "*"}`);
  }
  const type = member.map === "strings" ? "string" : "unknown";
  const literal = literalKey(keyNode);
  if (
    literal !== undefined &&
    member.map !== "dictionaries" &&
    !(literal in Object.prototype) &&
    literal !== "__proto__"
  ) {
    // A map that is itself an optional root (`#endpoints`: ctx.endpoints?.["name"]).
    const optionalMap =
      member.receiver === undefined && member.path.length === 1 && isOptionalPath(member.path);
    return { expr: elementOf(map, key, optionalMap), type, nullable: true, span };
  }
  // Keys such as `constructor` would find Object.prototype's members through `rec[key]`.
  return { expr: callHelper(state, "elOwn", [map, key]), type, nullable: true, span };
}

/** The map and key expressions of an entry; header names are lower-cased (at compile time when literal). */
export function mapKey(
  state: EmitState,
  member: MapMember,
  keyNode: Expr,
): { map: ts.Expression; key: ts.Expression } {
  state.uses.add(usePath(member.path));
  const map = member.receiver ?? contextPath(member.path);
  const literal = literalKey(keyNode);
  if (literal !== undefined)
    return { map, key: stringLiteral(member.map === "headers" ? literal.toLowerCase() : literal) };
  const name = toStr(state, compileValue(state, keyNode), "A key");
  return {
    map,
    key:
      member.map === "headers"
        ? f.createCallExpression(f.createPropertyAccessExpression(name, "toLowerCase"), undefined, [])
        : name,
  };
}

function literalKey(node: Expr): string | undefined {
  if (node.kind === "string") return node.value;
  if (node.kind === "number") return String(node.value);
  return undefined;
}

/** `value matches 'java-regex'`: the pattern is translated and validated now, compiled once at load. */
export function compileMatches(state: EmitState, subject: Value, patternNode: Expr, span: Span): Value {
  if (patternNode.kind !== "string") {
    return fail(
      "expression/unsupported",
      "The pattern of 'matches' must be a string literal, so it can be checked and compiled ahead of time.",
      patternNode,
    );
  }
  if (subject.type === "list")
    fail(
      "expression/unsupported",
      "'matches' needs one value, but this is a list of values.",
      subject.span,
      LIST_HINT,
    );
  const regex = hoistRegex(state, patternNode, true, false);
  const expr =
    subject.type === "string" && !subject.nullable
      ? f.createCallExpression(f.createPropertyAccessExpression(regex, "test"), undefined, [subject.expr])
      : callHelper(state, "elMatches", [subject.expr, regex]);
  return { expr, type: "boolean", nullable: false, span };
}

/** The translated, checked Java pattern of a literal as a hoisted RegExp constant (`reN`). */
export function hoistRegex(
  state: EmitState,
  patternNode: StringLiteral,
  anchored: boolean,
  global: boolean,
): ts.Expression {
  const translated = translateJavaRegex(patternNode.value, anchored);
  if (!translated.ok) {
    const start = offsetInLiteral(state.source, patternNode, translated.index);
    const end = offsetInLiteral(state.source, patternNode, translated.index + translated.length);
    return fail(
      translated.invalid ? "expression/syntax" : "expression/unsupported",
      translated.message,
      { start, end },
      translated.hint,
    );
  }
  const flags = global ? [...`${translated.regex.flags}g`].sort().join("") : translated.regex.flags;
  return regexConstant(state, translated.regex.source, flags);
}

/** Source offset of character `index` of a string literal's value (a doubled quote is two source characters). */
export function offsetInLiteral(source: string, literal: StringLiteral, index: number): number {
  let offset = literal.start + 1;
  for (let i = 0; i < index && offset < literal.end - 1; i++) {
    offset += source[offset] === literal.quote ? 2 : 1;
  }
  return offset;
}
