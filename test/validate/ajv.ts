// The ajv set-up the validate stage uses, shared by the schema tests.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { loadSchemas, type SchemaKind } from "../../compiler/validate/schemas.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function compileSchemas(): Record<SchemaKind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
  addFormats(ajv);
  const schemas = loadSchemas();
  return Object.fromEntries(
    Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]),
  ) as Record<SchemaKind, ValidateFunction>;
}

export interface ErrorSummary {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Validates and returns the errors in a comparable form ([] when valid). */
export function errorsOf(validate: ValidateFunction, value: unknown): ErrorSummary[] {
  if (validate(value)) return [];
  // `if` errors only say a then/else branch failed: dropped, as validate-spec.ts drops them.
  return ((validate.errors ?? []) as ErrorObject[])
    .filter((e) => e.keyword !== "if")
    .map((e) => ({
      instancePath: e.instancePath,
      keyword: e.keyword,
      params: e.params as Record<string, unknown>,
    }));
}
