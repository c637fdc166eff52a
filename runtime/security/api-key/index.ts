// API_KEY plans (Gravitee's api-key policy): the key travels in the `X-Gravitee-Api-Key` header or
// the `api-key` query parameter (docs/contract.md §4). It belongs to a Subscription of the plan
// (docs/consumers.md): an unknown key, or one of an ended subscription, moves plan selection on to
// the next plan; a key past its `expireAt` selects the plan and is refused here with Gravitee's
// 401 `API_KEY_INVALID`. Unless `propagateApiKey`, the key is removed from the upstream request,
// in both places it may travel.
//
// Deprecated, for one release: SLUICE_API_KEYS_<API_ID> (the API id upper-cased, other characters
// as `_`), a comma-separated list of keys valid on every API_KEY plan of the API.
import { sameDigest, sha256 } from "../../consumers/plan-subscriptions.ts";
import type { Exchange, PlanSubscriptions, SecurityContext, SubscriptionInfo } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineSecurity } from "../../define.ts";
import type { ApiKeySecurityConfiguration } from "../../spec-types/api-v4-definition.ts";

export const API_KEY_HEADER = "x-gravitee-api-key";
export const API_KEY_QUERY = "api-key";
/** Gravitee's ApiKeyPolicy message for a key that is unknown, expired or revoked. */
export const API_KEY_INVALID_MESSAGE = "API Key is not valid or is expired / revoked.";

export function apiKeyOf(exchange: Exchange): string | undefined {
  const header = exchange.request.headers[API_KEY_HEADER];
  if (typeof header === "string" && header !== "") return header;
  const url = exchange.request.url ?? "";
  const q = url.indexOf("?");
  if (q < 0 || !mayNameApiKey(url, q)) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get(API_KEY_QUERY) ?? undefined;
}

/**
 * Whether the query string from `from` on can hold an `api-key` parameter: it names it as such, or
 * has a percent-escape that may spell it (`api%2Dkey`). Most queries have neither, and are not
 * parsed at all.
 */
function mayNameApiKey(query: string, from: number): boolean {
  return query.includes(API_KEY_QUERY, from) || query.includes("%", from);
}

/**
 * What an exchange knows of its key: the digest (plan selection, the expiry check and the counters'
 * key share it) and the last subscription lookup made with it, by the plan that made it (the plan
 * selected is the last to look: authenticate reuses its answer instead of looking again). A
 * symbol-keyed property (a WeakMap costs more per request), out of EL's and policies' reach.
 */
const KEY_DIGEST = Symbol("sluice.apiKeyDigest");

interface KnownKey {
  readonly key: string;
  readonly digest: string;
  /** The plan's subscriptions that made the last lookup, and its answer (fields, not an object per lookup). */
  lookedUpBy: PlanSubscriptions | undefined;
  found: KeyLookup;
}

type KeyLookup = ReturnType<PlanSubscriptions["byApiKeyDigest"]>;

type WithDigest = Exchange & { [KEY_DIGEST]?: KnownKey };

function knownKey(exchange: Exchange, key: string): KnownKey {
  const known = (exchange as WithDigest)[KEY_DIGEST];
  // The same exchange always yields the same key (apiKeyOf); the comparison is of its own strings.
  if (known !== undefined && known.key === key) return known;
  const fresh: KnownKey = { key, digest: sha256(key), lookedUpBy: undefined, found: undefined };
  (exchange as WithDigest)[KEY_DIGEST] = fresh;
  return fresh;
}

/** SHA-256 of the request's API key (lower-case hex), computed once per exchange (keys are held only as digests). */
export function apiKeyDigest(exchange: Exchange, key: string): string {
  return knownKey(exchange, key).digest;
}

/** The plan's subscription for the request's key, looked up once per exchange and plan (the clock read only then). */
function lookUp(exchange: Exchange, key: string, subscriptions: PlanSubscriptions): KeyLookup {
  const known = knownKey(exchange, key);
  if (known.lookedUpBy === subscriptions) return known.found;
  const found = subscriptions.byApiKeyDigest(known.digest, Date.now());
  known.lookedUpBy = subscriptions;
  known.found = found;
  return found;
}

/** The query string (`?…`, or "") without the `api-key` parameter, however it was encoded. */
export function withoutApiKeyParameter(query: string): string {
  if (query === "" || query === "?") return "";
  if (!mayNameApiKey(query, 1)) return query;
  const kept = query
    .slice(1)
    .split("&")
    .filter((pair) => {
      const name = pair.split("=", 1)[0] ?? "";
      try {
        return new URLSearchParams(`${name}=`).keys().next().value !== API_KEY_QUERY;
      } catch {
        return true;
      }
    });
  return kept.length > 0 ? `?${kept.join("&")}` : "";
}

export const connector = defineSecurity<ApiKeySecurityConfiguration>({
  type: "API_KEY",
  create(config, ctx) {
    const legacy = legacyKeys(ctx);
    return {
      extract(exchange) {
        const value = apiKeyOf(exchange);
        return value === undefined ? undefined : { type: "API_KEY", value };
      },
      subscription(credential, exchange) {
        const found = lookUp(exchange, credential.value, ctx.subscriptions);
        return found?.subscription ?? legacy(apiKeyDigest(exchange, credential.value));
      },
      authenticate(exchange, credential) {
        if (!config.propagateApiKey) {
          // As Gravitee: neither the header nor the query parameter reaches the backend.
          exchange.upstreamHeaders[API_KEY_HEADER] = null;
          const url = exchange.request.url ?? "";
          const q = url.indexOf("?");
          const query = exchange.upstreamRequest.query ?? (q >= 0 ? url.slice(q) : "");
          // Left unset when nothing is removed: the endpoint then forwards the client's URL as it is.
          const kept = withoutApiKeyParameter(query);
          if (kept !== query) exchange.upstreamRequest.query = kept;
        }
        // The lookup plan selection made for this plan (subscription above), not a second one.
        const found = credential ? lookUp(exchange, credential.value, ctx.subscriptions) : undefined;
        if (found?.expired) throw new GatewayError(401, API_KEY_INVALID_MESSAGE, { key: "API_KEY_INVALID" });
      },
    };
  },
});

/** SLUICE_API_KEYS_<API>: digests of the listed keys and one stand-in subscription for them. */
function legacyKeys(ctx: SecurityContext): (digest: string) => SubscriptionInfo | undefined {
  const variable = `SLUICE_API_KEYS_${ctx.api.id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
  const digests = (ctx.env[variable] ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map(sha256);
  if (digests.length === 0) return () => undefined;
  ctx.log.warn(
    `${variable} is deprecated and will be removed in the next release: declare Subscriptions with apiKeys instead (docs/consumers.md)`,
    { plan: ctx.plan.id, variable },
  );
  const subscription: SubscriptionInfo = {
    id: `${ctx.api.id}-${ctx.plan.id}`,
    plan: ctx.plan.id,
    application: { id: "env", name: variable },
  };
  return (given) => {
    // Every listed key is compared, in constant time, whichever matches.
    let found = false;
    for (const d of digests) if (sameDigest(d, given)) found = true;
    return found ? subscription : undefined;
  };
}
