// OAUTH2 plans through a compiled gateway against a real authorization server: oidc-provider
// (a maintained, certified OpenID Connect / OAuth 2.0 server) issuing client-credentials tokens and
// answering RFC 7662 introspection, which the gateway calls as a confidential client (HTTP Basic,
// form-encoded POST). Covers caching, scopes (strict and not), Gravitee's attributes, the bypass
// table, and an authorization server that is down or broken (503).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceInfo } from "../../runtime/contract.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { securedApi } from "../helpers/specs.ts";
import { subscription, withConsumers } from "./consumers.ts";

interface AuthorizationServer {
  url: string;
  introspections: number;
  token(clientId: string, scope: string): Promise<string>;
  revoke(clientId: string, token: string): Promise<void>;
  close(): Promise<void>;
}

const APPS: Record<string, string> = { "partner-app": "partner-secret", "stranger-app": "stranger-secret" };

async function startAuthorizationServer(): Promise<AuthorizationServer> {
  const state = { introspections: 0 };
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/token/introspection")) state.introspections++;
    provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(url, {
    clients: [
      {
        client_id: "gateway",
        client_secret: "gateway-secret",
        grant_types: [],
        redirect_uris: [],
        response_types: [],
      },
      ...Object.entries(APPS).map(([client_id, client_secret]) => ({
        client_id,
        client_secret,
        grant_types: ["client_credentials"],
        redirect_uris: [],
        response_types: [],
        scope: "orders:read orders:write orders:admin",
      })),
    ],
    scopes: ["orders:read", "orders:write", "orders:admin"],
    features: {
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      devInteractions: { enabled: false },
    },
    ttl: { ClientCredentials: 600 },
  });
  return {
    url,
    get introspections() {
      return state.introspections;
    },
    async token(clientId, scope) {
      const res = await fetch(`${url}/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${APPS[clientId]}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ grant_type: "client_credentials", scope }),
      });
      const body = (await res.json()) as { access_token?: string; error?: string };
      if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async revoke(clientId, token) {
      const res = await fetch(`${url}/token/revocation`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${APPS[clientId]}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ token }),
      });
      if (res.status !== 200) throw new Error(`revocation answered ${res.status}`);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const oauth2Plan = (id: string, configuration: string) => `    ${id}:
      name: ${id}
      security:
        type: OAUTH2
        configuration:
          oauthResource: idp
${configuration}
      flows:
        - name: client
          selectors:
            - type: HTTP
              path: /
              pathOperator: STARTS_WITH
          request:
            - policy: transform-headers
              configuration:
                scope: REQUEST
                addHeaders:
                  - name: X-Client-Id
                    value: "{#context.attributes['oauth.client_id']}"
                  - name: X-Payload
                    value: "{#context.attributes['oauth.payload']}"
`;

const idpResource = (url: string, extra: Record<string, unknown> = {}): ResourceInfo => ({
  name: "idp",
  type: "oauth2",
  configuration: {
    introspectionEndpoint: `${url}/token/introspection`,
    introspectionEndpointMethod: "POST",
    tokenIsSuppliedByQueryParam: false,
    tokenIsSuppliedByFormUrlEncoded: true,
    clientId: "gateway",
    clientSecret: "gateway-secret",
    ...extra,
  },
});

const call = (gateway: TestGateway, path: string, token?: string) =>
  fetch(`${gateway.url}${path}`, {
    headers: {
      accept: "application/json",
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
  });

describe("OAUTH2 plan against a real RFC 7662 introspection endpoint", () => {
  let backend: EchoBackend;
  let idp: AuthorizationServer;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    idp = await startAuthorizationServer();
    const apis = {
      "orders.yaml": securedApi(
        "orders",
        "/orders",
        "${BACKEND}/orders",
        oauth2Plan("oauth", "          propagateAuthHeader: false"),
      ),
      "writes.yaml": securedApi(
        "writes",
        "/writes",
        "${BACKEND}/writes",
        oauth2Plan(
          "oauth",
          `          checkRequiredScopes: true
          requiredScopes: [orders:read, orders:write]`,
        ),
      ),
      "admin.yaml": securedApi(
        "admin",
        "/admin",
        "${BACKEND}/admin",
        oauth2Plan(
          "oauth",
          `          checkRequiredScopes: true
          modeStrict: false
          requiredScopes: [orders:write, orders:admin]
          extractPayload: true`,
        ),
      ),
    };
    gateway = await startTestGateway(
      apis,
      { BACKEND: backend.url },
      withConsumers({
        subscriptions: ["orders", "writes", "admin"].map((api) =>
          subscription(api, "oauth", "partner", { clientId: "partner-app" }),
        ),
        resources: {
          orders: [idpResource(idp.url)],
          writes: [idpResource(idp.url)],
          admin: [idpResource(idp.url)],
        },
      }),
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await idp?.close();
    await backend?.close();
  });

  it("accepts an active token of a subscribed application, and caches the introspection", async () => {
    const token = await idp.token("partner-app", "orders:read");
    const before = idp.introspections;
    for (let i = 0; i < 5; i++) {
      const res = await call(gateway, "/orders/7", token);
      expect(res.status).toBe(200);
      const seen = (await res.json()) as Received;
      expect(seen.url).toBe("/orders/7");
      expect(seen.headers["x-client-id"]).toBe("partner-app");
      expect(seen.headers.authorization).toBeUndefined();
    }
    expect(idp.introspections).toBe(before + 1);
  });

  it("checks required scopes: all of them in strict mode", async () => {
    const both = await idp.token("partner-app", "orders:read orders:write");
    expect((await call(gateway, "/writes", both)).status).toBe(200);
    const readOnly = await idp.token("partner-app", "orders:read");
    const res = await call(gateway, "/writes", readOnly);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="gravitee.io"');
    expect(await res.json()).toEqual({ message: "Unauthorized", http_status_code: 401 });
  });

  it("checks required scopes: one of them when modeStrict is false; the payload reaches the attributes", async () => {
    const res = await call(gateway, "/admin", await idp.token("partner-app", "orders:admin"));
    expect(res.status).toBe(200);
    const payload = JSON.parse(String(((await res.json()) as Received).headers["x-payload"])) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ active: true, client_id: "partner-app", scope: "orders:admin" });
    expect((await call(gateway, "/admin", await idp.token("partner-app", "orders:read"))).status).toBe(401);
  });

  it("keeps the Authorization header upstream by default (propagateAuthHeader)", async () => {
    const token = await idp.token("partner-app", "orders:read orders:write");
    const seen = (await (await call(gateway, "/writes", token)).json()) as Received;
    expect(seen.headers.authorization).toBe(`Bearer ${token}`);
  });

  const bypasses: Array<[string, () => Promise<Record<string, string>>]> = [
    ["no token", async () => ({})],
    ["an empty bearer token", async () => ({ authorization: "Bearer " })],
    [
      "a token the server never issued (inactive)",
      async () => ({ authorization: "Bearer made-up-token-0123456789" }),
    ],
    [
      "a token revoked before its first use",
      async () => {
        const token = await idp.token("partner-app", "orders:read");
        await idp.revoke("partner-app", token);
        return bearer(token);
      },
    ],
    [
      "a token of an application without subscription",
      async () => bearer(await idp.token("stranger-app", "orders:read")),
    ],
    [
      "the token as an API key",
      async () => ({ "x-gravitee-api-key": await idp.token("partner-app", "orders:read") }),
    ],
    [
      "the gateway's own client credentials",
      async () => ({ authorization: `Basic ${Buffer.from("gateway:gateway-secret").toString("base64")}` }),
    ],
  ];
  it.each(bypasses)("refuses %s with 401", async (_name, headers) => {
    const res = await fetch(`${gateway.url}/orders`, {
      headers: { accept: "application/json", ...(await headers()) },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized", http_status_code: 401 });
  });

  it("never logs a token", async () => {
    const token = await idp.token("stranger-app", "orders:read");
    await call(gateway, "/orders", token);
    expect(gateway.logs.join("\n")).not.toContain(token);
  });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("OAUTH2 plan whose authorization server cannot answer", () => {
  it.each([
    ["is down", "down"],
    ["answers 500", "broken"],
    ["answers something that is not JSON", "garbage"],
  ])("answers 503 temporarily_unavailable when the server %s", async (_name, mode) => {
    const backend = await startEchoBackend();
    const broken: Server = createServer((_req, res) => {
      res.statusCode = mode === "broken" ? 500 : 200;
      res.end(mode === "broken" ? "oops" : "<html>");
    });
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    if (mode === "down") await new Promise((resolve) => broken.close(resolve));
    const gateway = await startTestGateway(
      { "orders.yaml": securedApi("orders", "/orders", "${BACKEND}", oauth2Plan("oauth", "")) },
      { BACKEND: backend.url },
      withConsumers({
        subscriptions: [subscription("orders", "oauth", "partner", { clientId: "partner-app" })],
        resources: { orders: [idpResource(url)] },
      }),
    );
    try {
      const res = await call(gateway, "/orders", "some-token");
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ message: "temporarily_unavailable", http_status_code: 503 });
      expect(gateway.logs.join("\n")).toContain("OAuth2 authorization server unavailable");
      expect(gateway.logs.join("\n")).not.toContain("some-token");
    } finally {
      await gateway.close();
      broken.closeAllConnections();
      if (mode !== "down") await new Promise((resolve) => broken.close(resolve));
      await backend.close();
    }
  });

  it("times out a server that never answers", async () => {
    const backend = await startEchoBackend();
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const gateway = await startTestGateway(
      { "orders.yaml": securedApi("orders", "/orders", "${BACKEND}", oauth2Plan("oauth", "")) },
      { BACKEND: backend.url },
      withConsumers({
        subscriptions: [subscription("orders", "oauth", "partner", { clientId: "partner-app" })],
        resources: { orders: [idpResource(url, { http: { connectTimeout: 200, readTimeout: 300 } })] },
      }),
    );
    try {
      const started = Date.now();
      expect((await call(gateway, "/orders", "some-token")).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await gateway.close();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
      await backend.close();
    }
  });
});
