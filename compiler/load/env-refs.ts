// Environment references in spec values: `${NAME}` and `${NAME:-default}` (docs/contract.md §1). They are
// resolved when the gateway starts, never at compile time, so one bundle serves every environment.
// Here we only find them, report malformed ones, and compute the value used for validation: a
// reference that is the whole value stands for a value of any type, its default parsed as a YAML
// scalar (`${RATE_LIMIT:-100}` is the integer 100); `$${` is a literal `${`.
import { parse as parseYamlScalar } from "yaml";

export type EnvPart = { text: string } | { env: string; default?: string };

export interface EnvTemplate {
  /** The parts of the string, in order. */
  parts: EnvPart[];
  /** True when the whole value is one reference: it may then stand for a non-string value. */
  whole: boolean;
}

export interface EnvScanError {
  message: string;
  offset: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits a string into text and references; `null` when it has no reference (the common case). */
export function scanEnvTemplate(value: string): EnvTemplate | EnvScanError | null {
  if (!value.includes("${")) return null;
  const parts: EnvPart[] = [];
  let text = "";
  let i = 0;
  let refs = 0;
  while (i < value.length) {
    if (value.startsWith("$${", i)) {
      text += "${";
      i += 3;
      continue;
    }
    if (!value.startsWith("${", i)) {
      text += value[i];
      i += 1;
      continue;
    }
    const close = value.indexOf("}", i + 2);
    if (close < 0)
      return { message: "unterminated environment reference: `${` has no closing `}`", offset: i };
    const body = value.slice(i + 2, close);
    const sep = body.indexOf(":-");
    const name = sep < 0 ? body : body.slice(0, sep);
    if (!NAME.test(name)) {
      return {
        message: `malformed environment reference \`\${${body}}\`: expected \${NAME} or \${NAME:-default} with NAME made of letters, digits and _`,
        offset: i,
      };
    }
    if (text) parts.push({ text });
    text = "";
    parts.push(sep < 0 ? { env: name } : { env: name, default: body.slice(sep + 2) });
    refs += 1;
    i = close + 1;
  }
  if (text) parts.push({ text });
  if (refs === 0) return null;
  return { parts, whole: parts.length === 1 && "env" in parts[0]! };
}

export function isScanError(x: EnvTemplate | EnvScanError | null): x is EnvScanError {
  return x !== null && "message" in x;
}

/**
 * Typed defaults already computed: a repository repeats the same few defaults many times. Only
 * texts the YAML parser cannot warn about are kept (a warning is printed on every parse): no tag,
 * anchor, alias, directive, flow collection or line break.
 */
const typedDefaults = new Map<string, unknown>();
const MAY_WARN = /[!&*%[{\r\n]/;

/** The typed value of a default: a YAML scalar (`100` → 100, `true` → true, `abc` → "abc"). */
export function typedDefault(text: string): unknown {
  if (text === "") return "";
  if (typedDefaults.has(text)) return typedDefaults.get(text);
  let typed: unknown;
  try {
    const v: unknown = parseYamlScalar(text);
    typed = v === null || typeof v === "object" ? text : v;
  } catch {
    typed = text;
  }
  if (!MAY_WARN.test(text)) typedDefaults.set(text, typed);
  return typed;
}

/**
 * The value validation sees for a templated string: the default (typed, for a whole reference), or
 * the text with defaults substituted. `undefined` for a whole reference without default: its type
 * cannot be known before start-up, so type errors at that place are not reported.
 */
export function validationValue(t: EnvTemplate): unknown {
  if (t.whole) {
    const ref = t.parts[0] as { env: string; default?: string };
    return ref.default === undefined ? undefined : typedDefault(ref.default);
  }
  return t.parts.map((p) => ("text" in p ? p.text : (p.default ?? ""))).join("");
}
