// policy-basic-authentication through a compiled gateway: inline providers (one inline in the spec,
// one a GKO ApiResource) tried in order, the `user` attribute on success, and Gravitee's 401 with
// the realm's challenge on every kind of failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const partners = `apiVersion: gravitee.io/v1alpha1
kind: ApiResource
metadata:
  name: partners
spec:
  name: partners
  type: auth-provider-inline-resource
  configuration:
    users:
      - username: acme
        password: \${ACME_PASSWORD}
        roles: []
`;

const api = proxyApi(
  "basic",
  "/basic",
  "${ECHO}",
  `  resources:
    - name: staff
      type: auth-provider-inline-resource
      configuration:
        users:
          - username: Alice
            password: "s3cret:with:colons"
            roles: [admin]
    - ref:
        name: partners
  flows:
    - name: auth
      request:
        - policy: policy-basic-authentication
          configuration:
            authenticationProviders: [staff, partners]
            realm: orders
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-User
                value: "{#context.attributes['user']}"
`,
);

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    { "basic.yaml": api, "partners.yaml": partners },
    { ECHO: echo.url, ACME_PASSWORD: "from-env" },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const call = (authorization?: string) =>
  fetch(`${gateway.url}/basic`, {
    headers: { accept: "application/json", ...(authorization ? { authorization } : {}) },
  });

describe("policy-basic-authentication", () => {
  it("authenticates users of each provider and sets the user attribute", async () => {
    const alice = await call(basic("alice", "s3cret:with:colons"));
    expect(alice.status).toBe(200);
    expect(echo.received.at(-1)?.headers["x-user"]).toBe("alice");
    const acme = await call(basic("acme", "from-env"));
    expect(acme.status).toBe(200);
    expect(echo.received.at(-1)?.headers["x-user"]).toBe("acme");
  });

  it.each([
    ["no credentials", undefined],
    ["another scheme", "Bearer abc"],
    ["a wrong password", basic("alice", "s3cret")],
    ["an unknown user", basic("bob", "s3cret:with:colons")],
    ["no password", `Basic ${Buffer.from("alice").toString("base64")}`],
    ["a password of the other provider's user", basic("alice", "from-env")],
  ])("refuses %s with 401 and the realm's challenge", async (_what, authorization) => {
    const hits = echo.received.length;
    const res = await call(authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Basic realm="orders"');
    expect(await res.json()).toEqual({ message: "Unauthorized", http_status_code: 401 });
    expect(echo.received.length).toBe(hits);
  });
});
