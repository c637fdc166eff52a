// Tokenizer for the SpEL subset. It is pulled token by token by the parser, starting at an offset
// inside the spec string, because an expression ends at the `}` closing its `{#` block and whatever
// follows is template text, not EL. Lexical rules follow SpEL: strings have no backslash escapes, a
// quote is escaped by doubling it ('it''s'); word operators (and, eq, matches, …) are plain
// identifiers here and recognised by the parser.
// https://docs.spring.io/spring-framework/reference/core/expressions/language-ref/literal.html

import { fail } from "./expression-error.ts";

export type TokenKind = "string" | "number" | "variable" | "ident" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** Punctuator text, identifier or variable name (without `#`), decoded string value, number source. */
  text: string;
  start: number;
  end: number;
  quote?: "'" | '"';
}

/** Longest first, so `==` wins over `=`. `.![` `.?[` `.^[` `.$[` are SpEL projection/selection. */
const PUNCTUATORS = [
  ".![",
  ".?[",
  ".^[",
  ".$[",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "?:",
  "?.",
  "++",
  "--",
  "(",
  ")",
  "[",
  "]",
  ".",
  ",",
  "?",
  ":",
  "<",
  ">",
  "!",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "=",
  "{",
  "}",
  "@",
  "&",
  "$",
  ";",
  "|",
];

const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_$]/;
const DIGIT = /[0-9]/;
const WHITESPACE = /[ \t\r\n]/;

export interface Lexer {
  /** The next token, without consuming it. */
  peek(): Token;
  /** Consume and return the next token. */
  next(): Token;
}

export function createLexer(source: string, start: number): Lexer {
  let position = start;
  let lookahead: Token | undefined;

  function readIdentifier(from: number): number {
    let end = from;
    while (end < source.length && IDENT_PART.test(source[end]!)) end++;
    return end;
  }

  function readString(quote: "'" | '"'): Token {
    const begin = position;
    let value = "";
    let i = position + 1;
    for (;;) {
      if (i >= source.length) {
        fail(
          "expression/syntax",
          "This string literal is never closed.",
          { start: begin, end: source.length },
          `Add the closing ${quote}; inside the string, write ${quote}${quote} for one ${quote}.`,
        );
      }
      const ch = source[i]!;
      if (ch === quote) {
        if (source[i + 1] === quote) {
          value += quote;
          i += 2;
          continue;
        }
        position = i + 1;
        return { kind: "string", text: value, start: begin, end: position, quote };
      }
      value += ch;
      i++;
    }
  }

  function readNumber(): Token {
    const begin = position;
    let i = position;
    if (source[i] === "0" && (source[i + 1] === "x" || source[i + 1] === "X")) {
      i += 2;
      while (i < source.length && /[0-9A-Fa-f]/.test(source[i]!)) i++;
      if (i === begin + 2)
        fail("expression/syntax", "A hexadecimal number needs digits after 0x.", { start: begin, end: i });
    } else {
      while (i < source.length && DIGIT.test(source[i]!)) i++;
      if (source[i] === "." && DIGIT.test(source[i + 1] ?? "")) {
        i++;
        while (i < source.length && DIGIT.test(source[i]!)) i++;
      }
      if (source[i] === "e" || source[i] === "E") {
        let j = i + 1;
        if (source[j] === "+" || source[j] === "-") j++;
        if (DIGIT.test(source[j] ?? "")) {
          while (j < source.length && DIGIT.test(source[j]!)) j++;
          i = j;
        }
      }
    }
    // Java's suffixes: L for a long, d and f for a double (the parser reads them off the token text).
    if (/[lLdDfF]/.test(source[i] ?? "")) i++;
    if (IDENT_PART.test(source[i] ?? "")) {
      fail(
        "expression/syntax",
        "A number runs into a name.",
        { start: begin, end: readIdentifier(i) },
        "Separate them with an operator or a space.",
      );
    }
    position = i;
    return { kind: "number", text: source.slice(begin, i), start: begin, end: i };
  }

  function scan(): Token {
    while (position < source.length && WHITESPACE.test(source[position]!)) position++;
    if (position >= source.length) return { kind: "eof", text: "", start: source.length, end: source.length };
    const ch = source[position]!;
    const begin = position;
    if (ch === "'" || ch === '"') return readString(ch);
    if (DIGIT.test(ch)) return readNumber();
    if (IDENT_START.test(ch)) {
      position = readIdentifier(position);
      return { kind: "ident", text: source.slice(begin, position), start: begin, end: position };
    }
    if (ch === "#") {
      if (!IDENT_START.test(source[position + 1] ?? "")) {
        fail("expression/syntax", "'#' must be followed by a variable name such as #request.", {
          start: begin,
          end: begin + 1,
        });
      }
      position = readIdentifier(position + 1);
      return { kind: "variable", text: source.slice(begin + 1, position), start: begin, end: position };
    }
    for (const punctuator of PUNCTUATORS) {
      if (source.startsWith(punctuator, position)) {
        position += punctuator.length;
        return { kind: "punct", text: punctuator, start: begin, end: position };
      }
    }
    const width = ch.codePointAt(0)! > 0xffff ? 2 : 1;
    return fail("expression/syntax", `Unexpected character '${source.slice(begin, begin + width)}'.`, {
      start: begin,
      end: begin + width,
    });
  }

  return {
    peek() {
      lookahead ??= scan();
      return lookahead;
    },
    next() {
      const token = lookahead ?? scan();
      lookahead = undefined;
      return token;
    },
  };
}
