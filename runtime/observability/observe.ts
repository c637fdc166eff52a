// Who observes an exchange: tracing when its API has `analytics.tracing.enabled`, debug mode when
// the request carries a valid debug header, both, or nobody. The gateway asks only when tracing or
// debug mode is configured at all (runtime/server/gateway.ts); otherwise nothing is called.
import type { Exchange } from "../contract.ts";
import type { DebugMode } from "./debug.ts";
import { bothObservers, type ExchangeObserver } from "./observer.ts";
import type { Tracing } from "./tracing.ts";

export type Observe = (exchange: Exchange) => ExchangeObserver | undefined;

export function observeWith(tracing: Tracing | undefined, debug: DebugMode | undefined): Observe | undefined {
  if (!tracing && !debug) return undefined;
  return (exchange) => {
    const traced = tracing ? exchange.api.definition.tracing : undefined;
    const traceObserver = traced ? tracing!.observe(exchange, traced.verbose) : undefined;
    const debugObserver = debug?.observe(exchange);
    if (traceObserver && debugObserver) return bothObservers(traceObserver, debugObserver);
    return traceObserver ?? debugObserver;
  };
}
