// `rate-limit`: at most `limit` requests per period per plan/subscription (or custom key), counted in
// memory per API. Over the limit: 429 with Gravitee's message and X-Rate-Limit-* headers, which
// successful responses carry too when `addHeaders` is set. Messages (publish/subscribe) count one each.
// https://documentation.gravitee.io/apim/policies/rate-limit
import type { Exchange } from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { definePolicy } from "../define.ts";
import type { ElContext } from "../el.ts";
import type { RateLimitPolicyConfiguration } from "../spec-types/api-v4-definition.ts";
import { endOfPeriod, storeFor } from "./lib/counters.ts";
import { messageEl } from "./lib/el.ts";
import { type Rate, resolveRate } from "./lib/rate.ts";

export type RateLimitConfig = Omit<RateLimitPolicyConfiguration, "rate"> & {
  rate: Rate<"SECONDS" | "MINUTES" | "HOURS" | "DAYS">;
};

export const connector = definePolicy<RateLimitConfig>({
  id: "rate-limit",
  create(config, ctx) {
    const store = storeFor(ctx.api);
    const check = (exchange: Exchange, el: ElContext): void => {
      const rate = resolveRate(config.rate, exchange, el, "rl", "SECONDS");
      const window = store.increment(rate.key, 1, (now) => endOfPeriod(now, rate.periodTime, rate.unit));
      const headers = {
        "X-Rate-Limit-Limit": String(rate.limit),
        "X-Rate-Limit-Remaining": String(Math.max(0, rate.limit - window.count)),
        "X-Rate-Limit-Reset": String(window.resetAt),
      };
      if (window.count > rate.limit) {
        // docs/contract.md §4: the 429 always carries the X-Rate-Limit-* headers.
        throw new GatewayError(
          429,
          `Rate limit exceeded! You reached the limit of ${rate.limit} requests per ${rate.periodTime} ${rate.unit.toLowerCase()}`,
          { key: "RATE_LIMIT_TOO_MANY_REQUESTS", headers },
        );
      }
      if (config.addHeaders) for (const [k, v] of Object.entries(headers)) exchange.response.setHeader(k, v);
    };
    return {
      onRequest: (exchange) => check(exchange, exchange.el()),
      onMessage(message, exchange) {
        check(exchange, messageEl(exchange, message));
        return message;
      },
    };
  },
});
