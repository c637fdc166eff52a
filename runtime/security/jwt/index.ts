// JWT plans (Gravitee's `jwt` security policy), verified with jose. The token comes from
// `Authorization: Bearer` or `access_token` (./bearer-token.ts). Plan selection reads the client id
// from the token without verifying it (`clientIdClaim`, else `azp`, else a single `aud`, else
// `client_id`) to find the application's subscription; the selected plan then verifies it:
//   - `alg` must be the plan's `signature` (so `none` and HS256-signed-with-the-RSA-public-key are
//     refused before any key is looked at), the key comes from ./jwt-keys.ts;
//   - `exp` and `nbf` with 60 s of clock skew (nimbus-jose-jwt's default, which Gravitee uses);
//   - `typ` when `tokenTypValidation` asks; the certificate binding (`cnf.x5t#S256`, RFC 8705) when
//     `confirmationMethodValidation` asks, against the TLS client certificate only.
// With `checkRequiredScopes`, the `scope` (or `scp`) claim must hold `requiredScopes` (./scopes.ts).
// Failures are 401 `Unauthorized` with Gravitee's keys (JWT_MISSING_TOKEN, JWT_INVALID_TOKEN,
// JWT_INVALID_CERTIFICATE_BOUND_THUMBPRINT, JWT_INSUFFICIENT_SCOPE); a JWKS that cannot be fetched
// is Gravitee's 500 JWT_JWKS_RESOLUTION_ERROR. Context attributes as Gravitee names them:
// `jwt.token`, `oauth.client_id`, `user`, and `jwt.claims` with `extractClaims`.
import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineSecurity } from "../../define.ts";
import { EnvError } from "../../env.ts";
import type { JwtSecurityConfiguration } from "../../spec-types/api-v4-definition.ts";
import {
  CLIENT_ID_ATTRIBUTE,
  JWT_CLAIMS_ATTRIBUTE,
  JWT_TOKEN_ATTRIBUTE,
  USER_ATTRIBUTE,
} from "../attributes.ts";
import { bearerTokenOf, removeAuthorizationUpstream } from "../bearer-token.ts";
import { BoundedCache } from "../bounded-cache.ts";
import { peerCertificateOf } from "../client-certificate.ts";
import { createKeySource, KeySourceUnavailable, type VerificationKey } from "../jwt-keys.ts";
import { hasRequiredScopes } from "../scopes.ts";

const ALGORITHMS: Record<JwtSecurityConfiguration["signature"], string> = {
  RSA_RS256: "RS256",
  RSA_RS384: "RS384",
  RSA_RS512: "RS512",
  HMAC_HS256: "HS256",
  HMAC_HS384: "HS384",
  HMAC_HS512: "HS512",
};

const CLOCK_SKEW_SECONDS = 60;
/** Verified tokens are remembered (Gravitee keeps 1,000 for 5 minutes too): a verification costs ~0.1 ms. */
const VERIFIED_MAX = 1_000;
const VERIFIED_TTL_MS = 5 * 60_000;

const unauthorized = (key: string) => new GatewayError(401, "Unauthorized", { key });

export const connector = defineSecurity<JwtSecurityConfiguration>({
  type: "JWT",
  create(config, ctx) {
    const where = `API ${ctx.api.id}, plan ${ctx.plan.id}`;
    const alg = ALGORITHMS[config.signature ?? "RSA_RS256"];
    if (!alg) throw new EnvError(`${where}: unknown signature ${JSON.stringify(config.signature)}`);
    const keys = createKeySource(config, alg, ctx, where);

    const verified = new BoundedCache<JWTPayload>(VERIFIED_MAX);
    const verify = async (token: string): Promise<JWTPayload> => {
      const now = Date.now();
      const known = verified.get(token, now);
      if (known) return known;
      // Frozen: the same claims object is handed to every request with this token.
      const claims = deepFreeze(await verifySignature(token));
      // Until it expires (the skew included), at most VERIFIED_TTL_MS: a key removed from a JWKS
      // stops working within that time.
      const expires =
        claims.exp === undefined ? Number.POSITIVE_INFINITY : (claims.exp + CLOCK_SKEW_SECONDS) * 1000;
      verified.set(token, claims, Math.min(now + VERIFIED_TTL_MS, expires), now);
      return claims;
    };

    const verifySignature = async (token: string): Promise<JWTPayload> => {
      const header = decodeProtectedHeader(token);
      if (header.alg !== alg) throw new errors.JOSEAlgNotAllowed(`"alg" ${String(header.alg)} is not ${alg}`);
      checkType(header.typ, config);
      const candidates = await keys.keys(header, unverifiedIssuer(token));
      if (candidates.length === 0) throw new errors.JWKSNoMatchingKey();
      let failure: unknown;
      for (const key of candidates) {
        try {
          const { payload } = await jwtVerify(token, key as VerificationKey, {
            algorithms: [alg],
            clockTolerance: CLOCK_SKEW_SECONDS,
          });
          return payload;
        } catch (error) {
          failure = error;
          // Only a wrong key is worth another candidate; an expired token stays expired.
          if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
        }
      }
      throw failure;
    };

    return {
      extract(exchange) {
        const token = bearerTokenOf(exchange);
        if (token === undefined) return undefined;
        const clientId = unverifiedClientId(token, config.clientIdClaim);
        return clientId === undefined
          ? { type: "JWT", value: token }
          : { type: "JWT", value: token, clientId };
      },
      subscription(credential) {
        if (credential.clientId === undefined) return undefined;
        return ctx.subscriptions.byClientId(credential.clientId);
      },
      async authenticate(exchange, credential) {
        if (!credential) throw unauthorized("JWT_MISSING_TOKEN");
        let claims: JWTPayload;
        try {
          claims = await verify(credential.value);
        } catch (error) {
          if (error instanceof KeySourceUnavailable) {
            ctx.log.error("JWT keys unavailable", { plan: ctx.plan.id, error: error.message });
            throw new GatewayError(500, "Internal Server Error", { key: "JWT_JWKS_RESOLUTION_ERROR" });
          }
          ctx.log.info("JWT refused", { plan: ctx.plan.id, reason: reasonOf(error) });
          throw unauthorized("JWT_INVALID_TOKEN");
        }
        if (!certificateBindingHolds(claims, exchange, config)) {
          ctx.log.info("JWT refused", { plan: ctx.plan.id, reason: "certificate binding" });
          throw unauthorized("JWT_INVALID_CERTIFICATE_BOUND_THUMBPRINT");
        }
        if (
          config.checkRequiredScopes &&
          !hasRequiredScopes(scopesOf(claims), config.requiredScopes, config.modeStrict !== false)
        ) {
          ctx.log.info("JWT refused", { plan: ctx.plan.id, reason: "insufficient scope" });
          throw unauthorized("JWT_INSUFFICIENT_SCOPE");
        }
        exchange.attributes[JWT_TOKEN_ATTRIBUTE] = credential.value;
        const clientId = clientIdOf(claims, config.clientIdClaim);
        if (clientId !== undefined) exchange.attributes[CLIENT_ID_ATTRIBUTE] = clientId;
        const user = claimAt(claims, config.userClaim || "sub");
        if (user !== undefined) exchange.attributes[USER_ATTRIBUTE] = user;
        if (config.extractClaims) exchange.attributes[JWT_CLAIMS_ATTRIBUTE] = claims;
        if (config.propagateAuthHeader === false) removeAuthorizationUpstream(exchange);
      },
    };
  },
});

/** The client id of a token not verified yet: only ever used to look up a subscription. */
export function unverifiedClientId(token: string, clientIdClaim: string | undefined): string | undefined {
  try {
    return clientIdOf(decodeJwt(token), clientIdClaim);
  } catch {
    return undefined;
  }
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

/** Gravitee's order: `clientIdClaim` (a dotted path), else `azp`, else a single `aud`, else `client_id`. */
export function clientIdOf(claims: JWTPayload, clientIdClaim: string | undefined): string | undefined {
  if (clientIdClaim) return single(claimAt(claims, clientIdClaim));
  return single(claims.azp) ?? single(claims.aud) ?? single(claims.client_id);
}

function single(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string" && value[0] !== "")
    return value[0];
  return undefined;
}

/** A claim by name, or by a dotted path into nested claims (Gravitee's ClaimPathResolver). */
function claimAt(claims: JWTPayload, path: string): string | undefined {
  if (path in claims) return stringOf(claims[path]);
  let at: unknown = claims;
  for (const part of path.split(".")) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return stringOf(at);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The token's scopes: the space-delimited `scope` claim (RFC 9068), else the `scp` list. */
function scopesOf(claims: JWTPayload): string[] {
  for (const value of [claims.scope, claims.scp]) {
    if (typeof value === "string" && value.trim() !== "") return value.trim().split(/\s+/);
    if (Array.isArray(value)) return value.filter((s): s is string => typeof s === "string");
  }
  return [];
}

function checkType(typ: string | undefined, config: JwtSecurityConfiguration): void {
  const rule = config.tokenTypValidation;
  if (!rule?.enabled) return;
  if (typ === undefined) {
    if (rule.ignoreMissing) return;
    throw new errors.JWTInvalid("missing typ header");
  }
  const expected = rule.expectedValues ?? ["JWT"];
  const ok = rule.ignoreCase
    ? expected.some((e) => e.toLowerCase() === typ.toLowerCase())
    : expected.includes(typ);
  if (!ok) throw new errors.JWTInvalid("unexpected typ header");
}

/** RFC 8705 §3.1: `cnf.x5t#S256` is the base64url SHA-256 of the TLS client certificate. */
function certificateBindingHolds(
  claims: JWTPayload,
  exchange: Exchange,
  config: JwtSecurityConfiguration,
): boolean {
  const rule = config.confirmationMethodValidation;
  if (!rule?.certificateBoundThumbprint?.enabled) return true;
  const bound = (claims.cnf as Record<string, unknown> | undefined)?.["x5t#S256"];
  if (typeof bound !== "string") return rule.ignoreMissing === true;
  const certificate = peerCertificateOf(exchange);
  return certificate !== undefined && certificate.sha256.toString("base64url") === bound;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) return error.code;
  return error instanceof Error ? error.message : String(error);
}
