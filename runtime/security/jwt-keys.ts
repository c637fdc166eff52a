// Where a JWT plan's verification keys come from — Gravitee's three `publicKeyResolver`s:
//   GIVEN_KEY    the plan's `resolverParameter`: a PEM public key or certificate, an `ssh-rsa` key,
//                or the shared secret of HMAC signatures;
//   GATEWAY_KEYS keys per issuer from the gateway's environment (Gravitee reads them from
//                gravitee.yml `policy.jwt.issuer.<iss>.<kid>`), see GATEWAY_KEY_VARIABLES below;
//   JWKS_URL     a JSON Web Key Set fetched over HTTP (jose's remote set: cached, fetched again when a
//                token names an unknown `kid`, refreshed in the background, old keys kept on failure).
// Every resolver answers with the keys a token may have been signed with; jwt.ts verifies with them.
import { createPublicKey, type KeyObject } from "node:crypto";
import {
  createRemoteJWKSet,
  customFetch,
  errors,
  importJWK,
  type JWK,
  type JWSHeaderParameters,
  type RemoteJWKSet,
} from "jose";
import type { ConnectorContext } from "../contract.ts";
import { EnvError } from "../env.ts";
import type { JwtSecurityConfiguration } from "../spec-types/api-v4-definition.ts";

/** A key a token can be verified with: a public key (RS) or the shared secret (HS). */
export type VerificationKey = KeyObject | Uint8Array;

export interface KeySource {
  /** The candidate keys for this token, most specific first; none → the token is invalid. */
  keys(header: JWSHeaderParameters, issuer: string | undefined): Promise<VerificationKey[]>;
  close(): void;
}

/** The key source could not be reached or read (JWKS server down): Gravitee's 500 JWT_JWKS_RESOLUTION_ERROR. */
export class KeySourceUnavailable extends Error {}

/**
 * GATEWAY_KEYS in the environment: `SLUICE_JWT_ISSUER_<NAME>` names an issuer (the `iss` claim) and
 * `SLUICE_JWT_ISSUER_<NAME>_KEY` (or `…_KEY_<ID>`, several for rotation) holds its keys. NAME is any
 * label joining the two; the key's `kid` is not needed (Gravitee ignores it for gateway keys too).
 */
const GATEWAY_KEY_VARIABLES = /^SLUICE_JWT_ISSUER_([A-Z0-9_]+?)_KEY(?:_[A-Z0-9_]+)?$/;

/** How often a JWKS is fetched again in the background (jose refetches on an unknown `kid` anyway). */
const JWKS_REFRESH_MS = 10 * 60_000;
/** At most one fetch for unknown `kid`s per this time: tokens with made-up kids cannot flood the server. */
const JWKS_REFETCH_COOLDOWN_MS = 5_000;

export function createKeySource(
  config: JwtSecurityConfiguration,
  alg: string,
  ctx: ConnectorContext,
  where: string,
): KeySource {
  const hmac = alg.startsWith("HS");
  switch (config.publicKeyResolver ?? "GIVEN_KEY") {
    case "GIVEN_KEY": {
      const parameter = config.resolverParameter ?? "";
      if (parameter.trim() === "")
        throw new EnvError(`${where}: GIVEN_KEY needs the key in \`resolverParameter\``);
      const key = parseKey(parameter, hmac, alg, where);
      return { keys: async () => [key], close() {} };
    }
    case "GATEWAY_KEYS":
      return gatewayKeys(ctx, hmac, alg, where);
    case "JWKS_URL":
      if (hmac)
        throw new EnvError(
          `${where}: a JWKS holds public keys; HMAC signatures need GIVEN_KEY or GATEWAY_KEYS`,
        );
      return jwksKeys(config, alg, ctx, where);
    default:
      throw new EnvError(`${where}: unknown publicKeyResolver ${JSON.stringify(config.publicKeyResolver)}`);
  }
}

function gatewayKeys(ctx: ConnectorContext, hmac: boolean, alg: string, where: string): KeySource {
  const byIssuer = new Map<string, VerificationKey[]>();
  for (const [name, value] of Object.entries(ctx.env)) {
    const match = GATEWAY_KEY_VARIABLES.exec(name);
    if (!match || value === undefined) continue;
    const issuer = ctx.env[`SLUICE_JWT_ISSUER_${match[1]}`];
    if (!issuer) throw new EnvError(`${name}: no SLUICE_JWT_ISSUER_${match[1]} names the issuer of this key`);
    try {
      const list = byIssuer.get(issuer) ?? [];
      list.push(parseKey(value, hmac, alg, name));
      byIssuer.set(issuer, list);
    } catch (error) {
      // Gravitee ignores a key that does not fit the plan's algorithm (JWT_INVALID_KEY) and goes on.
      ctx.log.warn("gateway JWT key ignored", {
        variable: name,
        plan: where,
        reason: (error as Error).message,
      });
    }
  }
  if (byIssuer.size === 0)
    ctx.log.warn(
      "JWT plan uses GATEWAY_KEYS but no SLUICE_JWT_ISSUER_<NAME>_KEY fits it; every token will be refused",
      {
        plan: where,
      },
    );
  return {
    keys: async (_header, issuer) => (issuer === undefined ? [] : (byIssuer.get(issuer) ?? [])),
    close() {},
  };
}

function jwksKeys(
  config: JwtSecurityConfiguration,
  alg: string,
  ctx: ConnectorContext,
  where: string,
): KeySource {
  let url: URL;
  try {
    url = new URL(config.resolverParameter ?? "");
  } catch {
    throw new EnvError(`${where}: JWKS_URL needs an http(s) URL in \`resolverParameter\``);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new EnvError(
      `${where}: JWKS_URL needs an http(s) URL in \`resolverParameter\`, not ${url.protocol}`,
    );
  const follow = config.followRedirects === true;
  const remote: RemoteJWKSet = createRemoteJWKSet(url, {
    // One budget for the whole fetch: Node's fetch has no separate connect timeout.
    timeoutDuration: (config.connectTimeout ?? 2000) + (config.requestTimeout ?? 2000),
    cacheMaxAge: Number.POSITIVE_INFINITY,
    cooldownDuration: JWKS_REFETCH_COOLDOWN_MS,
    [customFetch]: (href, init) => fetch(href, { ...init, redirect: follow ? "follow" : "manual" }),
  });
  const refresh = setInterval(() => {
    remote.reload().catch((error: unknown) =>
      ctx.log.warn("JWKS refresh failed; keeping the keys fetched before", {
        plan: where,
        url: url.origin + url.pathname,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }, JWKS_REFRESH_MS);
  refresh.unref();
  return {
    async keys(header) {
      try {
        if (header.kid === undefined && (header.x5t !== undefined || header["x5t#S256"] !== undefined)) {
          const byThumbprint = await keysByThumbprint(remote, header, alg);
          if (byThumbprint.length > 0) return byThumbprint;
        }
        return [(await remote({ ...header, alg })) as unknown as VerificationKey];
      } catch (error) {
        if (error instanceof errors.JWKSMultipleMatchingKeys) {
          // No `kid`: every key of the set that fits the algorithm is a candidate.
          const keys: VerificationKey[] = [];
          for await (const key of error as unknown as AsyncIterable<VerificationKey>) keys.push(key);
          return keys;
        }
        if (error instanceof errors.JWKSNoMatchingKey) return [];
        // With keys fetched before, a failed refetch (for an unknown kid) leaves the token unverifiable.
        if (remote.jwks() !== undefined) return [];
        throw new KeySourceUnavailable(
          `cannot fetch the JWKS from ${url.origin}${url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    close: () => clearInterval(refresh),
  };
}

/** A token without `kid` that names its key by certificate thumbprint (`x5t`, `x5t#S256`). */
async function keysByThumbprint(
  remote: RemoteJWKSet,
  header: JWSHeaderParameters,
  alg: string,
): Promise<VerificationKey[]> {
  if (remote.jwks() === undefined) await remote.reload();
  const matching = (remote.jwks()?.keys ?? []).filter(
    (k: JWK) =>
      (header.x5t !== undefined && k.x5t === header.x5t) ||
      (header["x5t#S256"] !== undefined && k["x5t#S256"] === header["x5t#S256"]),
  );
  return Promise.all(matching.map(async (k) => (await importJWK(k, alg)) as unknown as VerificationKey));
}

/**
 * A configured key, checked against the plan's algorithm at start-up: an HMAC secret that is a
 * public key (the classic algorithm confusion) or shorter than the hash (RFC 7518 §3.2), and an RSA
 * plan given anything but an RSA public key, are configuration errors, never silently accepted.
 */
export function parseKey(text: string, hmac: boolean, alg: string, where: string): VerificationKey {
  const value = text.trim();
  if (hmac) {
    if (value.includes("-----BEGIN") || value.startsWith("ssh-"))
      throw new EnvError(`${where}: ${alg} needs a shared secret, and this is a public key`);
    const secret = new TextEncoder().encode(value);
    const bits = Number(alg.slice(2));
    if (secret.length * 8 < bits)
      throw new EnvError(`${where}: an ${alg} secret needs at least ${bits / 8} bytes (RFC 7518 §3.2)`);
    return secret;
  }
  let key: KeyObject;
  try {
    key = value.startsWith("ssh-rsa ") ? sshRsaKey(value) : createPublicKey(value);
  } catch {
    throw new EnvError(`${where}: not a PEM public key, certificate or ssh-rsa key`);
  }
  if (key.asymmetricKeyType !== "rsa")
    throw new EnvError(`${where}: ${alg} needs an RSA key, this is ${key.asymmetricKeyType ?? "unknown"}`);
  return key;
}

/** `ssh-rsa AAAA… comment` (RFC 4253 §6.6): string "ssh-rsa", mpint e, mpint n. */
function sshRsaKey(text: string): KeyObject {
  const blob = Buffer.from(text.split(/\s+/)[1] ?? "", "base64");
  const parts: Buffer[] = [];
  for (let at = 0; at < blob.length && parts.length < 3; ) {
    const length = blob.readUInt32BE(at);
    parts.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  const [type, e, n] = parts;
  if (type?.toString() !== "ssh-rsa" || !e || !n) throw new Error("not an ssh-rsa key");
  const unsigned = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b).toString("base64url");
  return createPublicKey({ key: { kty: "RSA", e: unsigned(e), n: unsigned(n) }, format: "jwk" });
}
