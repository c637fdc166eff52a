// Stage 2, validate: every document against the JSON Schema of its kind, with ajv collecting all
// errors. ajv's raw output is turned into diagnostics a person can act on: unknown properties point
// at their key with a "did you mean", enum and connector-type typos get suggestions, and the
// error floods of oneOf/anyOf collapse into the one branch that was meant.
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic, SourceRef } from "../diagnostics/diagnostic.ts";
import { joinPointer, parsePointer } from "../diagnostics/diagnostic.ts";
import { closest, didYouMean, listOf } from "../diagnostics/suggest.ts";
import type { EnvTemplate } from "../load/env-refs.ts";
import type { LoadedDocument, SupportedKind } from "../load/load-specs.ts";
import { loadValidators } from "./compiled-validators.ts";
import { loadSchemas } from "./schemas.ts";
import { UNSUPPORTED_POLICIES } from "./unsupported-policies.ts";

type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

/**
 * The schemas a repository's specs are validated against, with their validators: Sluice's own, or
 * (a repository with its own policies, compiler/connectors/local-policies.ts) assembled with them.
 */
export interface SpecSchemas {
  validators(): Map<SupportedKind, ValidateFunction>;
  roots(): Record<string, object>;
}

/** A SpecSchemas over schema texts by kind, its validators compiled (and cached) on first use. */
export function specSchemas(texts?: ReadonlyArray<readonly [string, string]>): SpecSchemas {
  let validators: Map<SupportedKind, ValidateFunction> | undefined;
  let roots: Record<string, object> | undefined;
  return {
    validators: () => {
      validators ??= loadValidators(texts);
      return validators;
    },
    roots: () => {
      roots ??= texts
        ? Object.fromEntries(texts.map(([kind, text]) => [kind, JSON.parse(text) as object]))
        : loadSchemas();
      return roots;
    },
  };
}

const BUILT_IN = specSchemas();

export function validateSpec(doc: LoadedDocument, schemas: SpecSchemas = BUILT_IN): Diagnostic[] {
  const validate = schemas.validators().get(doc.kind);
  if (!validate) return [];
  if (validate(doc.validationValue)) return [];
  return toDiagnostics((validate.errors ?? []) as AjvError[], doc, schemas.roots()[doc.kind] ?? {});
}

export function toDiagnostics(errors: AjvError[], doc: LoadedDocument, root: object): Diagnostic[] {
  // An `if` error only says that its then/else branch failed; that branch's own errors say why
  // (a flow step: a `sharedPolicyGroupRef` step, or a policy step).
  const collapsed = collapseAlternatives(errors.filter((e) => e.keyword !== "if")).filter(
    (e) => !isUntypedReference(e, doc),
  );
  const kept = collapsed.filter((e) => !isExplainedByTypo(e, collapsed));
  const env = new Map(doc.envSites.map((site) => [site.pointer, site.template]));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const d = describe(e, doc.at, root, env);
    const id = `${d.at.pointer}|${d.at.key ? 1 : 0}|${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}

/**
 * A missing required property whose name an unknown sibling nearly spells (`pathz` for `paths`):
 * the typo is the one problem, reported once on the misspelt key.
 */
function isExplainedByTypo(e: AjvError, all: AjvError[]): boolean {
  if (e.keyword !== "required") return false;
  const missing = String(e.params.missingProperty);
  return all.some(
    (o) =>
      o.keyword === "additionalProperties" &&
      o.instancePath === e.instancePath &&
      closest(String(o.params.additionalProperty), [missing]) === missing,
  );
}

/**
 * A `${VAR}` without default in a typed field: its type is checked when the gateway starts. Only a
 * scalar comes from the environment, though: in a field that must be a list or a mapping the
 * reference is an error here (the gateway would start with a string there).
 */
function isUntypedReference(e: AjvError, doc: LoadedDocument): boolean {
  if (!doc.untyped.has(e.instancePath)) return false;
  if (e.keyword === "type") return expectedTypes(e).some((t) => SCALAR_TYPES.has(t));
  return ["enum", "const", "pattern", "format"].includes(e.keyword);
}

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean", "null"]);

/** The types a `type` error expects (collapseAlternatives joins several with " or "). */
function expectedTypes(e: AjvError): string[] {
  const type = e.params.type;
  return (Array.isArray(type) ? type.map(String) : String(type).split(/,| or /)).map((t) => t.trim());
}

/**
 * oneOf/anyOf report one error for the alternative plus every error of every branch. Keep, for
 * each such place, only the errors of the branch that came closest (the fewest errors, and no type
 * mismatch at the place itself); when no branch even has the right type, one summary error.
 */
function collapseAlternatives(errors: AjvError[]): AjvError[] {
  const alternatives = errors.filter(
    (e) => (e.keyword === "oneOf" || e.keyword === "anyOf") && !isDiscriminated(e),
  );
  if (alternatives.length === 0) return errors;
  let remaining = errors;
  // Outermost first, so nested alternatives are decided inside the chosen branch.
  alternatives.sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const alt of alternatives) {
    if (!remaining.includes(alt)) continue;
    const prefix = `${alt.schemaPath}/`;
    const inside = remaining.filter((e) => e.schemaPath.startsWith(prefix));
    const branches = new Map<string, AjvError[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split("/")[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const typed = [...branches.values()].filter(
      (list) => !list.some((e) => e.instancePath === alt.instancePath && e.keyword === "type"),
    );
    let replacement: AjvError[];
    if (typed.length > 0) {
      typed.sort((a, b) => a.length - b.length);
      replacement = typed[0]!;
    } else {
      const types = inside
        .filter((e) => e.keyword === "type" && e.instancePath === alt.instancePath)
        .map((e) => String(e.params.type));
      replacement = [{ ...alt, keyword: "type", params: { type: [...new Set(types)].join(" or ") } }];
    }
    remaining = remaining.filter((e) => e !== alt && !inside.includes(e));
    remaining.push(...replacement);
  }
  return remaining;
}

function isDiscriminated(e: AjvError): boolean {
  const schema = e.parentSchema as { discriminator?: unknown } | undefined;
  return Boolean(schema?.discriminator);
}

function describe(
  e: AjvError,
  base: SourceRef,
  root: object,
  env: ReadonlyMap<string, EnvTemplate>,
): Diagnostic {
  const at: SourceRef = { ...base, pointer: e.instancePath };
  const where = fieldName(e.instancePath);
  switch (e.keyword) {
    case "additionalProperties": {
      const name = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint =
        didYouMean(name, known) ?? (known.length ? `known properties here: ${listOf(known)}` : undefined);
      return {
        code: "schema/unknown-property",
        severity: "error",
        message: `unknown property \`${name}\`${where ? ` in ${where}` : ""}`,
        ...(hint ? { hint } : {}),
        at: { ...at, pointer: joinPointer(e.instancePath, name), key: true },
      };
    }
    case "required": {
      const name = String(e.params.missingProperty);
      return {
        code: "schema/missing-property",
        severity: "error",
        message: `missing required property \`${name}\`${where ? ` in ${where}` : ""}`,
        // On the parent's key (`spec:`), not on its first child.
        at: e.instancePath === "" ? at : { ...at, key: true },
      };
    }
    case "enum":
    case "const": {
      const allowed =
        (e.keyword === "enum" ? (e.params.allowedValues as unknown[]) : [e.params.allowedValue]) ?? [];
      return enumDiagnostic(at, where, e.data, allowed);
    }
    case "discriminator": {
      const tag = String(e.params.tag);
      const oneOf = ((e.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? []).map((b) =>
        deref(root, b),
      );
      const allowed = oneOf.flatMap((b) => {
        const p = deref(root, b?.properties?.[tag]);
        return p?.const !== undefined ? [p.const] : (p?.enum ?? []);
      });
      const value = (e.data as Record<string, unknown> | undefined)?.[tag];
      if (value === undefined) {
        return {
          code: "schema/missing-property",
          severity: "error",
          message: `missing required property \`${tag}\`${where ? ` in ${where}` : ""}`,
          at,
        };
      }
      return enumDiagnostic(
        { ...at, pointer: joinPointer(e.instancePath, tag) },
        `\`${tag}\``,
        value,
        allowed,
      );
    }
    case "type": {
      const expected = String(e.params.type);
      const site = env.get(e.instancePath);
      const ref = site?.whole ? (site.parts[0] as { env: string; default?: string }) : undefined;
      // `listeners: [null]`: the item is wrong, not the list.
      const field = where && /\/\d+$/.test(e.instancePath) ? `an item of ${where}` : where;
      if (ref && ref.default === undefined) {
        return {
          code: "schema/type",
          severity: "error",
          message: `${field || "this field"} must be ${article(expected)}: \`\${${ref.env}}\` cannot stand for one; the environment gives only strings, numbers and booleans`,
          hint: "write it out in the spec; environment references can stand for the values inside it",
          at,
        };
      }
      const message = ref
        ? `the default \`${ref.default}\` of \`\${${ref.env}}\` is not ${article(expected)}, which ${where || "this field"} must be`
        : `${field || "value"} must be ${article(expected)}, not ${describeValue(e.data)}`;
      const hint =
        expected === "string" && (typeof e.data === "number" || typeof e.data === "boolean")
          ? `quote it: \`"${String(e.data)}"\``
          : undefined;
      return { code: "schema/type", severity: "error", message, ...(hint ? { hint } : {}), at };
    }
    case "pattern":
      if (e.instancePath === "/metadata/name") {
        return {
          code: "schema/invalid",
          severity: "error",
          message: `\`${String(e.data)}\` is not a valid ${resourceNoun(root)} name`,
          hint: "use a DNS-1123 label: lowercase letters, digits and `-`, starting and ending with a letter or digit, at most 63 characters",
          at,
        };
      }
      if ((e.parentSchema as { format?: string } | undefined)?.format === "date-time") {
        return {
          code: "schema/invalid",
          severity: "error",
          message: `${where || "value"} must be an RFC 3339 date-time, not \`${String(e.data)}\``,
          hint: "write it as `2027-01-01T00:00:00Z` (or with an offset: `2027-01-01T01:00:00+01:00`)",
          at,
        };
      }
      return {
        code: "schema/invalid",
        severity: "error",
        message: `${where || "value"} ${e.message ?? "is invalid"}`,
        at,
      };
    default:
      return {
        code: "schema/invalid",
        severity: "error",
        message: `${where || "value"} ${e.message ?? "is invalid"}`,
        at,
      };
  }
}

interface SchemaNode {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, unknown>;
}

/** Follows local `$ref`s (`#/definitions/...`) within the root schema. */
function deref(root: object, node: unknown): SchemaNode | undefined {
  let current = node as SchemaNode | undefined;
  for (let i = 0; current?.$ref && i < 20; i++) {
    let target: unknown = root;
    for (const seg of parsePointer(current.$ref.replace(/^#/, ""))) {
      target = (target as Record<string, unknown> | undefined)?.[seg];
    }
    current = target as SchemaNode | undefined;
  }
  return current;
}

function enumDiagnostic(at: SourceRef, where: string, value: unknown, allowed: unknown[]): Diagnostic {
  const unsupported =
    where === "`policy`" && typeof value === "string" ? UNSUPPORTED_POLICIES.get(value) : undefined;
  if (unsupported)
    return {
      code: "policy/unsupported",
      severity: "error",
      message: `policy \`${String(value)}\` is not supported by Sluice: ${unsupported.what}`,
      hint: unsupported.instead,
      at,
    };
  const strings = allowed.map(String);
  const hint =
    (typeof value === "string" ? didYouMean(value, strings) : undefined) ??
    `expected one of ${listOf(strings)}`;
  return {
    code: "schema/enum",
    severity: "error",
    message: `\`${String(value)}\` is not a valid value for ${where || "this field"}`,
    hint,
    at,
  };
}

function fieldName(pointer: string): string {
  const parts = parsePointer(pointer);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (!/^\d+$/.test(p)) return `\`${p}\``;
  }
  return "";
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** What a schema's documents are called in messages: "API", or the consumer kind (its title). */
function resourceNoun(root: object): string {
  const title = (root as { title?: unknown }).title;
  return title === "Application" ||
    title === "Subscription" ||
    title === "ApiResource" ||
    title === "Dictionary" ||
    title === "Notification" ||
    title === "SharedPolicyGroup"
    ? title
    : "API";
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}
