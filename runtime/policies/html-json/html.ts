// HTML → selections, as Gravitee's html-json does it with jsoup: the document parsed by the HTML5
// algorithm (parse5, as jsoup's tree builder follows it), elements selected by CSS (css-select,
// cheerio's selector engine, with jsoup's extensions mapped onto it: `:eq`, `:lt`, `:gt`,
// `:contains`, `:containsOwn`, `:matches`, `:matchesOwn`; `:has` is CSS's), and each element's text as jsoup's Element.text() computes it: whitespace collapsed (kept inside
// `pre`, `textarea`, `title`, `plaintext`), a space between block elements and around `<br>`, trimmed.
import { compile, selectAll } from "css-select";
import type { AnyNode, Document, Element } from "domhandler";
import { isText } from "domhandler";
import { parse } from "parse5";
import { adapter } from "parse5-htmlparser2-tree-adapter";

/** jsoup's block tags (Tag.java): they separate the text of their neighbours by a space. */
const BLOCK = new Set(
  (
    "html head body frameset script noscript style meta link title frame noframes section nav aside " +
    "hgroup header footer p h1 h2 h3 h4 h5 h6 ul ol pre div blockquote hr address figure figcaption " +
    "form fieldset ins del dl dt dd li table caption thead tfoot tbody colgroup col tr th td video " +
    "audio canvas details menu plaintext template article main svg math center dir applet marquee " +
    "listing"
  ).split(" "),
);
const PRESERVE = new Set(["pre", "plaintext", "title", "textarea"]);
const WHITESPACE = new Set([" ", "\t", "\n", "\f", "\r", "\u00a0"]);
const INVISIBLE = new Set(["\u200b", "\u00ad"]);

export function parseHtml(html: string): Document {
  return parse(html, { treeAdapter: adapter }) as unknown as Document;
}

/**
 * jsoup's selector extensions in css-select's terms: `:eq(n)`, `:lt(n)`, `:gt(n)` compare an
 * element's index among its siblings (not its position among the matches, as jQuery's do), and
 * `:contains(text)` / `:containsOwn(text)` match the normalised text, ignoring case, and
 * `:matches(regex)` / `:matchesOwn(regex)` test it with a regular expression (Java's and
 * JavaScript's syntax agree on the common cases).
 */
function jsoupSelector(selector: string): string {
  return withPatterns(selector)
    .replace(/:eq\((\d+)\)/g, (_, n: string) => `:nth-child(${Number(n) + 1})`)
    .replace(/:lt\((\d+)\)/g, (_, n: string) => `:nth-child(-n+${Number(n)})`)
    .replace(/:gt\((\d+)\)/g, (_, n: string) => `:nth-child(n+${Number(n) + 2})`)
    .replace(/:containsOwn\(/g, ":jsoup-contains-own(")
    .replace(/:contains\(/g, ":jsoup-contains(");
}

/** The regular expressions of `:matches(…)`, by number: CSS would read their backslashes as escapes. */
const patterns: RegExp[] = [];
const patternIds = new Map<string, number>();

/**
 * `:matches(regex)` / `:matchesOwn(regex)` → `:jsoup-matches(N)`: the pattern (up to its balanced
 * closing parenthesis, as jsoup reads it) compiled once and referred to by number.
 */
function withPatterns(selector: string): string {
  let out = "";
  let rest = selector;
  for (let m = /:matches(Own)?\(/.exec(rest); m; m = /:matches(Own)?\(/.exec(rest)) {
    let depth = 1;
    let k = m.index + m[0].length;
    for (; k < rest.length && depth > 0; k++) {
      if (rest[k] === "\\") k++;
      else if (rest[k] === "(") depth++;
      else if (rest[k] === ")") depth--;
    }
    if (depth > 0) throw new SyntaxError(`unbalanced parentheses in ${m[0]}…)`);
    const source = rest.slice(m.index + m[0].length, k - 1);
    let id = patternIds.get(source);
    if (id === undefined) {
      // Java's leading inline flag `(?i)` (jsoup's documented way to ignore case) as a JS flag.
      const insensitive = source.startsWith("(?i)");
      patterns.push(new RegExp(insensitive ? source.slice(4) : source, insensitive ? "iu" : "u"));
      id = patterns.length - 1;
      patternIds.set(source, id);
    }
    out += `${rest.slice(0, m.index)}:jsoup-matches${m[1] ? "-own" : ""}(${id})`;
    rest = rest.slice(k);
  }
  return out + rest;
}

const unquote = (value: string | null | undefined): string =>
  (value ?? "").trim().replace(/^(["'])(.*)\1$/s, "$2");

const PSEUDOS = {
  "jsoup-contains": (el: Element, value?: string | null) =>
    elementText(el).toLowerCase().includes(unquote(value).toLowerCase()),
  "jsoup-contains-own": (el: Element, value?: string | null) =>
    ownText(el).toLowerCase().includes(unquote(value).toLowerCase()),
  "jsoup-matches": (el: Element, value?: string | null) => patterns[Number(value)]!.test(elementText(el)),
  "jsoup-matches-own": (el: Element, value?: string | null) => patterns[Number(value)]!.test(ownText(el)),
};

/** A selector compiled once: the elements of a document it selects, in document order. */
export type CompiledSelector = (doc: Document) => Element[];

/** Compiles `selector` (jsoup's syntax); throws on one that does not parse (the compiler reports it). */
export function compileSelector(selector: string): CompiledSelector {
  const query = compile<AnyNode, Element>(jsoupSelector(selector), { pseudos: PSEUDOS });
  return (doc) => selectAll<AnyNode, Element>(query, doc);
}

/** Throws when `selector` cannot be parsed. */
export function checkSelector(selector: string): void {
  compileSelector(selector);
}

const isElement = (node: AnyNode | null): node is Element => node !== null && "name" in node;

function preserves(node: AnyNode): boolean {
  let parent = node.parent;
  for (let depth = 0; parent && depth < 6; depth++, parent = parent.parent)
    if (isElement(parent) && PRESERVE.has(parent.name)) return true;
  return false;
}

const isBlock = (node: AnyNode | null): boolean => isElement(node) && BLOCK.has(node.name);

/** jsoup's Element.ownText(): the element's own text nodes, normalised. */
function ownText(element: Element): string {
  return textOf(element, false);
}

/** jsoup's Element.text(). */
export function elementText(element: Element): string {
  return textOf(element, true);
}

function textOf(element: Element, deep: boolean): string {
  let out = "";
  const lastIsSpace = (): boolean => out.length > 0 && out[out.length - 1] === " ";
  const appendNormalised = (text: string): void => {
    let lastWasWhite = false;
    let reachedNonWhite = false;
    const stripLeading = lastIsSpace();
    for (const char of text) {
      if (WHITESPACE.has(char)) {
        if ((stripLeading && !reachedNonWhite) || lastWasWhite) continue;
        out += " ";
        lastWasWhite = true;
      } else if (!INVISIBLE.has(char)) {
        out += char;
        lastWasWhite = false;
        reachedNonWhite = true;
      }
    }
  };
  const visit = (node: AnyNode): void => {
    if (isText(node)) {
      if (preserves(node)) out += node.data;
      else appendNormalised(node.data);
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    if (!deep && el !== element) return;
    if (out.length > 0 && (isBlock(el) || el.name === "br") && !lastIsSpace()) out += " ";
    for (const child of el.children) visit(child);
    const next = el.nextSibling;
    if (
      isBlock(el) &&
      next !== null &&
      (isText(next) || (isElement(next) && !isBlock(next))) &&
      !lastIsSpace()
    )
      out += " ";
  };
  visit(element);
  return out.trim();
}
