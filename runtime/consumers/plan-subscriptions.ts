// The subscriptions of one plan, as the plan's security asks for them (contract.ts
// PlanSubscriptions): by API key, by client id (JWT, OAUTH2), by certificate thumbprint (MTLS).
//
// API keys are held only as SHA-256 digests (lower-case hex): a request's key is hashed and looked up
// by its digest (the lookup's timing depends on the digest, which tells an attacker nothing about
// any key), then compared in constant time (sameDigest). Keys from secrets are re-read when their Secret changes: the
// digest table is rebuilt, so a rotated key works and the old one is refused within a poll.
//
// Validity is Gravitee's (SecurityPlan, ApiKeyPolicy): a subscription past its `endingAt` has no
// credentials at all (the plan is skipped, as for an unknown key); a key past its `expireAt` still
// names its subscription (the plan is selected) and is refused by the plan with API_KEY_INVALID.
import { hash, X509Certificate } from "node:crypto";
import type {
  ApiInfo,
  Logger,
  PlanSubscriptions,
  SecretValue,
  SubscriptionDefinition,
  SubscriptionInfo,
} from "../contract.ts";
import { resolveEnv } from "../env.ts";
import type { SecretStore } from "./secrets.ts";

/** GKO refuses shorter keys (`minLength: 32`); so does the gateway, whatever their source. */
export const MIN_API_KEY_LENGTH = 32;

interface KeyEntry {
  digest: string;
  subscription: SubscriptionInfo;
  expireAt: number | undefined;
}

interface CertificateEntry {
  subscription: SubscriptionInfo;
  startsAt: number | undefined;
  endsAt: number | undefined;
}

export interface PlanSubscriptionsOptions {
  api: ApiInfo;
  plan: { id: string; name: string };
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  secrets: SecretStore;
}

/**
 * One-shot SHA-256 (no Hash object), as lower-case hex: a request's key is digested once
 * (api-key/index.ts apiKeyDigest). Hex, not a Buffer: Node's one-shot hash returns a string in a
 * quarter of the time it takes to return a Buffer (~0.24 against ~0.95 µs for a 48-character key,
 * docs/benchmarks.md), and the digest table is keyed by the hex string anyway.
 */
export function sha256(value: string): string {
  return hash("sha256", value, "hex");
}

/**
 * Whether two digests are equal, in a time that depends only on their length (a digest's length is
 * no secret): every character is compared, with no early exit. crypto.timingSafeEqual takes buffers,
 * and turning each request's hex digest back into one cost more than the whole comparison.
 */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Builds the plan's lookups; throws EnvError when a `${VAR}` of a key or client id is missing. */
export function createPlanSubscriptions(
  definitions: readonly SubscriptionDefinition[],
  options: PlanSubscriptionsOptions,
): PlanSubscriptions {
  const { env, log, secrets, plan } = options;
  const resolved = definitions.map((def) => {
    const clientId =
      def.application.clientId === undefined ? undefined : resolveEnv<string>(def.application.clientId, env);
    const appMetadata =
      def.application.metadata === undefined
        ? undefined
        : resolveEnv<Record<string, string>>(def.application.metadata, env);
    const metadata =
      def.metadata === undefined ? undefined : resolveEnv<Record<string, string>>(def.metadata, env);
    const info: SubscriptionInfo = {
      id: def.id,
      plan: plan.id,
      application: {
        id: def.application.id,
        name: def.application.name,
        ...(clientId ? { clientId } : {}),
        ...(appMetadata ? { metadata: appMetadata } : {}),
      },
      ...(def.endingAt ? { endingAt: Date.parse(def.endingAt) } : {}),
      ...(metadata ? { metadata } : {}),
    };
    // A key from the environment is digested once, here: only secrets are read again (on change).
    const keys = (def.apiKeys ?? []).map((k) => ({
      source: isSecret(k.key) ? k.key : keyDigest(resolveEnv<string>(k.key, env), info, undefined),
      expireAt: k.expireAt ? Date.parse(k.expireAt) : undefined,
    }));
    const certificates = (def.application.certificates ?? []).map((c) => ({
      ...c,
      content: isSecret(c.content) ? c.content : resolveEnv<string>(c.content, env),
    }));
    return { info, keys, certificates };
  });

  let byDigest = new Map<string, KeyEntry>();
  let byThumbprint = new Map<string, CertificateEntry>();
  const byClientId = new Map<string, SubscriptionInfo>();
  for (const { info } of resolved) {
    const id = info.application.clientId;
    if (id !== undefined && !byClientId.has(id)) byClientId.set(id, info);
  }

  /** A key's digest; undefined when unset (`${KEY:-}`, a missing secret) or refused as too short. */
  function keyDigest(value: string | undefined, info: SubscriptionInfo, source: SecretValue | undefined) {
    const key = value?.trim();
    if (!key) return undefined;
    if (key.length < MIN_API_KEY_LENGTH) {
      log.error("API key refused: shorter than 32 characters", {
        plan: plan.id,
        subscription: info.id,
        ...(source ? { secretRef: `${source.$secret.name}/${source.$secret.key}` } : {}),
      });
      return undefined;
    }
    return sha256(key);
  }
  const currentValue = (source: string | SecretValue): string | undefined =>
    typeof source === "string" ? source : secrets.read(source.$secret);

  const rebuild = () => {
    const digests = new Map<string, KeyEntry>();
    const thumbprints = new Map<string, CertificateEntry>();
    for (const { info, keys, certificates } of resolved) {
      for (const key of keys) {
        const digest = isSecret(key.source)
          ? keyDigest(secrets.read(key.source.$secret), info, key.source)
          : key.source;
        if (!digest) continue;
        const other = digests.get(digest);
        if (other) {
          log.warn("one API key belongs to two subscriptions of the plan; the first keeps it", {
            plan: plan.id,
            subscription: info.id,
            keptBy: other.subscription.id,
          });
          continue;
        }
        digests.set(digest, { digest, subscription: info, expireAt: key.expireAt });
      }
      for (const cert of certificates) {
        const text = currentValue(cert.content);
        if (!text) continue;
        const thumbprint = thumbprintOf(cert.encoded ? Buffer.from(text, "base64").toString("utf8") : text);
        if (!thumbprint) {
          log.warn("client certificate is not a PEM certificate; ignored", {
            plan: plan.id,
            subscription: info.id,
            certificate: cert.name ?? "",
          });
          continue;
        }
        if (!thumbprints.has(thumbprint))
          thumbprints.set(thumbprint, {
            subscription: info,
            startsAt: cert.startsAt ? Date.parse(cert.startsAt) : undefined,
            endsAt: cert.endsAt ? Date.parse(cert.endsAt) : undefined,
          });
      }
    }
    byDigest = digests;
    byThumbprint = thumbprints;
  };
  rebuild();
  secrets.onChange(rebuild);

  const active = (s: SubscriptionInfo, now: number) => s.endingAt === undefined || now < s.endingAt;
  const byApiKeyDigest = (digest: string, now: number) => {
    const entry = byDigest.get(digest);
    if (!entry || !sameDigest(entry.digest, digest) || !active(entry.subscription, now)) return undefined;
    return {
      subscription: entry.subscription,
      expired: entry.expireAt !== undefined && now >= entry.expireAt,
    };
  };
  return {
    byApiKey: (key, now) => byApiKeyDigest(sha256(key), now),
    byApiKeyDigest,
    byClientId(clientId) {
      const found = byClientId.get(clientId);
      return found && active(found, Date.now()) ? found : undefined;
    },
    byCertificate(thumbprint) {
      const entry = byThumbprint.get(thumbprint.toLowerCase());
      const now = Date.now();
      if (!entry || !active(entry.subscription, now)) return undefined;
      if (
        (entry.startsAt !== undefined && now < entry.startsAt) ||
        (entry.endsAt !== undefined && now >= entry.endsAt)
      )
        return undefined;
      return entry.subscription;
    },
  };
}

function isSecret(value: unknown): value is SecretValue {
  return value !== null && typeof value === "object" && "$secret" in value;
}

/** The SHA-256 thumbprint of a PEM certificate, lower-case hex; undefined when it is not one. */
export function thumbprintOf(pem: string): string | undefined {
  try {
    return new X509Certificate(pem).fingerprint256.replaceAll(":", "").toLowerCase();
  } catch {
    return undefined;
  }
}
