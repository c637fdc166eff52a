// API_KEY plans: the key travels in the `X-Gravitee-Api-Key` header or the `api-key` query
// parameter (Gravitee's defaults, docs/contract.md §4). Until subscriptions are modelled as resources, the
// valid keys of an API come from the environment: SLUICE_API_KEYS_<API_ID> (the API id upper-cased,
// `-` as `_`), a comma-separated list. A missing or wrong key is 401 Unauthorized.
import { timingSafeEqual } from "node:crypto";
import type { Exchange } from "../contract.ts";
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
      extract(exchange) {
        const value = apiKeyOf(exchange);
        return value === undefined ? undefined : { type: "API_KEY", value };
      },
      subscription(credential) {
        const given = Buffer.from(credential.value);
        const ok = keys.some((k) => k.length === given.length && timingSafeEqual(k, given));
        // Keys from SLUICE_API_KEYS_<API> belong to no Subscription resource: one stand-in per plan.
        return ok
          ? {
              id: `${ctx.api.id}-${ctx.plan.id}`,
              plan: ctx.plan.id,
              application: { id: "env", name: variable },
            }
          : undefined;
      },
      authenticate(exchange) {
        if (!config.propagateApiKey) {
          exchange.upstreamHeaders[API_KEY_HEADER] = null;
        }
      },
    };
  },
});
