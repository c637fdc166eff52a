// Consumers end to end: a repository with two APIs, three applications and their subscriptions is
// compiled and served against a real echo backend; API keys come from a Kubernetes-style secret
// directory (files behind a swapped `..data` symlink) and from the environment. The bypass table
// sends every way in that must be refused; the positive rows show what a valid key does (its plan's
// flows, nothing of another plan's, the key removed from the upstream request). Then rotation and
// revocation in the secret volume, with no restart.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSecretVolume } from "../../scripts/dev-secrets.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const key = () => randomBytes(24).toString("hex"); // 48 characters
const KEYS = {
  alpha: key(),
  alphaEnv: key(),
  alphaOld: key(),
  betaGold: key(),
  betaBilling: key(),
  gamma: key(),
  legacy: key(),
  closed: key(),
};

const api = (name: string, path: string, plans: string, extra = "") =>
  proxyApi(name, path, "${ECHO_URL}", extra, { endpoint: "echo", plans });

const keyPlan = (id: string, tag: string) => `    ${id}:
      name: ${id}
      security:
        type: API_KEY
      flows:
        - name: tag
          selectors:
            - type: HTTP
              path: /
              pathOperator: STARTS_WITH
          request:
            - policy: transform-headers
              configuration:
                scope: REQUEST
                addHeaders:
                  - name: X-Plan
                    value: ${tag}
`;

const keyless = `    public:
      name: public
      security:
        type: KEY_LESS
      flows:
        - name: tag
          selectors:
            - type: HTTP
              path: /
          request:
            - policy: transform-headers
              configuration:
                addHeaders:
                  - name: X-Plan
                    value: public
`;

const app = (name: string) => `apiVersion: gravitee.io/v1alpha1
kind: Application
metadata:
  name: ${name}
spec:
  name: ${name} app
  settings:
    app:
      type: backend
`;

const subscription = (name: string, apiName: string, application: string, plan: string, rest: string) => `---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: ${name}
spec:
  api:
    name: ${apiName}
  application:
    name: ${application}
  plan: ${plan}
${rest}`;

const FILES = {
  "orders.yaml": api(
    "orders",
    "/orders",
    `${keyPlan("partners", "partners")}${keyPlan("gold", "gold")}${keyPlan("old", "old")}      status: CLOSED\n${keyless}`,
  ),
  "billing.yaml": api(
    "billing",
    "/billing",
    `${keyPlan("keys", "billing")}      selectionRule: "{#request.headers['x-tier'] == null || #request.headers['x-tier'][0] != 'blocked'}"\n`,
    `  responseTemplates:
    GATEWAY_PLAN_UNRESOLVABLE:
      application/json:
        status: 403
        headers:
          X-Refused: "yes"
        body: '{"refused":"{#request.path}"}'
`,
  ),
  "tiers.yaml": api(
    "tiers",
    "/tiers",
    `${keyPlan("gold", "gold")}      selectionRule: "{#request.headers['x-tier'] != null && #request.headers['x-tier'][0] == 'gold'}"\n${keyless}`,
  ),
  "apps.yaml": `${app("alpha")}---\n${app("beta")}---\n${app("gamma")}`,
  "subscriptions.yaml": [
    subscription(
      "alpha-partners",
      "orders",
      "alpha",
      "partners",
      `  apiKeys:
    - key: "[[ secret \`orders-keys/alpha\` ]]"
    - key: \${ALPHA_KEY}
    - key: "[[ secret \`orders-keys/old\` ]]"
      expireAt: "2021-01-01T00:00:00Z"
`,
    ),
    subscription("beta-gold", "orders", "beta", "gold", "  apiKeys:\n    - key: ${BETA_GOLD_KEY}\n"),
    subscription("beta-tiers", "tiers", "beta", "gold", "  apiKeys:\n    - key: ${BETA_GOLD_KEY}\n"),
    subscription("beta-old", "orders", "beta", "old", "  apiKeys:\n    - key: ${CLOSED_KEY}\n"),
    subscription(
      "beta-billing",
      "billing",
      "beta",
      "keys",
      '  apiKeys:\n    - key: "[[ secret `billing-keys/beta` ]]"\n',
    ),
    subscription(
      "gamma-partners",
      "orders",
      "gamma",
      "partners",
      '  endingAt: "2022-01-01T00:00:00Z"\n  apiKeys:\n    - key: ${GAMMA_KEY}\n',
    ),
  ].join(""),
};

let secretsDir: string;
/** A Secret volume written as the kubelet does (`..data` swapped): scripts/dev-secrets.ts. */
const writeSecret = (name: string, data: Record<string, string>) => writeSecretVolume(secretsDir, name, data);

let backend: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startEchoBackend();
  secretsDir = join(process.cwd(), ".tmp", "tests", `secrets-${randomBytes(4).toString("hex")}`);
  await writeSecret("orders-keys", { alpha: `${KEYS.alpha}\n`, old: KEYS.alphaOld });
  await writeSecret("billing-keys", { beta: KEYS.betaBilling });
  gateway = await startTestGateway(FILES, {
    ECHO_URL: backend.url,
    SLUICE_SECRETS_DIR: secretsDir,
    SLUICE_SECRETS_POLL_MS: "200",
    ALPHA_KEY: KEYS.alphaEnv,
    BETA_GOLD_KEY: KEYS.betaGold,
    GAMMA_KEY: KEYS.gamma,
    CLOSED_KEY: KEYS.closed,
    SLUICE_API_KEYS_BILLING: KEYS.legacy,
  });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await backend?.close();
  if (secretsDir) await rm(secretsDir, { recursive: true, force: true });
});

async function call(
  path: string,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<{ status: number; body: string; headers: Headers; upstream?: Received }> {
  const before = backend.received.length;
  const res = await fetch(`${gateway.url}${path}`, { headers, ...init });
  const body = await res.text();
  const upstream = backend.received.length > before ? backend.received.at(-1) : undefined;
  return { status: res.status, body, headers: res.headers, ...(upstream ? { upstream } : {}) };
}

const JSON_ACCEPT = { accept: "application/json" };
const apiKey = (k: string) => ({ "x-gravitee-api-key": k, ...JSON_ACCEPT });

describe("API keys from subscriptions", () => {
  it("a key from a secret file selects its plan: its flows run, the key is not forwarded", async () => {
    const r = await call("/orders/items", apiKey(KEYS.alpha));
    expect(r.status).toBe(200);
    expect(r.upstream?.headers["x-plan"]).toBe("partners");
    expect(r.upstream?.headers["x-gravitee-api-key"]).toBeUndefined();
  });

  it("a key from the environment works too, and in the query it is removed from the upstream query", async () => {
    const r = await call(`/orders/items?a=1&api-key=${KEYS.alphaEnv}&b=%20x`);
    expect(r.status).toBe(200);
    expect(r.upstream?.url).toBe("/items?a=1&b=%20x");
    const encoded = await call(`/orders/items?api%2Dkey=${KEYS.alphaEnv}`);
    expect(encoded.status).toBe(200);
    expect(encoded.upstream?.url).toBe("/items");
  });

  it("a key of plan gold gets gold's flows and none of partners'", async () => {
    const r = await call("/orders/items", apiKey(KEYS.betaGold));
    expect(r.status).toBe(200);
    expect(r.upstream?.headers["x-plan"]).toBe("gold");
  });

  it("a key whose plan's selectionRule does not hold gets none of that plan's flows (Gravitee: the keyless plan)", async () => {
    const gold = await call("/tiers/items", { ...apiKey(KEYS.betaGold), "x-tier": "gold" });
    expect(gold.upstream?.headers["x-plan"]).toBe("gold");
    const r = await call("/tiers/items", { ...apiKey(KEYS.betaGold), "x-tier": "silver" });
    expect(r.status).toBe(200);
    expect(r.upstream?.headers["x-plan"]).toBe("public");
  });

  it("no key at all: the keyless plan", async () => {
    const r = await call("/orders/items");
    expect(r.status).toBe(200);
    expect(r.upstream?.headers["x-plan"]).toBe("public");
  });

  it("header names are case-insensitive (HTTP), so any case of X-Gravitee-Api-Key works", async () => {
    expect((await call("/billing/x", { "X-GRAVITEE-API-KEY": KEYS.betaBilling })).status).toBe(200);
  });

  it("SLUICE_API_KEYS_<API> still works for one release, with a deprecation warning", async () => {
    expect((await call("/billing/x", apiKey(KEYS.legacy))).status).toBe(200);
    expect(gateway.logs.some((l) => l.includes("SLUICE_API_KEYS_BILLING is deprecated"))).toBe(true);
  });

  const refused: Array<[string, () => Promise<{ status: number; body: string }>, number, string]> = [
    ["missing key (no keyless plan)", () => call("/billing/x", JSON_ACCEPT), 403, '"refused"'],
    [
      "wrong key: keyless is not a fallback once a key was sent",
      () => call("/orders/x", apiKey(key())),
      401,
      "Unauthorized",
    ],
    ["empty key", () => call("/billing/x?api-key=", JSON_ACCEPT), 403, ""],
    [
      "expired key (expireAt past): the plan refuses it",
      () => call("/orders/x", apiKey(KEYS.alphaOld)),
      401,
      "API Key is not valid or is expired / revoked.",
    ],
    [
      "key of an ended subscription (endingAt past)",
      () => call("/orders/x", apiKey(KEYS.gamma)),
      401,
      "Unauthorized",
    ],
    [
      "key of a plan whose selectionRule does not hold (no keyless plan)",
      () => call("/billing/x", { ...apiKey(KEYS.betaBilling), "x-tier": "blocked" }),
      403,
      '"refused"',
    ],
    [
      "key of a CLOSED plan (not deployed)",
      () => call("/orders/x", apiKey(KEYS.closed)),
      401,
      "Unauthorized",
    ],
    [
      "key valid on API billing used on API orders",
      () => call("/orders/x", apiKey(KEYS.betaBilling)),
      401,
      "Unauthorized",
    ],
    ["key valid on API orders used on API billing", () => call("/billing/x", apiKey(KEYS.alpha)), 403, ""],
    [
      "key with a character changed",
      () =>
        call(
          "/billing/x",
          apiKey(KEYS.betaBilling.slice(0, -1) + (KEYS.betaBilling.endsWith("a") ? "b" : "a")),
        ),
      403,
      "",
    ],
    [
      "key with a prefix of the right one",
      () => call("/billing/x", apiKey(KEYS.betaBilling.slice(0, 32))),
      403,
      "",
    ],
    [
      "key in another header",
      () => call("/billing/x", { "x-api-key": KEYS.betaBilling, ...JSON_ACCEPT }),
      403,
      "",
    ],
    [
      "key as a bearer token",
      () => call("/billing/x", { authorization: `Bearer ${KEYS.betaBilling}`, ...JSON_ACCEPT }),
      403,
      "",
    ],
    [
      "key in a cookie",
      () => call("/billing/x", { cookie: `api-key=${KEYS.betaBilling}`, ...JSON_ACCEPT }),
      403,
      "",
    ],
    [
      "key in a form body",
      () =>
        call(
          "/billing/x",
          { "content-type": "application/x-www-form-urlencoded", ...JSON_ACCEPT },
          {
            method: "POST",
            body: `api-key=${KEYS.betaBilling}`,
          },
        ),
      403,
      "",
    ],
    [
      "query parameter in another case",
      () => call(`/billing/x?API-KEY=${KEYS.betaBilling}`, JSON_ACCEPT),
      403,
      "",
    ],
    [
      "the key twice in one header",
      () => call("/billing/x", apiKey(`${KEYS.betaBilling}, ${KEYS.betaBilling}`)),
      403,
      "",
    ],
  ];

  it.each(refused)("refused: %s", async (_name, send, status, text) => {
    const r = await send();
    expect(r.status).toBe(status);
    if (text) expect(r.body).toContain(text);
  });

  it("the response template replaces body, status and headers for JSON clients only", async () => {
    const json = await call("/billing/some/path", JSON_ACCEPT);
    expect(json.status).toBe(403);
    expect(json.headers.get("x-refused")).toBe("yes");
    expect(JSON.parse(json.body)).toEqual({ refused: "/billing/some/path" });
    const text = await call("/billing/x", { accept: "text/plain" });
    expect([text.status, text.body]).toEqual([401, "Unauthorized"]);
  });

  it.each([
    ["upper-case context path", "/BILLING/x"],
    ["percent-encoded context path", "/%62illing/x"],
    ["doubled slash", "//billing/x"],
    ["dot segment", "/orders/../billing/x"],
  ])("no bypass through a path variant (%s): nothing reaches the backend without a key", async (_n, path) => {
    const before = backend.received.length;
    const r = await call(path, JSON_ACCEPT);
    expect(r.status).not.toBe(200);
    // The variant either matches no API (404) or is refused by billing; it never lands on orders' keyless plan.
    expect(backend.received.slice(before).some((x) => x.headers["x-plan"] !== undefined)).toBe(false);
  });

  it("metrics name the plan and the application; logs never carry a key", async () => {
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /sluice_plan_requests_total\{api="orders",plan="partners",application="alpha",status="200"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /sluice_plan_requests_total\{api="orders",plan="gold",application="beta",status="200"\} [1-9]/,
    );
    const logs = gateway.logs.join("\n");
    expect(logs).toContain('"msg":"request refused"');
    for (const k of Object.values(KEYS)) expect(logs).not.toContain(k);
  });

  it("a key rotated in its secret file is accepted within 2 s and the old one refused, with no restart", async () => {
    const rotated = key();
    expect((await call("/orders/x", apiKey(KEYS.alpha))).status).toBe(200);
    await writeSecret("orders-keys", { alpha: rotated, old: KEYS.alphaOld });
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 2000) {
      status = (await call("/orders/x", apiKey(rotated))).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(200);
    expect((await call("/orders/x", apiKey(KEYS.alpha))).status).toBe(401);
    // Revoked: the key removed from the Secret.
    await writeSecret("orders-keys", { old: KEYS.alphaOld });
    await new Promise((r) => setTimeout(r, 600));
    expect((await call("/orders/x", apiKey(rotated))).status).toBe(401);
    expect(gateway.logs.join("\n")).not.toContain(rotated);
  });
});
