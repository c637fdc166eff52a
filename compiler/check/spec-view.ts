// A deliberately loose view of a spec for the rules. Rules also run on documents that failed schema
// validation (so one run reports every problem), hence every field is optional, every mapping is
// read through `obj()` and every list through `list()` or the helpers below, which skip the items
// that are not mappings (`listeners: [null]`: the schema reports those). A rule must never crash on
// a malformed document, whatever JSON value stands where the schema expects something else.
import { MANIFESTS } from "../../runtime/connector-manifests.ts";
import {
  MESSAGE_ENDPOINTS as ENDPOINT_TYPES,
  MESSAGE_ENTRYPOINTS as ENTRYPOINT_FACTS,
} from "../../runtime/message/connectors.ts";

export interface Obj {
  [key: string]: unknown;
}

/** Whether `value` is a mapping (not null, not a list). */
export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The mappings of a list, with their index in it; other items (null, scalars, lists) are skipped. */
export function list(value: unknown): Array<{ item: Obj; index: number }> {
  const out: Array<{ item: Obj; index: number }> = [];
  if (!Array.isArray(value)) return out;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (isObj(item)) out.push({ item, index });
  }
  return out;
}

/** How many items a list (or entries a mapping) has, whatever they are; 0 for anything else. */
export function size(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return isObj(value) ? Object.keys(value).length : 0;
}

export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The entries of a mapping whose values are mappings; other values are skipped. */
export function entries(value: unknown): Array<[string, Obj]> {
  const out: Array<[string, Obj]> = [];
  for (const [k, v] of Object.entries(obj(value))) if (isObj(v)) out.push([k, v]);
  return out;
}

/** The shared configuration an endpoint runs with (Gravitee: the group's, or its own override). */
export function effectiveShared(group: Obj, endpoint: Obj): Obj {
  return endpoint.inheritConfiguration === true
    ? obj(group.sharedConfiguration)
    : obj(endpoint.sharedConfigurationOverride);
}

/** The connector facts come from the connectors' manifests, which the runtime reads too. */
export const MESSAGE_ENTRYPOINTS: readonly string[] = [...ENTRYPOINT_FACTS.keys()];
export const MESSAGE_ENDPOINTS: readonly string[] = ENDPOINT_TYPES;
/** The entrypoints and endpoints of PROXY APIs (`http-proxy`). */
export const PROXY_ENTRYPOINTS: readonly string[] = idsOf("entrypoint", "PROXY");
export const PROXY_ENDPOINTS: readonly string[] = idsOf("endpoint", "PROXY");

function idsOf(kind: "entrypoint" | "endpoint", apiType: "PROXY" | "MESSAGE"): string[] {
  return MANIFESTS.filter((m) => m.kind === kind && m.apiTypes?.includes(apiType)).map((m) => m.id);
}

/**
 * Which listener type each entrypoint belongs to (docs/contract.md §2 rules 3 and 7). A Map: it is looked
 * up by what the user wrote, and `constructor` is no key of it.
 */
export const ENTRYPOINT_LISTENER: ReadonlyMap<string, string> = new Map(
  MANIFESTS.filter((m) => m.kind === "entrypoint").map((m): [string, string] => [m.id, m.listener ?? "HTTP"]),
);

/** Message endpoints that are both consumer and producer without configuration (the mock endpoint). */
const ROLES_ALWAYS_ENABLED: ReadonlySet<string> = new Set(
  MANIFESTS.filter((m) => m.capabilities?.includes("roles-always-enabled")).map((m) => m.id),
);

export interface Located<T = Obj> {
  item: T;
  pointer: string;
}

// The helpers below are plain loops (rules call them for every document, many times each); they
// read the same properties in the same order as the list() they stand for, and skip the same items.

/** Every entrypoint of a v4 spec, with its listener. */
export function entrypointsOf(spec: Obj): Array<Located & { listener: Obj; type: string | undefined }> {
  const out: Array<Located & { listener: Obj; type: string | undefined }> = [];
  const listeners = spec.listeners;
  if (!Array.isArray(listeners)) return out;
  for (let li = 0; li < listeners.length; li++) {
    const listener: unknown = listeners[li];
    if (!isObj(listener)) continue;
    const entrypoints = listener.entrypoints;
    if (!Array.isArray(entrypoints)) continue;
    for (let index = 0; index < entrypoints.length; index++) {
      const item: unknown = entrypoints[index];
      if (!isObj(item)) continue;
      out.push({
        item,
        listener,
        type: str(item.type),
        pointer: `/spec/listeners/${li}/entrypoints/${index}`,
      });
    }
  }
  return out;
}

export function endpointGroupsOf(spec: Obj): Array<Located & { type: string | undefined }> {
  return typed(spec.endpointGroups, "/spec/endpointGroups/");
}

export function endpointsOf(group: Located): Array<Located & { type: string | undefined }> {
  return typed(group.item.endpoints, `${group.pointer}/endpoints/`);
}

/** The items of a list with their `type`, each pointer being `prefix` and the index. */
function typed(value: unknown, prefix: string): Array<Located & { type: string | undefined }> {
  const out: Array<Located & { type: string | undefined }> = [];
  if (!Array.isArray(value)) return out;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (isObj(item)) out.push({ item, type: str(item.type), pointer: `${prefix}${index}` });
  }
  return out;
}

/**
 * Every flow of an API: the API's own and each plan's (docs/contract.md §2 rule 11: a plan's flows follow
 * the same rules). v4 plans are a map keyed by name, v2 plans a list.
 */
export function flowsOf(spec: Obj): Located[] {
  const flows: Located[] = [];
  pushFlows(flows, spec.flows, "/spec/flows/");
  const plans = spec.plans;
  if (Array.isArray(plans)) {
    for (let index = 0; index < plans.length; index++) {
      const plan: unknown = plans[index];
      if (isObj(plan)) pushFlows(flows, plan.flows, `/spec/plans/${index}/flows/`);
    }
  } else {
    for (const [key, plan] of entries(plans))
      pushFlows(flows, plan.flows, `/spec/plans/${escapeKey(key)}/flows/`);
  }
  return flows;
}

function pushFlows(flows: Located[], value: unknown, prefix: string): void {
  if (!Array.isArray(value)) return;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (isObj(item)) flows.push({ item, pointer: `${prefix}${index}` });
  }
}

export function plansOf(spec: Obj): Located[] {
  const plans = spec.plans;
  if (Array.isArray(plans))
    return list(plans).map(({ item, index }) => ({ item, pointer: `/spec/plans/${index}` }));
  return entries(plans).map(([key, item]) => ({ item, pointer: `/spec/plans/${escapeKey(key)}` }));
}

function escapeKey(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** What a message entrypoint needs from the endpoints (docs/contract.md §2 rule 4). */
export function entrypointRoles(
  type: string | undefined,
  configuration: unknown,
): { consumes: boolean; produces: boolean } {
  const modes = (type === undefined ? undefined : ENTRYPOINT_FACTS.get(type)?.modes) ?? [];
  const config = obj(configuration);
  // Gravitee's websocket entrypoint enables both roles unless told otherwise.
  const websocket = type === "websocket";
  return {
    consumes: modes.includes("SUBSCRIBE") && !(websocket && obj(config.subscriber).enabled === false),
    produces: modes.includes("PUBLISH") && !(websocket && obj(config.publisher).enabled === false),
  };
}

/** Whether some endpoint of a message group has the consumer (or producer) enabled. */
export function groupHasRole(
  group: Located & { type: string | undefined },
  role: "consumer" | "producer",
): boolean {
  if (group.type !== undefined && ROLES_ALWAYS_ENABLED.has(group.type)) return true;
  return endpointsOf(group).some(({ item }) => obj(effectiveShared(group.item, item)[role]).enabled === true);
}

export function endpointHasRole(group: Obj, endpoint: Obj, role: "consumer" | "producer"): boolean {
  if (typeof endpoint.type === "string" && ROLES_ALWAYS_ENABLED.has(endpoint.type)) return true;
  return obj(effectiveShared(group, endpoint)[role]).enabled === true;
}

/** The context paths an API listens on: v4 HTTP listener paths, or v2 virtual hosts. */
export function contextPathsOf(
  spec: Obj,
): Array<{ path: string; host: string | undefined; pointer: string }> {
  const out: Array<{ path: string; host: string | undefined; pointer: string }> = [];
  const listeners = spec.listeners;
  if (Array.isArray(listeners)) {
    for (let li = 0; li < listeners.length; li++) {
      const listener: unknown = listeners[li];
      if (!isObj(listener) || listener.type !== "HTTP") continue;
      pushPaths(out, listener.paths, `/spec/listeners/${li}/paths/`);
    }
  }
  pushPaths(out, obj(spec.proxy).virtual_hosts, "/spec/proxy/virtual_hosts/");
  return out;
}

function pushPaths(
  out: Array<{ path: string; host: string | undefined; pointer: string }>,
  value: unknown,
  prefix: string,
): void {
  if (!Array.isArray(value)) return;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (!isObj(item)) continue;
    const path = str(item.path);
    if (path !== undefined) out.push({ path, host: str(item.host), pointer: `${prefix}${index}/path` });
  }
}
