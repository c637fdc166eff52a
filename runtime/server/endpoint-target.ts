// Where a policy sends a PROXY request instead of the default group (Gravitee's `request.endpoint`
// attribute, ContextAttributes.ATTR_REQUEST_ENDPOINT): the dynamic-routing policy sets it from its
// rule's `url`. Gravitee's HttpEndpointInvoker reads it in three forms, and so does the gateway:
// - `http://host/path` (also https, ws, wss, grpc, grpcs): an absolute URL, called through the
//   default group's next endpoint (its HTTP client settings), the request's path not appended;
// - `name:/path` (`#endpoints['name']` renders `name:`): the endpoint of that name, else the next
//   endpoint of the group of that name, with `/path` after the endpoint's target path;
// - `/path`: the default group's next endpoint, `/path` after its target path.
// The target is read when the endpoint is called (after the whole request phase), as Gravitee's
// invoker does: from dynamic-routing, or from the attribute `gravitee.attribute.request.endpoint`
// (ContextAttributes.ATTR_REQUEST_ENDPOINT, its full name: Gravitee's attribute map adds the prefix
// when reading a short name, never strips it, so `request.endpoint` set by assign-attributes does not
// route there either). The last of the two set in the request phase wins.
// https://github.com/gravitee-io/gravitee-api-management (HttpEndpointInvoker, DefaultEndpointManager)
import type { EndpointGroup, Exchange } from "../contract.ts";

/** Gravitee's ContextAttributes.ATTR_REQUEST_ENDPOINT, which assign-attributes may set. */
export const REQUEST_ENDPOINT_ATTRIBUTE = "gravitee.attribute.request.endpoint";

/**
 * The exchange's target when the endpoint is called: an attribute `gravitee.attribute.request.endpoint`
 * (a non-empty string) becomes it; dynamic-routing removes that attribute when it routes later.
 */
export function endpointTargetOf(exchange: Exchange): string | undefined {
  const assigned = exchange.attributes[REQUEST_ENDPOINT_ATTRIBUTE];
  if (typeof assigned === "string" && assigned !== "") exchange.upstreamRequest.target = assigned;
  return exchange.upstreamRequest.target;
}

export type EndpointTarget =
  | { kind: "absolute"; url: URL }
  | { kind: "reference"; name: string; path: string }
  | { kind: "path"; path: string };

/** Gravitee's ENDPOINT_PATTERN: a name (not starting with `/` or `:`, without `:`), `:`, the rest. */
const REFERENCE = /^([^/:][^:]*):(.*)$/s;

/** Schemes that make a target an absolute URL rather than an endpoint reference. */
const URL_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "ws", "wss", "grpc", "grpcs"]);

/** The form of a target a policy set; an absolute URL that does not parse is read as a path. */
export function parseEndpointTarget(target: string): EndpointTarget {
  const match = REFERENCE.exec(target);
  if (match) {
    const name = match[1]!;
    if (!URL_SCHEMES.has(name.toLowerCase())) return { kind: "reference", name, path: match[2]! };
    if (URL.canParse(target)) return { kind: "absolute", url: new URL(target) };
  }
  return { kind: "path", path: target };
}

/** `#endpoints`: every endpoint's and endpoint group's name → `name:`, as Gravitee's EndpointManager provides it. */
export function endpointReferences(groups: readonly EndpointGroup[]): Readonly<Record<string, string>> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const group of groups) {
    out[group.name] = `${group.name}:`;
    for (const endpoint of group.endpoints) out[endpoint.name] = `${endpoint.name}:`;
  }
  return Object.freeze(out);
}

/**
 * The path and query sent upstream for a relative target: the endpoint's target path, the target's
 * path, then the endpoint target's query, the client's query and the target's own query (Gravitee
 * merges all three into the request's parameters).
 */
export function relativeUpstreamPath(
  basePath: string,
  targetQuery: string,
  clientQuery: string,
  target: string,
): string {
  const q = target.indexOf("?");
  const path = basePath + (q >= 0 ? target.slice(0, q) : target) || "/";
  return path + joinQueries(targetQuery, clientQuery, q >= 0 ? target.slice(q) : "");
}

/** The path and query sent to an absolute target URL: its own, then the client's query. */
export function absoluteUpstreamPath(url: URL, clientQuery: string): string {
  return (url.pathname || "/") + joinQueries(url.search, clientQuery);
}

/** `?a=1`, `?b=2` → `?a=1&b=2`; empty parts (and a lone `?`) are skipped. */
function joinQueries(...queries: string[]): string {
  const parts = queries.map((q) => (q.startsWith("?") ? q.slice(1) : q)).filter((q) => q !== "");
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}
