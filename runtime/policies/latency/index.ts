// `latency`: waits a fixed time before the exchange (or message) goes on — to simulate a slow
// backend. The wait ends early when the client goes away (the exchange's signal), so a delayed
// request holds nothing after its client left.
// https://documentation.gravitee.io/apim/policies/latency
import { setTimeout as sleep } from "node:timers/promises";
import { definePolicy } from "../../define.ts";
import type { LatencyPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

const UNIT_MS = { MILLISECONDS: 1, SECONDS: 1000, MINUTES: 60_000 } as const;

export const connector = definePolicy<LatencyPolicyConfiguration>({
  id: "latency",
  create(config) {
    const ms = (config.time ?? 100) * UNIT_MS[config.timeUnit ?? "MILLISECONDS"];
    const wait = (signal: AbortSignal) => sleep(ms, undefined, { signal }).catch(() => undefined);
    return {
      onRequest: (exchange) => wait(exchange.signal),
      onResponse: (exchange) => wait(exchange.signal),
      async onMessage(message, exchange) {
        await wait(exchange.signal);
        return message;
      },
    };
  },
});
