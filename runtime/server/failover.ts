// Gravitee's API-level failover (v4 `failover`): a call that fails — the backend unreachable, reset,
// timed out, or slower than `slowCallDuration` to answer — is retried on another endpoint, up to
// `maxRetries` times, and each endpoint has a circuit breaker: `maxFailures` consecutive failures
// open it for `openStateDuration`, then one trial call (half-open) closes it again or re-opens it.
// While every circuit is open the API answers 502. A retry replays the request body, so only
// requests whose body is replayable are retried: no body, or a declared Content-Length up to
// REPLAY_LIMIT, buffered before the first attempt; larger or chunked bodies stream once.
// https://documentation.gravitee.io/api-management/build/configure-your-api-proxy/configure-failover
import { Readable } from "node:stream";
import type {
  Exchange,
  ProxyEndpoint,
  ProxyRequestOptions,
  UpstreamResponse,
  UpstreamUpgrade,
} from "../contract.ts";
import { GatewayError, NO_ERROR_BODY } from "../contract.ts";
import type { Failover } from "../spec-types/api-v4-definition.ts";
import type { LoadBalancer } from "./load-balancer.ts";

/** Gravitee's defaults. */
const DEFAULTS = { maxRetries: 2, slowCallDuration: 2000, openStateDuration: 10_000, maxFailures: 5 };
/** Largest request body buffered to be replayable. */
export const REPLAY_LIMIT = 1024 * 1024;

class Circuit {
  failures = 0;
  openUntil = 0;
  trial = false;

  /** Whether a call may go through now (half-open lets one trial through). */
  allows(now: number): boolean {
    if (this.openUntil === 0) return true;
    if (now < this.openUntil || this.trial) return false;
    return true;
  }

  begin(now: number): void {
    if (this.openUntil !== 0 && now >= this.openUntil) this.trial = true;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.trial = false;
  }

  failure(now: number, max: number, openFor: number): void {
    this.failures++;
    if (this.trial || this.failures >= max) {
      this.openUntil = now + openFor;
      this.trial = false;
    }
  }
}

export class FailoverInvoker implements ProxyEndpoint {
  readonly name = "failover";
  private readonly balancer: LoadBalancer<ProxyEndpoint>;
  private readonly maxRetries: number;
  private readonly slowCall: number;
  private readonly openFor: number;
  private readonly maxFailures: number;
  private readonly perSubscription: boolean;
  private readonly circuits = new Map<string, Map<ProxyEndpoint, Circuit>>();

  constructor(balancer: LoadBalancer<ProxyEndpoint>, config: Failover) {
    this.balancer = balancer;
    this.maxRetries = Math.max(0, config.maxRetries ?? DEFAULTS.maxRetries);
    this.slowCall = config.slowCallDuration ?? DEFAULTS.slowCallDuration;
    this.openFor = config.openStateDuration ?? DEFAULTS.openStateDuration;
    this.maxFailures = Math.max(1, config.maxFailures ?? DEFAULTS.maxFailures);
    this.perSubscription = config.perSubscription !== false;
  }

  health(): { ready: boolean } {
    return { ready: true };
  }

  async close(): Promise<void> {}

  /** `options.body`: the body to send instead of the client's (a policy's copy or stream of it). */
  request(exchange: Exchange, options?: ProxyRequestOptions): Promise<UpstreamResponse> {
    return this.invoke(exchange, (skip) => this.balancer.next(skip), options?.body);
  }

  /** A WebSocket handshake goes once to the next endpoint (a switched connection is not replayed). */
  upgrade(exchange: Exchange, head: Buffer): Promise<UpstreamUpgrade> {
    return upgradeVia(this.balancer.next(), exchange, head);
  }

  /**
   * The failover of a call a policy routed by name (`name:/path`, runtime/server/endpoint-target.ts):
   * every attempt goes to `resolve()` again — the same endpoint, or the next endpoint of the named
   * group — as Gravitee's FailoverInvoker restores the request's target before each retry. Retries,
   * the slow-call limit and the circuit breakers apply as to any call.
   */
  routed(resolve: () => ProxyEndpoint | undefined): ProxyEndpoint {
    return {
      name: this.name,
      health: () => ({ ready: true }),
      close: async () => {},
      request: (exchange, options) =>
        this.invoke(
          exchange,
          (skip, attempt) => {
            const endpoint = resolve();
            if (!endpoint && attempt === 0)
              throw new GatewayError(503, "No endpoint available", { key: "NO_ENDPOINT_FOUND" });
            // A named endpoint is tried again (Gravitee does not skip it), unless its circuit is open.
            return endpoint && !skip(endpoint, false) ? endpoint : undefined;
          },
          options?.body,
        ),
      upgrade: (exchange, head) => upgradeVia(resolve(), exchange, head),
    };
  }

  /** Calls `choose`'s endpoint until one answers, a retry is not allowed, or none is left. */
  private async invoke(
    exchange: Exchange,
    choose: (
      skip: (e: ProxyEndpoint, skipTried?: boolean) => boolean,
      attempt: number,
    ) => ProxyEndpoint | undefined,
    given?: Buffer | Readable,
  ): Promise<UpstreamResponse> {
    // A stream handed in (traffic-shadowing's half of the body) is read in place of the client's.
    const streamed = given instanceof Readable ? given : undefined;
    const body = given instanceof Buffer ? given : await replayableBody(exchange, streamed);
    const attempts = body === false ? 1 : this.maxRetries + 1;
    const circuits = this.circuitsFor(exchange);
    const tried = new Set<ProxyEndpoint>();
    let last: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const now = Date.now();
      const endpoint = choose(
        (e, skipTried = true) => (skipTried && tried.has(e)) || !(circuits.get(e)?.allows(now) ?? true),
        attempt,
      );
      if (!endpoint) break;
      tried.add(endpoint);
      let circuit = circuits.get(endpoint);
      if (!circuit) {
        circuit = new Circuit();
        circuits.set(endpoint, circuit);
      }
      circuit.begin(now);
      const slow = new AbortController();
      const timer = body === false ? undefined : setTimeout(() => slow.abort(), this.slowCall);
      try {
        // The access log's `endpoint`: the one that answered (the last one tried).
        (exchange as { endpointName?: string }).endpointName = endpoint.name;
        const response = await endpoint.request(exchange, {
          ...(body instanceof Buffer ? { body } : streamed ? { body: streamed } : {}),
          signal: AbortSignal.any([exchange.signal, slow.signal]),
        });
        clearTimeout(timer);
        circuit.success();
        return response;
      } catch (error) {
        clearTimeout(timer);
        circuit.failure(Date.now(), this.maxFailures, this.openFor);
        if (exchange.signal.aborted) throw error;
        last = slow.signal.aborted
          ? new GatewayError(504, "Request timeout", { key: "REQUEST_TIMEOUT", body: NO_ERROR_BODY })
          : error;
      }
    }
    throw last ?? new GatewayError(502, "Bad Gateway", { key: "CIRCUIT_BREAKER_OPEN", body: NO_ERROR_BODY });
  }

  private circuitsFor(exchange: Exchange): Map<ProxyEndpoint, Circuit> {
    // Without subscriptions modelled, "per subscription" means per plan and API key.
    const key = this.perSubscription ? subscriptionKey(exchange) : "";
    let map = this.circuits.get(key);
    if (!map) {
      map = new Map();
      this.circuits.set(key, map);
    }
    return map;
  }
}

async function upgradeVia(
  endpoint: ProxyEndpoint | undefined,
  exchange: Exchange,
  head: Buffer,
): Promise<UpstreamUpgrade> {
  if (!endpoint) throw new GatewayError(503, "No endpoint available", { key: "NO_ENDPOINT_FOUND" });
  (exchange as { endpointName?: string }).endpointName = endpoint.name;
  if (!endpoint.upgrade) throw new GatewayError(502, "Bad Gateway");
  return endpoint.upgrade(exchange, head);
}

function subscriptionKey(exchange: Exchange): string {
  const key = exchange.request.headers["x-gravitee-api-key"];
  return `${exchange.plan ?? ""}:${typeof key === "string" ? key : ""}`;
}

/** undefined: no body; a Buffer: the body, buffered; false: a body that cannot be replayed. */
async function replayableBody(exchange: Exchange, source?: Readable): Promise<Buffer | undefined | false> {
  // A policy already buffered (or replaced) it: the stream is consumed, the buffer is the body.
  if (exchange.requestBody.buffered) return exchange.requestBody.read();
  const req = exchange.request;
  if ("stream" in req) {
    if (req.stream.endAfterHeaders) return undefined;
  } else if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) {
    return undefined;
  }
  const length = Number(req.headers["content-length"]);
  if (!Number.isInteger(length) || length > REPLAY_LIMIT) return false;
  if (length === 0) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of source ?? req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
