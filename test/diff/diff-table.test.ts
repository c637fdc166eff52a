// `sluice diff`'s classification, one row per change kind: a base API, one edit, the change kinds
// and severities it must produce — no more, no fewer. v4 PROXY, v4 MESSAGE, v2 and consumer
// resources; the edits are what pull requests do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSides } from "../../compiler/diff/compare.ts";
import { type Resource, resourceKey, type Side } from "../../compiler/diff/read-side.ts";

// biome-ignore lint/suspicious/noExplicitAny: the rows edit deep fixture paths; a type per path would be noise
type Obj = Record<string, any>;

const proxy = (): Obj => ({
  apiVersion: "gravitee.io/v1alpha1",
  kind: "ApiV4Definition",
  metadata: { name: "orders" },
  spec: {
    name: "Orders",
    version: "1.0",
    type: "PROXY",
    listeners: [
      {
        type: "HTTP",
        paths: [{ path: "/orders" }],
        entrypoints: [{ type: "http-proxy" }],
        cors: { enabled: true, allowOrigin: ["https://shop.example", "https://admin.example"] },
      },
    ],
    endpointGroups: [
      {
        name: "svc",
        type: "http-proxy",
        endpoints: [
          { name: "a", type: "http-proxy", configuration: { target: "http://a.internal/orders" } },
          { name: "b", type: "http-proxy", configuration: { target: "http://b.internal/orders" } },
        ],
      },
    ],
    flowExecution: { mode: "DEFAULT", matchRequired: false },
    flows: [
      {
        name: "tag",
        selectors: [{ type: "HTTP", path: "/", pathOperator: "STARTS_WITH" }],
        request: [
          { policy: "transform-headers", configuration: { addHeaders: [{ name: "X-A", value: "1" }] } },
        ],
        response: [{ policy: "assign-content", configuration: { body: '{"ok":true}' } }],
      },
    ],
    plans: {
      partners: {
        name: "Partners",
        security: { type: "API_KEY" },
        flows: [
          {
            name: "quota",
            request: [
              {
                policy: "rate-limit",
                configuration: { rate: { limit: "${RATE:-100}", periodTime: 1, periodTimeUnit: "SECONDS" } },
              },
            ],
          },
        ],
      },
      public: { name: "Public", security: { type: "KEY_LESS" } },
      jwt: {
        name: "JWT",
        security: {
          type: "JWT",
          configuration: { signature: "RSA_RS256", publicKeyResolver: "GATEWAY_KEYS" },
        },
      },
    },
    properties: [{ key: "tier", value: "gold" }],
  },
});

const message = (): Obj => ({
  apiVersion: "gravitee.io/v1alpha1",
  kind: "ApiV4Definition",
  metadata: { name: "ticker" },
  spec: {
    name: "Ticker",
    version: "1",
    type: "MESSAGE",
    listeners: [
      {
        type: "HTTP",
        paths: [{ path: "/ticker" }],
        entrypoints: [
          { type: "sse", qos: "AT_LEAST_ONCE" },
          { type: "http-get", qos: "AUTO" },
        ],
      },
    ],
    endpointGroups: [
      {
        name: "mock",
        type: "mock",
        endpoints: [
          { name: "m", type: "mock", configuration: { messageContent: '{"p":1}', messageInterval: 100 } },
        ],
      },
    ],
    plans: { free: { name: "Free", security: { type: "KEY_LESS" } } },
  },
});

const v2 = (): Obj => ({
  apiVersion: "gravitee.io/v1alpha1",
  kind: "ApiDefinition",
  metadata: { name: "legacy" },
  spec: {
    name: "Legacy",
    version: "1",
    proxy: {
      virtual_hosts: [{ path: "/legacy" }],
      strip_context_path: false,
      groups: [{ name: "g", endpoints: [{ name: "e", target: "http://legacy.internal" }] }],
    },
    plans: [{ name: "Free", security: "KEY_LESS" }],
  },
});

const subscription = (): Obj => ({
  apiVersion: "gravitee.io/v1alpha1",
  kind: "Subscription",
  metadata: { name: "shop-orders" },
  spec: { api: { name: "orders" }, plan: "partners", application: { name: "shop" } },
});

function side(label: string, docs: Obj[]): Side {
  const resources = new Map<string, Resource>();
  for (const d of docs)
    resources.set(resourceKey(d.kind, d.metadata.name), {
      kind: d.kind,
      name: d.metadata.name,
      file: `apis/${d.metadata.name}.yaml`,
      value: d,
    });
  return { label, resources };
}

type Row = [
  title: string,
  base: () => Obj[],
  edit: (docs: Obj[]) => Obj[],
  expected: Array<[string, string]>,
];

/** Applies `f` to the first document's spec. */
const spec = (f: (s: Obj) => void) => (docs: Obj[]) => {
  f((docs[0] as Obj).spec);
  return docs;
};
const P = () => [proxy()];
const M = () => [message()];
const V2 = () => [v2()];

const ROWS: Row[] = [
  ["a new API", () => [], () => [proxy()], [["api-added", "safe"]]],
  ["an API removed", P, () => [], [["api-removed", "breaking"]]],
  ["PROXY becomes MESSAGE", P, spec((s) => (s.type = "MESSAGE")), [["api-type-changed", "breaking"]]],
  ["version bumped", P, spec((s) => (s.version = "1.1")), [["version-changed", "safe"]]],
  ["display name", P, spec((s) => (s.name = "Orders API")), [["name-changed", "safe"]]],
  [
    "context path renamed",
    P,
    spec((s) => (s.listeners[0].paths = [{ path: "/v2/orders" }])),
    [
      ["path-removed", "breaking"],
      ["path-added", "safe"],
    ],
  ],
  [
    "a second context path",
    P,
    spec((s) => s.listeners[0].paths.push({ path: "/purchases" })),
    [["path-added", "safe"]],
  ],
  ["`/orders/` is `/orders`", P, spec((s) => (s.listeners[0].paths = [{ path: "/orders/" }])), []],
  [
    "bound to a host",
    P,
    spec((s) => (s.listeners[0].paths = [{ host: "api.example", path: "/orders" }])),
    [["host-added", "breaking"]],
  ],
  [
    "host binding removed",
    () =>
      [spec((s) => (s.listeners[0].paths = [{ host: "api.example", path: "/orders" }]))([proxy()])].flat(),
    spec((s) => (s.listeners[0].paths = [{ path: "/orders" }])),
    [["host-removed", "risky"]],
  ],
  [
    "entrypoint removed",
    M,
    spec((s) => s.listeners[0].entrypoints.pop()),
    [["entrypoint-removed", "breaking"]],
  ],
  [
    "entrypoint added",
    M,
    spec((s) => s.listeners[0].entrypoints.push({ type: "websocket" })),
    [["entrypoint-added", "safe"]],
  ],
  [
    "QoS lowered",
    M,
    spec((s) => (s.listeners[0].entrypoints[0].qos = "NONE")),
    [["qos-lowered", "breaking"]],
  ],
  [
    "QoS raised",
    M,
    spec((s) => (s.listeners[0].entrypoints[1].qos = "AT_LEAST_ONCE")),
    [["qos-raised", "risky"]],
  ],
  [
    "entrypoint configuration",
    M,
    spec((s) => (s.listeners[0].entrypoints[1].configuration = { messagesLimitCount: 5 })),
    [["entrypoint-configuration-changed", "risky"]],
  ],
  [
    "mock answers other messages",
    M,
    spec((s) => (s.endpointGroups[0].endpoints[0].configuration.messageContent = '{"price":1}')),
    [["mock-response-changed", "breaking"]],
  ],
  [
    "mock interval",
    M,
    spec((s) => (s.endpointGroups[0].endpoints[0].configuration.messageInterval = 500)),
    [["endpoint-configuration-changed", "risky"]],
  ],
  [
    "endpoint target",
    P,
    spec((s) => (s.endpointGroups[0].endpoints[0].configuration.target = "http://c.internal/orders")),
    [["endpoint-target-changed", "risky"]],
  ],
  [
    "one endpoint of two removed",
    P,
    spec((s) => s.endpointGroups[0].endpoints.pop()),
    [["endpoint-removed", "risky"]],
  ],
  [
    "the whole group removed",
    P,
    spec((s) => (s.endpointGroups = [])),
    [
      ["endpoint-group-removed", "breaking"],
      ["endpoint-group-removed", "breaking"],
    ],
  ],
  [
    "endpoint added",
    P,
    spec((s) =>
      s.endpointGroups[0].endpoints.push({
        name: "c",
        type: "http-proxy",
        configuration: { target: "http://c" },
      }),
    ),
    [["endpoint-added", "risky"]],
  ],
  [
    "endpoint type",
    M,
    spec((s) => (s.endpointGroups[0].endpoints[0].type = "kafka")),
    [["endpoint-type-changed", "breaking"]],
  ],
  ["keyless plan removed", P, spec((s) => delete s.plans.public), [["plan-removed", "breaking"]]],
  [
    "keyless plan added",
    M,
    spec((s) => (s.plans.open = { name: "Open", security: { type: "KEY_LESS" } })),
    [["keyless-plan-added", "risky"]],
  ],
  [
    "API-key plan added",
    P,
    spec((s) => (s.plans.more = { name: "More", security: { type: "API_KEY" } })),
    [["plan-added", "safe"]],
  ],
  [
    "API key → JWT",
    P,
    spec((s) => (s.plans.partners.security = { type: "JWT" })),
    [["plan-security-changed", "breaking"]],
  ],
  [
    "JWT → keyless",
    P,
    spec((s) => (s.plans.jwt.security = { type: "KEY_LESS" })),
    [["plan-security-changed", "risky"]],
  ],
  [
    "JWT key source",
    P,
    spec((s) => (s.plans.jwt.security.configuration.publicKeyResolver = "JWKS_URL")),
    [["plan-security-configuration-changed", "risky"]],
  ],
  [
    "plan closed",
    P,
    spec((s) => (s.plans.partners.status = "CLOSED")),
    [["plan-status-changed", "breaking"]],
  ],
  [
    "rate limit tightened (env default 100 → 50)",
    P,
    spec((s) => (s.plans.partners.flows[0].request[0].configuration.rate.limit = 50)),
    [["limit-tightened", "breaking"]],
  ],
  [
    "rate limit per minute instead of second",
    P,
    spec((s) => (s.plans.partners.flows[0].request[0].configuration.rate.periodTimeUnit = "MINUTES")),
    [["limit-tightened", "breaking"]],
  ],
  [
    "rate limit loosened",
    P,
    spec((s) => (s.plans.partners.flows[0].request[0].configuration.rate.limit = 1000)),
    [["limit-loosened", "safe"]],
  ],
  [
    "rate limit removed",
    P,
    spec((s) => (s.plans.partners.flows[0].request = [])),
    [["policy-removed", "risky"]],
  ],
  [
    "rate limit added to an API flow",
    P,
    spec((s) => s.flows[0].request.push({ policy: "rate-limit", configuration: { rate: { limit: 10 } } })),
    [["policy-added", "breaking"]],
  ],
  [
    "header policy configuration",
    P,
    spec((s) => (s.flows[0].request[0].configuration.addHeaders[0].value = "2")),
    [["policy-configuration-changed", "risky"]],
  ],
  [
    "response body written by assign-content",
    P,
    spec((s) => (s.flows[0].response[0].configuration.body = '{"status":"ok"}')),
    [["response-content-changed", "breaking"]],
  ],
  [
    "policy disabled",
    P,
    spec((s) => (s.flows[0].request[0].enabled = false)),
    [["policy-disabled", "risky"]],
  ],
  ["flow disabled", P, spec((s) => (s.flows[0].enabled = false)), [["flow-disabled", "risky"]]],
  [
    "flow selectors",
    P,
    spec((s) => (s.flows[0].selectors[0].path = "/admin")),
    [["flow-selectors-changed", "risky"]],
  ],
  ["flow removed", P, spec((s) => (s.flows = [])), [["flow-removed", "risky"]]],
  [
    "flow with a quota added",
    P,
    spec((s) =>
      s.flows.push({
        name: "cap",
        request: [
          {
            policy: "quota",
            configuration: { quota: { limit: 1000, periodTime: 1, periodTimeUnit: "DAYS" } },
          },
        ],
      }),
    ),
    [["flow-added", "breaking"]],
  ],
  [
    "flow without limits added",
    P,
    spec((s) => s.flows.push({ name: "log", request: [{ policy: "transform-headers", configuration: {} }] })),
    [["flow-added", "risky"]],
  ],
  [
    "matchRequired on",
    P,
    spec((s) => (s.flowExecution.matchRequired = true)),
    [["match-required-enabled", "breaking"]],
  ],
  ["best match", P, spec((s) => (s.flowExecution.mode = "BEST_MATCH")), [["flow-mode-changed", "risky"]]],
  [
    "CORS origin dropped",
    P,
    spec((s) => s.listeners[0].cors.allowOrigin.pop()),
    [["cors-restricted", "breaking"]],
  ],
  [
    "CORS origin added",
    P,
    spec((s) => s.listeners[0].cors.allowOrigin.push("https://new.example")),
    [["cors-changed", "risky"]],
  ],
  ["API properties", P, spec((s) => (s.properties[0].value = "silver")), [["properties-changed", "risky"]]],
  [
    "failover on",
    P,
    spec((s) => (s.failover = { enabled: true, maxRetries: 2 })),
    [["failover-changed", "risky"]],
  ],
  [
    "v2: virtual host path renamed",
    V2,
    spec((s) => (s.proxy.virtual_hosts = [{ path: "/old" }])),
    [
      ["path-removed", "breaking"],
      ["path-added", "safe"],
    ],
  ],
  [
    "v2: strip_context_path",
    V2,
    spec((s) => (s.proxy.strip_context_path = true)),
    [["strip-context-path-changed", "breaking"]],
  ],
  [
    "v2: plan to JWT",
    V2,
    spec((s) => (s.plans[0].security = "JWT")),
    [["plan-security-changed", "breaking"]],
  ],
  [
    "subscription removed",
    () => [proxy(), subscription()],
    (docs) => docs.slice(0, 1),
    [["subscription-removed", "breaking"]],
  ],
  ["subscription added", P, (docs) => [...docs, subscription()], [["subscription-added", "safe"]]],
  [
    "subscription moved to another plan",
    () => [proxy(), subscription()],
    (docs) =>
      docs.map((d) => (d.kind === "Subscription" ? { ...d, spec: { ...d.spec, plan: "public" } } : d)),
    [["subscription-changed", "risky"]],
  ],
];

describe("sluice diff classifies each change kind", () => {
  it("covers at least 25 change kinds", () => {
    const kinds = new Set(ROWS.flatMap(([, , , expected]) => expected.map(([k]) => k)));
    expect(kinds.size).toBeGreaterThanOrEqual(25);
  });

  it.each(ROWS)("%s", (_title, base, edit, expected) => {
    const before = base();
    const after = edit(structuredClone(before));
    const changes = diffSides(side("base", before), side("head", after));
    expect(changes.map((c) => [c.kind, c.severity]).sort()).toEqual([...expected].sort());
    for (const c of changes) {
      expect(c.why.length).toBeGreaterThan(5);
      expect(c.where).not.toBe("");
    }
  });

  it("docs/diff.md names every kind", () => {
    const docs = readFileSync(join(import.meta.dirname, "..", "..", "docs", "diff.md"), "utf8");
    for (const kind of new Set(ROWS.flatMap(([, , , expected]) => expected.map(([k]) => k))))
      expect(docs, kind).toContain(`\`${kind}\``);
  });

  it("a password in a target is not printed", () => {
    const before = [proxy()];
    const after = spec(
      (s) =>
        (s.endpointGroups[0].endpoints[0].configuration.target = "https://svc:hunter2@a.internal/orders"),
    )(structuredClone(before));
    const [change] = diffSides(side("base", before), side("head", after));
    expect(change?.message).toBe("http://a.internal/orders → https://svc:***@a.internal/orders");
  });

  it("a changed SharedPolicyGroup names the APIs that run its steps", () => {
    const group = (value: string): Obj => ({
      apiVersion: "gravitee.io/v1alpha1",
      kind: "SharedPolicyGroup",
      metadata: { name: "tenant" },
      spec: {
        name: "tenant",
        apiType: "PROXY",
        phase: "REQUEST",
        steps: [{ policy: "transform-headers", configuration: { addHeaders: [{ name: "X-T", value }] } }],
      },
    });
    const user = spec((s) => s.flows[0].request.push({ sharedPolicyGroupRef: { name: "tenant" } }))([
      proxy(),
    ]);
    const before = [...user, message(), group("a")];
    const after = [...user, message(), group("b")];
    const changes = diffSides(side("base", before), side("head", after));
    expect(changes.map((c) => [c.kind, c.severity, c.why])).toEqual([
      ["sharedpolicygroup-changed", "risky", "its configuration changed, in the flows of `orders`"],
    ]);
    // Adding the reference is a step added to the flow, named by the group.
    const added = diffSides(side("base", [proxy(), group("a")]), side("head", [...user, group("a")]));
    expect(added.map((c) => [c.kind, c.where])).toEqual([
      ["policy-added", expect.stringContaining("sharedPolicyGroupRef tenant")],
    ]);
  });

  it("nothing changed: no change", () => {
    expect(diffSides(side("a", [proxy(), message(), v2()]), side("b", [proxy(), message(), v2()]))).toEqual(
      [],
    );
  });
});
