// Environment references in compiled configuration (docs/contract.md §1). The compiler never bakes a
// `${NAME}` value into generated code: it emits an `EnvRef` (or `EnvTemplate` for references inside
// a string) and the gateway resolves them once at start-up, checking each value's type, so one
// bundle deploys to every environment.

export type EnvKind = "string" | "integer" | "number" | "boolean" | "any";

/** A whole value taken from the environment: `${NAME}` or `${NAME:-default}`. */
export interface EnvRef {
  readonly $env: string;
  /** The default as written in the spec (a YAML scalar), already type-checked by the compiler. */
  readonly default?: string;
  readonly kind: EnvKind;
  /** Where the value is, for the start-up error message: `apis/orders.yaml /spec/plans/…`. */
  readonly field: string;
}

/** A string with references inside: `https://${HOST}:${PORT:-443}/v1`. */
export interface EnvTemplate {
  readonly $template: ReadonlyArray<string | { readonly env: string; readonly default?: string }>;
  readonly field: string;
}

/**
 * A configuration type in which any value may still be an environment reference. Functions (compiled
 * EL templates and conditions) pass through unchanged, so their signatures are type-checked.
 */
export type Resolvable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends string
    ? T | EnvRef | EnvTemplate
    : T extends number | boolean
      ? T | EnvRef
      : T extends ReadonlyArray<infer U>
        ? ReadonlyArray<Resolvable<U>> | EnvRef
        : T extends object
          ? { readonly [K in keyof T]: Resolvable<T[K]> }
          : T;

export function env(name: string, kind: EnvKind, field: string, defaultValue?: string): EnvRef {
  return defaultValue === undefined
    ? { $env: name, kind, field }
    : { $env: name, kind, field, default: defaultValue };
}

export function envTemplate(parts: EnvTemplate["$template"], field: string): EnvTemplate {
  return { $template: parts, field };
}

/** A start-up problem with the environment: printed as one line, exit code 1. */
export class EnvError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Resolves every reference in `value`; throws one EnvError listing every problem. */
export function resolveEnv<T>(value: Resolvable<T>, environment: Env = process.env): T {
  const problems: string[] = [];
  const out = walk(value, environment, problems);
  if (problems.length > 0) throw new EnvError(problems.join("\n"));
  return out as T;
}

function walk(value: unknown, environment: Env, problems: string[]): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, environment, problems));
  if (isEnvRef(value)) return resolveRef(value, environment, problems);
  if (isEnvTemplate(value)) {
    let text = "";
    for (const part of value.$template) {
      if (typeof part === "string") {
        text += part;
        continue;
      }
      const raw = environment[part.env] ?? part.default;
      if (raw === undefined) {
        problems.push(
          `environment variable ${part.env} is not set and has no default (needed by ${value.field})`,
        );
        continue;
      }
      text += raw;
    }
    return text;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, environment, problems);
  return out;
}

function resolveRef(ref: EnvRef, environment: Env, problems: string[]): unknown {
  const raw = environment[ref.$env] ?? ref.default;
  if (raw === undefined) {
    problems.push(`environment variable ${ref.$env} is not set and has no default (needed by ${ref.field})`);
    return undefined;
  }
  const converted = convert(raw, ref.kind);
  if (converted === undefined) {
    problems.push(
      `environment variable ${ref.$env}=${JSON.stringify(raw)} is not a valid ${ref.kind} (needed by ${ref.field})`,
    );
  }
  return converted;
}

/** Converts a variable's text to the field's type, or undefined when it is not of that type. */
export function convert(raw: string, kind: EnvKind): unknown {
  const text = raw.trim();
  switch (kind) {
    case "string":
      return raw;
    case "integer":
      return /^[-+]?\d+$/.test(text) ? Number(text) : undefined;
    case "number":
      return text !== "" && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    default:
      if (/^[-+]?\d+(\.\d+)?$/.test(text)) return Number(text);
      if (text === "true" || text === "false") return text === "true";
      return raw;
  }
}

function isEnvRef(v: object): v is EnvRef {
  return "$env" in v;
}

function isEnvTemplate(v: object): v is EnvTemplate {
  return "$template" in v;
}
