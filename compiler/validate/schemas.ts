// The JSON Schemas of the spec format, one per supported kind (also published for editors through
// `# yaml-language-server: $schema=...`). The API kinds' schemas are assembled from ./schemas/src and the
// connectors' folders by ./assemble-schemas.ts; runtime/spec-types is generated from them by ./generate-types.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFESTS } from "../../runtime/connector-manifests.ts";
import type { ConnectorManifest } from "../../runtime/manifest.ts";
import { PROJECT_DIR } from "../shared/package-dir.ts";

export const SCHEMAS_DIR = join(PROJECT_DIR, "compiler", "validate", "schemas");

/** Schema file of each kind, relative to SCHEMAS_DIR. */
export const SCHEMA_FILES = {
  ApiV4Definition: "api-v4-definition.schema.json",
  ApiDefinition: "api-definition.schema.json",
  Application: "application.schema.json",
  Subscription: "subscription.schema.json",
  ApiResource: "api-resource.schema.json",
  Dictionary: "dictionary.schema.json",
  Notification: "notification.schema.json",
  SharedPolicyGroup: "shared-policy-group.schema.json",
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
 * Gravitee's real plugin ids a policy answers to: the `aliases` of its manifest
 * (runtime/policies/<id>/manifest.json; the schema assembly accepts them in the step's `policy`).
 * Maps every alias to Sluice's id, the policy's folder.
 */
export function policyAliases(
  manifests: readonly ConnectorManifest[] = MANIFESTS,
): ReadonlyMap<string, string> {
  return new Map(
    manifests
      .filter((m) => m.kind === "policy")
      .flatMap((m) => m.aliases.map((alias): [string, string] => [alias, m.id])),
  );
}

let aliasesOnce: ReadonlyMap<string, string> | undefined;

/** Sluice's id of the policy a step names (its own id, or the id a Gravitee alias stands for). */
export function canonicalPolicyId(policy: string): string {
  aliasesOnce ??= policyAliases();
  return aliasesOnce.get(policy) ?? policy;
}
