// What the developer portal says about one API, read from the checked model (never from YAML):
// its operations (context paths × flows' HTTP path selectors and methods), its security schemes
// (from its plans: API key in header or query, JWT and OAuth2 bearer tokens, mTLS), its servers
// (the listeners' hosts, else the gateway's URL). ./openapi.ts and ./asyncapi.ts write it out.
import type { ApiModel, FlowModel } from "../model/model.ts";
import { compare } from "../shared/compare.ts";

/** OpenAPI's operation methods, in the order the portal lists them (TRACE and CONNECT left out). */
export const METHODS: readonly string[] = ["get", "post", "put", "patch", "delete", "head", "options"];
/** What a context path without flows forwards: every method, documented as one catch-all. */
const DEFAULT_METHODS = ["get", "post", "put", "patch", "delete"];

export interface Operation {
  /** OpenAPI path: the context path joined with the flow's path, `:param` written `{param}`. */
  path: string;
  method: string;
  /** The flows whose selectors match the operation (by name). */
  flows: string[];
  /** The path parameters (`{name}`). */
  params: string[];
  /** STARTS_WITH selector: the operation covers the paths below it too. */
  prefix: boolean;
}

export type SecurityScheme =
  | { id: string; kind: "apiKey"; in: "header" | "query"; name: string; plans: string[] }
  | { id: string; kind: "bearer"; format?: "JWT"; plans: string[] }
  | { id: string; kind: "mutualTLS"; plans: string[] };

/** What a scheme asks of a client and the plans that take it, as OpenAPI and AsyncAPI both say it. */
export function schemeDescription(s: SecurityScheme): string {
  const plans = `Plans: ${s.plans.join(", ")}.`;
  switch (s.kind) {
    case "apiKey":
      return `A subscription's API key. ${plans}`;
    case "bearer":
      return `${s.format === "JWT" ? "A signed JWT" : "An OAuth2 access token (introspected)"}. ${plans}`;
    case "mutualTLS":
      return `A client certificate of a subscribed application. ${plans}`;
  }
}

export interface ApiDescription {
  operations: Operation[];
  schemes: SecurityScheme[];
  /** A plan without security (KEY_LESS) lets anonymous clients in. */
  anonymous: boolean;
  /** Base URLs (scheme and authority), from the listeners' hosts or the gateway URL given. */
  servers: string[];
}

/** Gravitee's api-key policy names (runtime/security/api-key.ts). */
export const API_KEY_HEADER = "X-Gravitee-Api-Key";
export const API_KEY_QUERY = "api-key";

export function describeApi(api: ApiModel, gatewayUrl: string): ApiDescription {
  const hosts = [...new Set(api.paths.flatMap((p) => (p.host ? [p.host] : [])))].sort(compare);
  const scheme = new URL(gatewayUrl).protocol;
  const servers =
    hosts.length > 0 && api.paths.every((p) => p.host) ? hosts.map((h) => `${scheme}//${h}`) : [gatewayUrl];
  return { operations: operations(api), ...schemes(api), servers };
}

function operations(api: ApiModel): Operation[] {
  const flows: FlowModel[] = [...api.flows, ...api.plans.flatMap((p) => p.flows)];
  const found = new Map<string, Operation>();
  const add = (op: Operation) => {
    const key = `${op.path} ${op.method}`;
    const seen = found.get(key);
    if (!seen) found.set(key, op);
    else seen.flows = [...new Set([...seen.flows, ...op.flows])];
  };
  for (const context of new Set(api.paths.map((p) => p.path))) {
    let selected = false;
    for (const flow of flows) {
      for (const s of flow.selectors) {
        if (s.type !== "HTTP") continue;
        selected = true;
        const path = join(context, s.path ?? "/");
        const methods =
          s.methods && s.methods.length > 0 ? s.methods.map((m) => m.toLowerCase()) : DEFAULT_METHODS;
        for (const method of methods)
          if (METHODS.includes(method))
            add({
              ...path,
              method,
              flows: flow.name ? [flow.name] : [],
              prefix: s.pathOperator !== "EQUALS",
            });
      }
    }
    // Without HTTP selectors the context path forwards everything below it.
    if (!selected)
      for (const method of DEFAULT_METHODS) add({ ...join(context, "/"), method, flows: [], prefix: true });
  }
  return [...found.values()].sort(
    (a, b) => compare(a.path, b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method),
  );
}

/** `/orders/` + `/:id` → `/orders/{id}`; the context path alone loses its trailing slash. */
function join(context: string, flowPath: string): { path: string; params: string[] } {
  const params: string[] = [];
  const joined = `${context}/${flowPath}`.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
  const path = joined.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path, params };
}

function schemes(api: ApiModel): { schemes: SecurityScheme[]; anonymous: boolean } {
  const byId = new Map<string, SecurityScheme>();
  const use = (scheme: SecurityScheme, plan: string) => {
    const existing = byId.get(scheme.id) ?? scheme;
    existing.plans = [...new Set([...existing.plans, plan])];
    byId.set(scheme.id, existing);
  };
  let anonymous = false;
  for (const plan of api.plans) {
    if (plan.mode === "PUSH") continue; // webhook subscriptions: no credential on a request
    const type = (plan.securityType ?? "KEY_LESS").toUpperCase().replace(/-/g, "_");
    if (type === "API_KEY") {
      use({ id: "apiKeyHeader", kind: "apiKey", in: "header", name: API_KEY_HEADER, plans: [] }, plan.name);
      use({ id: "apiKeyQuery", kind: "apiKey", in: "query", name: API_KEY_QUERY, plans: [] }, plan.name);
    } else if (type === "JWT") use({ id: "jwt", kind: "bearer", format: "JWT", plans: [] }, plan.name);
    else if (type === "OAUTH2") use({ id: "oauth2", kind: "bearer", plans: [] }, plan.name);
    else if (type === "MTLS") use({ id: "mtls", kind: "mutualTLS", plans: [] }, plan.name);
    else anonymous = true;
  }
  return { schemes: [...byId.values()], anonymous };
}
