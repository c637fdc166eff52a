// Plan security options that are valid Gravitee but that the runtime's security connectors
// (runtime/security/<type>/) do not honour: each one in use is a `compile/not-implemented`
// warning on its own line, so nothing in a spec is silently ignored. Keep this list in step with
// the connectors and with the "not implemented" lines of docs/consumers.md.
import type { Diagnostic, SourceRef } from "../diagnostics/diagnostic.ts";
import type { ModelValue, PlanModel } from "../model/model.ts";

interface Unimplemented {
  /** The option's path in the security configuration. */
  path: readonly string[];
  /** Whether the value given asks for the behaviour (an `${ENV}` reference might, so it counts). */
  inUse(value: ModelValue): boolean;
  why: string;
}

const enabled = (value: ModelValue) => value !== false && value !== null;
const expression = (value: ModelValue) => typeof value === "string" && value.includes("{#");

const UNIMPLEMENTED: Readonly<Record<string, readonly Unimplemented[]>> = {
  JWT: [
    {
      path: ["useSystemProxy"],
      inUse: enabled,
      why: "the gateway has no system proxy setting; the JWKS is fetched directly",
    },
    {
      path: ["resolverParameter"],
      inUse: expression,
      why: "EL in `resolverParameter` is not evaluated; give the key or URL, or an `${ENV}` reference",
    },
    {
      path: ["confirmationMethodValidation", "certificateBoundThumbprint", "extractCertificateFromHeader"],
      inUse: enabled,
      why: "the client certificate is read only from the gateway's own TLS connection, never from a header",
    },
  ],
  OAUTH2: [
    {
      path: ["oauthCacheResource"],
      inUse: (value) => value !== null && value !== "",
      why: "introspection results are cached in the gateway's memory; a cache resource is not used",
    },
    {
      path: ["oauthResource"],
      inUse: expression,
      why: "EL in `oauthResource` is not evaluated; name the resource",
    },
  ],
};

/** A warning for each unimplemented option `plan` uses; `at` is its security configuration. */
export function unimplementedSecurity(plan: PlanModel, at: SourceRef): Diagnostic[] {
  const options = UNIMPLEMENTED[plan.securityType ?? ""] ?? [];
  const found: Diagnostic[] = [];
  for (const option of options) {
    const value = valueAt(plan.securityConfiguration, option.path);
    if (value === undefined || !option.inUse(value)) continue;
    found.push({
      code: "compile/not-implemented",
      severity: "warning",
      message: `\`${option.path.join(".")}\` of ${plan.securityType} plan \`${plan.id}\` is not implemented by the Sluice runtime: ${option.why}`,
      hint: "see docs/consumers.md for what each plan type implements",
      at: { ...at, pointer: `${at.pointer}/${option.path.join("/")}` },
    });
  }
  return found;
}

function valueAt(value: ModelValue, path: readonly string[]): ModelValue | undefined {
  let at: ModelValue | undefined = value;
  for (const key of path) {
    if (at === null || typeof at !== "object" || Array.isArray(at) || !Object.hasOwn(at, key))
      return undefined;
    at = (at as Record<string, ModelValue>)[key];
  }
  return at;
}
