// Parser for Gravitee EL: splits a spec string into text and `{#…}` blocks, and parses each block into
// the typed tree of ./ast.ts by recursive descent. Precedence and associativity follow SpEL's own
// parser (InternalSpelExpressionParser): ternary/Elvis < or < and < one comparison < + - < * / % < unary.
// The parser only judges syntax; which roots, properties and methods exist is decided by the compiler.
// Constructs that are valid SpEL but never compiled (bean references, constructors, assignment)
// are rejected here already, because they have no node in our tree.
// https://docs.spring.io/spring-framework/reference/core/expressions/language-ref.html

import type { BinaryOperator, Expr, TemplatePart } from "./ast.ts";
import { fail } from "./expression-error.ts";
import { createLexer, type Token } from "./lexer.ts";

/**
 * What opens a template block: Gravitee rewrites `{`, any spaces, then `#`, `T` or `(` into a block
 * opening before Spring parses the template (SpelExpressionParser's EXPRESSION_REGEX `\{ *([#T(])`);
 * every other `{` is literal text. So `{#a}`, `{ #a}`, `{(#a)}` and `{T(Math).random()}` are blocks,
 * and so is `{Total}`, which then fails to parse — in Gravitee at run time, here as a compile error.
 */
const BLOCK_OPEN = /\{ *(?=[#T(])/g;

function nextOpening(source: string, from: number): { open: number; body: number } | undefined {
  BLOCK_OPEN.lastIndex = from;
  const match = BLOCK_OPEN.exec(source);
  return match ? { open: match.index, body: match.index + match[0].length } : undefined;
}

/**
 * A whole-value block must open as every Gravitee block does (`{#`, `{T`, `{(`, spaces allowed after
 * the brace): `{!#a}` or `{'x' == #a}` is text in Gravitee, which then fails to convert to a boolean.
 */
export function checkBlockOpening(source: string): void {
  const first = source.search(/\S/);
  if (first < 0 || nextOpening(source, first)?.open === first) return;
  const inner = source
    .trim()
    .replace(/^\{|\}$/g, "")
    .trim();
  fail(
    "expression/syntax",
    "Gravitee reads this as text, not as an expression: a block opens with {#, {T or {(.",
    { start: first, end: first + 2 },
    `Wrap the expression in parentheses: {(${inner})}.`,
  );
}

/** True when the whole string (surrounding whitespace aside) is exactly one template block. */
export function isExpression(source: string): boolean {
  const first = source.search(/\S/);
  const opening = first < 0 ? undefined : nextOpening(source, first);
  if (opening === undefined || opening.open !== first) return false;
  try {
    const { end } = parseBlock(source, opening.open, opening.body);
    return source.slice(end).trim() === "";
  } catch {
    return false;
  }
}

/** True when the string contains at least one block opening (well-formed or not). */
export function hasTemplate(source: string): boolean {
  return nextOpening(source, 0) !== undefined;
}

/** Split a templated value (`Bearer {#context.attributes['token']}`) into text and parsed blocks. */
export function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let position = 0;
  while (position < source.length) {
    const opening = nextOpening(source, position);
    if (opening === undefined) break;
    const { open } = opening;
    if (open > position) parts.push({ kind: "text", text: source.slice(position, open), start: position });
    const { expr, end } = parseBlock(source, open, opening.body);
    parts.push({ kind: "block", expr, start: open, end });
    position = end;
  }
  if (position < source.length) parts.push({ kind: "text", text: source.slice(position), start: position });
  return parts;
}

/**
 * Parse a value that is wholly one EL block (a condition or an assertion): `{` expression `}`. How
 * the block opens is checked by checkBlockOpening, after the expression itself (whose own errors
 * are more specific).
 */
export function parseSingleBlock(source: string): Expr {
  const first = source.search(/\S/);
  if (first < 0) {
    fail(
      "expression/syntax",
      "The expression is empty.",
      { start: 0, end: source.length },
      "Write a condition such as {#request.method == 'GET'}.",
    );
  }
  if (source[first] !== "{") {
    const hint = source.startsWith("#", first)
      ? "Wrap the expression in braces: {#…}."
      : "Write the expression inside {…}, e.g. {#request.method == 'GET'}.";
    fail(
      "expression/syntax",
      "An expression must be written as one {…} block.",
      { start: first, end: first + 1 },
      hint,
    );
  }
  const { expr, end } = parseBlock(source, first);
  const rest = source.slice(end).search(/\S/);
  if (rest >= 0) {
    fail(
      "expression/syntax",
      "Text follows the closing '}' of the expression; this value must be a single {…} block.",
      { start: end + rest, end: source.length },
      "Put the whole condition inside one block, e.g. {#a && #b}.",
    );
  }
  return expr;
}

/**
 * Parse the block whose `{` is at `open` (the expression starts at `body`, right after the brace by
 * default); `end` is just past its `}`.
 */
export function parseBlock(source: string, open: number, body = open + 1): { expr: Expr; end: number } {
  const lexer = createLexer(source, body);
  const blockSpan = { start: open, end: Math.min(source.length, body + 1) };

  function unexpected(token: Token, expected: string): never {
    if (token.kind === "eof") {
      fail(
        "expression/syntax",
        "This {# block is never closed with '}'.",
        blockSpan,
        "Add the closing '}' after the expression.",
      );
    }
    const shown = token.kind === "string" ? "a string" : `'${source.slice(token.start, token.end)}'`;
    return fail("expression/syntax", `Expected ${expected}, found ${shown}.`, token);
  }

  function isPunct(token: Token, text: string): boolean {
    return token.kind === "punct" && token.text === text;
  }

  function isWord(token: Token, word: string): boolean {
    return token.kind === "ident" && token.text.toLowerCase() === word;
  }

  function expectPunct(text: string, expected: string): Token {
    const token = lexer.next();
    if (!isPunct(token, text)) unexpected(token, expected);
    return token;
  }

  function parseExpression(): Expr {
    const left = parseOr();
    const token = lexer.peek();
    if (isPunct(token, "=")) {
      fail(
        "expression/unsupported",
        "Assignment is not supported: expressions only read the request.",
        token,
        "Use '==' to compare.",
      );
    }
    if (isPunct(token, "?:")) {
      lexer.next();
      const fallback = parseExpression();
      return { kind: "elvis", value: left, fallback, start: left.start, end: fallback.end };
    }
    if (isPunct(token, "?")) {
      lexer.next();
      const whenTrue = parseExpression();
      expectPunct(":", "':' of the ternary operator");
      const whenFalse = parseExpression();
      return { kind: "ternary", condition: left, whenTrue, whenFalse, start: left.start, end: whenFalse.end };
    }
    return left;
  }

  function binaryLevel(
    next: () => Expr,
    operators: (token: Token) => BinaryOperator | undefined,
  ): () => Expr {
    return () => {
      let left = next();
      for (;;) {
        const token = lexer.peek();
        const operator = operators(token);
        if (operator === undefined) return left;
        lexer.next();
        const right = next();
        left = {
          kind: "binary",
          operator,
          left,
          right,
          operatorSpan: { start: token.start, end: token.end },
          start: left.start,
          end: right.end,
        };
      }
    };
  }

  const RELATIONAL: Record<string, BinaryOperator> = {
    "==": "==",
    "!=": "!=",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
  };
  const RELATIONAL_WORDS: Record<string, BinaryOperator> = {
    eq: "==",
    ne: "!=",
    lt: "<",
    le: "<=",
    gt: ">",
    ge: ">=",
    matches: "matches",
    instanceof: "instanceof",
    between: "between",
  };

  function relationalOperator(token: Token): BinaryOperator | undefined {
    if (token.kind === "punct" && Object.hasOwn(RELATIONAL, token.text)) return RELATIONAL[token.text];
    if (token.kind === "ident") {
      const word = token.text.toLowerCase();
      if (Object.hasOwn(RELATIONAL_WORDS, word)) return RELATIONAL_WORDS[word];
    }
    return undefined;
  }

  function parseRelational(): Expr {
    const left = parseSum();
    const token = lexer.peek();
    const operator = relationalOperator(token);
    if (operator === undefined) return left;
    lexer.next();
    const right = parseSum();
    const after = lexer.peek();
    if (relationalOperator(after) !== undefined) {
      fail(
        "expression/syntax",
        "Comparisons cannot be chained.",
        after,
        "Combine two comparisons with '&&'.",
      );
    }
    return {
      kind: "binary",
      operator,
      left,
      right,
      operatorSpan: { start: token.start, end: token.end },
      start: left.start,
      end: right.end,
    };
  }

  /** SpEL's power: one `^` between two unary operands (`-2^2` is 4), not chained. */
  function parsePower(): Expr {
    const left = parseUnary();
    const token = lexer.peek();
    if (!isPunct(token, "^")) return left;
    lexer.next();
    const right = parseUnary();
    return {
      kind: "binary",
      operator: "^",
      left,
      right,
      operatorSpan: { start: token.start, end: token.end },
      start: left.start,
      end: right.end,
    };
  }

  const parseProduct = binaryLevel(parsePower, (token) => {
    if (token.kind === "punct" && (token.text === "*" || token.text === "/" || token.text === "%"))
      return token.text;
    if (isWord(token, "div")) return "/";
    if (isWord(token, "mod")) return "%";
    return undefined;
  });
  const parseSum = binaryLevel(parseProduct, (token) =>
    token.kind === "punct" && (token.text === "+" || token.text === "-") ? token.text : undefined,
  );
  const parseAnd = binaryLevel(parseRelational, (token) =>
    isPunct(token, "&&") || isWord(token, "and") ? "&&" : undefined,
  );
  const parseOr = binaryLevel(parseAnd, (token) =>
    isPunct(token, "||") || isWord(token, "or") ? "||" : undefined,
  );

  function parseUnary(): Expr {
    const token = lexer.peek();
    if (isPunct(token, "++") || isPunct(token, "--")) {
      fail(
        "expression/unsupported",
        `The '${token.text}' operator is not supported: expressions cannot change values.`,
        token,
      );
    }
    if (isPunct(token, "!") || isWord(token, "not") || isPunct(token, "-") || isPunct(token, "+")) {
      lexer.next();
      const operand = parseUnary();
      const operator = token.text === "-" ? "-" : token.text === "+" ? "+" : "!";
      return { kind: "unary", operator, operand, start: token.start, end: operand.end };
    }
    return parsePrimary();
  }

  function parseArguments(): { args: Expr[]; end: number } {
    expectPunct("(", "'('");
    const args: Expr[] = [];
    if (isPunct(lexer.peek(), ")")) return { args, end: lexer.next().end };
    for (;;) {
      args.push(parseExpression());
      const token = lexer.next();
      if (isPunct(token, ")")) return { args, end: token.end };
      if (!isPunct(token, ",")) unexpected(token, "',' or ')'");
    }
  }

  function parseStart(): Expr {
    const token = lexer.next();
    switch (token.kind) {
      case "string":
        return {
          kind: "string",
          value: token.text,
          quote: token.quote ?? "'",
          start: token.start,
          end: token.end,
        };
      case "number":
        return {
          kind: "number",
          value: Number(
            /^0[xX]/.test(token.text) ? token.text.replace(/[lL]$/, "") : token.text.replace(/[lLdDfF]$/, ""),
          ),
          start: token.start,
          end: token.end,
        };
      case "variable": {
        if (!isPunct(lexer.peek(), "("))
          return { kind: "variable", name: token.text, start: token.start, end: token.end };
        const { args, end } = parseArguments();
        return { kind: "function", name: token.text, args, start: token.start, end };
      }
      case "ident": {
        const word = token.text.toLowerCase();
        if (word === "true" || word === "false")
          return { kind: "boolean", value: word === "true", start: token.start, end: token.end };
        if (word === "null") return { kind: "null", start: token.start, end: token.end };
        if (token.text === "T" && isPunct(lexer.peek(), "(")) {
          lexer.next();
          const first = lexer.next();
          if (first.kind !== "ident") unexpected(first, "a class name");
          let name = first.text;
          while (isPunct(lexer.peek(), ".")) {
            lexer.next();
            const part = lexer.next();
            if (part.kind !== "ident") unexpected(part, "a class name");
            name += `.${part.text}`;
          }
          const close = expectPunct(")", "')'");
          return { kind: "type", name, start: token.start, end: close.end };
        }
        if (word === "new") fail("expression/unsupported", "Constructors ('new') are not supported.", token);
        if (isPunct(lexer.peek(), "(")) {
          fail(
            "expression/unsupported",
            `'${token.text}(…)' calls a method of the root object, which is not supported.`,
            token,
            "Call methods on a value, e.g. #request.path.startsWith('/v1').",
          );
        }
        return { kind: "identifier", name: token.text, start: token.start, end: token.end };
      }
      case "punct":
        if (token.text === "(") {
          const inner = parseExpression();
          const close = expectPunct(")", "')'");
          return { ...inner, start: token.start, end: close.end };
        }
        if (token.text === "@" || token.text === "&") {
          fail(
            "expression/unsupported",
            "Bean references are not supported: the gateway has no Spring context.",
            token,
          );
        }
        if (token.text === "{") return parseInlineList(token);
        return unexpected(token, "a value");
      default:
        return unexpected(token, "a value");
    }
  }

  /** `{a, b}` after its `{`; inline maps (`{k: v}`) are rejected. */
  function parseInlineList(open: Token): Expr {
    const items: Expr[] = [];
    if (isPunct(lexer.peek(), "}")) return { kind: "list", items, start: open.start, end: lexer.next().end };
    for (;;) {
      items.push(parseExpression());
      const token = lexer.next();
      if (isPunct(token, "}")) return { kind: "list", items, start: open.start, end: token.end };
      if (isPunct(token, ":"))
        fail("expression/unsupported", "Inline maps ({key: value}) are not supported.", token);
      if (!isPunct(token, ",")) unexpected(token, "',' or '}'");
    }
  }

  function parsePrimary(): Expr {
    let expr = parseStart();
    for (;;) {
      const token = lexer.peek();
      if (token.kind !== "punct") return expr;
      if (token.text === "." || token.text === "?.") {
        lexer.next();
        const safe = token.text === "?.";
        const name = lexer.next();
        if (name.kind !== "ident") unexpected(name, "a property or method name");
        if (isPunct(lexer.peek(), "(")) {
          const { args, end } = parseArguments();
          expr = {
            kind: "call",
            object: expr,
            name: name.text,
            nameStart: name.start,
            args,
            safe,
            start: expr.start,
            end,
          };
        } else {
          expr = {
            kind: "property",
            object: expr,
            name: name.text,
            nameStart: name.start,
            safe,
            start: expr.start,
            end: name.end,
          };
        }
      } else if (token.text === "[") {
        lexer.next();
        const index = parseExpression();
        const close = expectPunct("]", "']'");
        expr = { kind: "index", object: expr, index, start: expr.start, end: close.end };
      } else if (token.text === "++" || token.text === "--") {
        fail(
          "expression/unsupported",
          `The '${token.text}' operator is not supported: expressions cannot change values.`,
          token,
        );
      } else if (token.text === ".![" || token.text === ".?[") {
        lexer.next();
        const body = parseExpression();
        const close = expectPunct("]", "']'");
        expr = {
          kind: "selection",
          operator: token.text,
          object: expr,
          body,
          start: expr.start,
          end: close.end,
        };
      } else if (token.text === ".^[" || token.text === ".$[") {
        fail(
          "expression/unsupported",
          `'${token.text}…]' (first or last match) is not supported.`,
          token,
          "Select with .?[…] and take [0] or the last item instead.",
        );
      } else {
        return expr;
      }
    }
  }

  const expr = parseExpression();
  const close = lexer.next();
  if (!isPunct(close, "}")) unexpected(close, "'}' or an operator");
  return { expr, end: close.end };
}
