// `sluice explain`: table-driven on the example repository (apis/) and on specs written here —
// routing (precedence, virtual hosts, path normalisation), plan selection from the request's
// credentials, flow matching (selectors, modes, matchRequired) and the steps of each phase — then
// checked against the running gateway: what explain says is what debug mode records.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../compiler/cli/main.ts";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { type Explanation, explainRequest } from "../../compiler/explain/explain.ts";
import type { GatewayModel } from "../../compiler/model/model.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { debugToken } from "../../runtime/observability/debug.ts";
import { startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, writeRepository } from "../helpers/gateway.ts";

async function modelOf(dir: string): Promise<GatewayModel> {
  const result = await checkRepository({ target: dir });
  if (!result.model) throw new Error(`specs in ${dir} have errors`);
  return result.model;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

/** The short form a table row asserts: route, plan verdicts, flows, steps per phase, answer. */
function summary(x: Explanation) {
  return {
    api: x.api ? `${x.api.id} ${x.api.contextPath} ${JSON.stringify(x.api.pathInfo)}` : undefined,
    plans: x.plans?.map((p) => `${p.id}:${p.verdict}`),
    plan: x.plan,
    flows: x.flows?.map((f) => `${f.from}/${f.name}`),
    request: x.phases?.request?.map((s) => s.policy),
    response: x.phases?.response?.map((s) => s.policy),
    subscribe: x.phases?.subscribe?.map((s) => s.policy),
    answer: x.answer?.status,
    otherwise: x.otherwise?.status,
  };
}

describe("sluice explain on the example repository", () => {
  let model: GatewayModel;
  beforeAll(async () => {
    model = await modelOf(join(PROJECT_DIR, "apis"));
  });

  it.each([
    {
      name: "a keyless request to orders: the public plan, the API's flow both ways",
      method: "GET",
      url: "/orders/42",
      headers: {},
      expected: {
        api: 'orders /orders/ "/42"',
        plans: ["certificates:skipped", "tokens:skipped", "partners:skipped", "public:selected"],
        plan: "public",
        flows: ["api/tag requests"],
        request: ["transform-headers"],
        response: ["transform-headers"],
      },
    },
    {
      name: "an API key: the partners plan if the key is subscribed, its rate limit first, else 401",
      method: "GET",
      url: "/orders/42",
      headers: { "x-gravitee-api-key": "k" },
      expected: {
        plans: ["certificates:skipped", "tokens:skipped", "partners:selected-if", "public:skipped"],
        plan: "partners",
        flows: ["plan partners/partner quota", "api/tag requests"],
        request: ["rate-limit", "transform-headers"],
        otherwise: 401,
      },
    },
    {
      name: "the api-key query parameter is a key too",
      method: "GET",
      url: "/orders/42?api-key=k",
      headers: {},
      expected: { plan: "partners", otherwise: 401 },
    },
    {
      name: "a bearer token: the JWT plan",
      method: "GET",
      url: "/orders/",
      headers: { authorization: "Bearer abc" },
      expected: {
        api: 'orders /orders/ "/"',
        plans: ["certificates:skipped", "tokens:selected-if", "partners:skipped", "public:skipped"],
        plan: "tokens",
      },
    },
    {
      name: "the longest context path wins: /orders/events/ is the Kafka API",
      method: "GET",
      url: "/orders/events/created",
      headers: {},
      expected: {
        api: 'orders-events-kafka /orders/events/ "/created"',
        flows: ["api/only created events to SSE"],
        subscribe: ["message-filtering"],
      },
    },
    {
      name: "dot segments are resolved before routing, as the gateway does",
      method: "GET",
      url: "/orders/../weather/paris",
      headers: {},
      expected: {
        api: 'weather-soap /weather/ "/paris"',
        flows: ["api/REST to SOAP"],
        request: ["rest-to-soap"],
      },
    },
    {
      name: "an EQUALS selector does not match a longer path",
      method: "GET",
      url: "/weather/paris/today",
      headers: {},
      expected: { flows: [] },
    },
    {
      name: "a method selector does not match another method",
      method: "POST",
      url: "/weather/paris",
      headers: {},
      expected: { flows: [] },
    },
    {
      name: "an absolute URL is routed by its path",
      method: "GET",
      url: "http://gateway.example/legacy/echo/x",
      headers: {},
      expected: { api: 'echo-v2 /legacy/echo/ "/x"' },
    },
    { name: "no context path: 404", method: "GET", url: "/nowhere", headers: {}, expected: { answer: 404 } },
  ] as Array<{
    name: string;
    method: string;
    url: string;
    headers: Record<string, string>;
    expected: object;
  }>)("$name", ({ method, url, headers, expected }) => {
    expect(summary(explainRequest(model, { method, url, headers }))).toMatchObject(expected);
  });
});

const spec = (name: string, body: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
${body}`;

const endpoints = `  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: echo
          type: http-proxy
          configuration:
            target: \${BACKEND:-http://127.0.0.1:1}/in
`;

const FILES: Record<string, string> = {
  "hosted.yaml": spec(
    "hosted",
    `  listeners:
    - type: HTTP
      paths:
        - path: /shop
          host: shop.example
      entrypoints:
        - type: http-proxy
${endpoints}  plans:
    open: { name: Open, security: { type: KEY_LESS } }
`,
  ),
  "shop.yaml": spec(
    "shop",
    `  listeners:
    - type: HTTP
      paths:
        - path: /shop
      entrypoints:
        - type: http-proxy
${endpoints}  flowExecution:
    mode: BEST_MATCH
  flows:
    - name: all
      selectors: [{ type: HTTP, path: /, pathOperator: STARTS_WITH }]
      request:
        - policy: transform-headers
          configuration: { addHeaders: [{ name: X-All, value: "1" }] }
    - name: items
      selectors: [{ type: HTTP, path: /items/:id, pathOperator: STARTS_WITH }]
      request:
        - policy: transform-headers
          name: tag items
          condition: "{#request.headers['x-tag'] != null}"
          configuration: { addHeaders: [{ name: X-Item, value: "{#request.pathParams['id']}" }] }
  plans:
    gold:
      name: Gold
      security: { type: API_KEY }
      selectionRule: "{#request.headers['x-tier'][0] == 'gold'}"
    open: { name: Open, security: { type: KEY_LESS } }
`,
  ),
  "strict.yaml": spec(
    "strict",
    `  listeners:
    - type: HTTP
      paths:
        - path: /strict
      entrypoints:
        - type: http-proxy
${endpoints}  flowExecution:
    matchRequired: true
  flows:
    - name: only-admin
      selectors:
        - { type: HTTP, path: /admin, pathOperator: EQUALS, methods: [GET] }
        - { type: CONDITION, condition: "{#request.headers['x-admin'] != null}" }
      request:
        - policy: transform-headers
          configuration: { addHeaders: [{ name: X-Admin, value: "1" }] }
    - name: numbered
      selectors: [{ type: HTTP, path: '/(report|export)s?/\\d+', pathOperator: EQUALS }]
      request:
        - policy: transform-headers
          configuration: { addHeaders: [{ name: X-Numbered, value: "1" }] }
  plans:
    open: { name: Open, security: { type: KEY_LESS } }
`,
  ),
};

describe("sluice explain on specs written for it", () => {
  let dir: string;
  let model: GatewayModel;
  beforeAll(async () => {
    dir = await writeRepository(FILES);
    model = await modelOf(join(dir, "apis"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    {
      name: "a route bound to the request's host beats the host-less one",
      url: "/shop/items/1",
      headers: { host: "shop.example" },
      expected: { api: 'hosted /shop/ "/items/1"', flows: [] },
    },
    {
      name: "another host takes the host-less route; BEST_MATCH keeps the most specific flow",
      url: "/shop/items/1",
      headers: { host: "other.example" },
      expected: { api: 'shop /shop/ "/items/1"', flows: ["api/items"], request: ["transform-headers"] },
    },
    {
      name: "BEST_MATCH falls back to the general flow",
      url: "/shop/basket",
      headers: {},
      expected: { flows: ["api/all"] },
    },
    {
      name: "a selection rule makes the plan conditional; if it fails the credential is dropped and keyless may take it",
      url: "/shop/basket",
      headers: { "x-gravitee-api-key": "k" },
      expected: { plans: ["gold:selected-if", "open:selected"], plan: "gold" },
    },
    {
      name: "matchRequired without a matching flow: 404",
      url: "/strict/other",
      headers: {},
      expected: { flows: [], answer: 404 },
    },
    {
      name: "a flow path is a regular expression, matched as the gateway matches it",
      url: "/strict/exports/12",
      headers: {},
      expected: { flows: ["api/numbered"], request: ["transform-headers"] },
    },
    {
      name: "a regular-expression flow path that does not match: matchRequired answers 404",
      url: "/strict/exports/x12",
      headers: {},
      expected: { flows: [], answer: 404 },
    },
    {
      name: "a CONDITION selector is shown, not evaluated",
      url: "/strict/admin",
      headers: {},
      expected: { flows: ["api/only-admin"], request: ["transform-headers"] },
    },
  ] as Array<{ name: string; url: string; headers: Record<string, string>; expected: object }>)(
    "$name",
    ({ url, headers, expected }) => {
      expect(summary(explainRequest(model, { method: "GET", url, headers }))).toMatchObject(expected);
    },
  );

  it("shows the step's condition and the selection rule as written", () => {
    const x = explainRequest(model, {
      method: "GET",
      url: "/shop/items/7",
      headers: { "x-gravitee-api-key": "k" },
    });
    expect(x.plans?.[0]?.why).toContain("{#request.headers['x-tier'][0] == 'gold'}");
    expect(x.phases?.request?.[0]).toMatchObject({
      name: "tag items",
      condition: "{#request.headers['x-tag'] != null}",
    });
    const strict = explainRequest(model, { method: "GET", url: "/strict/admin", headers: {} });
    expect(strict.flows?.[0]?.conditions).toEqual(["{#request.headers['x-admin'] != null}"]);
  });

  it("prints for people and as JSON; exit 1 with located errors on bad specs, 2 on bad usage", async () => {
    const human = await run([
      "explain",
      "GET",
      "/shop/items/7",
      join(dir, "apis"),
      "-H",
      "Host: other.example",
    ]);
    expect(human.code).toBe(0);
    expect(human.out).toContain("api        shop (PROXY,");
    expect(human.out).toContain(
      '1. transform-headers "tag items"  (api, flow "items")  if {#request.headers',
    );
    const json = await run(["explain", "GET", "/shop/x", join(dir, "apis"), "--format", "json"]);
    expect((JSON.parse(json.out) as Explanation).api?.id).toBe("shop");
    const bad = await writeRepository({ "bad.yaml": spec("bad", "  listeners: 3\n") });
    try {
      const failed = await run(["explain", "GET", "/x", join(bad, "apis")]);
      expect(failed.code).toBe(1);
      expect(failed.err).toMatch(/bad\.yaml:\d+:\d+/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
    expect((await run(["explain", "GET"])).code).toBe(2);
    expect((await run(["explain", "GET", "/x", "--header", "nocolon"])).code).toBe(2);
  });

  it("agrees with the running gateway: the plan and flows explain names are those debug mode records", async () => {
    const backend = await startEchoBackend();
    const secret = "explain-and-debug-agree-secret";
    const gateway = await startTestGateway(FILES, { BACKEND: backend.url, SLUICE_DEBUG_SECRET: secret });
    try {
      for (const [url, headers] of [
        ["/shop/items/9", { host: "other.example", "x-tag": "1" }],
        ["/shop/basket", {}],
        ["/strict/admin", { "x-admin": "1" }],
      ] as const) {
        const path = url;
        const res = await fetch(`${gateway.url}${url}`, {
          headers: { ...headers, "x-sluice-debug": debugToken(secret, "GET", path) },
        });
        await res.text();
        const id = res.headers.get("x-gravitee-request-id")!;
        type Recorded = {
          status?: number;
          plan?: { id: string };
          flows: string[];
          steps: Array<{ policy: string; ran: boolean }>;
        };
        let recorded: Recorded | undefined;
        for (let i = 0; i < 100 && !recorded; i++) {
          const r = await fetch(`${gateway.adminUrl}/debug/${id}`);
          const body = (await r.json()) as Recorded;
          if (body.status !== undefined) recorded = body;
          else await new Promise((done) => setTimeout(done, 20));
        }
        const explained = explainRequest(model, { method: "GET", url, headers: { ...headers } });
        expect(recorded?.plan?.id).toBe(explained.plan);
        expect(recorded?.flows).toEqual(explained.flows?.map((f) => f.name));
        expect(recorded?.steps.filter((s) => s.ran).map((s) => s.policy)).toEqual(
          explained.phases?.request?.map((s) => s.policy),
        );
      }
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});
