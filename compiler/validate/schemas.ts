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
  Notification: "notification.schema.json",
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

/**
 * Gravitee's real plugin ids a policy answers to, read from the schemas: a step definition's
 * `policy` is either `{const: id}` or `{enum: [id, ...aliases]}` — the first entry is Sluice's id
 * (its runtime module's name), the others are aliases. The alias list lives there, with the policy's
 * configuration schema, and nowhere else. Maps every alias to its id.
 */
export function policyAliases(
  schemas: Record<SchemaKind, Record<string, unknown>> = loadSchemas(),
): ReadonlyMap<string, string> {
  const aliases = new Map<string, string>();
  for (const schema of Object.values(schemas)) {
    const definitions = (schema.definitions ?? {}) as Record<
      string,
      { properties?: { policy?: { enum?: unknown[] } } }
    >;
    for (const definition of Object.values(definitions)) {
      const names = definition.properties?.policy?.enum;
      if (!Array.isArray(names) || typeof names[0] !== "string") continue;
      for (const alias of names.slice(1)) if (typeof alias === "string") aliases.set(alias, names[0]);
    }
  }
  return aliases;
}

let aliasesOnce: ReadonlyMap<string, string> | undefined;

/** Sluice's id of the policy a step names (its own id, or the id a Gravitee alias stands for). */
export function canonicalPolicyId(policy: string): string {
  aliasesOnce ??= policyAliases();
  return aliasesOnce.get(policy) ?? policy;
}
