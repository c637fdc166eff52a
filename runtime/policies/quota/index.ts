// `quota`: a rate limit over long periods (hours to calendar months), with Gravitee's own message
// and X-Quota-* headers (added by default); counted per API in memory, or in Redis shared by every
// replica (SLUICE_REDIS_URL; `async`, `errorStrategy`: lib/shared-counters.ts).
// https://documentation.gravitee.io/apim/policies/quota
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { QuotaPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { counted, countersFor, type Window } from "../lib/counters.ts";
import { messageEl } from "../lib/el.ts";
import { compileRate, type Rate } from "../lib/rate.ts";

export type QuotaConfig = Omit<QuotaPolicyConfiguration, "quota"> & {
  quota: Rate<"HOURS" | "DAYS" | "WEEKS" | "MONTHS">;
};

export const connector = definePolicy<QuotaConfig>({
  id: "quota",
  create(config, ctx) {
    const store = countersFor(ctx, config);
    const addHeaders = config.addHeaders ?? true;
    const resolve = compileRate(config.quota, "q", "MONTHS");
    type Resolved = ReturnType<typeof resolve>;
    const headersOf = (rate: Resolved, remaining: number, reset: number) => ({
      "X-Quota-Limit": String(rate.limit),
      "X-Quota-Remaining": String(remaining),
      "X-Quota-Reset": String(reset),
    });
    const setHeaders = (exchange: Exchange, headers: Record<string, string>) => {
      for (const [k, v] of Object.entries(headers)) exchange.response.setHeader(k, v);
    };
    const decide = (exchange: Exchange, rate: Resolved, window: Window) => {
      const over = window.count > rate.limit;
      if (!addHeaders && !over) return;
      const headers = headersOf(rate, Math.max(0, rate.limit - window.count), window.resetAt);
      if (addHeaders) setHeaders(exchange, headers);
      if (over) {
        throw new GatewayError(
          429,
          `Quota exceeded! You reached the limit of ${rate.limit} requests per ${rate.periodTime} ${rate.unit.toLowerCase()}`,
          { key: "QUOTA_TOO_MANY_REQUESTS", headers: addHeaders ? headers : {} },
        );
      }
    };
    const failed = (exchange: Exchange, rate: Resolved) => {
      if (config.errorStrategy === "BLOCK_ON_INTERNAL_ERROR") {
        throw new GatewayError(429, "Quota blocked the query due to internal error", {
          key: "QUOTA_BLOCK_ON_INTERNAL_ERROR",
        });
      }
      // FALLBACK_PASS_TROUGH (QUOTA_NOT_APPLIED): the remaining count is unknown.
      if (addHeaders) setHeaders(exchange, headersOf(rate, rate.limit, -1));
    };
    const check = (exchange: Exchange, el?: () => ElContext): void | Promise<void> => {
      const rate = resolve(exchange, el);
      return counted(exchange, rate, store.increment(rate.key, 1, rate.end), decide, failed);
    };
    return {
      // The request's own EL context when an expression asks (no closure per request).
      onRequest: (exchange) => check(exchange),
      onMessage(message, exchange) {
        let el: ElContext | undefined;
        const done = check(exchange, () => (el ??= messageEl(exchange, message)));
        return done instanceof Promise ? done.then(() => message) : message;
      },
    };
  },
});
