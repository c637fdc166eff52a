// An API as `sluice diff` compares it: v4 (ApiV4Definition) and v2 (ApiDefinition) brought to one
// shape — context paths with their hosts, entrypoints with their QoS, endpoints with their
// targets, plans by key with their security and flows, API flows with their steps by phase — so
// one set of rules classifies both.
import { canonicalPolicyId } from "../validate/schemas.ts";

type Obj = Record<string, unknown>;

export interface StepView {
  phase: string;
  policy: string;
  enabled: boolean;
  configuration: unknown;
  condition?: unknown;
}

export interface FlowView {
  key: string;
  enabled: boolean;
  selectors: unknown;
  steps: StepView[];
}

export interface PlanView {
  name: string;
  security: string;
  securityConfiguration: unknown;
  mode: string;
  status: string;
  flows: FlowView[];
}

export interface EndpointView {
  group: string;
  type: string;
  target: unknown;
  configuration: unknown;
}

export interface ApiView {
  name: string;
  displayName: string;
  version: string;
  type: string;
  /** `host` + normalised path → { host, path }. */
  paths: Map<string, { host?: string; path: string }>;
  entrypoints: Map<string, { qos: string; configuration: unknown }>;
  endpoints: Map<string, EndpointView>;
  plans: Map<string, PlanView>;
  flows: FlowView[];
  matchRequired: boolean;
  flowMode: string;
  cors: Obj | undefined;
  stripContextPath?: boolean;
  failover: unknown;
  resources: unknown;
  properties: unknown;
}

const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);

/** Gravitee's context-path normalisation: a leading and a trailing `/`, no `//`. */
export function normalisePath(path: string): string {
  return `/${path}/`.replace(/\/{2,}/g, "/");
}

export function apiView(resource: Obj): ApiView {
  return resource.kind === "ApiDefinition" ? v2View(resource) : v4View(resource);
}

function v4View(resource: Obj): ApiView {
  const spec = obj(resource.spec);
  const paths = new Map<string, { host?: string; path: string }>();
  const entrypoints = new Map<string, { qos: string; configuration: unknown }>();
  let cors: Obj | undefined;
  for (const listener of arr(spec.listeners).map(obj)) {
    for (const p of arr(listener.paths).map(obj)) {
      const path = normalisePath(str(p.path, "/"));
      const host = typeof p.host === "string" ? p.host : undefined;
      paths.set(`${host ?? ""}${path}`, host === undefined ? { path } : { host, path });
    }
    for (const e of arr(listener.entrypoints).map(obj))
      entrypoints.set(str(e.type), { qos: str(e.qos, "AUTO"), configuration: e.configuration ?? {} });
    if (listener.cors !== undefined) cors = obj(listener.cors);
  }
  const endpoints = new Map<string, EndpointView>();
  for (const group of arr(spec.endpointGroups).map(obj))
    for (const e of arr(group.endpoints).map(obj)) {
      const configuration = obj(e.configuration);
      endpoints.set(`${str(group.name)}/${str(e.name)}`, {
        group: str(group.name),
        type: str(e.type, str(group.type)),
        target:
          configuration.target ??
          configuration.bootstrapServers ??
          configuration.serverHost ??
          configuration.url,
        configuration,
      });
    }
  const plans = new Map<string, PlanView>();
  for (const [key, p] of Object.entries(obj(spec.plans)).map(([k, v]) => [k, obj(v)] as const)) {
    const security = obj(p.security);
    plans.set(key, {
      name: str(p.name, key),
      security: str(security.type, p.mode === "PUSH" ? "PUSH" : "KEY_LESS"),
      securityConfiguration: security.configuration ?? {},
      mode: str(p.mode, "STANDARD"),
      status: str(p.status, "PUBLISHED"),
      flows: v4Flows(p.flows),
    });
  }
  const execution = obj(spec.flowExecution);
  return {
    name: str(obj(resource.metadata).name),
    displayName: str(spec.name),
    version: str(spec.version),
    type: str(spec.type),
    paths,
    entrypoints,
    endpoints,
    plans,
    flows: v4Flows(spec.flows),
    matchRequired: execution.matchRequired === true,
    flowMode: str(execution.mode, "DEFAULT"),
    cors: cors?.enabled === true ? cors : undefined,
    failover: spec.failover,
    resources: spec.resources,
    properties: spec.properties,
  };
}

const V4_PHASES = ["request", "response", "publish", "subscribe", "interact", "connect"];

function v4Flows(flows: unknown): FlowView[] {
  return keyed(
    arr(flows)
      .map(obj)
      .map((f) => ({
        name: str(f.name),
        enabled: f.enabled !== false,
        selectors: f.selectors ?? [],
        steps: V4_PHASES.flatMap((phase) =>
          arr(f[phase])
            .map(obj)
            .map((s) => step(phase, s)),
        ),
      })),
  );
}

function step(phase: string, s: Obj): StepView {
  return {
    phase,
    // Gravitee's plugin ids (aliases) are the same policy as Sluice's ids; a shared policy group's
    // steps are named by the group.
    policy:
      s.sharedPolicyGroupRef !== undefined
        ? `sharedPolicyGroupRef ${str(obj(s.sharedPolicyGroupRef).name)}`
        : canonicalPolicyId(str(s.policy)),
    enabled: s.enabled !== false,
    configuration: s.configuration ?? {},
    ...(s.condition !== undefined ? { condition: s.condition } : {}),
  };
}

/** Flows are matched by name when it is unique, else by position. */
function keyed(flows: Array<Omit<FlowView, "key"> & { name: string }>): FlowView[] {
  const counts = new Map<string, number>();
  for (const f of flows) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  return flows.map(({ name, ...f }, i) => ({
    key: name !== "" && counts.get(name) === 1 ? name : `#${i + 1}${name ? ` ${name}` : ""}`,
    ...f,
  }));
}

function v2View(resource: Obj): ApiView {
  const spec = obj(resource.spec);
  const proxy = obj(spec.proxy);
  const paths = new Map<string, { host?: string; path: string }>();
  for (const vh of arr(proxy.virtual_hosts).map(obj)) {
    const path = normalisePath(str(vh.path, "/"));
    const host = typeof vh.host === "string" ? vh.host : undefined;
    paths.set(`${host ?? ""}${path}`, host === undefined ? { path } : { host, path });
  }
  const endpoints = new Map<string, EndpointView>();
  for (const group of arr(proxy.groups).map(obj))
    for (const e of arr(group.endpoints).map(obj))
      endpoints.set(`${str(group.name, "default-group")}/${str(e.name)}`, {
        group: str(group.name, "default-group"),
        type: str(e.type, "http").toLowerCase(),
        target: e.target,
        configuration: e,
      });
  const plans = new Map<string, PlanView>();
  for (const p of arr(spec.plans).map(obj)) {
    let securityConfiguration: unknown = {};
    try {
      securityConfiguration =
        typeof p.securityDefinition === "string" ? JSON.parse(p.securityDefinition) : {};
    } catch {
      securityConfiguration = p.securityDefinition;
    }
    plans.set(str(p.name), {
      name: str(p.name),
      security: str(p.security, "KEY_LESS"),
      securityConfiguration,
      mode: "STANDARD",
      status: str(p.status, "PUBLISHED"),
      flows: v2Flows(p.flows),
    });
  }
  return {
    name: str(obj(resource.metadata).name),
    displayName: str(spec.name),
    version: str(spec.version),
    type: "PROXY (v2)",
    paths,
    entrypoints: new Map([["http-proxy", { qos: "AUTO", configuration: {} }]]),
    endpoints,
    plans,
    flows: v2Flows(spec.flows),
    matchRequired: false,
    flowMode: str(spec.flow_mode, "DEFAULT"),
    cors: obj(proxy.cors).enabled === true ? obj(proxy.cors) : undefined,
    stripContextPath: proxy.strip_context_path === true,
    failover: proxy.failover,
    resources: spec.resources,
    properties: spec.properties,
  };
}

function v2Flows(flows: unknown): FlowView[] {
  return keyed(
    arr(flows)
      .map(obj)
      .map((f) => ({
        name: str(f.name),
        enabled: f.enabled !== false,
        selectors: {
          "path-operator": f["path-operator"] ?? {},
          methods: f.methods ?? [],
          condition: f.condition ?? "",
        },
        steps: [
          ...arr(f.pre)
            .map(obj)
            .map((s) => step("request", s)),
          ...arr(f.post)
            .map(obj)
            .map((s) => step("response", s)),
        ],
      })),
  );
}
