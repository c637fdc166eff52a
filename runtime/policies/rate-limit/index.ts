// `rate-limit`: at most `limit` requests per period per plan/subscription (or custom key), counted in
// memory per API, or in Redis shared by every replica when SLUICE_REDIS_URL is set (`async` and
// `errorStrategy` as in Gravitee: lib/shared-counters.ts). Over the limit: 429 with Gravitee's
// message and X-Rate-Limit-* headers, which successful responses carry too when `addHeaders` is set.
// Messages (publish/subscribe) count one each. https://documentation.gravitee.io/apim/policies/rate-limit
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { RateLimitPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { counted, countersFor, type Window } from "../lib/counters.ts";
import { messageEl } from "../lib/el.ts";
import { compileRate, type Rate } from "../lib/rate.ts";

export type RateLimitConfig = Omit<RateLimitPolicyConfiguration, "rate"> & {
  rate: Rate<"SECONDS" | "MINUTES" | "HOURS" | "DAYS">;
};

export const connector = definePolicy<RateLimitConfig>({
  id: "rate-limit",
  create(config, ctx) {
    const store = countersFor(ctx, config);
    const resolve = compileRate(config.rate, "rl", "SECONDS");
    type Resolved = ReturnType<typeof resolve>;
    const headersOf = (rate: Resolved, remaining: number, reset: number) => ({
      "X-Rate-Limit-Limit": String(rate.limit),
      "X-Rate-Limit-Remaining": String(remaining),
      "X-Rate-Limit-Reset": String(reset),
    });
    const addHeaders = (exchange: Exchange, headers: Record<string, string>) => {
      for (const [k, v] of Object.entries(headers)) exchange.response.setHeader(k, v);
    };
    const decide = (exchange: Exchange, rate: Resolved, window: Window) => {
      if (window.count > rate.limit) {
        // docs/contract.md §4: the 429 always carries the X-Rate-Limit-* headers.
        throw new GatewayError(
          429,
          `Rate limit exceeded! You reached the limit of ${rate.limit} requests per ${rate.periodTime} ${rate.unit.toLowerCase()}`,
          { key: "RATE_LIMIT_TOO_MANY_REQUESTS", headers: headersOf(rate, 0, window.resetAt) },
        );
      }
      if (config.addHeaders) addHeaders(exchange, headersOf(rate, rate.limit - window.count, window.resetAt));
    };
    const failed = (exchange: Exchange, rate: Resolved) => {
      if (config.errorStrategy === "BLOCK_ON_INTERNAL_ERROR") {
        throw new GatewayError(429, "Rate limit blocked the query due to internal error", {
          key: "RATE_LIMIT_BLOCK_ON_INTERNAL_ERROR",
        });
      }
      // FALLBACK_PASS_TROUGH (Gravitee's RATE_LIMIT_NOT_APPLIED): the remaining count is unknown,
      // Gravitee reports the whole limit. The outage shows in /metrics and the log, once.
      if (config.addHeaders) addHeaders(exchange, headersOf(rate, rate.limit, -1));
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
