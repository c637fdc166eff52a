// `spike-arrest`: smooths traffic by splitting the period into slices of at least 100 ms, each
// allowing its share of the limit (Gravitee's LimitUtils.computeSliceLimit), so 10 req/s admits
// one request per 100 ms rather than a burst of ten. Counted per API in memory, or in Redis shared by
// every replica (SLUICE_REDIS_URL; `async`, `errorStrategy`: lib/shared-counters.ts). https://documentation.gravitee.io/apim/policies/spike-arrest
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { SpikeArrestPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { counted, countersFor, endOfPeriod, type Window } from "../lib/counters.ts";
import { messageEl } from "../lib/el.ts";
import { compileRate, type Rate } from "../lib/rate.ts";

export type SpikeArrestConfig = Omit<SpikeArrestPolicyConfiguration, "spike"> & {
  spike: Rate<"SECONDS" | "MINUTES">;
};

const MIN_SLICE_MS = 100;

/** One slice: `limit` requests per `period` milliseconds. */
export function sliceOf(limit: number, periodMs: number): { period: number; limit: number } {
  if (limit <= 0) return { period: periodMs, limit: 0 };
  const slice = periodMs / limit;
  if (slice >= MIN_SLICE_MS) return { period: Math.floor(slice), limit: 1 };
  const perSlice = Math.round(MIN_SLICE_MS / slice);
  return { period: Math.floor(slice * perSlice), limit: perSlice };
}

export const connector = definePolicy<SpikeArrestConfig>({
  id: "spike-arrest",
  create(config, ctx) {
    const store = countersFor(ctx, config);
    const resolve = compileRate(config.spike, "sa", "SECONDS");
    type Slice = ReturnType<typeof sliceOf>;
    const headersOf = (slice: Slice, reset: number) => ({
      "X-Spike-Arrest-Limit": String(slice.limit),
      "X-Spike-Arrest-Slice-Period": `${slice.period}ms`,
      "X-Spike-Arrest-Reset": String(reset),
    });
    const setHeaders = (exchange: Exchange, headers: Record<string, string>) => {
      for (const [k, v] of Object.entries(headers)) exchange.response.setHeader(k, v);
    };
    const decide = (exchange: Exchange, slice: Slice, window: Window) => {
      const over = window.count > slice.limit;
      if (!config.addHeaders && !over) return;
      const headers = headersOf(slice, window.resetAt);
      if (config.addHeaders) setHeaders(exchange, headers);
      if (over) {
        throw new GatewayError(
          429,
          `Spike limit exceeded! You reached the limit of ${slice.limit} requests per ${slice.period} ms.`,
          { key: "SPIKE_ARREST_TOO_MANY_REQUESTS", headers: config.addHeaders ? headers : {} },
        );
      }
    };
    const failed = (exchange: Exchange, slice: Slice) => {
      if (config.errorStrategy === "BLOCK_ON_INTERNAL_ERROR") {
        throw new GatewayError(429, "Spike arrest blocked the query due to internal error", {
          key: "SPIKE_ARREST_BLOCK_ON_INTERNAL_ERROR",
        });
      }
      // FALLBACK_PASS_TROUGH (SPIKE_ARREST_NOT_APPLIED): Gravitee's reset header says -1.
      if (config.addHeaders) setHeaders(exchange, headersOf(slice, -1));
    };
    const check = (exchange: Exchange, el?: () => ElContext): void | Promise<void> => {
      const rate = resolve(exchange, el);
      const slice = sliceOf(rate.limit, endOfPeriod(0, rate.periodTime, rate.unit));
      const window = store.increment(rate.key, 1, (now) => now + slice.period);
      return counted(exchange, slice, window, decide, failed);
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
