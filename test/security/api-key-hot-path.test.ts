// The API-key plan on the request path (docs/benchmarks.md, "Plans and policies on the hot path"):
// a request's key is digested once (SHA-256, lower-case hex) and each API_KEY plan looks it up once
// — the selected plan's expiry check reuses plan selection's answer instead of a second lookup.
// Each row sends a real request through ApiRuntime.request() with plans whose subscription lookups
// are counted, and checks the outcome (plan, subscription, refusal, what goes upstream) with it.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameDigest, sha256 } from "../../runtime/consumers/plan-subscriptions.ts";
import type {
  ApiDefinition,
  Exchange,
  PlanSubscriptions,
  SubscriptionDefinition,
} from "../../runtime/contract.ts";
import { GatewayError } from "../../runtime/contract.ts";
import { security } from "../../runtime/define.ts";
import { connector as apiKey, apiKeyDigest } from "../../runtime/security/api-key/index.ts";
import { connector as keyLess } from "../../runtime/security/key-less/index.ts";
import { ApiRuntime } from "../../runtime/server/api-runtime.ts";
import { GatewayExchange } from "../../runtime/server/exchange.ts";
import { createLogger } from "../../runtime/server/log.ts";

const key = (c: string) => `${c.repeat(8)}-0123456789abcdef0123456789abcdef0123456789`;
const GOLD = key("g");
const SILVER = key("s");
const EXPIRED = key("e");

const subscription = (id: string, apiKey: string, expireAt?: string): SubscriptionDefinition => ({
  id,
  application: { id: `${id}-app`, name: id },
  apiKeys: [{ key: apiKey, ...(expireAt ? { expireAt } : {}) }],
});

/** Lookups by digest, per plan, since the last reset. */
const lookups: Record<string, number> = {};

/** An API_KEY plan whose subscription lookups are counted in `lookups[id]`. */
function keyPlan(id: string, subscriptions: SubscriptionDefinition[]): ApiDefinition["plans"][number] {
  const binding = security(apiKey, {});
  return {
    id,
    name: id,
    mode: "STANDARD",
    securityType: "API_KEY",
    subscriptions,
    flows: [],
    security: {
      create: (ctx) => {
        const real = ctx.subscriptions;
        const counted: PlanSubscriptions = {
          ...real,
          byApiKeyDigest: (digest, now) => {
            lookups[id] = (lookups[id] ?? 0) + 1;
            return real.byApiKeyDigest(digest, now);
          },
        };
        return binding.create({ ...ctx, subscriptions: counted });
      },
    },
  };
}

const definition: ApiDefinition = {
  id: "keys",
  name: "keys",
  version: "1",
  type: "PROXY",
  source: "test",
  hash: "",
  paths: [{ path: "/keys/" }],
  entrypoints: [],
  endpointGroups: [],
  plans: [
    keyPlan("gold", [
      subscription("gold-sub", GOLD),
      subscription("late-sub", EXPIRED, "2020-01-01T00:00:00Z"),
    ]),
    keyPlan("silver", [subscription("silver-sub", SILVER)]),
    {
      id: "free",
      name: "free",
      mode: "STANDARD",
      securityType: "KEY_LESS",
      security: security(keyLess, {}),
      flows: [],
    },
  ],
  flows: [],
  flowExecution: { mode: "DEFAULT", matchRequired: false },
  properties: {},
};

interface Outcome {
  plan?: string;
  subscription?: string;
  error?: string;
  upstreamKeyHeader?: string | null;
  upstreamQuery?: string;
  digest?: string;
}

let base = "";
const server = createServer(async (req, res) => {
  const exchange = new GatewayExchange(runtime, req, res, "/keys", "/items");
  const outcome: Outcome = {};
  try {
    await runtime.request(exchange);
    outcome.plan = exchange.plan;
    outcome.subscription = exchange.subscription?.id;
    outcome.upstreamKeyHeader = exchange.upstreamHeaders["x-gravitee-api-key"];
    outcome.upstreamQuery = exchange.upstreamRequest.query;
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    outcome.error = `${error.status} ${error.key}`;
  }
  const given = req.headers["x-gravitee-api-key"];
  if (typeof given === "string") outcome.digest = apiKeyDigest(exchange as Exchange, given);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(outcome));
});
const runtime = new ApiRuntime(
  definition,
  createLogger({}, () => {}),
  {},
);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Row {
  name: string;
  path: string;
  headers: Record<string, string>;
  expected: Outcome;
  /** Lookups per plan for the request. */
  expectedLookups: Record<string, number>;
}

const rows: Row[] = [
  {
    name: "a key of the first plan: one lookup, reused by its expiry check",
    path: "/keys/items",
    headers: { "X-Gravitee-Api-Key": GOLD },
    expected: { plan: "gold", subscription: "gold-sub", upstreamKeyHeader: null },
    expectedLookups: { gold: 1 },
  },
  {
    name: "a key of the second plan: one lookup in each plan",
    path: "/keys/items",
    headers: { "X-Gravitee-Api-Key": SILVER },
    expected: { plan: "silver", subscription: "silver-sub", upstreamKeyHeader: null },
    expectedLookups: { gold: 1, silver: 1 },
  },
  {
    name: "an expired key selects its plan and is refused, still one lookup",
    path: "/keys/items",
    headers: { "X-Gravitee-Api-Key": EXPIRED },
    expected: { error: "401 API_KEY_INVALID" },
    expectedLookups: { gold: 1 },
  },
  {
    name: "an unknown key: every API_KEY plan looks once, then no plan takes it",
    path: "/keys/items",
    headers: { "X-Gravitee-Api-Key": key("u") },
    expected: { error: "401 GATEWAY_PLAN_UNRESOLVABLE" },
    expectedLookups: { gold: 1, silver: 1 },
  },
  {
    name: "a key in the query: one lookup, the parameter removed upstream",
    path: `/keys/items?a=1&api-key=${SILVER}&b=2`,
    headers: {},
    expected: { plan: "silver", subscription: "silver-sub", upstreamQuery: "?a=1&b=2" },
    expectedLookups: { gold: 1, silver: 1 },
  },
  {
    name: "no key: the keyless plan, no lookup",
    path: "/keys/items",
    headers: {},
    expected: { plan: "free" },
    expectedLookups: {},
  },
];

describe("API-key plan: one digest, one lookup per plan", () => {
  it.each(rows)("$name", async ({ path, headers, expected, expectedLookups }) => {
    for (const id of Object.keys(lookups)) delete lookups[id];
    const res = await fetch(`${base}${path}`, { headers });
    const outcome = (await res.json()) as Outcome;
    expect(outcome).toMatchObject(expected);
    expect(lookups).toEqual(expectedLookups);
    const sent = headers["X-Gravitee-Api-Key"];
    // The digest the exchange keeps is the key's SHA-256 in lower-case hex.
    if (sent) expect(outcome.digest).toBe(createHash("sha256").update(sent).digest("hex"));
  });

  it("sha256 is lower-case hex; sameDigest compares every character", () => {
    const digest = sha256(GOLD);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === "0" ? "1" : "0"}${s.slice(i + 1)}`;
    const table: Array<[string, string, boolean]> = [
      [digest, sha256(GOLD), true],
      [digest, flip(digest, 0), false],
      [digest, flip(digest, 63), false],
      [digest, digest.slice(0, 63), false],
      [digest, sha256(SILVER), false],
      ["", "", true],
    ];
    for (const [a, b, equal] of table)
      expect([a.length, b.length, sameDigest(a, b)]).toEqual([a.length, b.length, equal]);
  });
});
