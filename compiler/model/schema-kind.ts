// The type the JSON Schema expects at a pointer, so that `${VAR}` in an integer field is converted
// and checked as an integer when the gateway starts. Follows `$ref`s, and picks the `oneOf` branch
// the data selects through its discriminator (connector `type`, step `policy`), and the branch of
// an `if` on required keys.
import { parsePointer } from "../diagnostics/diagnostic.ts";
import type { LoadedDocument } from "../load/load-specs.ts";
import { loadSchemas } from "../validate/schemas.ts";
import type { EnvKind } from "./model.ts";

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  discriminator?: { propertyName: string };
  const?: unknown;
  enum?: unknown[];
  if?: { required?: string[] };
  then?: Schema;
  else?: Schema;
}

let schemas: Record<string, Schema> | undefined;

export function schemaKindAt(doc: LoadedDocument, pointer: string): EnvKind {
  schemas ??= loadSchemas() as Record<string, Schema>;
  const root = schemas[doc.kind];
  if (!root) return "any";
  let schema: Schema | undefined = root;
  let data: unknown = doc.validationValue;
  for (const segment of parsePointer(pointer)) {
    schema = select(resolve(root, schema), data, root);
    if (!schema) return "any";
    data = data !== null && typeof data === "object" ? (data as Record<string, unknown>)[segment] : undefined;
    // Own properties only: the segment is a key the user wrote (`constructor` is no property).
    const property =
      schema.properties && Object.hasOwn(schema.properties, segment) ? schema.properties[segment] : undefined;
    if (property) schema = property;
    else if (schema.items && /^\d+$/.test(segment)) schema = schema.items;
    else if (schema.additionalProperties && typeof schema.additionalProperties === "object")
      schema = schema.additionalProperties;
    else return "any";
  }
  const leaf = select(resolve(root, schema), data, root);
  const type = leaf?.type ?? (leaf?.enum || typeof leaf?.const === "string" ? "string" : undefined);
  const single = Array.isArray(type) ? (type.length === 1 ? type[0] : undefined) : type;
  return single === "string" || single === "integer" || single === "number" || single === "boolean"
    ? single
    : "any";
}

/** The target of each `$ref` of a root schema, looked up once (the schemas are never changed). */
const refTargets = new WeakMap<Schema, Map<string, Schema | undefined>>();

function resolve(root: Schema, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 20; i++) s = refTarget(root, s.$ref);
  return s;
}

function refTarget(root: Schema, ref: string): Schema | undefined {
  let targets = refTargets.get(root);
  if (!targets) {
    targets = new Map();
    refTargets.set(root, targets);
  }
  if (targets.has(ref)) return targets.get(ref);
  let target: unknown = root;
  for (const seg of parsePointer(ref.replace(/^#/, "")))
    target = (target as Record<string, unknown> | undefined)?.[seg];
  targets.set(ref, target as Schema | undefined);
  return target as Schema | undefined;
}

/**
 * What select() chose, per schema and value of its discriminator: the data only matters through
 * that one value (a merged branch has no alternatives left). Only primitive values are kept.
 */
const selections = new WeakMap<Schema, Map<unknown, Schema | undefined>>();
const NO_TAG = Symbol("no discriminator");

/** The branch of a oneOf/anyOf/allOf that applies to `data`, merged into one schema. */
function select(given: Schema | undefined, data: unknown, root: Schema): Schema | undefined {
  const schema = conditional(given, data, root);
  if (!schema) return undefined;
  if (!schema.oneOf && !schema.anyOf && !schema.allOf) return schema;
  let value: unknown = NO_TAG;
  if (schema.oneOf ?? schema.anyOf) {
    const tag = schema.discriminator?.propertyName ?? "type";
    value = data !== null && typeof data === "object" ? (data as Record<string, unknown>)[tag] : undefined;
  }
  if (value !== null && typeof value === "object") return choose(schema, value, root);
  let chosen = selections.get(schema);
  if (!chosen) {
    chosen = new Map();
    selections.set(schema, chosen);
  }
  if (chosen.has(value)) return chosen.get(value);
  const result = choose(schema, value, root);
  chosen.set(value, result);
  return result;
}

/**
 * An `if` that asks for keys (a flow step: `sharedPolicyGroupRef` or a policy): its `then` when
 * the data has them all, else its `else`.
 */
function conditional(schema: Schema | undefined, data: unknown, root: Schema): Schema | undefined {
  if (!schema?.if?.required) return schema;
  const has =
    data !== null && typeof data === "object" && schema.if.required.every((k) => Object.hasOwn(data, k));
  return resolve(root, has ? schema.then : schema.else);
}

/** select() for the value of the discriminator (NO_TAG without alternatives). */
function choose(schema: Schema, value: unknown, root: Schema): Schema | undefined {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const tag = schema.discriminator?.propertyName ?? "type";
    const branches = alternatives.map((b) => resolve(root, b)).filter((b): b is Schema => b !== undefined);
    const chosen =
      branches.find((b) => {
        const p = resolve(root, b.properties?.[tag]);
        return p?.const === value || p?.enum?.includes(value);
      }) ?? (branches.length === 1 ? branches[0] : undefined);
    return chosen
      ? choose({ ...schema, ...chosen, oneOf: undefined, anyOf: undefined } as Schema, NO_TAG, root)
      : schema;
  }
  if (schema.allOf) {
    const merged: Schema = { ...schema, allOf: undefined, properties: { ...schema.properties } };
    for (const part of schema.allOf.map((p) => resolve(root, p))) {
      Object.assign(merged.properties!, part?.properties ?? {});
    }
    return merged;
  }
  return schema;
}
