// The test copy of a repository for `sluice test`: what stands in for the world outside the
// gateway. Every HTTP backend points at one local stand-in server; every API_KEY plan gets a key
// (the repository's own Subscription, its `[[ secret ]]` written into a temporary secrets
// directory or its `${VAR}` set in the gateway's environment — else a stand-in Application and
// Subscription); every JWT plan's key source (JWKS URL or given key) is replaced by a key the
// runner generated, and tokens are signed with it for the client id of a subscribed application;
// every OAUTH2 plan's resource introspects at the stand-in, which knows one token per plan. MTLS
// plans keep their configuration and are listed with the reason.
import { randomBytes } from "node:crypto";
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from "jose";
import { parseSecretRef } from "../../runtime/consumers/secret-ref.ts";
import type { Resource as SideResource } from "../diff/read-side.ts";
import { isScanError, scanEnvTemplate } from "../load/env-refs.ts";
import type { Pki } from "./certificates.ts";

type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {};
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** A resource as `sluice diff` reads it; the file it came from does not matter here. */
export type Resource = Pick<SideResource, "kind" | "name" | "value">;

/** A plan's credentials in the test copy: headers that select it, and headers it must refuse. */
export interface Credential {
  valid: Record<string, string>;
  foreign: Record<string, string>;
  /** Who the credential belongs to, for the case's title. */
  owner: string;
  /** MTLS: the client certificates that select the plan, and one it must refuse (over HTTPS). */
  tls?: { valid: ClientTls; foreign: ClientTls };
}

/** A TLS client identity for a request. */
export interface ClientTls {
  cert: string;
  key: string;
}

export interface TestCopy {
  resources: Obj[];
  /** Files of the temporary secrets directory, by `name/key`. */
  secrets: Map<string, string>;
  /** Variables added to the gateway's environment. */
  env: Record<string, string>;
  /** By `api\0plan`. */
  credentials: Map<string, Credential>;
  /** Plans without credentials, by `api\0plan`, with the reason. */
  noCredential: Map<string, string>;
  /** The JWKS documents the stand-in serves, by path. */
  jwks: Map<string, { keys: JWK[] }>;
  /** What the stand-in's token introspection (RFC 7662) answers, by token; unknown: inactive. */
  introspection: Map<string, Obj>;
  /** The gateway's HTTPS listener, when an MTLS plan is tested: its files and the CA of the clients. */
  tls?: Pki;
}

/** Where the stand-in answers token introspection for every OAUTH2 plan's resource. */
export const INTROSPECTION_PATH = "/.sluice-test/introspect";

export const STAND_IN_PREFIX = "/.sluice-test";

/** A plan as a Subscription names it (v4: its key; v2: its id, else its name). */
export interface PlanRef {
  id: string;
  plan: Obj;
  security: string;
  configuration: Obj;
}

export function plansOf(resource: Resource): PlanRef[] {
  const spec = obj(resource.value.spec);
  const refs: PlanRef[] = [];
  const add = (id: string | undefined, plan: Obj) => {
    if (id === undefined) return;
    const security = plan.security;
    if (typeof security === "string") {
      let configuration: Obj = {};
      try {
        configuration = obj(JSON.parse(str(plan.securityDefinition) ?? "{}"));
      } catch {}
      refs.push({ id, plan, security, configuration });
    } else
      refs.push({
        id,
        plan,
        security: str(obj(security).type) ?? (plan.mode === "PUSH" ? "PUSH" : "KEY_LESS"),
        configuration: obj(obj(security).configuration),
      });
  };
  if (Array.isArray(spec.plans)) for (const p of spec.plans.map(obj)) add(str(p.id) ?? str(p.name), p);
  else for (const [key, p] of Object.entries(obj(spec.plans))) add(key, obj(p));
  return refs.filter(
    (p) =>
      p.plan.mode !== "PUSH" &&
      !["CLOSED", "STAGING"].includes(str(p.plan.status) ?? "PUBLISHED") &&
      p.security !== "PUSH",
  );
}

/** A spec string with its `${VAR:-default}` references resolved from `env`, as at start-up. */
export function resolveEnv(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value !== "string") return value;
  const t = scanEnvTemplate(value);
  if (t === null || isScanError(t)) return value;
  const parts = t.parts.map((p) => ("text" in p ? p.text : (env[p.env] ?? p.default)));
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.join("");
}

const isApi = (r: Resource) => r.kind === "ApiV4Definition" || r.kind === "ApiDefinition";

export async function testCopy(
  resources: readonly Resource[],
  standIn: string,
  /** The test PKI for MTLS plans; undefined when it cannot be made (no openssl). */
  pki?: () => Pki | undefined,
): Promise<TestCopy> {
  const copy: TestCopy = {
    resources: [],
    secrets: new Map(),
    env: {},
    credentials: new Map(),
    noCredential: new Map(),
    jwks: new Map(),
    introspection: new Map(),
  };
  const values = new Map(resources.map((r) => [`${r.kind}/${r.name}`, structuredClone(r.value)]));
  const subscriptions = resources.filter((r) => r.kind === "Subscription");
  const applications = new Map(
    resources.filter((r) => r.kind === "Application").map((r) => [r.name, obj(r.value.spec)]),
  );
  const added: Obj[] = [];
  /** The repository's subscriptions to a plan (by the API's kind and name). */
  const subscribed = (api: Resource, plan: string) =>
    subscriptions
      .map((s) => obj(s.value.spec))
      .filter(
        (s) =>
          str(obj(s.api).name) === api.name &&
          (str(obj(s.api).kind) ?? "ApiV4Definition") === api.kind &&
          str(s.plan) === plan,
      );
  /**
   * The value the test gives a key reference — `[[ secret ]]` (a file in the temporary secrets
   * directory) or a whole `${VAR}` (the gateway's environment) — random, one per reference.
   */
  const keyFor = (text: string): string | undefined => {
    const ref = parseSecretRef(text);
    if (ref) {
      const path = `${ref.name}/${ref.key}`;
      if (!copy.secrets.has(path)) copy.secrets.set(path, randomBytes(24).toString("hex"));
      return copy.secrets.get(path);
    }
    const t = scanEnvTemplate(text);
    if (t === null || isScanError(t) || !t.whole) return undefined;
    const name = (t.parts[0] as { env: string }).env;
    copy.env[name] ??= randomBytes(24).toString("hex");
    return copy.env[name];
  };
  const now = Date.now();
  /** Not ended yet (`endingAt`, `expireAt`): a key of an ended subscription is refused, rightly. */
  const current = (at: unknown) => typeof at !== "string" || !(Date.parse(at) <= now);
  // Every key reference gets a value, so the gateway starts whatever the environment holds.
  for (const s of subscriptions)
    for (const k of arr(obj(s.value.spec).apiKeys)) keyFor(str(obj(k).key) ?? "");
  /** A stand-in Application and Subscription for a plan nobody in the repository subscribes to. */
  const standInSubscription = (api: Resource, plan: string, extra: Obj): string => {
    const name = `sluice-test-${api.name}-${plan}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    added.push(
      {
        apiVersion: "gravitee.io/v1alpha1",
        kind: "Application",
        metadata: { name },
        spec: { name, settings: { app: { type: "backend", clientId: name } } },
      },
      {
        apiVersion: "gravitee.io/v1alpha1",
        kind: "Subscription",
        metadata: { name },
        spec: { api: { name: api.name, kind: api.kind }, application: { name }, plan, ...extra },
      },
    );
    return name;
  };

  for (const api of resources.filter(isApi)) {
    const value = values.get(`${api.kind}/${api.name}`)!;
    const spec = obj(value.spec);
    const target = `${standIn}/${api.name}`;
    if (api.kind === "ApiDefinition") {
      for (const group of arr(obj(spec.proxy).groups))
        for (const e of arr(obj(group).endpoints)) obj(e).target = target;
    } else if (spec.type === "PROXY") {
      for (const group of arr(spec.endpointGroups))
        for (const e of arr(obj(group).endpoints)) obj(obj(e).configuration).target = target;
    }
    const livePlans = plansOf({ ...api, value });
    for (const { id, security, configuration } of livePlans) {
      const key = `${api.name}\0${id}`;
      if (security === "API_KEY") {
        const foreign = { "x-gravitee-api-key": randomBytes(24).toString("hex") };
        const own = subscribed(api, id)
          .filter((s) => current(s.endingAt))
          .flatMap((s) => arr(s.apiKeys).map(obj))
          .filter((k) => current(k.expireAt))
          .map((k) => keyFor(str(k.key) ?? ""))
          .find((k) => k !== undefined);
        if (own !== undefined)
          copy.credentials.set(key, {
            valid: { "x-gravitee-api-key": own },
            foreign,
            owner: "its subscription's key",
          });
        else {
          const ref = `[[ secret \`sluice-test/${api.name}-${id}\` ]]`.toLowerCase();
          const name = standInSubscription(api, id, { apiKeys: [{ key: ref }] });
          copy.credentials.set(key, {
            valid: { "x-gravitee-api-key": keyFor(ref)! },
            foreign,
            owner: `stand-in subscription ${name}`,
          });
        }
      } else if (security === "JWT") {
        const why = await jwtStandIn(api, id, configuration, standIn, copy);
        if (why) {
          copy.noCredential.set(key, why);
        }
      } else if (security === "OAUTH2") {
        const why = oauth2StandIn(api, value, id, configuration);
        if (why) copy.noCredential.set(key, why);
      } else if (security === "MTLS") {
        const why = mtlsStandIn(api, id);
        if (why) copy.noCredential.set(key, why);
      }
    }
  }

  /**
   * An MTLS plan: the gateway listens on HTTPS too, trusting the test CA for client certificates;
   * the certificate of an Application subscribed to the plan (a `ref` gets the file in the secrets
   * directory, inline content is replaced) — or of a stand-in subscription — is one the test made.
   */
  function mtlsStandIn(api: Resource, id: string): string | undefined {
    copy.tls ??= pki?.();
    const tls = copy.tls;
    if (!tls) return "the test certificates are made with openssl, which is not on the PATH";
    const app = subscribed(api, id)
      .filter((s) => current(s.endingAt))
      .map((s) => str(obj(s.application).name))
      .find((n) => n !== undefined && certificatesOf(n).length > 0);
    let owner: string;
    let identity: ClientTls;
    if (app) {
      identity = tls.client(app);
      owner = `application ${app}`;
      for (const c of certificatesOf(app)) {
        const ref = obj(c.ref);
        if (typeof ref.name === "string")
          copy.secrets.set(`${ref.name}/${str(ref.key) ?? "tls.crt"}`, identity.cert);
        else {
          c.content = identity.cert;
          delete c.encoded;
        }
      }
    } else {
      const name = standInSubscription(api, id, {});
      identity = tls.client(name);
      const application = added.find((r) => r.kind === "Application" && obj(r.metadata).name === name)!;
      obj(obj(application.spec).settings).tls = { clientCertificates: [{ name, content: identity.cert }] };
      owner = `stand-in subscription ${name}`;
    }
    copy.credentials.set(`${api.name}\0${id}`, {
      valid: {},
      foreign: {},
      owner: `the certificate of ${owner}`,
      tls: { valid: identity, foreign: tls.client("sluice-test-unknown-client") },
    });
    return undefined;
  }

  /** An Application's client certificates in the test copy (GKO's list; the deprecated single one becomes one). */
  function certificatesOf(app: string): Obj[] {
    const spec = obj(values.get(`Application/${app}`)?.spec);
    const tls = obj(obj(spec.settings).tls);
    if (typeof tls.clientCertificate === "string") {
      tls.clientCertificates = [
        ...arr(tls.clientCertificates),
        { name: app, content: tls.clientCertificate },
      ];
      delete tls.clientCertificate;
    }
    return arr(tls.clientCertificates).map(obj);
  }

  /** The client id a plan's tokens are for: a subscribed Application's, else a stand-in subscription's. */
  function clientFor(api: Resource, id: string): { clientId: string; owner: string } {
    const app = subscribed(api, id)
      .map((s) => str(obj(s.application).name))
      .map((n) =>
        n === undefined
          ? undefined
          : { n, clientId: str(obj(obj(applications.get(n)?.settings).app).clientId) },
      )
      .find((a) => a?.clientId !== undefined);
    if (app?.clientId) return { clientId: app.clientId, owner: `application ${app.n}` };
    const name = standInSubscription(api, id, {});
    return { clientId: name, owner: `stand-in subscription ${name}` };
  }

  /**
   * The OAUTH2 plan's resource (inline, or the ApiResource it references) now introspects at the
   * stand-in, which knows one token: active, for the client id of a subscribed application, with
   * the plan's required scopes.
   */
  function oauth2StandIn(api: Resource, value: Obj, id: string, configuration: Obj): string | undefined {
    const name = str(configuration.oauthResource);
    const entry = arr(obj(value.spec).resources)
      .map(obj)
      .find((r) => r.name === name || str(obj(r.ref).name) === name);
    const refName = entry ? str(obj(entry.ref).name) : undefined;
    const resource = refName ? obj(values.get(`ApiResource/${refName}`)?.spec) : entry;
    if (!resource || Object.keys(resource).length === 0)
      return `its resource \`${name ?? ""}\` is not in the repository`;
    if (resource.type !== "oauth2")
      return `its resource \`${name}\` is of type ${String(resource.type)}, not oauth2`;
    resource.configuration = {
      ...obj(resource.configuration),
      introspectionEndpoint: `${standIn}${INTROSPECTION_PATH}`,
      introspectionEndpointMethod: "POST",
      useClientAuthorizationHeader: false,
      tokenIsSuppliedByQueryParam: true,
      tokenQueryParamName: "token",
      tokenIsSuppliedByHttpHeader: false,
      tokenIsSuppliedByFormUrlEncoded: false,
    };
    const { clientId, owner } = clientFor(api, id);
    const token = randomBytes(24).toString("hex");
    copy.introspection.set(token, {
      active: true,
      client_id: clientId,
      sub: "sluice-test",
      scope: arr(configuration.requiredScopes).map(String).join(" "),
    });
    copy.credentials.set(`${api.name}\0${id}`, {
      valid: { authorization: `Bearer ${token}` },
      foreign: { authorization: `Bearer ${randomBytes(24).toString("hex")}` },
      owner: `a token for ${owner}`,
    });
    return undefined;
  }

  /** Signs the JWT plans' tokens once their key is in place: after the loop, the subscriptions exist. */
  async function jwtStandIn(api: Resource, id: string, configuration: Obj, base: string, into: TestCopy) {
    const signature = str(configuration.signature) ?? "RSA_RS256";
    const resolver = str(configuration.publicKeyResolver) ?? "GIVEN_KEY";
    if (resolver === "GATEWAY_KEYS") return "its keys are the gateway's (GATEWAY_KEYS), not the spec's";
    const validation = obj(configuration.confirmationMethodValidation);
    if (obj(validation.certificateBoundThumbprint).enabled === true && validation.ignoreMissing !== true)
      return "its tokens must be bound to a TLS client certificate; sluice test sends plain HTTP";
    const alg = signature.replace(/^(RSA|HMAC)_/, "");
    const hmac = signature.startsWith("HMAC");
    if (hmac && resolver !== "GIVEN_KEY") return `${signature} with ${resolver}`;
    const keyPair = hmac ? undefined : await generateKeyPair(alg);
    const otherPair = hmac ? undefined : await generateKeyPair(alg);
    const secret = hmac ? new TextEncoder().encode(randomBytes(32).toString("hex")) : undefined;
    const otherSecret = hmac ? new TextEncoder().encode(randomBytes(32).toString("hex")) : undefined;
    // The plan now trusts the runner's key, the way HTTP targets now point at the stand-in.
    if (resolver === "JWKS_URL") {
      const path = `${STAND_IN_PREFIX}/jwks/${api.name}/${id}`;
      into.jwks.set(path, {
        keys: [{ ...(await exportJWK(keyPair!.publicKey)), alg, use: "sig", kid: "sluice-test" }],
      });
      configuration.resolverParameter = `${base}${path}`;
    } else
      configuration.resolverParameter = hmac
        ? new TextDecoder().decode(secret)
        : await exportSPKI(keyPair!.publicKey);
    const { clientId, owner } = clientFor(api, id);
    const claimPath = str(configuration.clientIdClaim);
    const claims: Obj = { sub: "sluice-test" };
    if (claimPath) {
      let at = claims;
      const parts = claimPath.split(".");
      for (const part of parts.slice(0, -1)) {
        const next: Obj = {};
        at[part] = next;
        at = next;
      }
      at[parts.at(-1)!] = clientId;
    } else claims.azp = clientId;
    const typ = str(arr(obj(configuration.tokenTypValidation).expectedValues)[0]) ?? "JWT";
    const sign = (k: CryptoKey | Uint8Array) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg, typ, kid: "sluice-test" })
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(k);
    const token = await sign(keyPair?.privateKey ?? secret!);
    const forged = await sign(otherPair?.privateKey ?? otherSecret!);
    into.credentials.set(`${api.name}\0${id}`, {
      valid: { authorization: `Bearer ${token}` },
      foreign: { authorization: `Bearer ${forged}` },
      owner: `a token for ${owner}`,
    });
    return undefined;
  }

  copy.resources = [...values.values(), ...added];
  return copy;
}
