// JWT plans through a compiled gateway, against a real JWKS server: the bypass table (every row
// refused), claims reaching EL and the backend, `propagateAuthHeader`, clock skew, key rotation
// through the JWKS (refetch on an unknown kid), a JWKS server that is down, GIVEN_KEY (RS and HS)
// and GATEWAY_KEYS from the environment, certificate-bound tokens over TLS, and configurations
// refused at start-up.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thumbprintOf } from "../../runtime/security/client-certificate.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { jwtPlan, keylessPlan, securedApi } from "../helpers/specs.ts";
import { makePki, type Pem } from "./certificates.ts";
import { subscription, withConsumers } from "./consumers.ts";

interface RsaKey {
  kid: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  pem: string;
}

function rsaKey(kid: string): RsaKey {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, publicKey, privateKey, pem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const now = () => Math.floor(Date.now() / 1000);

async function sign(
  key: KeyObject | Uint8Array,
  payload: JWTPayload,
  header: { alg?: string; kid?: string; typ?: string } = {},
): Promise<string> {
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: "RS256", ...header });
  if (payload.exp === undefined) jwt.setExpirationTime(now() + 300);
  return jwt.sign(key);
}

/** A JWKS server whose key set the test changes; counts its fetches. */
async function startJwksServer(keys: RsaKey[]): Promise<{
  url: string;
  keys: RsaKey[];
  fetches: number;
  close(): Promise<void>;
}> {
  const state = { keys, fetches: 0 };
  const server: Server = createServer(async (_req, res) => {
    state.fetches++;
    const jwks: JWK[] = await Promise.all(
      state.keys.map(async (k) => ({
        ...(await exportJWK(k.publicKey)),
        kid: k.kid,
        alg: "RS256",
        use: "sig",
      })),
    );
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: jwks }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    get keys() {
      return state.keys;
    },
    set keys(k: RsaKey[]) {
      state.keys = k;
    },
    get fetches() {
      return state.fetches;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const call = (gateway: TestGateway, path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, {
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
  });

describe("JWT plan with JWKS_URL", () => {
  let backend: EchoBackend;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let gateway: TestGateway;
  const k1 = rsaKey("k1");
  const k2 = rsaKey("k2");
  const attacker = rsaKey("k1");

  beforeAll(async () => {
    backend = await startEchoBackend();
    jwks = await startJwksServer([k1]);
    const plan = jwtPlan(
      "jwt",
      `          signature: RSA_RS256
          publicKeyResolver: JWKS_URL
          resolverParameter: \${JWKS_URL}
          extractClaims: true
          propagateAuthHeader: false`,
      `      flows:
        - name: subject
          selectors:
            - type: HTTP
              path: /
              pathOperator: STARTS_WITH
          request:
            - policy: transform-headers
              configuration:
                scope: REQUEST
                addHeaders:
                  - name: X-Subject
                    value: "{#context.attributes['jwt.claims']['sub']}"
                  - name: X-User
                    value: "{#context.attributes['user']}"
`,
    );
    gateway = await startTestGateway(
      {
        "orders.yaml": securedApi("orders", "/orders", "${BACKEND}/orders", plan),
        "billing.yaml": securedApi("billing", "/billing", "${BACKEND}/billing", plan),
      },
      { BACKEND: backend.url, JWKS_URL: jwks.url },
      withConsumers({
        subscriptions: [
          subscription("orders", "jwt", "partner", { clientId: "partner-app" }),
          subscription("billing", "jwt", "accounting", { clientId: "billing-app" }),
          subscription("orders", "jwt", "former", { clientId: "former-app", endingAt: Date.now() - 1000 }),
        ],
      }),
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await jwks?.close();
    await backend?.close();
  });

  const valid = (claims: JWTPayload = {}) =>
    sign(k1.privateKey, { sub: "alice", azp: "partner-app", ...claims }, { kid: "k1" });

  it("accepts a valid token: claims reach EL and the backend, Authorization does not", async () => {
    const res = await call(gateway, "/orders/42", await valid());
    expect(res.status).toBe(200);
    const seen = (await res.json()) as Received;
    expect(seen.url).toBe("/orders/42");
    expect(seen.headers["x-subject"]).toBe("alice");
    expect(seen.headers["x-user"]).toBe("alice");
    expect(seen.headers.authorization).toBeUndefined();
  });

  it("takes the token from the access_token query parameter too", async () => {
    const res = await fetch(`${gateway.url}/orders?access_token=${await valid()}`);
    expect(res.status).toBe(200);
  });

  it("reads the client id from azp, else a single aud, else client_id", async () => {
    for (const claims of [{ aud: "partner-app" }, { aud: ["partner-app"] }, { client_id: "partner-app" }]) {
      const token = await sign(k1.privateKey, { sub: "bob", ...claims }, { kid: "k1" });
      expect((await call(gateway, "/orders", token)).status, JSON.stringify(claims)).toBe(200);
    }
  });

  it("allows 60 s of clock skew on exp and nbf", async () => {
    expect((await call(gateway, "/orders", await valid({ exp: now() - 30 }))).status).toBe(200);
    expect((await call(gateway, "/orders", await valid({ nbf: now() + 30 }))).status).toBe(200);
  });

  const rsaPublicPem = new TextEncoder().encode(k1.pem);
  const bypasses: Array<[string, () => Promise<Record<string, string>>, string | undefined]> = [
    ["no credential at all", async () => ({}), undefined],
    [
      "a Basic Authorization header",
      async () => ({ authorization: "Basic cGFydG5lcjpzZWNyZXQ=" }),
      undefined,
    ],
    ["an empty bearer token", async () => ({ authorization: "Bearer " }), undefined],
    ["the token in the API-key header", async () => ({ "x-gravitee-api-key": await valid() }), undefined],
    ["an expired token", async () => bearer(await valid({ exp: now() - 120 })), "ERR_JWT_EXPIRED"],
    [
      "a token not valid yet",
      async () => bearer(await valid({ nbf: now() + 120 })),
      "ERR_JWT_CLAIM_VALIDATION_FAILED",
    ],
    [
      "alg: none",
      async () =>
        bearer(new UnsecuredJWT({ sub: "alice", azp: "partner-app" }).setExpirationTime("5m").encode()),
      "ERR_JOSE_ALG_NOT_ALLOWED",
    ],
    [
      "HS256 signed with the RSA public key",
      async () =>
        bearer(await sign(rsaPublicPem, { sub: "alice", azp: "partner-app" }, { alg: "HS256", kid: "k1" })),
      "ERR_JOSE_ALG_NOT_ALLOWED",
    ],
    [
      "an unknown kid",
      async () => bearer(await sign(k2.privateKey, { sub: "alice", azp: "partner-app" }, { kid: "k9" })),
      "ERR_JWKS_NO_MATCHING_KEY",
    ],
    [
      "a forged token reusing the known kid",
      async () =>
        bearer(await sign(attacker.privateKey, { sub: "alice", azp: "partner-app" }, { kid: "k1" })),
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    ],
    [
      "a tampered payload",
      async () => {
        const [head, , signature] = (await valid({ sub: "nobody" })).split(".");
        const payload = Buffer.from(
          JSON.stringify({ sub: "admin", azp: "partner-app", exp: now() + 300 }),
        ).toString("base64url");
        return bearer(`${head}.${payload}.${signature}`);
      },
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    ],
    [
      "a valid token of an application with no subscription",
      async () => bearer(await valid({ azp: "stranger-app" })),
      undefined,
    ],
    [
      "a valid token of an ended subscription",
      async () => bearer(await valid({ azp: "former-app" })),
      undefined,
    ],
    ["a valid token without any client id", async () => bearer(await valid({ azp: undefined })), undefined],
    [
      "a token for another audience (the billing application)",
      async () => bearer(await sign(k1.privateKey, { sub: "alice", aud: "billing-app" }, { kid: "k1" })),
      undefined,
    ],
    ["a token that is not a JWT", async () => ({ authorization: "Bearer not.a.jwt" }), undefined],
  ];

  it.each(bypasses)("refuses %s with 401", async (_name, headers, reason) => {
    const before = gateway.logs.length;
    const res = await fetch(`${gateway.url}/orders`, {
      headers: { ...(await headers()), accept: "application/json" },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized", http_status_code: 401 });
    if (reason) {
      const refused = gateway.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(refused).toContainEqual(expect.objectContaining({ msg: "JWT refused", reason }));
    }
  });

  it("refuses a token valid for API billing on API orders, and accepts it on billing", async () => {
    const token = await sign(k1.privateKey, { sub: "carol", azp: "billing-app" }, { kid: "k1" });
    expect((await call(gateway, "/orders", token)).status).toBe(401);
    expect((await call(gateway, "/billing", token)).status).toBe(200);
  });

  it("never logs the token", async () => {
    const token = await valid({ exp: now() - 600 });
    await call(gateway, "/orders", token);
    expect(gateway.logs.join("\n")).not.toContain(token.split(".")[2]);
  });

  it("fetches the JWKS again for an unknown kid (key rotation), at most once per cooldown", async () => {
    expect((await call(gateway, "/orders", await valid())).status).toBe(200);
    const fetchesBefore = jwks.fetches;
    jwks.keys = [k1, k2];
    const rotated = await sign(k2.privateKey, { sub: "alice", azp: "partner-app" }, { kid: "k2" });
    await new Promise((r) => setTimeout(r, 5_200));
    expect((await call(gateway, "/orders", rotated)).status).toBe(200);
    expect(jwks.fetches).toBe(fetchesBefore + 1);
    // Unknown kids right after a fetch do not make the gateway hammer the JWKS server.
    for (let i = 0; i < 5; i++) {
      const unknown = await sign(k2.privateKey, { sub: "alice", azp: "partner-app" }, { kid: `x${i}` });
      expect((await call(gateway, "/orders", unknown)).status).toBe(401);
    }
    expect(jwks.fetches).toBe(fetchesBefore + 1);
  }, 15_000);

  it("tries every key of the set that fits for a token without kid", async () => {
    const noKid = await sign(k2.privateKey, { sub: "alice", azp: "partner-app" });
    expect((await call(gateway, "/orders", noKid)).status).toBe(200);
    const forged = await sign(attacker.privateKey, { sub: "alice", azp: "partner-app" });
    expect((await call(gateway, "/orders", forged)).status).toBe(401);
  });

  it("keeps verifying with the keys it has when the JWKS server goes down", async () => {
    await jwks.close();
    expect((await call(gateway, "/orders", await valid())).status).toBe(200);
  });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("JWT plan whose JWKS server is down", () => {
  it("answers Gravitee's 500 JWT_JWKS_RESOLUTION_ERROR", async () => {
    const key = rsaKey("k1");
    const backend = await startEchoBackend();
    // A port that was free a moment ago: nothing listens there any more.
    const probe = await startJwksServer([key]);
    const url = probe.url;
    await probe.close();
    const gateway = await startTestGateway(
      {
        "orders.yaml": securedApi(
          "orders",
          "/orders",
          "${BACKEND}",
          jwtPlan(
            "jwt",
            `          signature: RSA_RS256
          publicKeyResolver: JWKS_URL
          resolverParameter: ${url}
          connectTimeout: 300
          requestTimeout: 300`,
          ),
        ),
      },
      { BACKEND: backend.url },
      withConsumers({
        subscriptions: [subscription("orders", "jwt", "partner", { clientId: "partner-app" })],
      }),
    );
    try {
      const token = await sign(key.privateKey, { sub: "alice", azp: "partner-app" }, { kid: "k1" });
      const res = await fetch(`${gateway.url}/orders`, {
        headers: { ...bearer(token), accept: "application/json" },
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ message: "Internal Server Error", http_status_code: 500 });
      expect(gateway.logs.join("\n")).toContain("JWT keys unavailable");
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});

describe("JWT plan with GIVEN_KEY", () => {
  let backend: EchoBackend;
  beforeAll(async () => {
    backend = await startEchoBackend();
  });
  afterAll(async () => backend?.close());

  const givenKey = (signature: string, extra = "") =>
    jwtPlan(
      "jwt",
      `          signature: ${signature}
          publicKeyResolver: GIVEN_KEY
          resolverParameter: \${JWT_KEY}${extra}`,
    );
  const start = (plans: string, key: string) =>
    startTestGateway(
      { "orders.yaml": securedApi("orders", "/orders", "${BACKEND}", plans) },
      { BACKEND: backend.url, JWT_KEY: key },
      withConsumers({
        subscriptions: [subscription("orders", "jwt", "partner", { clientId: "partner-app" })],
      }),
    );

  it("HMAC_HS256 with a shared secret: its tokens pass, RS256 and other secrets do not", async () => {
    const secret = "a-shared-secret-of-at-least-32-bytes!";
    const gateway = await start(givenKey("HMAC_HS256"), secret);
    try {
      const hs = (s: string) =>
        sign(new TextEncoder().encode(s), { sub: "alice", azp: "partner-app" }, { alg: "HS256" });
      expect((await call(gateway, "/orders", await hs(secret))).status).toBe(200);
      expect((await call(gateway, "/orders", await hs(`${secret}-other`))).status).toBe(401);
      const rs = await sign(rsaKey("k").privateKey, { sub: "alice", azp: "partner-app" });
      expect((await call(gateway, "/orders", rs)).status).toBe(401);
      const hs512 = await sign(
        new TextEncoder().encode(secret.repeat(2)),
        { azp: "partner-app" },
        { alg: "HS512" },
      );
      expect((await call(gateway, "/orders", hs512)).status).toBe(401);
    } finally {
      await gateway.close();
    }
  });

  it("RSA_RS256 with a PEM public key, and with the key as an ssh-rsa line", async () => {
    const key = rsaKey("k");
    const jwk = await exportJWK(key.publicKey);
    const mpint = (b64: string) => {
      const bytes = Buffer.from(b64, "base64url");
      return bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
    };
    const part = (b: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(b.length);
      return Buffer.concat([length, b]);
    };
    const ssh = `ssh-rsa ${Buffer.concat([part(Buffer.from("ssh-rsa")), part(mpint(jwk.e!)), part(mpint(jwk.n!))]).toString("base64")} test@sluice`;
    for (const text of [key.pem, ssh]) {
      const gateway = await start(givenKey("RSA_RS256"), text);
      try {
        const token = await sign(key.privateKey, { sub: "alice", azp: "partner-app" });
        expect((await call(gateway, "/orders", token)).status).toBe(200);
        const other = await sign(rsaKey("o").privateKey, { sub: "alice", azp: "partner-app" });
        expect((await call(gateway, "/orders", other)).status).toBe(401);
      } finally {
        await gateway.close();
      }
    }
  });

  it.each([
    ["an HMAC secret that is a public key", "HMAC_HS256", () => rsaKey("k").pem, /needs a shared secret/],
    ["an HMAC secret shorter than the hash", "HMAC_HS256", () => "short", /at least 32 bytes/],
    [
      "an RSA plan given a secret",
      "RSA_RS256",
      () => "a-shared-secret-of-at-least-32-bytes!",
      /not a PEM public key/,
    ],
  ])("refuses to start with %s", async (_name, signature, key, message) => {
    await expect(start(givenKey(signature), key())).rejects.toThrow(message);
  });

  it("checks required scopes from scope or scp: all of them in strict mode, one of them otherwise", async () => {
    const key = rsaKey("k");
    for (const [strict, accepted, refused] of [
      ["true", ["orders:read orders:write", ["orders:write", "orders:read", "x"]], ["orders:read", ""]],
      ["false", ["orders:write", ["orders:read"]], ["orders:admin", []]],
    ] as const) {
      const gateway = await start(
        givenKey(
          "RSA_RS256",
          `
          checkRequiredScopes: true
          requiredScopes: [orders:read, orders:write]
          modeStrict: ${strict}`,
        ),
        key.pem,
      );
      try {
        const scoped = (scope: string | readonly string[]) =>
          sign(key.privateKey, {
            azp: "partner-app",
            ...(typeof scope === "string" ? { scope } : { scp: [...scope] }),
          });
        for (const scope of accepted)
          expect((await call(gateway, "/orders", await scoped(scope))).status, `${strict} ${scope}`).toBe(
            200,
          );
        for (const scope of refused)
          expect((await call(gateway, "/orders", await scoped(scope))).status, `${strict} ${scope}`).toBe(
            401,
          );
      } finally {
        await gateway.close();
      }
    }
  });

  it("checks typ when tokenTypValidation asks", async () => {
    const key = rsaKey("k");
    const gateway = await start(
      givenKey(
        "RSA_RS256",
        `
          tokenTypValidation:
            enabled: true
            expectedValues: [at+jwt]
            ignoreCase: true`,
      ),
      key.pem,
    );
    try {
      const typed = (typ?: string) =>
        sign(key.privateKey, { sub: "alice", azp: "partner-app" }, typ ? { typ } : {});
      expect((await call(gateway, "/orders", await typed("AT+JWT"))).status).toBe(200);
      expect((await call(gateway, "/orders", await typed("JWT"))).status).toBe(401);
      expect((await call(gateway, "/orders", await typed())).status).toBe(401);
    } finally {
      await gateway.close();
    }
  });

  it("a token of a plan's type makes a keyless plan of the API unavailable (Gravitee's plan selection)", async () => {
    const key = rsaKey("k");
    const gateway = await start(`${givenKey("RSA_RS256")}${keylessPlan("free")}`, key.pem);
    try {
      expect((await call(gateway, "/orders")).status).toBe(200);
      const stranger = await sign(key.privateKey, { sub: "eve", azp: "stranger-app" });
      expect((await call(gateway, "/orders", stranger)).status).toBe(401);
    } finally {
      await gateway.close();
    }
  });
});

describe("JWT plan of a v2 API (securityDefinition as a JSON string)", () => {
  it("verifies tokens like a v4 plan, its key from an ${ENV} reference inside the JSON", async () => {
    const key = rsaKey("k");
    const backend = await startEchoBackend();
    const v2 = `apiVersion: gravitee.io/v1alpha1
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
      - name: default
        endpoints:
          - name: backend
            target: \${BACKEND}/legacy
  plans:
    - name: partners
      security: JWT
      securityDefinition: '{"signature":"RSA_RS256","publicKeyResolver":"GIVEN_KEY","resolverParameter":"\${JWT_KEY}","clientIdClaim":"app.id"}'
`;
    const gateway = await startTestGateway(
      { "legacy.yaml": v2 },
      { BACKEND: backend.url, JWT_KEY: key.pem },
      withConsumers({
        subscriptions: [subscription("legacy", "partners", "partner", { clientId: "partner-app" })],
      }),
    );
    try {
      const token = (claims: JWTPayload) => sign(key.privateKey, claims);
      expect((await call(gateway, "/legacy/x", await token({ app: { id: "partner-app" } }))).status).toBe(
        200,
      );
      // clientIdClaim wins over azp: the same token naming the partner only in azp selects no plan.
      expect((await call(gateway, "/legacy/x", await token({ azp: "partner-app" }))).status).toBe(401);
      const forged = await sign(rsaKey("o").privateKey, { app: { id: "partner-app" } });
      expect((await call(gateway, "/legacy/x", forged)).status).toBe(401);
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});

describe("JWT plan with GATEWAY_KEYS", () => {
  it("verifies with the keys of the token's issuer from the environment; other issuers are refused", async () => {
    const acme = rsaKey("a");
    const globex = rsaKey("g");
    const backend = await startEchoBackend();
    const gateway = await startTestGateway(
      {
        "orders.yaml": securedApi(
          "orders",
          "/orders",
          "${BACKEND}",
          jwtPlan("jwt", "          signature: RSA_RS256\n          publicKeyResolver: GATEWAY_KEYS"),
        ),
      },
      {
        BACKEND: backend.url,
        SLUICE_JWT_ISSUER_ACME: "https://acme.example/",
        SLUICE_JWT_ISSUER_ACME_KEY: acme.pem,
        SLUICE_JWT_ISSUER_GLOBEX: "https://globex.example/",
        SLUICE_JWT_ISSUER_GLOBEX_KEY_2026: globex.pem,
      },
      withConsumers({
        subscriptions: [subscription("orders", "jwt", "partner", { clientId: "partner-app" })],
      }),
    );
    try {
      const token = (key: RsaKey, iss?: string) =>
        sign(key.privateKey, { sub: "alice", azp: "partner-app", ...(iss ? { iss } : {}) });
      expect((await call(gateway, "/orders", await token(acme, "https://acme.example/"))).status).toBe(200);
      expect((await call(gateway, "/orders", await token(globex, "https://globex.example/"))).status).toBe(
        200,
      );
      // Signed by globex's key but claiming acme as issuer, an unknown issuer, or none.
      expect((await call(gateway, "/orders", await token(globex, "https://acme.example/"))).status).toBe(401);
      expect((await call(gateway, "/orders", await token(acme, "https://evil.example/"))).status).toBe(401);
      expect((await call(gateway, "/orders", await token(acme))).status).toBe(401);
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});

describe("JWT plan with certificate-bound tokens (RFC 8705)", () => {
  it("accepts a token only with the client certificate its cnf.x5t#S256 names, over TLS", async () => {
    const pki = makePki();
    const bound = pki.client("bound");
    const other = pki.client("other");
    const key = rsaKey("k");
    const backend = await startEchoBackend();
    const gateway = await startTestGateway(
      {
        "orders.yaml": securedApi(
          "orders",
          "/orders",
          "${BACKEND}",
          jwtPlan(
            "jwt",
            `          signature: RSA_RS256
          publicKeyResolver: GIVEN_KEY
          resolverParameter: \${JWT_KEY}
          confirmationMethodValidation:
            certificateBoundThumbprint:
              enabled: true`,
          ),
        ),
      },
      {
        BACKEND: backend.url,
        JWT_KEY: key.pem,
        SLUICE_TLS_CERT: pki.server.certPath,
        SLUICE_TLS_KEY: pki.server.keyPath,
        SLUICE_HTTPS_PORT: "0",
      },
      withConsumers({
        subscriptions: [subscription("orders", "jwt", "partner", { clientId: "partner-app" })],
      }),
    );
    const x5t = Buffer.from(thumbprintOf(bound.cert), "hex").toString("base64url");
    const token = await sign(key.privateKey, { azp: "partner-app", cnf: { "x5t#S256": x5t } });
    const unbound = await sign(key.privateKey, { azp: "partner-app" });
    const get = (client: Pem | undefined, jwt: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpsRequest(
          {
            host: "127.0.0.1",
            port: gateway.httpsPort,
            path: "/orders",
            ca: pki.ca.cert,
            agent: false,
            headers: { authorization: `Bearer ${jwt}` },
            ...(client ? { cert: client.cert, key: client.key } : {}),
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      expect(await get(bound, token)).toBe(200);
      expect(await get(other, token)).toBe(401);
      expect(await get(undefined, token)).toBe(401);
      expect(await get(bound, unbound)).toBe(401);
      expect((await call(gateway, "/orders", token)).status).toBe(401);
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});
