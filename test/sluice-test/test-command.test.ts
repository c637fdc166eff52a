// `sluice test` on a repository it has not seen: the cases it generates, run against the real
// compiled bundle, pass where the gateway does what the specs say — and fail where it does not (an
// API whose flows match no request answers 404; a header a later step removes never arrives).
// Then on this repository's own apis/, whose message APIs run on the real Kafka and Mosquitto.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { proxyApi } from "../helpers/specs.ts";

const api = (name: string, path: string, plans: string, extra = "") =>
  proxyApi(name, path, `https://backend.invalid/${name}`, extra, {
    plans,
    group: "backend-group",
    endpoint: "backend",
  });

const KEYLESS = "    open:\n      name: Open\n      security:\n        type: KEY_LESS\n";
const API_KEY = "    keys:\n      name: Keys\n      security:\n        type: API_KEY\n";
const JWT =
  "    tokens:\n      name: Tokens\n      security:\n        type: JWT\n        configuration:\n          signature: RSA_RS256\n          publicKeyResolver: JWKS_URL\n          resolverParameter: http://127.0.0.1:9/jwks\n";
// A v2 API whose plan has an id: its flows are found by id (Subscriptions name v2 plans by id).
const V2 = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default-group
        endpoints:
          - name: e
            target: https://backend.invalid/legacy
  plans:
    - id: 0d7c1a52-3f7e-4c7a-9a51-0d7c1a523f7e
      name: Members
      security: API_KEY
      flows:
        - name: stamp
          path-operator:
            path: /
            operator: STARTS_WITH
          pre:
            - policy: transform-headers
              configuration:
                addHeaders:
                  - name: X-Member
                    value: "yes"
`;
const MTLS = "    certs:\n      name: Certs\n      security:\n        type: MTLS\n";
const OAUTH2 =
  "    oauth:\n      name: OAuth\n      security:\n        type: OAUTH2\n        configuration:\n          oauthResource: idp\n          checkRequiredScopes: true\n          requiredScopes: [orders:read]\n";
const IDP = `  resources:
    - name: idp
      type: oauth2
      configuration:
        authorizationServerUrl: https://idp.invalid
        introspectionEndpoint: /introspect
        clientId: gateway
`;
const FLOWS = `  flows:
    - name: tag x
      selectors:
        - type: HTTP
          path: /x
          pathOperator: STARTS_WITH
      request:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tagged
                value: "yes"
      response:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Seen
                value: "{#request.path}"
    - name: canned
      selectors:
        - type: HTTP
          path: /canned
          pathOperator: EQUALS
          methods: [GET]
      request:
        - policy: mock
          configuration:
            status: 203
            content: '{"canned":true}'
    - name: tag y, then untag it
      selectors:
        - type: HTTP
          path: /y
      request:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Lost
                value: "1"
        - policy: transform-headers
          configuration:
            removeHeaders: [X-Lost]
`;
const LIMITED = `    limited:
      name: Limited
      security:
        type: KEY_LESS
      flows:
        - name: three a minute
          selectors:
            - type: HTTP
              path: /slow
          request:
            - policy: rate-limit
              configuration:
                rate:
                  limit: \${SLUICE_TEST_LIMIT:-3}
                  periodTime: 1
                  periodTimeUnit: MINUTES
`;
const CONSUMERS = `apiVersion: gravitee.io/v1alpha1
kind: Application
metadata:
  name: shop
spec:
  name: Shop
  settings:
    app:
      type: backend
      clientId: shop-client
---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: shop-tokens
spec:
  api:
    name: tokens
  application:
    name: shop
  plan: tokens
---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: shop-keys
spec:
  api:
    name: keys
  application:
    name: shop
  plan: keys
  apiKeys:
    - key: "[[ secret \`shop-keys/keys\` ]]"
---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: shop-oauth
spec:
  api:
    name: oauth
  application:
    name: shop
  plan: oauth
`;

const sluiceTest = (dir: string, args: string[] = []) => runCli(["test", ...args], dir);

describe("sluice test", () => {
  it("generates the cases, runs them against the bundle, and fails where the gateway does not do what the spec says", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-test-"));
    await mkdir(join(dir, "apis"));
    await writeFile(join(dir, "apis", "open.yaml"), api("open", "/open", KEYLESS, FLOWS));
    await writeFile(join(dir, "apis", "limited.yaml"), api("limited", "/limited", LIMITED));
    await writeFile(join(dir, "apis", "keys.yaml"), api("keys", "/keys", API_KEY));
    await writeFile(join(dir, "apis", "lone-keys.yaml"), api("lone-keys", "/lone", API_KEY));
    await writeFile(join(dir, "apis", "tokens.yaml"), api("tokens", "/tokens", JWT));
    await writeFile(join(dir, "apis", "oauth.yaml"), api("oauth", "/oauth", OAUTH2, IDP));
    await writeFile(join(dir, "apis", "mtls.yaml"), api("mtls", "/mtls", MTLS));
    await writeFile(join(dir, "apis", "legacy.yaml"), V2);
    await writeFile(join(dir, "apis", "consumers.yaml"), CONSUMERS);
    await writeFile(
      join(dir, "apis", "closed.yaml"),
      api("closed", "/closed", KEYLESS, "  flowExecution:\n    matchRequired: true\n"),
    );
    await writeFile(
      join(dir, "apis", "feed.yaml"),
      `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: feed
spec:
  name: feed
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /feed
      entrypoints:
        - type: http-get
        - type: sse
  endpointGroups:
    - name: mock-group
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
            messageInterval: 50
            messageContent: '{"n":1}'
  plans:
${KEYLESS}`,
    );
    const { code, out, err } = await sluiceTest(dir);
    expect(out.trim().split("\n").sort()).toEqual(
      [
        "FAIL closed: GET /closed/ reaches the backend through the Open plan — 404, the backend was not called",
        'FAIL open: GET /open/y: transform-headers of flow "tag y, then untag it" adds X-Lost to the request — the backend did not get X-Lost',
        "ok   feed: GET /feed/ (http-get) delivers the mock's messages — 200 application/json",
        "ok   feed: GET /feed/ (sse) delivers the mock's messages — 200 text/event-stream",
        "ok   keys: GET /keys/ reaches the backend through the Keys plan (its subscription's key) — 200 from the stand-in",
        "ok   keys: GET /keys/ with a key the Keys plan does not know is refused (401) — 401",
        "ok   keys: GET /keys/ without credentials is refused (401) — 401",
        "ok   lone-keys: GET /lone/ reaches the backend through the Keys plan (stand-in subscription sluice-test-lone-keys-keys) — 200 from the stand-in",
        "ok   lone-keys: GET /lone/ with a key the Keys plan does not know is refused (401) — 401",
        "ok   lone-keys: GET /lone/ without credentials is refused (401) — 401",
        "ok   open: GET /open/ reaches the backend through the Open plan — 200 from the stand-in",
        "ok   limited: GET /limited/ reaches the backend through the Limited plan — 200 from the stand-in",
        'ok   open: GET /open/canned: the mock of flow "canned" answers 203 with its content — 203, the mock\'s content',
        'ok   open: GET /open/sluice-test-elsewhere: transform-headers of flow "tag x" does not add X-Seen there — 200, X-Seen absent',
        'ok   open: GET /open/sluice-test-elsewhere: transform-headers of flow "tag y, then untag it" does not add X-Lost there — 200, the backend did not get X-Lost',
        'ok   open: GET /open/sluice-test-elsewhere: transform-headers of flow "tag x" does not add X-Tagged there — 200, the backend did not get X-Tagged',
        'ok   limited: GET /limited/slow: rate-limit of flow "three a minute" of plan Limited answers 429 to request 4 in 1 minutes — 3 answered, 1 refused with 429',
        'ok   open: GET /open/x: transform-headers of flow "tag x" adds X-Seen to the response — 200, X-Seen present',
        'ok   open: GET /open/x: transform-headers of flow "tag x" adds X-Tagged to the request — 200, the backend got X-Tagged',
        "ok   legacy: GET /legacy/ reaches the backend through the Members plan (stand-in subscription sluice-test-legacy-0d7c1a52-3f7e-4c7a-9a51-0d7c1a523f7e) — 200 from the stand-in",
        "ok   legacy: GET /legacy/ with a key the Members plan does not know is refused (401) — 401",
        "ok   legacy: GET /legacy/ without credentials is refused (401) — 401",
        'ok   legacy: GET /legacy/: transform-headers of flow "stamp" of plan Members adds X-Member to the request — 200, the backend got X-Member',
        "ok   mtls: GET /mtls/ reaches the backend through the Certs plan (the certificate of stand-in subscription sluice-test-mtls-certs) — 200 from the stand-in",
        "ok   mtls: GET /mtls/ with a client certificate the Certs plan does not know is refused (401) — 401",
        "ok   mtls: GET /mtls/ without credentials is refused (401) — 401",
        "ok   oauth: GET /oauth/ reaches the backend through the OAuth plan (a token for application shop) — 200 from the stand-in",
        "ok   oauth: GET /oauth/ with a token the OAuth plan does not know is refused (401) — 401",
        "ok   oauth: GET /oauth/ without credentials is refused (401) — 401",
        "ok   tokens: GET /tokens/ reaches the backend through the Tokens plan (a token for application shop) — 200 from the stand-in",
        "ok   tokens: GET /tokens/ with a token the Tokens plan does not know is refused (401) — 401",
        "ok   tokens: GET /tokens/ without credentials is refused (401) — 401",
      ].sort(),
    );
    expect(err).toContain("30 passed, 2 failed, 0 skipped");
    expect(code).toBe(1);

    const junit = await sluiceTest(dir, ["--reporter", "junit"]);
    expect(junit.code).toBe(1);
    expect(junit.out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="sluice test" tests="32" failures="2" skipped="0">/,
    );
    expect(junit.out).toContain(
      '<testcase classname="closed" name="GET /closed/ reaches the backend through the Open plan"',
    );
    expect(junit.out).toContain('<failure message="404, the backend was not called"/>');
  }, 240000);

  it("runs the example repository's message APIs on the real brokers, and lists what it skips with the reason", async () => {
    const { code, out } = await sluiceTest(process.cwd(), ["apis", "--reporter", "json"]);
    const report = JSON.parse(out) as {
      failed: number;
      cases: Array<{ api: string; title: string; result: string; detail: string }>;
    };
    const of = (api: string) => report.cases.filter((c) => c.api === api);
    expect(of("orders-events-kafka").map((c) => [c.result, c.title])).toEqual([
      ["pass", "a message published with POST arrives on GET /orders/events/ (http-get, QoS AT_LEAST_ONCE)"],
    ]);
    expect(of("sensors-mqtt").map((c) => [c.result, c.title])).toEqual([
      [
        "pass",
        "a message published to mqtt5 topic sensors/sluice-test/temperature arrives on GET /sensors/ (http-get, QoS AUTO)",
      ],
    ]);
    // Every plan of orders, MTLS included (the test CA signs partner-portal's certificate).
    expect(of("orders").filter((c) => c.result === "skip")).toEqual([]);
    expect(of("orders").filter((c) => /Certificates plan/.test(c.title))).toEqual([
      expect.objectContaining({
        title: "GET /orders/ with a client certificate the Certificates plan does not know is refused (401)",
        result: "pass",
      }),
      expect.objectContaining({
        title:
          "GET /orders/ reaches the backend through the Certificates plan (the certificate of application partner-portal)",
        result: "pass",
      }),
    ]);
    expect(report.cases.filter((c) => c.result === "skip").map((c) => [c.api, c.detail])).toEqual([
      ["payments-solace", "its solace endpoint: sluice test reaches Kafka, MQTT 5 and RabbitMQ brokers only"],
      ["greeter-grpc", "its backend speaks HTTP/2 (gRPC); the stand-in is HTTP/1.1"],
    ]);
    expect(report.cases.filter((c) => c.result === "fail")).toEqual([]);
    expect(report.failed).toBe(0);
    expect(code).toBe(0);
  }, 240000);

  it("a repository with errors is reported where they are, not tested", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-test-"));
    await mkdir(join(dir, "apis"));
    await writeFile(
      join(dir, "apis", "bad.yaml"),
      api("bad", "/bad", KEYLESS).replace("name: backend-group", "name: backend"),
    );
    const { code, out, err } = await sluiceTest(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^apis\/bad\.yaml:\d+:\d+: error endpoint\/duplicate-name/m);
    expect(err).toContain("apis has errors (above); fix them before testing");
  });
});
