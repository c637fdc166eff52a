// An API's resources (`spec.resources`, references to GKO ApiResources resolved by the compiler),
// as SecurityContext.resource() hands them to plans: environment references resolved at start-up,
// `[[ secret `name/key` ]]` values read from the secrets directory on every call (so a connector
// that asks again sees a rotated client secret), disabled resources absent.
import type { ResourceDefinition, ResourceInfo } from "../contract.ts";
import { resolveEnv } from "../env.ts";
import { parseSecretRef } from "./secret-ref.ts";
import type { SecretStore } from "./secrets.ts";

/** Throws EnvError when a reference in a resource's configuration does not resolve. */
export function createResources(
  definitions: readonly ResourceDefinition[],
  env: Readonly<Record<string, string | undefined>>,
  secrets: SecretStore,
): (name: string) => ResourceInfo | undefined {
  const byName = new Map<string, { type: string; configuration: Record<string, unknown> }>();
  for (const def of definitions) {
    if (!def.enabled || byName.has(def.name)) continue;
    byName.set(def.name, {
      type: def.type,
      configuration: resolveEnv<Record<string, unknown>>(def.configuration, env),
    });
  }
  return (name) => {
    const found = byName.get(name);
    if (!found) return undefined;
    return {
      name,
      type: found.type,
      configuration: withSecrets(found.configuration, secrets) as Record<string, unknown>,
    };
  };
}

function withSecrets(value: unknown, secrets: SecretStore): unknown {
  if (typeof value === "string") {
    const ref = parseSecretRef(value);
    return ref ? (secrets.read(ref)?.trim() ?? "") : value;
  }
  if (Array.isArray(value)) return value.map((v) => withSecrets(v, secrets));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k !== "__proto__") out[k] = withSecrets(v, secrets);
    }
    return out;
  }
  return value;
}
