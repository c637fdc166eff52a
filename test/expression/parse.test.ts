// The parser on its own: block detection in templates, precedence, and node offsets that point into
// the whole spec string.
import { describe, expect, test } from "vitest";
import type { Expr } from "../../compiler/expression/ast.ts";
import { parseCondition } from "../../compiler/expression/compile-expression.ts";
import { hasTemplate, isExpression, parseTemplate } from "../../compiler/expression/parse-expression.ts";

/** A compact rendering of a tree: operators and names in prefix form. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case "string":
      return JSON.stringify(expr.value);
    case "number":
    case "boolean":
      return String(expr.value);
    case "null":
      return "null";
    case "variable":
      return `#${expr.name}`;
    case "identifier":
      return expr.name;
    case "property":
      return `${show(expr.object)}.${expr.name}`;
    case "index":
      return `${show(expr.object)}[${show(expr.index)}]`;
    case "call":
      return `${show(expr.object)}.${expr.name}(${expr.args.map(show).join(", ")})`;
    case "function":
      return `#${expr.name}(${expr.args.map(show).join(", ")})`;
    case "type":
      return `T(${expr.name})`;
    case "list":
      return `{${expr.items.map(show).join(", ")}}`;
    case "selection":
      return `${show(expr.object)}${expr.operator}${show(expr.body)}]`;
    case "unary":
      return `(${expr.operator} ${show(expr.operand)})`;
    case "binary":
      return `(${expr.operator} ${show(expr.left)} ${show(expr.right)})`;
    case "ternary":
      return `(? ${show(expr.condition)} ${show(expr.whenTrue)} ${show(expr.whenFalse)})`;
    case "elvis":
      return `(?: ${show(expr.value)} ${show(expr.fallback)})`;
  }
}

function parsed(source: string): Expr {
  const result = parseCondition(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

describe("precedence and associativity", () => {
  test.each([
    ["{#a.b || #c && !#d}", "(|| #a.b (&& #c (! #d)))"],
    ["{#a or #b and not #c eq 1}", "(|| #a (&& #b (== (! #c) 1)))"],
    ["{1 + 2 * 3 - 4 % 5 == 5}", "(== (- (+ 1 (* 2 3)) (% 4 5)) 5)"],
    ["{-#a.b[0] + 1}", "(+ (- #a.b[0]) 1)"],
    ["{#a ? #b : #c ? 1 : 2}", "(? #a #b (? #c 1 2))"],
    ["{#a ?: #b ?: 'c'}", '(?: #a (?: #b "c"))'],
    ["{#a == 1 ? 'x' : 'y'}", '(? (== #a 1) "x" "y")'],
    ["{#a?.b.c('x', 2)}", '#a.b.c("x", 2)'],
    ["{(#a || #b) && #c matches 'x'}", '(&& (|| #a #b) (matches #c "x"))'],
    ["{TRUE And #x Ne NULL}", "(&& true (!= #x null))"],
  ])("%s", (source, tree) => {
    expect(show(parsed(source))).toBe(tree);
  });
});

describe("offsets", () => {
  test("nodes point into the whole string", () => {
    const parts = parseTemplate("Bearer {#context.attributes['token']}!");
    expect(parts.map((part) => [part.kind, part.start])).toEqual([
      ["text", 0],
      ["block", 7],
      ["text", 37],
    ]);
    const block = parts[1];
    if (block?.kind !== "block") throw new Error("expected a block");
    expect(block.expr).toMatchObject({
      kind: "index",
      start: 8,
      end: 36,
      index: { kind: "string", value: "token", start: 28, end: 35 },
    });
  });

  test("parentheses widen the node to include them", () => {
    expect(parsed("{ (#a) }")).toMatchObject({ kind: "variable", start: 2, end: 6 });
  });
});

describe("block detection", () => {
  test.each([
    ["{#request.id}", true, true],
    ["  {#request.id == 'a'}  ", true, true],
    ["{#request.id}{#request.id}", false, true],
    ["id: {#request.id}", false, true],
    ["{#request.id", false, true],
    ['{"a": 1}', false, false],
    ["plain", false, false],
  ])("%j: isExpression %j, hasTemplate %j", (source, expression, template) => {
    expect(isExpression(source)).toBe(expression);
    expect(hasTemplate(source)).toBe(template);
  });

  test("text braces are not blocks; only {# opens one", () => {
    expect(parseTemplate('{"id": "{#request.id}"}').map((part) => part.kind)).toEqual([
      "text",
      "block",
      "text",
    ]);
  });
});
