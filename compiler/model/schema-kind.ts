// The type the JSON Schema expects at a pointer, so that `${VAR}` in an integer field is converted
// and checked as an integer when the gateway starts. Follows `$ref`s, and picks the `oneOf` branch
// the data selects through its discriminator (connector `type`, step `policy`).
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
    if (schema.properties?.[segment]) schema = schema.properties[segment];
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

function resolve(root: Schema, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 20; i++) {
    const path = s.$ref.replace(/^#/, "");
    let target: unknown = root;
    for (const seg of parsePointer(path)) target = (target as Record<string, unknown> | undefined)?.[seg];
    s = target as Schema | undefined;
  }
  return s;
}

/** The branch of a oneOf/anyOf/allOf that applies to `data`, merged into one schema. */
function select(schema: Schema | undefined, data: unknown, root: Schema): Schema | undefined {
  if (!schema) return undefined;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const tag = schema.discriminator?.propertyName ?? "type";
    const value =
      data !== null && typeof data === "object" ? (data as Record<string, unknown>)[tag] : undefined;
    const branches = alternatives.map((b) => resolve(root, b)).filter((b): b is Schema => b !== undefined);
    const chosen =
      branches.find((b) => {
        const p = resolve(root, b.properties?.[tag]);
        return p?.const === value || p?.enum?.includes(value);
      }) ?? (branches.length === 1 ? branches[0] : undefined);
    return chosen
      ? select({ ...schema, ...chosen, oneOf: undefined, anyOf: undefined } as Schema, data, root)
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
