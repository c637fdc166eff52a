// Gravitee's EL functions, `#jsonPath(value, '$.path')`. The path must be a string literal: it is
// parsed here into its steps (`.name`, `['name']`, `[index]`), and the generated code walks the
// parsed JSON with runtime/el.ts's elJsonPath, so no query language is interpreted at run time.
// Wildcards, filters and deep scans (`*`, `?()`, `..`) return lists in Jayway JsonPath and are
// rejected, as is `#xpath` (an XML query engine at run time).
// https://documentation.gravitee.io/apim/guides/gravitee-expression-language#jsonpath

import type { FunctionCall, StringLiteral } from "./ast.ts";
import type { NodeCompiler } from "./compile-methods.ts";
import { offsetInLiteral } from "./compile-node.ts";
import { toStr, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";
import { callHelper, type EmitState, f, numberLiteral, stringLiteral } from "./ts-build.ts";

export function compileFunction(state: EmitState, compiler: NodeCompiler, node: FunctionCall): Value {
  const nameSpan = { start: node.start, end: node.start + node.name.length + 1 };
  if (node.name !== "jsonPath") {
    return fail(
      "expression/unsupported",
      node.name === "xpath"
        ? "The #xpath function is not supported: it would run an XPath engine over the body at run time."
        : `Unknown function #${node.name}.`,
      nameSpan,
      node.name === "xpath"
        ? "Convert the body with the xml-json policy and read it with #jsonPath, or extract the value with a policy."
        : "Gravitee's functions are #jsonPath and #xpath.",
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
