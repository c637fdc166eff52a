// Translates the Java regular expression of a SpEL `matches` into a JavaScript RegExp source, at
// compile time, so the gateway compiles it once at module load and never sees Java syntax.
// Java's `matches` is a whole-string match (Matcher.matches()), so the result is anchored.
// The translation is deliberately conservative: what means the same in both engines is copied, what
// can be expressed is rewritten (POSIX \p{Lower}, \A, \z, \Q…\E, leading (?i)), and what JavaScript
// lacks (possessive quantifiers, atomic groups, \h \R \G …, class intersections) is an error whose
// offset points into the pattern. The result is compiled with the `u` flag, which makes JavaScript
// reject escapes it does not know instead of silently reading them as letters.
// https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/regex/Pattern.html

export interface TranslatedRegex {
  source: string;
  flags: string;
}

export type RegexResult =
  | { ok: true; regex: TranslatedRegex }
  | { ok: false; message: string; index: number; length: number; hint?: string; invalid?: boolean };

/** Java's POSIX classes are ASCII-only (without UNICODE_CHARACTER_CLASS); JavaScript reads these names as Unicode properties. */
const POSIX_CLASSES: Record<string, string> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};

/** Characters that JavaScript (u flag) accepts after a backslash as an identity escape. */
const JS_SYNTAX_CHARACTERS = "^$\\.*+?()[]{}|/";

/** Escapes whose meaning is the same in both engines. */
const SAME_ESCAPES = "tnrfdDsSwWbB";

const FOREIGN_ESCAPES: Record<string, string> = {
  h: "horizontal whitespace \\h",
  H: "\\H",
  v: "vertical whitespace \\v (JavaScript reads it as the VT character)",
  V: "\\V",
  R: "the linebreak matcher \\R",
  X: "the grapheme cluster \\X",
  G: "the end-of-previous-match anchor \\G",
  N: "named characters \\N{…}",
  E: "a stray \\E",
};

const START = "(?<![\\s\\S])";
const END = "(?![\\s\\S])";

/** `anchored`: a whole-string match (`matches`); unanchored for split, replaceAll and replaceFirst. */
export function translateJavaRegex(pattern: string, anchored = true): RegexResult {
  let flags = "";
  let out = "";
  let i = 0;
  let inClass = false;
  /** The previous token was a quantifier: a following '+' makes it possessive. */
  let afterQuantifier = false;

  const error = (message: string, index: number, length: number, hint?: string): RegexResult =>
    hint === undefined ? { ok: false, message, index, length } : { ok: false, message, index, length, hint };

  // Leading inline flags, e.g. (?i) or (?is): the only place where they map to RegExp flags.
  for (;;) {
    const leading = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i));
    if (leading === null) break;
    for (const flag of leading[1]!) {
      if (flag !== "i" && flag !== "s" && flag !== "m") {
        return error(
          `The inline flag '${flag}' has no JavaScript equivalent.`,
          i,
          leading[0].length,
          "Only (?i), (?s) and (?m) are supported.",
        );
      }
      if (!flags.includes(flag)) flags += flag;
    }
    i += leading[0].length;
  }

  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) return error("The pattern ends with a lone backslash.", i, 1);
      if (next === "Q") {
        const close = pattern.indexOf("\\E", i + 2);
        const literal = pattern.slice(i + 2, close < 0 ? pattern.length : close);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
        i = close < 0 ? pattern.length : close + 2;
        afterQuantifier = false;
        continue;
      }
      const translated = translateEscape(pattern, i, inClass);
      if (!translated.ok) return translated;
      out += translated.text;
      i += translated.length;
      afterQuantifier = false;
      continue;
    }
    if (inClass) {
      if (ch === "[")
        return error(
          "Nested character classes (union) are Java-only.",
          i,
          1,
          "Merge them into one class, e.g. [a-z0-9].",
        );
      if (ch === "&" && pattern[i + 1] === "&")
        return error(
          "Character class intersection (&&) is Java-only.",
          i,
          2,
          "Spell out the characters the class should contain.",
        );
      if (ch === "]") inClass = false;
      out += ch;
      i++;
      continue;
    }
    if (ch === "+" && afterQuantifier) {
      return error(
        "Possessive quantifiers are not supported by JavaScript.",
        i,
        1,
        "Drop the trailing '+' (a greedy quantifier usually matches the same strings).",
      );
    }
    if (ch === "*" || ch === "+" || ch === "?") {
      out += ch;
      i++;
      if (pattern[i] === "?") {
        out += "?";
        i++;
        afterQuantifier = false;
      } else {
        afterQuantifier = true;
      }
      continue;
    }
    if (ch === "{") {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
      if (quantifier !== null) {
        out += quantifier[0];
        i += quantifier[0].length;
        if (pattern[i] === "?") {
          out += "?";
          i++;
          afterQuantifier = false;
        } else {
          afterQuantifier = true;
        }
        continue;
      }
    }
    afterQuantifier = false;
    if (ch === "(" && pattern[i + 1] === "?") {
      const group = translateGroupOpening(pattern, i);
      if (!group.ok) return group;
      out += group.text;
      i += group.length;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      out += ch;
      i++;
      if (pattern[i] === "^") {
        out += "^";
        i++;
      }
      continue;
    }
    out += ch;
    i++;
  }

  const body = `(?:${out})`;
  // With the m flag JavaScript's ^ and $ match at line breaks, so anchor with look-arounds then.
  const source = !anchored ? out : flags.includes("m") ? `${START}${body}${END}` : `^${body}$`;
  const jsFlags = `${[...flags].sort().join("")}u`;
  try {
    new RegExp(source, jsFlags);
  } catch (cause) {
    const reason =
      cause instanceof Error
        ? cause.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "")
        : String(cause);
    const message = `The regular expression is not valid: ${reason}.`;
    return {
      ok: false,
      message,
      index: 0,
      length: pattern.length,
      hint: "The pattern is compiled as a JavaScript RegExp with the u flag.",
      invalid: true,
    };
  }
  return { ok: true, regex: { source, flags: jsFlags } };
}

type Piece = { ok: true; text: string; length: number } | Extract<RegexResult, { ok: false }>;

function translateEscape(pattern: string, i: number, inClass: boolean): Piece {
  const next = pattern[i + 1]!;
  const fail = (message: string, length: number, hint?: string): Piece =>
    hint === undefined
      ? { ok: false, message, index: i, length }
      : { ok: false, message, index: i, length, hint };
  const ok = (text: string, length: number): Piece => ({ ok: true, text, length });

  if (!/[0-9A-Za-z]/.test(next)) {
    // Java lets any punctuation be escaped; JavaScript's u flag only syntax characters (and '-' in a class).
    if (JS_SYNTAX_CHARACTERS.includes(next) || (inClass && next === "-")) return ok(`\\${next}`, 2);
    return ok(next, 2);
  }
  if (SAME_ESCAPES.includes(next)) return ok(`\\${next}`, 2);
  if (/[1-9]/.test(next)) return ok(`\\${next}`, 2);
  if (next === "0") return fail("Octal escapes (\\0…) are not supported.", 2, "Use \\xhh or \\uhhhh.");
  if (next === "a") return ok("\\x07", 2);
  if (next === "e") return ok("\\x1B", 2);
  if (next === "c") return ok(pattern.slice(i, i + 3), 3);
  if (next === "u") return ok(pattern.slice(i, i + 6), 6);
  if (next === "x") {
    const braced = /^\\x\{([0-9A-Fa-f]+)\}/.exec(pattern.slice(i));
    if (braced !== null) return ok(`\\u{${braced[1]}}`, braced[0].length);
    return ok(pattern.slice(i, i + 4), 4);
  }
  if (next === "k") {
    const named = /^\\k<[A-Za-z][A-Za-z0-9]*>/.exec(pattern.slice(i));
    return named === null
      ? fail("\\k must be followed by a group name in <…>.", 2)
      : ok(named[0], named[0].length);
  }
  if (next === "A" || next === "z" || next === "Z") {
    if (inClass) return fail(`\\${next} cannot appear in a character class.`, 2);
    if (next === "A") return ok(START, 2);
    if (next === "z") return ok(END, 2);
    return ok(`(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?${END})`, 2);
  }
  if (next === "p" || next === "P") return translateProperty(pattern, i, inClass);
  const foreign = FOREIGN_ESCAPES[next];
  if (foreign !== undefined) return fail(`Java's ${foreign} has no JavaScript equivalent.`, 2);
  return fail(`The escape \\${next} is not a Java regex escape.`, 2);
}

function translateProperty(pattern: string, i: number, inClass: boolean): Piece {
  const negated = pattern[i + 1] === "P";
  const match = /^\\[pP](?:\{([A-Za-z_][A-Za-z0-9_=]*)\}|([A-Za-z]))/.exec(pattern.slice(i));
  if (match === null)
    return {
      ok: false,
      message: "\\p must be followed by a property name, e.g. \\p{L}.",
      index: i,
      length: 2,
    };
  const name = match[1] ?? match[2]!;
  const length = match[0].length;
  const posix = POSIX_CLASSES[name];
  if (posix !== undefined) {
    if (!inClass) return { ok: true, text: negated ? `[^${posix}]` : `[${posix}]`, length };
    if (!negated) return { ok: true, text: posix, length };
    return {
      ok: false,
      message: `A negated POSIX class \\P{${name}} inside a character class cannot be translated.`,
      index: i,
      length,
    };
  }
  if (name.startsWith("java"))
    return { ok: false, message: `Java's \\p{${name}} has no JavaScript equivalent.`, index: i, length };
  if (name.startsWith("In"))
    return {
      ok: false,
      message: `Unicode blocks (\\p{${name}}) are not supported by JavaScript.`,
      index: i,
      length,
      hint: "Use a script instead, e.g. \\p{IsGreek}.",
    };
  const letter = negated ? "P" : "p";
  const bare = name.startsWith("Is") ? name.slice(2) : name;
  // Java's IsX is a script, a category or a binary property; JavaScript spells scripts Script=X.
  for (const candidate of [bare, `Script=${bare}`]) {
    if (isValidProperty(candidate)) return { ok: true, text: `\\${letter}{${candidate}}`, length };
  }
  return {
    ok: false,
    message: `The Unicode property \\${letter}{${name}} is not known to JavaScript.`,
    index: i,
    length,
  };
}

function isValidProperty(name: string): boolean {
  try {
    new RegExp(`\\p{${name}}`, "u");
    return true;
  } catch {
    return false;
  }
}

function translateGroupOpening(pattern: string, i: number): Piece {
  const rest = pattern.slice(i);
  const plain = /^\(\?(?::|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>)/.exec(rest);
  if (plain !== null) return { ok: true, text: plain[0], length: plain[0].length };
  if (rest.startsWith("(?>")) {
    return {
      ok: false,
      message: "Atomic groups (?>…) are not supported by JavaScript.",
      index: i,
      length: 3,
      hint: "Use a plain group (?:…).",
    };
  }
  const modifiers = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
  if (modifiers !== null) {
    const [whole, on = "", off = "", end] = modifiers;
    if (end === ")") {
      return {
        ok: false,
        message: "Inline flags are only supported at the start of the pattern.",
        index: i,
        length: whole.length,
        hint: "Move them to the start, or scope them with a group: (?i:…).",
      };
    }
    const unsupported = [...on, ...off].find((flag) => !"ims".includes(flag));
    if (unsupported !== undefined) {
      return {
        ok: false,
        message: `The inline flag '${unsupported}' has no JavaScript equivalent.`,
        index: i,
        length: whole.length,
      };
    }
    return { ok: true, text: whole, length: whole.length };
  }
  return { ok: false, message: "Unknown group construct '(?'.", index: i, length: 2 };
}
