// The consumer rules (Application, Subscription, ApiResource): each row breaks one rule in a small
// repository and asserts the code, file, line and column of what is reported — and a valid
// repository reports nothing.
import { describe, expect, it } from "vitest";
import { diagnose } from "../helpers/check.ts";

const api = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: orders
spec:
  name: Orders
  version: "1.0"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /orders
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: http://localhost:8080
  resources:
    - ref:
        name: auth-server
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
    keys:
      name: Keys
      security:
        type: API_KEY
    tokens:
      name: Tokens
      security:
        type: JWT
        configuration:
          signature: RSA_RS256
          publicKeyResolver: GIVEN_KEY
          resolverParameter: \${JWT_PUBLIC_KEY}
    certs:
      name: Certs
      security:
        type: MTLS
    hooks:
      name: Hooks
      mode: PUSH
    old:
      name: Old
      status: CLOSED
      security:
        type: API_KEY
`;

const app = (name: string, settings: string) => `apiVersion: gravitee.io/v1alpha1
kind: Application
metadata:
  name: ${name}
spec:
  name: ${name}
  settings:
${settings}
`;

const PARTNER = app(
  "partner",
  "    app:\n      type: backend\n      clientId: partner-client\n    tls:\n      clientCertificates:\n        - name: main\n          content: CERT-A",
);
const OTHER = app(
  "other",
  "    app:\n      type: backend\n      clientId: other-client\n    tls:\n      clientCertificates:\n        - content: CERT-B",
);
const BARE = app("bare", "    app:\n      type: backend");

const resource = `apiVersion: gravitee.io/v1alpha1
kind: ApiResource
metadata:
  name: auth-server
spec:
  type: oauth2
  configuration:
    introspectionEndpoint: http://localhost:9000/introspect
`;

const sub = (body: string, name = "partner-keys") => `apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: ${name}
spec:
${body}`;

const keys = (application = "partner") =>
  sub(`  api:
    name: orders
  application:
    name: ${application}
  plan: keys
  apiKeys:
    - key: "[[ secret \`orders-keys/partner\` ]]"
    - key: \${PARTNER_KEY}
    - key: \${OPTIONAL_KEY:-}
      expireAt: "2099-01-01T00:00:00Z"
`);

const events = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: events
spec:
  name: Events
  version: "1.0"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /events
      entrypoints:
        - type: http-post
    - type: SUBSCRIPTION
      entrypoints:
        - type: webhook
  endpointGroups:
    - name: events
      type: mock
      endpoints:
        - name: generator
          type: mock
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
    hooks:
      name: Hooks
      mode: PUSH
`;

/** A webhook subscription of \`partner\` to the events API's PUSH plan; \`configuration\` from line 12. */
const hook = (configuration: string, entrypointId = "webhook") =>
  sub(
    `  api:\n    name: events\n  application:\n    name: partner\n  plan: hooks\n  consumerConfiguration:\n    entrypointId: ${entrypointId}\n${configuration}`,
    "partner-hooks",
  );

const base = {
  "apis/orders.yaml": api,
  "apis/events.yaml": events,
  "apis/apps.yaml": `${PARTNER}---\n${OTHER}---\n${BARE}`,
  "apis/res.yaml": resource,
};

const found = (files: Record<string, string>) =>
  diagnose({ ...base, ...files }).map((d) => `${d.file}:${d.code}@${d.line}:${d.column}`);

describe("consumer rules", () => {
  it("accepts applications, subscriptions with key references and a referenced ApiResource", () => {
    expect(
      found({
        "apis/subs.yaml": `${keys()}---\n${sub("  api: { name: events }\n  application: { name: other }\n  plan: hooks\n  consumerConfiguration:\n    entrypointId: webhook\n    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n", "other-hooks")}---\n${sub("  api: { name: orders }\n  application: { name: partner }\n  plan: tokens\n", "partner-tokens")}---\n${sub('  api: { name: orders }\n  application: { name: partner }\n  plan: certs\n  endingAt: "2099-01-01T00:00:00Z"\n', "partner-certs")}`,
      }),
    ).toEqual([]);
  });

  it.each([
    [
      "unknown API",
      sub("  api:\n    name: ordrs\n  application:\n    name: partner\n  plan: keys\n"),
      "consumer/unknown-api@7:11",
    ],
    [
      "v2 kind missing",
      sub(
        "  api:\n    name: orders\n    kind: ApiDefinition\n  application:\n    name: partner\n  plan: keys\n",
      ),
      "consumer/unknown-api@7:11",
    ],
    [
      "unknown plan",
      sub("  api:\n    name: orders\n  application:\n    name: partner\n  plan: gold\n"),
      "consumer/unknown-plan@10:9",
    ],
    [
      "unknown application",
      sub("  api:\n    name: orders\n  application:\n    name: nobody\n  plan: keys\n"),
      "consumer/unknown-application@9:11",
    ],
    [
      "KEY_LESS plan",
      sub("  api:\n    name: orders\n  application:\n    name: partner\n  plan: free\n"),
      "consumer/keyless-plan@10:9",
    ],
    [
      "apiKeys on a JWT plan",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: tokens\n  apiKeys:\n    - key: ${K}\n",
      ),
      "consumer/api-keys-plan@11:3",
    ],
    [
      "JWT without client id",
      sub("  api:\n    name: orders\n  application:\n    name: bare\n  plan: tokens\n"),
      "consumer/client-id-required@9:11",
    ],
    [
      "MTLS without certificate",
      sub("  api:\n    name: orders\n  application:\n    name: bare\n  plan: certs\n"),
      "consumer/certificate-required@9:11",
    ],
    [
      "literal key",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: keys\n  apiKeys:\n    - key: 0123456789abcdef0123456789abcdef\n",
      ),
      "consumer/literal-key@12:12",
    ],
    [
      "key reference with a default",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: keys\n  apiKeys:\n    - key: ${K:-0123456789abcdef0123456789abcdef}\n",
      ),
      "consumer/literal-key@12:12",
    ],
    [
      "key inside a longer string",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: keys\n  apiKeys:\n    - key: prefix-${K}\n",
      ),
      "consumer/literal-key@12:12",
    ],
    [
      "secret escaping the directory",
      sub(
        '  api:\n    name: orders\n  application:\n    name: partner\n  plan: keys\n  apiKeys:\n    - key: "[[ secret `../etc/passwd` ]]"\n',
      ),
      "consumer/literal-key@12:12",
    ],
    [
      "endingAt in the past",
      sub(
        '  api:\n    name: orders\n  application:\n    name: partner\n  plan: tokens\n  endingAt: "2020-01-01T00:00:00Z"\n',
      ),
      "consumer/ended@11:13",
    ],
    [
      "malformed endingAt",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: tokens\n  endingAt: next tuesday\n",
      ),
      "schema/invalid@11:13",
    ],
    [
      "PUSH plan without consumerConfiguration",
      sub("  api:\n    name: orders\n  application:\n    name: partner\n  plan: hooks\n"),
      "consumer/push-configuration@10:9",
    ],
    [
      "webhook subscription to an API without a webhook entrypoint",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: hooks\n  consumerConfiguration:\n    entrypointId: webhook\n    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n",
      ),
      "consumer/webhook-entrypoint@10:9",
    ],
    [
      "webhook subscription naming another entrypoint",
      hook("    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n", "webhook-advanced"),
      "consumer/webhook-entrypoint@12:19",
    ],
    [
      "webhook subscription without callbackUrl (the schema says so, once)",
      hook("    entrypointConfiguration:\n      headers: []\n"),
      "schema/missing-property@13:5",
    ],
    ["webhook subscription without entrypointConfiguration", hook(""), "consumer/webhook-callback@11:3"],
    [
      "callbackUrl that is not http(s)",
      hook("    entrypointConfiguration:\n      callbackUrl: ftp://example.com/hook\n"),
      "consumer/webhook-callback@14:20",
    ],
    [
      "callbackUrl that is not absolute",
      hook("    entrypointConfiguration:\n      callbackUrl: /hooks/orders\n"),
      "consumer/webhook-callback@14:20",
    ],
    [
      "callbackUrl whose default is not a URL",
      hook("    entrypointConfiguration:\n      callbackUrl: ${HOOK_URL:-localhost:8080}\n"),
      "consumer/webhook-callback@14:20",
    ],
    [
      "webhook auth type Gravitee does not have",
      hook(
        "    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n      auth:\n        type: digest\n",
      ),
      "schema/enum@16:15",
    ],
    [
      "webhook password in clear",
      hook(
        "    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n      auth:\n        type: basic\n        basic:\n          username: gw\n          password: hunter2\n",
      ),
      "consumer/literal-key@19:21",
    ],
    [
      "webhook token with a default",
      hook(
        "    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n      auth:\n        type: token\n        token:\n          value: ${HOOK_TOKEN:-abc}\n",
      ),
      "consumer/literal-key@18:18",
    ],
    [
      "webhook OAuth2 client secret in clear",
      hook(
        "    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n      auth:\n        type: oauth2\n        oauth2:\n          endpoint: https://idp.example/token\n          clientId: gw\n          clientSecret: s3cret\n",
      ),
      "consumer/literal-key@20:25",
    ],
    [
      "webhook signing secret in clear",
      hook(
        "    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n      signingSecret: whsec-123\n",
      ),
      "consumer/literal-key@15:22",
    ],
    [
      "malformed webhook secret reference",
      hook(
        '    entrypointConfiguration:\n      callbackUrl: https://example.com/hook\n      signingSecret: "[[ secret `hooks` ]]"\n',
      ),
      "consumer/literal-key@15:22",
    ],
    [
      "consumerConfiguration on an API_KEY plan",
      sub(
        "  api:\n    name: orders\n  application:\n    name: partner\n  plan: keys\n  consumerConfiguration:\n    entrypointId: webhook\n",
      ),
      "consumer/push-configuration@11:3",
    ],
  ])("%s", (_name, yaml, expected) => {
    expect(found({ "apis/subs.yaml": yaml })).toEqual([`apis/subs.yaml:${expected}`]);
  });

  it("two applications with one client id on one plan: reported on the second, naming the first", () => {
    const twin = app("twin", "    app:\n      type: backend\n      clientId: partner-client");
    const s = (a: string) =>
      sub(`  api:\n    name: orders\n  application:\n    name: ${a}\n  plan: tokens\n`, `${a}-tokens`);
    const d = diagnose({
      ...base,
      "apis/twin.yaml": twin,
      "apis/subs.yaml": `${s("partner")}---\n${s("twin")}`,
    });
    expect(d.map((x) => `${x.file}:${x.code}@${x.line}:${x.column}`)).toEqual([
      "apis/subs.yaml:consumer/duplicate-client-id@20:11",
    ]);
    expect(d[0]?.related?.[0]).toMatchObject({ file: "apis/subs.yaml", line: 9, column: 11 });
  });

  it("one certificate held by two applications on one MTLS plan", () => {
    const twin = app(
      "twin",
      "    app:\n      type: backend\n    tls:\n      clientCertificates:\n        - content: CERT-A",
    );
    const s = (a: string) =>
      sub(`  api:\n    name: orders\n  application:\n    name: ${a}\n  plan: certs\n`, `${a}-certs`);
    expect(found({ "apis/twin.yaml": twin, "apis/subs.yaml": `${s("partner")}---\n${s("twin")}` })).toEqual([
      "apis/subs.yaml:consumer/duplicate-certificate@20:11",
    ]);
  });

  it("one application subscribed twice to one plan", () => {
    const s = (n: string) =>
      sub("  api:\n    name: orders\n  application:\n    name: partner\n  plan: tokens\n", n);
    expect(found({ "apis/subs.yaml": `${s("a")}---\n${s("b")}` })).toEqual([
      "apis/subs.yaml:consumer/duplicate-subscription@21:9",
    ]);
  });

  it("one application subscribes to a PUSH plan once per channel", () => {
    const s = (n: string, channel: string) =>
      hook(
        `    channel: ${channel}\n    entrypointConfiguration:\n      callbackUrl: https://example.com/${n}\n`,
      ).replace("name: partner-hooks", `name: ${n}`);
    expect(found({ "apis/subs.yaml": `${s("a", "eu")}---\n${s("b", "us")}` })).toEqual([]);
    expect(found({ "apis/subs.yaml": `${s("a", "eu")}---\n${s("b", "eu")}` })).toEqual([
      "apis/subs.yaml:consumer/duplicate-subscription@26:9",
    ]);
  });

  it("one key reference in two subscriptions of an API", () => {
    const s = (a: string, plan: string) =>
      sub(
        `  api:\n    name: orders\n  application:\n    name: ${a}\n  plan: ${plan}\n  apiKeys:\n    - key: \${SHARED_KEY}\n`,
        `${a}-${plan}`,
      );
    expect(found({ "apis/subs.yaml": `${s("partner", "keys")}---\n${s("other", "keys")}` })).toEqual([
      "apis/subs.yaml:consumer/duplicate-key@25:12",
    ]);
  });

  it("an API referencing an unknown ApiResource", () => {
    expect(diagnose({ "apis/orders.yaml": api }).map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      "consumer/unknown-resource@25:15",
    ]);
  });

  it("an expression reading an unknown Dictionary, with did-you-mean; a known one is fine", () => {
    const dictionary = (name: string) =>
      `apiVersion: gravitee.io/v1alpha1\nkind: Dictionary\nmetadata:\n  name: ${name}\nspec:\n  properties:\n    fr: France\n`;
    const reading = (expression: string) =>
      api.replace("      name: Free\n", `      name: Free\n      selectionRule: "${expression}"\n`);
    const files = (expression: string) => ({
      "apis/orders.yaml": reading(expression),
      "apis/dictionaries.yaml": `${dictionary("countries")}---\n${dictionary("currencies")}`,
    });
    const codes = (expression: string) => found(files(expression)).filter((d) => d.includes("dictionar"));
    expect(codes("{#dictionaries['countries']['fr'] == 'France'}")).toEqual([]);
    expect(codes("{#dictionaries['countrie']['fr'] == 'France'}")).toEqual([
      "apis/orders.yaml:consumer/unknown-dictionary@29:39",
    ]);
    expect(codes("{#dictionaries.cities['fr'] == 'x'}")).toEqual([
      "apis/orders.yaml:consumer/unknown-dictionary@29:38",
    ]);
    const [finding] = diagnose({ ...base, ...files("{#dictionaries['countrie']['fr'] == 'France'}") }).filter(
      (d) => d.code === "consumer/unknown-dictionary",
    );
    expect(finding?.hint).toBe("did you mean `countries`?");
  });

  it("names are unique per kind: an Application may share its name with an API", () => {
    expect(found({ "apis/orders-app.yaml": app("orders", "    app:\n      type: backend") })).toEqual([]);
    expect(found({ "apis/dup.yaml": PARTNER })).toEqual(["apis/dup.yaml:repo/duplicate-name@4:9"]);
  });

  it("a subscription to a CLOSED plan is a warning", () => {
    const d = diagnose({
      ...base,
      "apis/subs.yaml": sub("  api:\n    name: orders\n  application:\n    name: partner\n  plan: old\n"),
    });
    expect(d.map((x) => `${x.severity} ${x.code}@${x.line}:${x.column}`)).toEqual([
      "warning consumer/closed-plan@10:9",
    ]);
  });

  it("a key that expired is a warning at its expireAt", () => {
    const d = diagnose({
      ...base,
      "apis/subs.yaml": sub(
        '  api:\n    name: orders\n  application:\n    name: partner\n  plan: keys\n  apiKeys:\n    - key: ${K}\n      expireAt: "2021-05-01T00:00:00Z"\n',
      ),
    });
    expect(d.map((x) => `${x.severity} ${x.code}@${x.line}:${x.column}`)).toEqual([
      "warning consumer/ended@13:17",
    ]);
  });
});
