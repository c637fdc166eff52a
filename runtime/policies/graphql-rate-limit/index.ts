// `graphql-rate-limit`: a rate limit weighted by query cost. Each operation's cost (lib/graphql.ts
// complexityOf) is added to the plan/subscription's counter; over `limit` per period the request is
// 429, a single operation costing more than `maxCost` is 400 — both with GraphQL error bodies and, for
// 429, the X-Rate-Limit-* headers.
import { definePolicy } from "../../define.ts";
import type { GraphqlRateLimitPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { counterKey, endOfPeriod, storeFor } from "../lib/counters.ts";
import { complexityOf, graphqlError, readOperation } from "../lib/graphql.ts";

export const connector = definePolicy<GraphqlRateLimitPolicyConfiguration>({
  id: "graphql-rate-limit",
  create(config, ctx) {
    const store = storeFor(ctx.api);
    const limit = config.limit ?? 0;
    const periodTime = config.periodTime ?? 1;
    const unit = config.periodTimeUnit ?? "SECONDS";
    const maxCost = config.maxCost ?? 0;
    return {
      async onRequest(exchange) {
        const cost = complexityOf(await readOperation(exchange));
        if (maxCost > 0 && cost > maxCost) {
          throw graphqlError(
            `Query cost ${cost} exceeds the maximum cost of ${maxCost}.`,
            "MAX_COST_EXCEEDED",
          );
        }
        if (limit <= 0) return;
        const key = counterKey(exchange, "gql", undefined, false);
        const window = store.increment(key, cost, (now) => endOfPeriod(now, periodTime, unit));
        if (window.count > limit) {
          throw graphqlError(
            `Rate limit exceeded! You reached the limit of ${limit} cost units per ${periodTime} ${unit.toLowerCase()}`,
            "RATE_LIMIT_TOO_MANY_REQUESTS",
            429,
            {
              "X-Rate-Limit-Limit": String(limit),
              "X-Rate-Limit-Remaining": "0",
              "X-Rate-Limit-Reset": String(window.resetAt),
            },
          );
        }
      },
    };
  },
});
