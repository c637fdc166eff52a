// Lists built inside an expression: inline lists (`{'GET', 'POST'}`), selection (`list.?[cond]`)
// and projection (`list.![expr]`), SpEL's collection operators, where `#this` is the element. They
// compile to array literals and to `filter`/`map` with an arrow function whose parameter (`itN`) is
// the element, so nothing is interpreted at run time. Lists hold text, like header values: an inline
// list of numbers, or a projection to something that is not a single value, is a compile error.
// https://docs.spring.io/spring-framework/reference/core/expressions/language-ref/collection-selection.html

import type { ts } from "ts-morph";
import type { InlineList, Selection } from "./ast.ts";
import type { NodeCompiler } from "./compile-methods.ts";
import { LIST_HINT, toBool, toStr, type Value } from "./el-value.ts";
import { fail } from "./expression-error.ts";
import { coalesce, type EmitState, elementArrow, f, methodCall } from "./ts-build.ts";

/** `{'a', 'b'}`: text items only (SpEL would build a list of anything; lists of text are what compare safely). */
export function compileInlineList(state: EmitState, compiler: NodeCompiler, node: InlineList): Value {
  const items = node.items.map((item) => {
    const value = compiler.value(item);
    if (value.type !== "string" || value.nullable) {
      fail(
        "expression/unsupported",
        "Inline lists may only hold text here.",
        item,
        value.type === "number"
          ? "Write the number as text ('7'), as header and parameter values are."
          : undefined,
      );
    }
    return value.expr;
  });
  void state;
  return {
    expr: f.createArrayLiteralExpression(items, false),
    type: "list",
    nullable: false,
    span: node,
  };
}

/** `list.?[condition]` keeps the items the condition holds for; `list.![expression]` maps each to text. */
export function compileSelection(state: EmitState, compiler: NodeCompiler, node: Selection): Value {
  const list = compiler.value(node.object);
  const selection = node.operator === ".?[";
  if (list.type !== "list") {
    fail(
      "expression/unsupported",
      `${selection ? "Selection .?[…]" : "Projection .![…]"} works on a list, but this is not one.`,
      node.object,
      list.type === "string" ? "Split text into a list first, e.g. #request.path.split('/')." : undefined,
    );
  }
  const name = `it${state.parameters++}`;
  state.element.push({ expr: f.createIdentifier(name), type: "string", nullable: false, span: node.object });
  let body: ts.Expression;
  try {
    const value = compiler.value(node.body);
    if (!selection && value.type === "list")
      fail("expression/unsupported", "A projection must give one value per item.", node.body, LIST_HINT);
    body = selection ? toBool(state, value, "A selection") : toStr(state, value, "A projection");
  } finally {
    state.element.pop();
  }
  const source = list.nullable ? coalesce(list.expr, f.createArrayLiteralExpression([])) : list.expr;
  const result: Value = {
    expr: methodCall(source, selection ? "filter" : "map", [elementArrow(name, body)]),
    type: "list",
    nullable: false,
    span: node,
  };
  // SpEL keeps an array an array through selection and projection.
  if (list.array === true) result.array = true;
  return result;
}
