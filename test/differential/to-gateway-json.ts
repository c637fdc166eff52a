// The differential suite's fixtures have one source: the GKO-shaped YAML that Sluice compiles.
// This converts it to the gateway-format JSON that Gravitee's gateway (and its test kit) deploys —
// lowercase enums, plans as a list, v2 as Gravitee's own v2 definition. It covers what the
// fixtures use, nothing more; an unknown shape is an error rather than a silent guess.
// `${NAME}` references stay as they are: the Gravitee harness resolves them from the environment,
// as Sluice does at start-up.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadAll } from "js-yaml";

type Json = Record<string, unknown>;

/** Sluice/GKO policy ids whose Gravitee plugin id differs. */
const POLICY_IDS: Record<string, string> = { "assign-attributes": "policy-assign-attributes" };

const SECURITY_TYPES: Record<string, string> = {
  KEY_LESS: "key-less",
  API_KEY: "api-key",
  JWT: "jwt",
  OAUTH2: "oauth2",
  MTLS: "mtls",
};

export interface GatewayDefinition {
  /** metadata.name, the API's id in both gateways. */
  id: string;
  json: Json;
}

/** Every API of every `*.yaml` in `dir`, as Gravitee gateway definitions (sorted by file name). */
export function convertDirectory(dir: string): GatewayDefinition[] {
  const out: GatewayDefinition[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    for (const doc of loadAll(readFileSync(join(dir, file), "utf8"))) {
      out.push(convertResource(doc as Json, file));
    }
  }
  return out;
}

export function convertResource(resource: Json, file: string): GatewayDefinition {
  const id = String((resource.metadata as Json).name);
  const spec = resource.spec as Json;
  if (resource.kind === "ApiV4Definition") return { id, json: convertV4(id, spec) };
  if (resource.kind === "ApiDefinition") return { id, json: convertV2(id, spec) };
  throw new Error(`${file}: kind ${String(resource.kind)} is not a fixture kind`);
}

function convertV4(id: string, spec: Json): Json {
  if (spec.type !== "PROXY") throw new Error(`${id}: only PROXY APIs run in the Gravitee test kit`);
  const execution = spec.flowExecution as Json | undefined;
  return {
    id,
    name: spec.name,
    apiVersion: spec.version,
    definitionVersion: "4.0.0",
    type: "proxy",
    listeners: (spec.listeners as Json[]).map((l) => ({
      ...l,
      type: lower(l.type),
      entrypoints: (l.entrypoints as Json[]).map((e) => ({ ...e })),
    })),
    endpointGroups: (spec.endpointGroups as Json[]).map((g) => ({
      ...g,
      ...(g.loadBalancer ? { loadBalancer: { type: kebab((g.loadBalancer as Json).type) } } : {}),
      endpoints: (g.endpoints as Json[]).map((e) => ({ weight: 1, ...e })),
    })),
    flowExecution: {
      mode: kebab(execution?.mode ?? "DEFAULT"),
      matchRequired: execution?.matchRequired ?? false,
    },
    flows: ((spec.flows as Json[] | undefined) ?? []).map(convertV4Flow),
    plans: Object.entries((spec.plans as Record<string, Json>) ?? {}).map(([key, plan]) => {
      const security = plan.security as Json;
      return {
        id: key,
        name: plan.name,
        security: {
          type: SECURITY_TYPES[String(security.type)] ?? fail(`${id}: plan ${key}: ${String(security.type)}`),
          ...(security.configuration ? { configuration: security.configuration } : {}),
        },
        mode: "standard",
        status: "published",
        ...(plan.selectionRule ? { selectionRule: plan.selectionRule } : {}),
        flows: ((plan.flows as Json[] | undefined) ?? []).map(convertV4Flow),
      };
    }),
    analytics: { enabled: false },
  };
}

function convertV4Flow(flow: Json): Json {
  return {
    name: flow.name ?? "",
    enabled: flow.enabled ?? true,
    selectors: ((flow.selectors as Json[] | undefined) ?? []).map((s) => ({
      ...s,
      type: lower(s.type),
      ...(lower(s.type) === "http"
        ? { path: s.path ?? "/", pathOperator: s.pathOperator ?? "STARTS_WITH", methods: s.methods ?? [] }
        : {}),
    })),
    request: steps(flow.request),
    response: steps(flow.response),
  };
}

/** GKO's v2 spec is Gravitee's v2 definition; plans need ids and a status. */
function convertV2(id: string, spec: Json): Json {
  return {
    ...spec,
    id,
    gravitee: "2.0.0",
    flow_mode: "DEFAULT",
    flows: ((spec.flows as Json[] | undefined) ?? []).map(convertV2Flow),
    plans: ((spec.plans as Json[] | undefined) ?? []).map((plan, i) => ({
      id: `${id}-plan-${i}`,
      api: id,
      status: "PUBLISHED",
      paths: {},
      ...plan,
      flows: ((plan.flows as Json[] | undefined) ?? []).map(convertV2Flow),
    })),
  };
}

function convertV2Flow(flow: Json): Json {
  return { enabled: true, methods: [], condition: "", ...flow, pre: steps(flow.pre), post: steps(flow.post) };
}

function steps(list: unknown): Json[] {
  return ((list as Json[] | undefined) ?? []).map((step) => ({
    name: step.name ?? String(step.policy),
    enabled: step.enabled ?? true,
    ...step,
    policy: POLICY_IDS[String(step.policy)] ?? step.policy,
  }));
}

function lower(value: unknown): string {
  return String(value).toLowerCase();
}

function kebab(value: unknown): string {
  return lower(value).replaceAll("_", "-");
}

function fail(message: string): never {
  throw new Error(message);
}
