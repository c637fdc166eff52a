// A Gravitee v4 API — a Management API export (`{ api, plans, members, pages, … }`, UPPERCASE
// enums) or a gateway definition (`gravitee: "4.0.0"`, lowercase kebab enums, plans as a list) —
// as an ApiV4Definition resource: the GKO shape is the Management API v2 model with plans as a map
// keyed by plan name (docs/contract.md §1). Enums are normalised to the GKO spelling; values that
// Gravitee itself treats as something else are rewritten to what Gravitee does, with a note.
import { API_MANAGEMENT_FIELDS, PLAN_MANAGEMENT_FIELDS } from "./management-fields.ts";
import type { Notes } from "./notes.ts";
import {
  isEmpty,
  isObject,
  type Json,
  type JsonObject,
  resourceName,
  uniqueName,
  upperEnum,
} from "./values.ts";

/** Keys of a v4 flow in the GKO model; v2 keys Gravitee tolerates on v4 flows are legacy. */
export const V2_FLOW_KEYS = ["condition", "methods", "pre", "post", "path-operator", "consumers"];
/** Gravitee's operators; a misspelling falls back to the default, STARTS_WITH. */
export const OPERATORS = new Set(["STARTS_WITH", "EQUALS"]);

/** Gravitee answers 401 to every call of an API without plan; its test harness adds a keyless one. */
export const NO_PLAN = { name: "Keyless (added by import)", security: { type: "KEY_LESS" } };
export const NO_PLAN_NOTE =
  "the input has no plan, so Gravitee would refuse every call; import added this KEY_LESS plan, which lets anyone in — replace it with the plan you mean";

export function fromV4(api: JsonObject, exportPlans: Json | undefined, notes: Notes): JsonObject {
  const spec: JsonObject = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(api)) {
    if (API_MANAGEMENT_FIELDS.has(key)) {
      dropped.push(key);
      continue;
    }
    switch (key) {
      case "gravitee":
      case "definitionVersion":
      case "plans":
        break; // the resource's kind says the version; plans are converted below
      case "apiVersion":
        spec.version = value;
        break;
      case "type":
        spec.type = upperEnum(value) ?? null;
        break;
      case "listeners":
        spec.listeners = Array.isArray(value) ? value.map((l, i) => listener(l, i, notes)) : value;
        break;
      case "endpointGroups":
        spec.endpointGroups = Array.isArray(value) ? value.map(endpointGroup) : value;
        break;
      case "flowExecution":
        spec.flowExecution = isObject(value) ? { ...value, mode: upperEnum(value.mode) ?? "DEFAULT" } : value;
        break;
      case "flows":
        if (isEmpty(value)) break;
        spec.flows = Array.isArray(value) ? value.map((f, i) => flow(f, ["spec", "flows", i], notes)) : value;
        break;
      case "properties":
      case "resources":
      case "tags":
        if (!isEmpty(value)) spec[key] = value;
        break;
      case "responseTemplates":
      case "description":
        if (!isEmpty(value)) spec[key] = value;
        break;
      default:
        spec[key] = value;
    }
  }
  if (Array.isArray(spec.endpointGroups)) renameShadowedGroups(spec.endpointGroups, notes);
  if (dropped.length > 0)
    notes.add("dropped", "/spec", `management-only fields dropped: ${dropped.sort().join(", ")}`);
  if (typeof spec.version !== "string") {
    spec.version = typeof spec.version === "number" ? String(spec.version) : "1.0";
    notes.add("changed", "/spec/version", "the export has no API version; `1.0` written (GKO requires one)");
  }
  const plans = exportPlans ?? api.plans;
  spec.plans = planMap(Array.isArray(plans) ? plans : [], notes);
  if (Object.keys(spec.plans).length === 0) {
    spec.plans = { keyless: NO_PLAN };
    notes.add("changed", "/spec/plans/keyless", NO_PLAN_NOTE);
  }
  return {
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiV4Definition",
    metadata: { name: resourceName(String(spec.name ?? api.id ?? "api")) },
    spec,
  };
}

function listener(value: Json, index: number, notes: Notes): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = { ...value, type: upperEnum(value.type) ?? null };
  if (Array.isArray(value.entrypoints))
    out.entrypoints = value.entrypoints.map((e) =>
      isObject(e) && e.qos !== undefined ? { ...e, qos: upperEnum(e.qos) ?? null } : e,
    );
  if (Array.isArray(value.entrypoints))
    out.entrypoints = (out.entrypoints as Json[]).map((e) =>
      isObject(e) && isEmpty(e.configuration) ? withoutKeys(e, ["configuration"]) : e,
    );
  if (out.type === "SUBSCRIPTION" && value.paths !== undefined) {
    delete out.paths;
    notes.add(
      "dropped",
      `/spec/listeners/${index}`,
      "`paths` on a SUBSCRIPTION listener dropped: Gravitee ignores it (webhook subscribers are called, nothing listens)",
    );
  }
  if (isObject(value.cors) && value.cors.enabled === false) delete out.cors;
  return out;
}

/**
 * A group named like an endpoint (Gravitee's own definitions have a group `default` holding an
 * endpoint `default`): the names share one namespace here (docs/contract.md §2 rule 8). In Gravitee a
 * reference by that name (`#endpoints['default']`, a DLQ) finds the endpoint first, so the group's
 * name is unreachable; renaming the group keeps every reference's meaning.
 */
function renameShadowedGroups(groups: Json[], notes: Notes): void {
  const endpoints = new Set<string>();
  for (const group of groups)
    if (isObject(group) && Array.isArray(group.endpoints))
      for (const e of group.endpoints) if (isObject(e) && typeof e.name === "string") endpoints.add(e.name);
  const taken = new Set([
    ...endpoints,
    ...groups.flatMap((g) => (isObject(g) && typeof g.name === "string" ? [g.name] : [])),
  ]);
  for (const [i, group] of groups.entries()) {
    if (!isObject(group) || typeof group.name !== "string" || !endpoints.has(group.name)) continue;
    const name = uniqueName(`${group.name}-group`, taken);
    notes.add(
      "changed",
      `/spec/endpointGroups/${i}/name`,
      `group \`${group.name}\` renamed \`${name}\`: an endpoint has its name, and group and endpoint names must differ (a reference by that name meant the endpoint in Gravitee too)`,
    );
    group.name = name;
  }
}

function endpointGroup(value: Json): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = { ...value };
  if (isObject(value.loadBalancer))
    out.loadBalancer = { ...value.loadBalancer, type: upperEnum(value.loadBalancer.type) ?? null };
  if (isEmpty(value.services)) delete out.services;
  // The console writes `truststore: { type: "" }` (lowercase, empty) for "none": Gravitee ignores it.
  const ssl = isObject(value.sharedConfiguration) ? value.sharedConfiguration.ssl : undefined;
  if (isObject(ssl) && isObject(out.sharedConfiguration)) {
    const cleaned = Object.fromEntries(
      Object.entries(ssl).filter(
        ([key, v]) =>
          !(["truststore", "keystore"].includes(key) && isObject(v) && Object.values(v).every(isEmpty)),
      ),
    );
    out.sharedConfiguration = { ...out.sharedConfiguration, ssl: cleaned };
  }
  if (Array.isArray(value.endpoints))
    out.endpoints = value.endpoints.map((e) =>
      isObject(e) && isEmpty(e.services) ? withoutKeys(e, ["services"]) : e,
    );
  return out;
}

export function flow(value: Json, path: Array<string | number>, notes: Notes): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const legacy: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (V2_FLOW_KEYS.includes(key) && isEmpty(v)) {
      legacy.push(key);
      continue;
    }
    if (key === "selectors" && Array.isArray(v)) {
      out.selectors = v.map((s, i) => selector(s, [...path, "selectors", i], notes));
      continue;
    }
    if (key === "tags" && isEmpty(v)) continue;
    if (["request", "response", "publish", "subscribe", "interact", "connect"].includes(key) && isEmpty(v))
      continue;
    out[key] = v;
  }
  if (legacy.length > 0)
    notes.add(
      "dropped",
      `/${path.join("/")}`,
      `empty v2 flow keys on a v4 flow dropped (Gravitee ignores them): ${legacy.join(", ")}`,
    );
  return out;
}

function selector(value: Json, path: Array<string | number>, notes: Notes): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = { ...value, type: upperEnum(value.type) ?? null };
  for (const key of ["pathOperator", "channelOperator"]) {
    if (typeof value[key] !== "string") continue;
    const operator = upperEnum(value[key]) as string;
    if (OPERATORS.has(operator)) out[key] = operator;
    else {
      out[key] = "STARTS_WITH";
      notes.add(
        "changed",
        `/${[...path, key].join("/")}`,
        `\`${value[key]}\` is not an operator Gravitee knows; it falls back to STARTS_WITH, written here`,
      );
    }
  }
  if (Array.isArray(value.methods)) {
    if (value.methods.length === 0) delete out.methods;
    else out.methods = value.methods.map((m) => upperEnum(m) ?? null);
  }
  if (Array.isArray(value.operations)) out.operations = value.operations.map((m) => upperEnum(m) ?? null);
  if (Array.isArray(value.entrypoints) && value.entrypoints.length === 0) delete out.entrypoints;
  return out;
}

/** Plans as GKO's map, keyed by a name made from the plan's name. */
function planMap(plans: Json[], notes: Notes): JsonObject {
  const out: JsonObject = {};
  const taken = new Set<string>();
  for (const plan of plans) {
    if (!isObject(plan)) continue;
    const key = uniqueName(resourceName(String(plan.name ?? "plan"), "plan"), taken);
    const converted: JsonObject = {};
    const dropped: string[] = [];
    for (const [k, v] of Object.entries(plan)) {
      if (PLAN_MANAGEMENT_FIELDS.has(k)) {
        if (!isEmpty(v) && !(k === "type" && v === "API")) dropped.push(k);
        continue;
      }
      if (k === "security" && isObject(v)) {
        converted.security = { ...v, type: upperEnum(v.type) ?? null };
        if (isEmpty(v.configuration)) delete (converted.security as JsonObject).configuration;
      } else if (k === "mode" || k === "status" || k === "validation") converted[k] = upperEnum(v) ?? null;
      else if (k === "flows") {
        if (!isEmpty(v))
          converted.flows = Array.isArray(v)
            ? v.map((f, i) => flow(f, ["spec", "plans", key, "flows", i], notes))
            : v;
      } else if (k === "tags" || k === "selectionRule") {
        if (!isEmpty(v)) converted[k] = v;
      } else converted[k] = v;
    }
    if (dropped.length > 0)
      notes.add(
        "dropped",
        `/spec/plans/${key}`,
        `management-only fields dropped: ${dropped.sort().join(", ")}`,
      );
    if (converted.status === "CLOSED" || converted.status === "DEPRECATED")
      notes.add(
        "changed",
        `/spec/plans/${key}/status`,
        `the plan is ${String(converted.status)} in the export`,
      );
    out[key] = converted;
  }
  return out;
}

function withoutKeys(value: JsonObject, keys: string[]): JsonObject {
  const out = { ...value };
  for (const k of keys) delete out[k];
  return out;
}
