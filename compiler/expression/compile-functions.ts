// Gravitee's EL functions. `#jsonPath(value, '$.path')`: the path must be a string literal: it is
// parsed here into its steps (`.name`, `['name']`, `[index]`), and the generated code walks the
// parsed JSON with runtime/el.ts's elJsonPath, so no query language is interpreted at run time.
// Wildcards, filters and deep scans (`*`, `?()`, `..`) return lists in Jayway JsonPath and are
// rejected. `#xpath(xml, 'path'[, 'string' | 'boolean' | 'number'])`: the XPath 1.0 path must be a
// literal too, parsed here by the library the gateway evaluates it with (runtime/el-xml.ts, linked
// only into gateways that call #xpath); DOM results ('node', 'node_list', 'document_list') are
// rejected: there is no DOM in the expression's world to hand them to.
// https://documentation.gravitee.io/apim/guides/gravitee-expression-language#jsonpath

import * as xpath from "xpath";
import type { Expr, FunctionCall, Span, StringLiteral } from "./ast.ts";
import type { NodeCompiler } from "./compile-methods.ts";
import { offsetInLiteral } from "./compile-node.ts";
import { toStr, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";

const parseXPath = (xpath as unknown as { parse(expression: string): unknown }).parse;

import { callHelper, type EmitState, f, numberLiteral, stringLiteral } from "./ts-build.ts";

export function compileFunction(state: EmitState, compiler: NodeCompiler, node: FunctionCall): Value {
  const nameSpan = { start: node.start, end: node.start + node.name.length + 1 };
  if (node.name === "xpath") return compileXPath(state, compiler, node, nameSpan);
  if (node.name !== "jsonPath") {
    return fail(
      "expression/unsupported",
      `Unknown function #${node.name}.`,
      nameSpan,
      "Gravitee's functions are #jsonPath and #xpath.",
    );
  }
  if (node.args.length !== 2)
    fail("expression/syntax", `#jsonPath takes 2 arguments, not ${node.args.length}.`, nameSpan);
  const [subject, pathNode] = node.args as [FunctionCall["args"][0], FunctionCall["args"][0]];
  if (pathNode?.kind !== "string") {
    return fail(
      "expression/unsupported",
      "The path of #jsonPath must be a string literal, so it can be checked ahead of time.",
      pathNode ?? nameSpan,
    );
  }
  const steps = parseJsonPath(state, pathNode);
  const text = toStr(state, compiler.value(subject!), "The JSON of #jsonPath");
  const path = f.createArrayLiteralExpression(
    steps.map((step) => (typeof step === "number" ? numberLiteral(step) : stringLiteral(step))),
  );
  return {
    expr: callHelper(state, "elJsonPath", [text, path]),
    type: "unknown",
    nullable: true,
    span: node,
  };
}

/** `$.a['b'][0]` → ["a", "b", 0]. */
function parseJsonPath(state: EmitState, literal: StringLiteral): Array<string | number> {
  const path = literal.value;
  const error = (index: number, length: number, message: string): never =>
    fail(
      "expression/unsupported",
      message,
      {
        start: offsetInLiteral(state.source, literal, index),
        end: offsetInLiteral(state.source, literal, index + Math.max(1, length)),
      },
      "Compiled JSONPath: $ followed by .name, ['name'] and [index] steps.",
    );
  if (!path.startsWith("$")) error(0, 1, "A JSONPath starts with '$'.");
  const steps: Array<string | number> = [];
  let i = 1;
  while (i < path.length) {
    const rest = path.slice(i);
    const dot = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
    const quoted = /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/.exec(rest) ?? /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
    const index = /^\[\s*(\d+)\s*\]/.exec(rest);
    if (rest.startsWith(".."))
      error(i, 2, "Deep scan '..' is not supported: it returns a list of every match.");
    if (dot) steps.push(dot[1]!);
    else if (quoted) steps.push(quoted[1]!.replace(/\\(.)/g, "$1"));
    else if (index) steps.push(Number(index[1]));
    else error(i, 1, "Wildcards, filters, slices and unions are not supported in #jsonPath paths.");
    i += (dot ?? quoted ?? index)![0].length;
  }
  return steps;
}

const XPATH_RESULTS = new Map([
  ["string", "string"],
  ["boolean", "boolean"],
  ["number", "number"],
] as const);

/** `#xpath(xml, 'path'[, 'type'])` → `elXmlPath(xml, "path", "type")`, the path checked now. */
function compileXPath(state: EmitState, compiler: NodeCompiler, node: FunctionCall, nameSpan: Span): Value {
  if (node.args.length < 2 || node.args.length > 3)
    fail("expression/syntax", `#xpath takes 2 or 3 arguments, not ${node.args.length}.`, nameSpan);
  const [subject, pathNode, typeNode] = node.args as [Expr, Expr, Expr | undefined];
  if (pathNode.kind !== "string") {
    return fail(
      "expression/unsupported",
      "The path of #xpath must be a string literal, so it can be checked ahead of time.",
      pathNode,
    );
  }
  try {
    parseXPath(pathNode.value);
  } catch (error) {
    fail(
      "expression/syntax",
      `This is not an XPath 1.0 expression: ${error instanceof Error ? error.message : String(error)}`,
      pathNode,
    );
  }
  let type: "string" | "boolean" | "number" = "string";
  if (typeNode !== undefined) {
    const result = typeNode.kind === "string" ? XPATH_RESULTS.get(typeNode.value as "string") : undefined;
    if (result === undefined)
      return fail(
        "expression/unsupported",
        typeNode.kind === "string" && ["node", "node_list", "document_list"].includes(typeNode.value)
          ? `#xpath's '${typeNode.value}' result is a DOM node, which no expression here can read.`
          : "The result type of #xpath must be 'string', 'boolean' or 'number'.",
        typeNode,
        "Select the text you need with the path (e.g. string(//a), //a/@id) and read it as 'string'.",
      );
    type = result;
  }
  const text = toStr(state, compiler.value(subject), "The XML of #xpath");
  return {
    expr: callHelper(state, "elXmlPath", [text, stringLiteral(pathNode.value), stringLiteral(type)]),
    type,
    nullable: false,
    span: node,
  };
}
