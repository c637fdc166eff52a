// A Gravitee v2 API (`gravitee: "2.0.0"`, an export or a gateway definition) or a legacy 1.x one
// (`proxy.endpoint`, `paths`) as an ApiDefinition resource: GKO keeps v2's snake_case model, so
// the work is converting the legacy shapes Gravitee still accepts — `proxy.context_path` →
// `virtual_hosts`, `proxy.endpoints` / `proxy.endpoint` → a group, endpoint `type: HTTP` → `http`,
// 1.x `paths` rules → flows — and dropping what only the Management API uses.
import { NO_PLAN, NO_PLAN_NOTE } from "./from-v4.ts";
import { API_MANAGEMENT_FIELDS, PLAN_MANAGEMENT_FIELDS } from "./management-fields.ts";
import type { Notes } from "./notes.ts";
import { isEmpty, isObject, type Json, type JsonObject, resourceName } from "./values.ts";

export function fromV2(api: JsonObject, notes: Notes): JsonObject {
  const spec: JsonObject = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(api)) {
    if (API_MANAGEMENT_FIELDS.has(key)) {
      dropped.push(key);
      continue;
    }
    switch (key) {
      case "proxy":
        spec.proxy = isObject(value) ? proxy(value, notes) : value;
        break;
      case "plans":
        spec.plans = Array.isArray(value) ? value.map((p, i) => plan(p, i, notes)) : value;
        break;
      case "paths":
        if (isObject(value))
          spec.flows = [...((spec.flows as Json[] | undefined) ?? []), ...pathsToFlows(value, notes)];
        break;
      case "flows":
        if (!isEmpty(value))
          spec.flows = [
            ...(Array.isArray(value) ? value.map(flow) : []),
            ...((spec.flows as Json[] | undefined) ?? []),
          ];
        break;
      case "properties":
      case "resources":
      case "path_mappings":
      case "response_templates":
      case "services":
      case "tags":
      case "description":
        if (!isEmpty(value)) spec[key] = value;
        break;
      default:
        spec[key] = value;
    }
  }
  if (dropped.length > 0)
    notes.add("dropped", "/spec", `management-only fields dropped: ${dropped.sort().join(", ")}`);
  if (spec.gravitee === undefined) {
    spec.gravitee = "2.0.0";
    notes.add("changed", "/spec/gravitee", "a 1.x definition, converted to the v2 model");
  }
  if (typeof spec.version !== "string") {
    spec.version = "1.0";
    notes.add("changed", "/spec/version", "the export has no API version; `1.0` written (GKO requires one)");
  }
  if (!Array.isArray(spec.plans) || spec.plans.length === 0) {
    spec.plans = [{ ...NO_PLAN, security: "KEY_LESS" }];
    notes.add("changed", "/spec/plans/0", NO_PLAN_NOTE);
  }
  return {
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiDefinition",
    metadata: { name: resourceName(String(spec.name ?? api.id ?? "api")) },
    spec,
  };
}

function proxy(value: JsonObject, notes: Notes): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "context_path") {
      out.virtual_hosts = [{ path: v }];
      notes.add(
        "changed",
        "/spec/proxy/virtual_hosts",
        "legacy `proxy.context_path` written as `virtual_hosts`",
      );
    } else if (key === "endpoints" && Array.isArray(v)) {
      out.groups = [{ name: "default-group", endpoints: v.map(endpoint) }];
      notes.add(
        "changed",
        "/spec/proxy/groups",
        "legacy `proxy.endpoints` written as the group `default-group`",
      );
    } else if (key === "endpoint" && typeof v === "string") {
      out.groups = [{ name: "default-group", endpoints: [{ name: "default", target: v }] }];
      notes.add(
        "changed",
        "/spec/proxy/groups",
        "legacy `proxy.endpoint` written as the group `default-group`",
      );
    } else if (key === "groups" && Array.isArray(v)) {
      out.groups = v.map((g, i) => {
        if (!isObject(g)) return g;
        const group: JsonObject = Array.isArray(g.endpoints)
          ? { ...g, endpoints: g.endpoints.map(endpoint) }
          : { ...g };
        if (isObject(g.http))
          group.http = withoutDefaultHttpLimits(g.http, `/spec/proxy/groups/${i}/http`, notes);
        return group;
      });
    } else if (key === "cors" && isObject(v) && v.enabled === false) {
      // disabled CORS is the default
    } else out[key] = v;
  }
  return out;
}

/**
 * `maxHeaderSize` and `maxChunkSize` (Gravitee's HTTP client options) are not implemented by
 * Sluice; at Gravitee's defaults (8192) they change nothing and are dropped, other values stay for
 * `check` to report.
 */
const HTTP_LIMIT_DEFAULTS: Readonly<Record<string, number>> = { maxHeaderSize: 8192, maxChunkSize: 8192 };

export function withoutDefaultHttpLimits(http: JsonObject, pointer: string, notes: Notes): JsonObject {
  const out = { ...http };
  const dropped = Object.keys(HTTP_LIMIT_DEFAULTS).filter((k) => out[k] === HTTP_LIMIT_DEFAULTS[k]);
  for (const k of dropped) delete out[k];
  if (dropped.length > 0)
    notes.add(
      "dropped",
      pointer,
      `${dropped.join(", ")} at Gravitee's default (8192) dropped: Sluice does not implement them`,
    );
  return out;
}

function endpoint(value: Json): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = { ...value };
  delete out.status; // the endpoint's health as the console last saw it
  if (typeof value.type === "string") out.type = value.type.toLowerCase();
  return out;
}

function flow(value: Json): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (["condition", "consumers", "methods", "pre", "post"].includes(key) && isEmpty(v)) continue;
    if (key === "path-operator" && isObject(v) && typeof v.operator === "string")
      out[key] = { ...v, operator: v.operator.replaceAll("-", "_").toUpperCase() };
    else out[key] = v;
  }
  return out;
}

function plan(value: Json, index: number, notes: Notes): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const dropped: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if ((PLAN_MANAGEMENT_FIELDS.has(key) && key !== "type") || key === "api") {
      if (!isEmpty(v)) dropped.push(key);
      continue;
    }
    if (key === "type" && v === "API") continue;
    if (key === "paths") {
      if (isObject(v) && Object.values(v).every(isEmpty)) continue;
      if (isObject(v)) out.flows = [...((out.flows as Json[] | undefined) ?? []), ...pathsToFlows(v, notes)];
      continue;
    }
    if (key === "flows") {
      if (!isEmpty(v)) out.flows = Array.isArray(v) ? v.map(flow) : v;
      continue;
    }
    if (key === "tags" || key === "selection_rule") {
      if (!isEmpty(v)) out[key] = v;
      continue;
    }
    out[key] = v;
  }
  if (dropped.length > 0)
    notes.add(
      "dropped",
      `/spec/plans/${index}`,
      `management-only fields dropped: ${dropped.sort().join(", ")}`,
    );
  return out;
}

/**
 * Gravitee 1.x `paths`: `{ "/*": [{ "rate-limit": {…} }, …] }` — a rule list per path, each rule
 * `{ policyId: configuration }`, run before the backend. One STARTS_WITH flow per path; the
 * policies keep their 1.x configuration, which `sluice check` validates against today's.
 */
function pathsToFlows(paths: JsonObject, notes: Notes): Json[] {
  const flows: Json[] = [];
  for (const [path, rules] of Object.entries(paths)) {
    const steps: Json[] = [];
    for (const rule of Array.isArray(rules) ? rules : []) {
      if (!isObject(rule)) continue;
      for (const [policy, configuration] of Object.entries(rule)) {
        if (policy === "methods" || policy === "description" || policy === "enabled") continue;
        steps.push({ policy, configuration });
      }
    }
    if (steps.length === 0) continue;
    const prefix = path.replace(/\/?\*$/, "") || "/";
    flows.push({ name: path, "path-operator": { path: prefix, operator: "STARTS_WITH" }, pre: steps });
  }
  if (flows.length > 0)
    notes.add(
      "changed",
      "/spec/flows",
      "1.x `paths` rules written as flows; their policies keep the 1.x configuration — check them",
    );
  return flows;
}
