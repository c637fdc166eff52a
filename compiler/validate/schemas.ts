// The JSON Schemas of the spec format, one per supported kind. The files under ./schemas are the
// source of truth (also published for editors through `# yaml-language-server: $schema=...`);
// ./types is generated from them by ./generate-types.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_DIR } from "../shared/package-dir.ts";

export const SCHEMAS_DIR = join(PROJECT_DIR, "compiler", "validate", "schemas");

/** Schema file of each kind, relative to SCHEMAS_DIR. */
export const SCHEMA_FILES = {
  ApiV4Definition: "api-v4-definition.schema.json",
  ApiDefinition: "api-definition.schema.json",
  Application: "application.schema.json",
  Subscription: "subscription.schema.json",
  ApiResource: "api-resource.schema.json",
} as const;

export type SchemaKind = keyof typeof SCHEMA_FILES;

/** The parsed schemas keyed by kind. Each call returns fresh objects (ajv may annotate them). */
export function loadSchemas(): Record<SchemaKind, Record<string, unknown>> {
  const read = (file: string) =>
    JSON.parse(readFileSync(join(SCHEMAS_DIR, file), "utf8")) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(SCHEMA_FILES).map(([kind, file]) => [kind, read(file)])) as Record<
    SchemaKind,
    Record<string, unknown>
  >;
}
