// `quota`: a rate limit over long periods (hours to calendar months), with Gravitee's own message
// and X-Quota-* headers (added by default). https://documentation.gravitee.io/apim/policies/quota
import type { Exchange } from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { definePolicy } from "../define.ts";
import type { ElContext } from "../el.ts";
import type { QuotaPolicyConfiguration } from "../spec-types/api-v4-definition.ts";
import { endOfPeriod, storeFor } from "./lib/counters.ts";
import { messageEl } from "./lib/el.ts";
import { type Rate, resolveRate } from "./lib/rate.ts";

export type QuotaConfig = Omit<QuotaPolicyConfiguration, "quota"> & {
  quota: Rate<"HOURS" | "DAYS" | "WEEKS" | "MONTHS">;
};

export const connector = definePolicy<QuotaConfig>({
  id: "quota",
  create(config, ctx) {
    const store = storeFor(ctx.api);
    const addHeaders = config.addHeaders ?? true;
    const check = (exchange: Exchange, el: ElContext): void => {
      const rate = resolveRate(config.quota, exchange, el, "q", "MONTHS");
      const window = store.increment(rate.key, 1, (now) => endOfPeriod(now, rate.periodTime, rate.unit));
      const headers = {
        "X-Quota-Limit": String(rate.limit),
        "X-Quota-Remaining": String(Math.max(0, rate.limit - window.count)),
        "X-Quota-Reset": String(window.resetAt),
      };
      if (addHeaders) for (const [k, v] of Object.entries(headers)) exchange.response.setHeader(k, v);
      if (window.count > rate.limit) {
        throw new GatewayError(
          429,
          `Quota exceeded! You reached the limit of ${rate.limit} requests per ${rate.periodTime} ${rate.unit.toLowerCase()}`,
          { key: "QUOTA_TOO_MANY_REQUESTS", headers: addHeaders ? headers : {} },
        );
      }
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
