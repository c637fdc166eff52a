// A flow's path (or channel) as Gravitee reads it: PathPatterns builds a Java regular expression from
// it — `/`, each non-empty segment followed by `/` (a `:name` segment becomes the parameter
// characters), the last `/` optional — without escaping anything, so `/(.*)/products` is a pattern
// and `.` matches any character. This module builds the same pattern and translates it to a
// JavaScript RegExp with Java's meaning (java.util.regex, no flags): `.` and `$` keep Java's line
// terminators, `\s` stays ASCII, `\Q…\E` and Java's escapes become plain characters. What the two
// engines read differently and cannot be written alike — possessive quantifiers, atomic groups,
// inline flags, `\p{…}`, back references, class unions and intersections — is refused with the
// construct named, as is what Java itself refuses (an invalid pattern). Groups of the path become
// non-capturing: the only captures are the `:name` parameters, in order.
// Used by the gateway (runtime/server/flows.ts) and by `sluice check` (rule path/flow-regex), which
// reports a refused path at compile time. docs/proxy-apis.md#flows.

/** A flow path Sluice cannot run as Gravitee does: `index` is the 0-based offset in the path. */
export class FlowPathRegexError extends Error {
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.name = "FlowPathRegexError";
    this.index = index;
  }
}

export interface TranslatedFlowPath {
  /** JavaScript source (flag `u`), not anchored: the caller adds `^` and, for EQUALS, `$`. */
  readonly source: string;
  /** The `:name` parameters, one capturing group each, in order. */
  readonly names: string[];
}

/** Gravitee's PathPatterns.PATH_PARAM_REGEX, as inserted in the Java pattern. */
const JAVA_PARAM = "[a-zA-Z0-9\\-._~%!$&'()* +,;=:@|]+";
/** The same characters as a JavaScript (flag `u`) class, captured. */
const JS_PARAM = "([a-zA-Z0-9\\-._~%!$&'()* +,;=:@|]+)";

// Java's line terminators (no UNIX_LINES): `.` matches none of them, `$` also matches before one
// that ends the input.
const JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]";
const JAVA_DOLLAR = "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)";
const SPACE = "\\t\\n\\x0B\\f\\r ";
const HSPACE = " \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";
const VSPACE = "\\n\\x0B\\f\\r\\x85\\u2028\\u2029";
const SYNTAX = "^$\\.*+?()[]{}|/";
const MAX_COUNT = 2 ** 31 - 1;

/** Gravitee's pattern for `path`, translated; throws FlowPathRegexError. */
export function translateFlowPath(path: string): TranslatedFlowPath {
  // The Java pattern exactly as PathPatterns writes it, with each character's offset in `path`.
  let java = "/";
  const origin: number[] = [0];
  const params = new Map<number, string>();
  const names: string[] = [];
  let offset = 0;
  for (const seg of path.split("/")) {
    if (seg !== "") {
      if (seg.startsWith(":")) {
        params.set(java.length, seg.slice(1));
        java += JAVA_PARAM;
        for (let i = 0; i < JAVA_PARAM.length; i++) origin.push(offset);
      } else {
        java += seg;
        for (let i = 0; i < seg.length; i++) origin.push(offset + i);
      }
      java += "/";
      origin.push(offset + seg.length);
    }
    offset += seg.length + 1;
  }
  java += "?";
  origin.push(path.length);
  const parser = new JavaPattern(java, params, names, (at) => origin[Math.min(at, origin.length - 1)] ?? 0);
  const { source, alternation } = parser.parse();
  return { source: alternation ? `(?:${source})` : source, names };
}

type Term = { text: string; kind: "atom" | "assertion" };

class JavaPattern {
  private p = 0;
  private lookbehind = 0;
  private readonly groupNames = new Set<string>();
  private readonly s: string;
  private readonly params: ReadonlyMap<number, string>;
  private readonly names: string[];
  private readonly where: (at: number) => number;
  constructor(
    s: string,
    params: ReadonlyMap<number, string>,
    names: string[],
    where: (at: number) => number,
  ) {
    this.s = s;
    this.params = params;
    this.names = names;
    this.where = where;
  }

  parse(): { source: string; alternation: boolean } {
    const { text, alternation } = this.alternation();
    if (this.p < this.s.length) this.fail("an unmatched `)`", this.p);
    return { source: text, alternation };
  }

  private fail(what: string, at: number): never {
    const index = this.where(at);
    throw new FlowPathRegexError(`${what} (character ${index + 1} of the path)`, index);
  }

  private unsupported(construct: string, at: number, why: string): never {
    this.fail(`${construct}: ${why}`, at);
  }

  private alternation(): { text: string; alternation: boolean } {
    let text = this.sequence();
    let alternation = false;
    while (this.s[this.p] === "|") {
      this.p++;
      alternation = true;
      text += `|${this.sequence()}`;
    }
    return { text, alternation };
  }

  private sequence(): string {
    let out = "";
    while (this.p < this.s.length && this.s[this.p] !== "|" && this.s[this.p] !== ")") {
      const start = this.p;
      const terms = this.term();
      const q = this.quantifier();
      if (q !== "") {
        const last = terms[terms.length - 1];
        if (!last) this.fail(`a quantifier with nothing to repeat`, start);
        if (last.kind === "assertion")
          this.unsupported("a quantifier on an anchor or look-around", start, "JavaScript does not allow it");
      }
      out += terms.map((t) => t.text).join("") + q;
    }
    return out;
  }

  /** One term; `\Q…\E` gives several (a quantifier after it repeats the last character, as in Java). */
  private term(): Term[] {
    const s = this.s;
    const at = this.p;
    const name = this.params.get(at);
    if (name !== undefined) {
      this.p += JAVA_PARAM.length;
      this.names.push(name);
      return [{ text: JS_PARAM, kind: "atom" }];
    }
    const c = s[at]!;
    switch (c) {
      case "(":
        return [this.group()];
      case "[":
        return [{ text: this.characterClass(), kind: "atom" }];
      case ".":
        this.p++;
        return [{ text: JAVA_DOT, kind: "atom" }];
      case "^":
        this.p++;
        return [{ text: "^", kind: "assertion" }];
      case "$":
        this.p++;
        return [{ text: JAVA_DOLLAR, kind: "assertion" }];
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
        return this.fail(`a dangling \`${c}\` (nothing to repeat)`, at);
      case "{":
        return this.fail("an illegal repetition `{`", at);
      default: {
        const cp = s.codePointAt(at)!;
        this.p += cp > 0xffff ? 2 : 1;
        return [{ text: literal(cp), kind: "atom" }];
      }
    }
  }

  private quantifier(): string {
    const s = this.s;
    const at = this.p;
    const c = s[at];
    let q: string;
    let unbounded: boolean;
    if (c === "*" || c === "+" || c === "?") {
      this.p++;
      q = c;
      unbounded = c !== "?";
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(at));
      if (!m) this.fail("an illegal repetition `{`", at);
      const min = Number(m[1]);
      const max = m[3] === undefined || m[3] === "" ? undefined : Number(m[3]);
      if (min > MAX_COUNT || (max !== undefined && (max > MAX_COUNT || max < min)))
        this.fail(`an illegal repetition range \`${m[0]}\``, at);
      this.p += m[0].length;
      q = m[0];
      unbounded = m[2] !== undefined && max === undefined;
    } else {
      return "";
    }
    if (unbounded && this.lookbehind > 0)
      this.unsupported(
        `an unbounded repetition \`${q}\` in a look-behind`,
        at,
        "Java bounds look-behind differently from JavaScript",
      );
    const next = s[this.p];
    if (next === "?") {
      this.p++;
      q += "?";
    } else if (next === "+") {
      this.unsupported(
        `a possessive quantifier \`${q}+\``,
        at,
        "JavaScript has none; write the repetition without `+`, or bound it",
      );
    }
    const after = s[this.p];
    if (after === "*" || after === "+" || after === "?")
      this.fail(`a dangling \`${after}\` (nothing to repeat)`, this.p);
    if (after === "{")
      this.unsupported("a repetition of a repetition", this.p, "group the repeated part instead");
    return q;
  }

  private group(): Term {
    const s = this.s;
    const at = this.p;
    let open = "(?:";
    let kind: Term["kind"] = "atom";
    let behind = false;
    if (s[at + 1] !== "?") {
      this.p++;
    } else if (s.startsWith("(?:", at)) {
      this.p += 3;
    } else if (s.startsWith("(?=", at) || s.startsWith("(?!", at)) {
      open = s.slice(at, at + 3);
      kind = "assertion";
      this.p += 3;
    } else if (s.startsWith("(?<=", at) || s.startsWith("(?<!", at)) {
      open = s.slice(at, at + 4);
      kind = "assertion";
      behind = true;
      this.p += 4;
    } else if (s.startsWith("(?<", at)) {
      const m = /^\(\?<([^>]*)>/.exec(s.slice(at));
      const name = m?.[1];
      if (name === undefined) this.fail("a named group without its closing `>`", at);
      if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name))
        this.fail(`a group name \`${name}\` (Java allows a letter, then letters and digits)`, at);
      if (this.groupNames.has(name)) this.fail(`the group name \`${name}\` used twice`, at);
      this.groupNames.add(name);
      this.p += m![0].length;
    } else if (s.startsWith("(?>", at)) {
      this.unsupported("an atomic group `(?>…)`", at, "JavaScript has none");
    } else {
      const m = /^\(\?[a-zA-Z-]*[:)]?/.exec(s.slice(at));
      this.unsupported(
        `an inline flag \`${m?.[0] ?? "(?"}\``,
        at,
        "Java and JavaScript read flags differently; write the characters out (`[Aa]`)",
      );
    }
    if (behind) this.lookbehind++;
    const inner = this.alternation().text;
    if (behind) this.lookbehind--;
    if (s[this.p] !== ")") this.fail("an unclosed group `(`", at);
    this.p++;
    return { text: `${open}${inner})`, kind };
  }

  private escape(): Term[] {
    const s = this.s;
    const at = this.p;
    const c = s[at + 1];
    if (c === undefined) this.fail("a trailing `\\`", at);
    this.p += 2;
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
        return [{ text: `\\${c}`, kind: "atom" }];
      case "s":
        return [{ text: `[${SPACE}]`, kind: "atom" }];
      case "S":
        return [{ text: `[^${SPACE}]`, kind: "atom" }];
      case "h":
        return [{ text: `[${HSPACE}]`, kind: "atom" }];
      case "H":
        return [{ text: `[^${HSPACE}]`, kind: "atom" }];
      case "v":
        return [{ text: `[${VSPACE}]`, kind: "atom" }];
      case "V":
        return [{ text: `[^${VSPACE}]`, kind: "atom" }];
      case "b":
        if (s[this.p] === "{") this.unsupported("a boundary `\\b{…}`", at, "JavaScript has none");
        return [{ text: "\\b", kind: "assertion" }];
      case "B":
        return [{ text: "\\B", kind: "assertion" }];
      case "A":
        return [{ text: "^", kind: "assertion" }];
      case "z":
        return [{ text: "$", kind: "assertion" }];
      case "Z":
        return [{ text: JAVA_DOLLAR, kind: "assertion" }];
      case "Q":
        return this.quoted(at).map((cp) => ({ text: literal(cp), kind: "atom" as const }));
      default: {
        this.p -= 2;
        return [{ text: literal(this.characterEscape(false)), kind: "atom" }];
      }
    }
  }

  /** `\Q…\E`: the characters up to `\E` (or the end), literally. */
  private quoted(at: number): number[] {
    const s = this.s;
    const out: number[] = [];
    while (this.p < s.length && !s.startsWith("\\E", this.p)) {
      if (this.params.has(this.p))
        this.unsupported("a `:name` segment inside `\\Q…\\E`", at, "quote the segment alone");
      const cp = s.codePointAt(this.p)!;
      out.push(cp);
      this.p += cp > 0xffff ? 2 : 1;
    }
    if (this.p < s.length) this.p += 2;
    return out;
  }

  /**
   * An escape that stands for one character (outside or inside a class), at `\`; the constructs that
   * are not one character are refused here.
   */
  private characterEscape(inClass: boolean): number {
    const s = this.s;
    const at = this.p;
    const c = s[at + 1]!;
    this.p += 2;
    const hex = (text: string | undefined, what: string): number => {
      if (text === undefined || !/^[0-9a-fA-F]+$/.test(text)) this.fail(`an illegal ${what} escape`, at);
      return Number.parseInt(text, 16);
    };
    switch (c) {
      case "t":
        return 9;
      case "n":
        return 10;
      case "r":
        return 13;
      case "f":
        return 12;
      case "a":
        return 7;
      case "e":
        return 27;
      case "c": {
        const x = s.codePointAt(this.p);
        if (x === undefined) this.fail("an illegal control escape `\\c`", at);
        this.p += x > 0xffff ? 2 : 1;
        return x ^ 64;
      }
      case "0": {
        const m = /^([0-3][0-7]{0,2}|[4-7][0-7]?)/.exec(s.slice(this.p));
        if (!m) this.fail("an illegal octal escape `\\0`", at);
        this.p += m[0].length;
        return Number.parseInt(m[0], 8);
      }
      case "x": {
        if (s[this.p] === "{") {
          const end = s.indexOf("}", this.p);
          const cp = hex(end < 0 ? undefined : s.slice(this.p + 1, end), "hexadecimal");
          if (cp > 0x10ffff) this.fail("an illegal hexadecimal escape", at);
          this.p = end + 1;
          return cp;
        }
        const cp = hex(
          s.slice(this.p, this.p + 2).length === 2 ? s.slice(this.p, this.p + 2) : undefined,
          "hexadecimal",
        );
        this.p += 2;
        return cp;
      }
      case "u": {
        const cp = hex(
          s.slice(this.p, this.p + 4).length === 4 ? s.slice(this.p, this.p + 4) : undefined,
          "Unicode",
        );
        this.p += 4;
        // A surrogate pair written as two escapes is one code point, in Java and here.
        if (cp >= 0xd800 && cp <= 0xdbff && s.startsWith("\\u", this.p)) {
          const low = Number.parseInt(s.slice(this.p + 2, this.p + 6), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            this.p += 6;
            return 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          }
        }
        return cp;
      }
      case "p":
      case "P":
        return this.unsupported(
          `a property class \`\\${c}{…}\``,
          at,
          "Java's classes (`\\p{Alpha}`, `\\p{javaLowerCase}`) differ from JavaScript's; write the characters as a class (`[a-zA-Z]`)",
        );
      case "k":
        return this.unsupported(
          "a back reference `\\k<…>`",
          at,
          "Java and JavaScript differ on a group that has not matched",
        );
      case "R":
      case "X":
      case "N":
      case "G":
      case "E":
        return this.unsupported(`the construct \`\\${c}\``, at, "JavaScript has no equivalent");
      default:
        break;
    }
    if (c >= "1" && c <= "9")
      return this.unsupported(
        `a back reference \`\\${c}\``,
        at,
        "Java and JavaScript differ on a group that has not matched",
      );
    if (/[a-zA-Z]/.test(c))
      return this.fail(`an illegal escape \`\\${c}\`${inClass ? " in a character class" : ""}`, at);
    const cp = s.codePointAt(at + 1)!;
    this.p = at + 1 + (cp > 0xffff ? 2 : 1);
    return cp;
  }

  /** `[…]` as Java reads it (no flags): members, ranges, `\d \w \s`-style classes; `]` first is literal. */
  private characterClass(): string {
    const s = this.s;
    const start = this.p;
    this.p++;
    let out = "[";
    if (s[this.p] === "^") {
      out += "^";
      this.p++;
    }
    let first = true;
    type Member = { cp: number } | { set: string };
    const member = (): Member => {
      const at = this.p;
      if (this.params.has(at))
        this.unsupported("a `:name` segment inside a character class", at, "Gravitee's pattern would break");
      const c = s[at]!;
      if (c === "[")
        this.unsupported("a character class union `[…[…]]`", at, "JavaScript reads `[` in a class literally");
      if (c === "&" && s[at + 1] === "&")
        this.unsupported(
          "a character class intersection `&&`",
          at,
          "JavaScript reads `&&` in a class literally",
        );
      if (c === "\\") {
        const e = s[at + 1];
        if (e === "d" || e === "D" || e === "w" || e === "W") {
          this.p += 2;
          return { set: `\\${e}` };
        }
        if (e === "s" || e === "h" || e === "v") {
          this.p += 2;
          return { set: e === "s" ? SPACE : e === "h" ? HSPACE : VSPACE };
        }
        if (e === "S" || e === "H" || e === "V")
          this.unsupported(`\`\\${e}\` inside a character class`, at, "write the class without it");
        if (e === "b") this.fail("an illegal escape `\\b` in a character class", at);
        if (e === "Q")
          this.unsupported("`\\Q…\\E` inside a character class", at, "escape each character instead");
        if (e === undefined) this.fail("a trailing `\\`", at);
        return { cp: this.characterEscape(true) };
      }
      const cp = s.codePointAt(at)!;
      this.p += cp > 0xffff ? 2 : 1;
      return { cp };
    };
    for (;;) {
      if (this.p >= s.length) this.fail("an unclosed character class `[`", start);
      if (s[this.p] === "]" && !first) {
        this.p++;
        break;
      }
      first = false;
      const lo = member();
      if (s[this.p] === "-" && s[this.p + 1] !== "]" && this.p + 1 < s.length && "cp" in lo) {
        const dash = this.p;
        this.p++;
        const hi = member();
        if (!("cp" in hi) || hi.cp < lo.cp) this.fail("an illegal character range", dash);
        out += `${classLiteral(lo.cp)}-${classLiteral(hi.cp)}`;
      } else {
        out += "cp" in lo ? classLiteral(lo.cp) : lo.set;
      }
    }
    return `${out}]`;
  }
}

/** A character outside a class, for a JavaScript pattern with flag `u`. */
function literal(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX.includes(ch)) return `\\${ch}`;
  return printable(cp) ? ch : `\\u{${cp.toString(16)}}`;
}

/** A character inside a class, for a JavaScript pattern with flag `u`. */
function classLiteral(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if ("\\]-^[/".includes(ch)) return `\\${ch}`;
  return printable(cp) ? ch : `\\u{${cp.toString(16)}}`;
}

function printable(cp: number): boolean {
  return (
    cp >= 0x20 &&
    cp !== 0x7f &&
    !(cp >= 0x80 && cp <= 0x9f) &&
    cp !== 0x2028 &&
    cp !== 0x2029 &&
    !(cp >= 0xd800 && cp <= 0xdfff)
  );
}
