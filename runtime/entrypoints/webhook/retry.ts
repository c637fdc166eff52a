// How often and how long a webhook delivery is tried again. A subscription's `retry` decides
// (GKO: `retryOption`, `retryStrategy`, `maxAttempts`, `initialDelaySeconds`, `maxDelaySeconds`);
// what it leaves out comes from Gravitee 4.8's gateway-wide `api.subscriptionEndpointRetry`
// defaults: EXPONENTIAL, 5 s first delay, no limit on retries. Beyond Gravitee, an unbounded
// exponential wait stops growing at one minute, so a receiver that was down for an hour gets its
// messages within a minute of coming back, not an hour later.
import type { WebhookRetry } from "./types.ts";

export interface RetryPolicy {
  /** Retries after the first attempt (Infinity: until it works or the subscription stops). */
  readonly maxRetries: number;
  /** The wait before retry `n` (1-based), in milliseconds. */
  delayMs(n: number): number;
}

export const DEFAULT_DELAY_MS = 5_000;
const UNBOUNDED_MAX_DELAY_MS = 60_000;

/** The policy of a subscription's `retry`; undefined: no retries (`No Retry`). */
export function retryPolicy(retry: WebhookRetry | undefined): RetryPolicy | undefined {
  if (retry?.retryOption === "No Retry") return undefined;
  const initial =
    retry?.initialDelaySeconds !== undefined
      ? Math.max(0, retry.initialDelaySeconds * 1000)
      : DEFAULT_DELAY_MS;
  const cap =
    retry?.maxDelaySeconds !== undefined && retry.maxDelaySeconds >= 0
      ? retry.maxDelaySeconds * 1000
      : UNBOUNDED_MAX_DELAY_MS;
  const linear = retry?.retryStrategy === "LINEAR";
  const maxRetries =
    retry?.maxAttempts !== undefined && retry.maxAttempts >= 0 ? retry.maxAttempts : Infinity;
  return {
    maxRetries,
    delayMs: (n) => Math.min(cap, linear ? initial : initial * 2 ** Math.min(n - 1, 30)),
  };
}
