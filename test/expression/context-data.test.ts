// The consumer data expressions read, through a compiled gateway: `#subscription` and
// `#application` (the subscription an API key found: Gravitee's SubscriptionVariable, the
// Application's metadata), `#dictionaries` (Dictionary resources, linked into the APIs that name
// them), and the same variables on a keyless plan (Gravitee's stand-in subscription). Each row is a
// template rendered into the response body; the expected values follow from the resources below
// and Gravitee's semantics (a metadata map read by key, null rendered as nothing).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const KEY = randomBytes(24).toString("hex");

/** [expression, value with the API key of `gold-sub`, value on the keyless API (undefined: not sent there)]. */
const CASES: ReadonlyArray<readonly [string, string, string?]> = [
  ["{#subscription.id}", "gold-sub", "127.0.0.1"],
  ["{#subscription.type}", "STANDARD", "STANDARD"],
  ["{#subscription.metadata['tier']}", "gold", ""],
  ["{#subscription.metadata['missing']}", "", ""],
  ["{#subscription.metadata.containsKey('tier')}", "true", "false"],
  ["{#subscription.applicationName}", "Mobile app", ""],
  ["{#subscription.clientId}", "mobile-client", ""],
  ["{#application.id}", "mobile", "1"],
  ["{#application.name}", "Mobile app", ""],
  ["{#application.metadata['region']}", "eu-west", ""],
  ["{#application.metadata['contact']}", "ops@example.com", ""],
  ["{#application.metadata['empty']}", "", ""],
  ["{(#subscription.metadata['tier'] == 'gold')}", "true", "false"],
  ["{#dictionaries['countries']['fr']}", "France", "France"],
  ["{#dictionaries['countries'].de}", "Germany", "Germany"],
  ["{#dictionaries['countries']['xx']}", "", ""],
  ["{#dictionaries['countries'].containsKey('fr')}", "true", "true"],
  // Dictionary values are text: `+` concatenates, as in Gravitee.
  ["{#dictionaries['limits']['burst'] + 1}", "5001", "5001"],
  ["{#dictionaries[#request.headers['X-Dict'][0]]['fr']}", "Français", "Français"],
  ["{#dictionaries['countries']['fr'].toUpperCase()}", "FRANCE", "FRANCE"],
];

const template = CASES.map(([source], i) => `@@${i}@@${source}`).join("\n");

const api = (name: string, path: string, security: string) =>
  proxyApi(
    name,
    path,
    "${ECHO_URL}",
    `  flows:
    - name: render
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      response:
        - policy: assign-content
          configuration:
            scope: RESPONSE
            body: ${JSON.stringify(template)}
        - policy: transform-headers
          condition: "{#subscription.metadata['tier'] == 'gold'}"
          configuration:
            scope: RESPONSE
            addHeaders:
              - name: X-Tier
                value: "{#subscription.metadata['tier']}"
`,
    { endpoint: "echo", plans: `    main:\n      name: main\n      security:\n        type: ${security}\n` },
  );

const FILES = {
  "keyed.yaml": api("keyed", "/keyed", "API_KEY"),
  "open.yaml": api("open", "/open", "KEY_LESS"),
  "consumers.yaml": `apiVersion: gravitee.io/v1alpha1
kind: Application
metadata:
  name: mobile
spec:
  name: Mobile app
  settings:
    app:
      type: backend
      clientId: mobile-client
  metadata:
    - name: region
      value: eu-west
    - name: contact
      defaultValue: ops@example.com
    - name: empty
---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: gold-sub
spec:
  api:
    name: keyed
  application:
    name: mobile
  plan: main
  metadata:
    tier: gold
  apiKeys:
    - key: \${GOLD_KEY}
`,
  "dictionaries.yaml": `apiVersion: gravitee.io/v1alpha1
kind: Dictionary
metadata:
  name: countries
spec:
  name: Countries
  type: MANUAL
  properties:
    fr: France
    de: Germany
---
apiVersion: gravitee.io/v1alpha1
kind: Dictionary
metadata:
  name: limits
spec:
  properties:
    burst: "500"
---
apiVersion: gravitee.io/v1alpha1
kind: Dictionary
metadata:
  name: names-fr
spec:
  properties:
    fr: \${FR_NAME}
`,
};

let backend: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startEchoBackend();
  gateway = await startTestGateway(FILES, { ECHO_URL: backend.url, GOLD_KEY: KEY, FR_NAME: "Français" });
});

afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

function parse(body: string): Map<number, string> {
  const out = new Map<number, string>();
  const parts = body.split(/(?:^|\n)@@(\d+)@@/);
  for (let i = 1; i + 1 < parts.length; i += 2) out.set(Number(parts[i]), parts[i + 1]!);
  return out;
}

describe("#subscription, #application and #dictionaries through a compiled gateway", () => {
  it("renders the API key's subscription, its application and the dictionaries", async () => {
    const res = await fetch(`${gateway.url}/keyed/x`, {
      headers: { "X-Gravitee-Api-Key": KEY, "X-Dict": "names-fr" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-tier")).toBe("gold");
    const values = parse(await res.text());
    expect(CASES.map(([source], i) => [source, values.get(i)])).toEqual(
      CASES.map(([source, value]) => [source, value]),
    );
  });

  it("renders Gravitee's stand-in subscription on a keyless plan", async () => {
    const res = await fetch(`${gateway.url}/open/x`, { headers: { "X-Dict": "names-fr" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-tier")).toBeNull();
    const values = parse(await res.text());
    expect(CASES.map(([source], i) => [source, values.get(i)?.replace(/^::ffff:/, "")])).toEqual(
      CASES.map(([source, , keyless]) => [source, keyless]),
    );
  });

  it("links into an API only the dictionaries its expressions name", async () => {
    const { compileForTest } = await import("../helpers/gateway.ts");
    const { readFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const only = api("only", "/only", "KEY_LESS").replace(
      JSON.stringify(template),
      JSON.stringify("{#dictionaries['countries']['fr']}"),
    );
    const { out } = await compileForTest({
      "only.yaml": only,
      "dictionaries.yaml": FILES["dictionaries.yaml"],
    });
    const module = await readFile(join(out, "apis", "only.ts"), "utf8");
    expect(module).toContain('"countries"');
    expect(module).not.toContain('"limits"');
    expect(module).not.toContain("names-fr");
  });
});
