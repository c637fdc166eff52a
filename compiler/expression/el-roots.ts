// What an expression may read: the Gravitee 4.x EL roots (#request, #response, #message, #context,
// #api.properties / #properties) and their members, each mapped to its place in runtime/el.ts's
// ElContext. This table is the whitelist: a name that is not here is an `expression/unsupported`
// diagnostic, so an expression can never reach anything the contract does not declare.
// https://documentation.gravitee.io/apim/gravitee-expression-language

/** The kinds of keyed collections, by how the runtime exposes them. */
/** Values computed by a runtime helper from the ElContext value at the member's path. */
export type Derivation = "paths" | "pathInfos" | "jsonContent" | "contentLength" | "attributeNames";

export type MapKind =
  /** ElMultiMap called with a lower-case name (HTTP and message headers are case-insensitive). */
  | "headers"
  /** ElMultiMap called with the name as written (query and path parameters). */
  | "multi"
  /** Record<string, string> (API properties). */
  | "strings"
  /** Record<string, unknown> (attributes, metadata). */
  | "unknowns"
  /** Record<string, Record<string, string>>: `#dictionaries['name']` is a "strings" map. */
  | "dictionaries";

export type RootMember =
  | {
      kind: "value";
      type: "string" | "number" | "boolean";
      path: readonly string[];
      mayBeAbsent?: boolean;
      /** A Java int or long (integer arithmetic, printed without a fraction). */
      integer?: boolean;
      /** Read through `ctx.path ?? fallback` (optional ElContext fields with a Gravitee default). */
      fallback?: string | number;
    }
  /** A value computed from other context values by a runtime helper (`#request.paths`). */
  | { kind: "derived"; derive: Derivation; path: readonly string[] }
  | { kind: "map"; map: MapKind; path: readonly string[] }
  | { kind: "object"; members: ReadonlyMap<string, RootMember> };

/** ElContext properties that may be undefined: every access below them is an optional chain. */
export const OPTIONAL_ROOTS: ReadonlySet<string> = new Set([
  "response",
  "message",
  "api",
  "subscription",
  "application",
  "regex",
  "callout",
  "endpoints",
]);

const value = (type: "string" | "number" | "boolean", path: string[], mayBeAbsent = false): RootMember =>
  mayBeAbsent ? { kind: "value", type, path, mayBeAbsent } : { kind: "value", type, path };
const integer = (path: string[], fallback?: number): RootMember =>
  fallback === undefined
    ? { kind: "value", type: "number", path, integer: true }
    : { kind: "value", type: "number", path, integer: true, fallback };
const withDefault = (path: string[], fallback: string): RootMember => ({
  kind: "value",
  type: "string",
  path,
  fallback,
});
const derived = (derive: Derivation, path: string[]): RootMember => ({
  kind: "derived",
  derive,
  path,
});
const map = (kind: MapKind, path: string[]): RootMember => ({ kind: "map", map: kind, path });
const object = (members: Record<string, RootMember>): RootMember => ({
  kind: "object",
  members: new Map(Object.entries(members)),
});

const REQUEST_STRINGS = [
  "id",
  "transactionId",
  "method",
  "scheme",
  "host",
  "path",
  "pathInfo",
  "contextPath",
  "uri",
  "remoteAddress",
];

/** Gravitee's EvaluableSSLPrincipal properties that give the first value of one attribute. */
const PRINCIPAL_FIELDS = [
  "businessCategory",
  "c",
  "cn",
  "dc",
  "description",
  "dnQualifier",
  "e",
  "emailAddress",
  "generation",
  "givenname",
  "initials",
  "l",
  "name",
  "o",
  "organizationIdentifier",
  "ou",
  "postalCode",
  "pseudonym",
  "role",
  "serialnumber",
  "st",
  "street",
  "surname",
  "t",
  "uid",
];

const principal = (side: "client" | "server"): RootMember => {
  const base = ["request", "ssl?", side];
  return object({
    defined: value("boolean", [...base, "defined"]),
    dn: value("string", [...base, "dn"], true),
    attributes: map("headers", [...base, "attributes"]),
    ...Object.fromEntries(
      PRINCIPAL_FIELDS.map((name) => [name, value("string", [...base, "first", name], true)]),
    ),
  });
};

export const ROOTS: ReadonlyMap<string, RootMember> = new Map(
  Object.entries({
    request: object({
      ...Object.fromEntries(REQUEST_STRINGS.map((name) => [name, value("string", ["request", name])])),
      content: value("string", ["request", "content"], true),
      jsonContent: derived("jsonContent", ["request", "content"]),
      paths: derived("paths", ["request", "path"]),
      pathInfos: derived("pathInfos", ["request", "pathInfo"]),
      timestamp: integer(["request", "timestamp"], 0),
      version: withDefault(["request", "version"], "HTTP_1_1"),
      localAddress: withDefault(["request", "localAddress"], ""),
      ssl: object({
        clientHost: value("string", ["request", "ssl?", "clientHost"], true),
        clientPort: {
          kind: "value",
          type: "number",
          path: ["request", "ssl?", "clientPort"],
          mayBeAbsent: true,
          integer: true,
        },
        client: principal("client"),
        server: principal("server"),
      }),
      headers: map("headers", ["request", "headers"]),
      params: map("multi", ["request", "params"]),
      pathParams: map("multi", ["request", "pathParams"]),
    }),
    response: object({
      status: integer(["response", "status"]),
      headers: map("headers", ["response", "headers"]),
      content: value("string", ["response", "content"], true),
      jsonContent: derived("jsonContent", ["response", "content"]),
    }),
    message: object({
      id: value("string", ["message", "id"]),
      content: value("string", ["message", "content"]),
      error: value("boolean", ["message", "error"]),
      headers: map("headers", ["message", "headers"]),
      metadata: map("unknowns", ["message", "metadata"]),
      attributes: map("unknowns", ["message", "attributes"]),
      contentLength: derived("contentLength", ["message", "content"]),
      attributeNames: derived("attributeNames", ["message", "attributes"]),
    }),
    context: object({ attributes: map("unknowns", ["context", "attributes"]) }),
    api: object({
      properties: map("strings", ["properties"]),
      id: withDefault(["api", "id"], ""),
      name: withDefault(["api", "name"], ""),
      version: withDefault(["api", "version"], ""),
    }),
    properties: map("strings", ["properties"]),
    // Gravitee's SubscriptionVariable (id, type, metadata, applicationName, clientId), provided once
    // the plan is selected, and the application of the subscription.
    subscription: object({
      id: value("string", ["subscription", "id"]),
      type: value("string", ["subscription", "type"]),
      metadata: map("strings", ["subscription", "metadata"]),
      applicationName: value("string", ["subscription", "applicationName"], true),
      clientId: value("string", ["subscription", "clientId"], true),
    }),
    application: object({
      id: value("string", ["application", "id"]),
      name: value("string", ["application", "name"], true),
      metadata: map("strings", ["application", "metadata"]),
    }),
    dictionaries: map("dictionaries", ["dictionaries"]),
    // The groups of a regular expression's match, where a policy offers them (url-rewriting's
    // `toReplacement`): `#group[1]`, `#groupName['name']`.
    group: map("strings", ["regex", "group"]),
    groupName: map("strings", ["regex", "groupName"]),
    // Gravitee's endpoint references (DefaultEndpointManager's template variable): the name of each
    // endpoint and endpoint group of the API → `name:`, which a policy's target (dynamic-routing's
    // `url`, traffic-shadowing's `target`) hands to the endpoint as `name:/path`.
    endpoints: map("strings", ["endpoints"]),
    // The response of an http-callout step, in its `variables`, `errorCondition` and `errorContent`.
    calloutResponse: object({
      status: integer(["callout", "status"]),
      headers: map("headers", ["callout", "headers"]),
      content: value("string", ["callout", "content"]),
      jsonContent: derived("jsonContent", ["callout", "content"]),
    }),
  }),
);

/**
 * Gravitee names Sluice does not compile, with the reason: an expression using one is an error that
 * says so, rather than "unknown" as for a typo.
 */
export const NOT_COMPILED: ReadonlyMap<string, string> = new Map([
  [
    "#node",
    "Gravitee's node (id, version, tenant, zone, sharding tags) has no counterpart in a Sluice gateway",
  ],
  [
    "#request.xmlContent",
    "Gravitee's XML object of the body has no counterpart here; read the body with #xpath(#request.content, '/a/b')",
  ],
  [
    "#response.xmlContent",
    "Gravitee's XML object of the body has no counterpart here; read the body with #xpath(#response.content, '/a/b')",
  ],
  ["#request.pathParamsRaw", "it is not compiled yet"],
]);

/** Member names for "did you mean" hints, in declaration order. */
export function memberNames(member: RootMember): string[] {
  return member.kind === "object" ? [...member.members.keys()] : [];
}
