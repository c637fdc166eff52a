// What traces (./otel.ts) and debug mode (./debug.ts) see of an exchange: the plan chosen, the
// flows matched, each policy step run or skipped, the endpoint call, the end. The pipeline
// (runtime/server/api-runtime.ts) calls an observer only when the exchange carries one
// (GatewayExchange.observer), so an exchange nobody watches pays one property read per phase.
import type { Exchange, Message, ProxyEndpoint } from "../contract.ts";

export type Phase = "request" | "response" | "publish" | "subscribe";

export interface StepInfo {
  readonly phase: Phase;
  /** The flow's name ("" when unnamed), and whether it is a plan's flow or the API's. */
  readonly flow: string;
  readonly policy: string;
}

export interface PlanInfo {
  readonly id: string;
  readonly name: string;
  readonly securityType: string | undefined;
}

export interface ExchangeObserver {
  /** The plan that took the request. */
  plan(plan: PlanInfo): void;
  /** A plan passed over, and why (no credential, selection rule, no subscription). */
  planSkipped(plan: PlanInfo, reason: string): void;
  /** The flows that apply, plan flows first. */
  flows(names: readonly string[]): void;
  /** Runs one policy step and records it (its time, its outcome, what it changed). */
  step(info: StepInfo, exchange: Exchange, run: () => unknown): Promise<void>;
  /** A step not run: its condition did not hold. */
  stepSkipped(info: StepInfo): void;
  /** Runs the endpoint call (its headers may carry the trace context: upstreamHeaders). */
  endpoint<T>(name: string, exchange: Exchange, call: () => Promise<T>): Promise<T>;
  /** A message about to be produced to a broker: its headers may carry the trace context. */
  produced(message: Message): void;
  /** A message consumed from a broker, before the subscribe phase (its producer's trace context). */
  consumed(message: Message): void;
  /** The response is complete (or abandoned): the status the client got. */
  finish(status: number): void;
}

/** Both observers, when a traced API gets a debug request. */
export function bothObservers(a: ExchangeObserver, b: ExchangeObserver): ExchangeObserver {
  return {
    plan: (p) => {
      a.plan(p);
      b.plan(p);
    },
    planSkipped: (p, r) => {
      a.planSkipped(p, r);
      b.planSkipped(p, r);
    },
    flows: (n) => {
      a.flows(n);
      b.flows(n);
    },
    step: (info, exchange, run) => a.step(info, exchange, () => b.step(info, exchange, run)),
    stepSkipped: (info) => {
      a.stepSkipped(info);
      b.stepSkipped(info);
    },
    endpoint: (name, exchange, call) => a.endpoint(name, exchange, () => b.endpoint(name, exchange, call)),
    produced: (m) => {
      a.produced(m);
      b.produced(m);
    },
    consumed: (m) => {
      a.consumed(m);
      b.consumed(m);
    },
    finish: (s) => {
      a.finish(s);
      b.finish(s);
    },
  };
}

/**
 * The endpoint as the entrypoint calls it, each call going through the observer. Delegates by
 * prototype, so everything else of the endpoint (a class instance, such as the failover invoker,
 * included) stays as it is.
 */
export function observedEndpoint(endpoint: ProxyEndpoint, observer: ExchangeObserver): ProxyEndpoint {
  const out = Object.create(endpoint) as { -readonly [K in keyof ProxyEndpoint]: ProxyEndpoint[K] };
  out.request = (exchange, options) =>
    observer.endpoint(endpoint.name, exchange, () => endpoint.request(exchange, options));
  const forward = endpoint.forward;
  if (forward)
    out.forward = (exchange) =>
      observer.endpoint(endpoint.name, exchange, () => forward.call(endpoint, exchange));
  const upgrade = endpoint.upgrade;
  if (upgrade)
    out.upgrade = (exchange, head) =>
      observer.endpoint(endpoint.name, exchange, () => upgrade.call(endpoint, exchange, head));
  return out;
}
