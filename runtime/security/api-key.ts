// API_KEY plans: the key travels in the `X-Gravitee-Api-Key` header or the `api-key` query
// parameter (Gravitee's defaults, SPEC.md §4). Until subscriptions are modelled as resources, the
// valid keys of an API come from the environment: SLUICE_API_KEYS_<API_ID> (the API id upper-cased,
// `-` as `_`), a comma-separated list. A missing or wrong key is 401 Unauthorized.
import { timingSafeEqual } from "node:crypto";
import type { Exchange } from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { defineSecurity } from "../define.ts";
import type { ApiKeySecurityConfiguration } from "../spec-types/api-v4-definition.ts";

export const API_KEY_HEADER = "x-gravitee-api-key";
export const API_KEY_QUERY = "api-key";

export function apiKeyOf(exchange: Exchange): string | undefined {
  const header = exchange.request.headers[API_KEY_HEADER];
  if (typeof header === "string" && header !== "") return header;
  const url = exchange.request.url ?? "";
  const q = url.indexOf("?");
  if (q < 0) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get(API_KEY_QUERY) ?? undefined;
}

/**
 * The request's query string without `api-key` parameters (`?…`, or "" when nothing is left);
 * undefined when there is none to remove. The other parameters stay byte for byte.
 */
function withoutApiKeyParameter(url: string): string | undefined {
  const q = url.indexOf("?");
  if (q < 0) return undefined;
  const pairs = url.slice(q + 1).split("&");
  const kept = pairs.filter((pair) => {
    const name = pair.split("=", 1)[0]!;
    try {
      return decodeURIComponent(name.replaceAll("+", " ")) !== API_KEY_QUERY;
    } catch {
      return true;
    }
  });
  if (kept.length === pairs.length) return undefined;
  return kept.length > 0 ? `?${kept.join("&")}` : "";
}

export const connector = defineSecurity<ApiKeySecurityConfiguration>({
  type: "API_KEY",
  create(config, ctx) {
    const variable = `SLUICE_API_KEYS_${ctx.api.id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
    const keys = (ctx.env[variable] ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => Buffer.from(k));
    if (keys.length === 0)
      ctx.log.warn("API_KEY plan has no keys; every request will be rejected", { variable });
    return {
      canHandle: (exchange) => apiKeyOf(exchange) !== undefined,
      authenticate(exchange) {
        const given = Buffer.from(apiKeyOf(exchange) ?? "");
        const ok = keys.some((k) => k.length === given.length && timingSafeEqual(k, given));
        if (!ok) throw new GatewayError(401, "Unauthorized", { key: "API_KEY_INVALID" });
        if (!config.propagateApiKey) {
          // As Gravitee: neither the header nor the query parameter reaches the backend.
          exchange.upstreamHeaders[API_KEY_HEADER] = null;
          const query = withoutApiKeyParameter(exchange.request.url ?? "");
          if (query !== undefined) exchange.upstreamRequest.query = query;
        }
      },
    };
  },
});
