// One API of the running gateway: its bindings instantiated (environment references resolved,
// connectors and policies created), and the pipeline that runs an exchange through
// security → plan and API flows → endpoint.

import { createPlanSubscriptions } from "../consumers/plan-subscriptions.ts";
import { createResources } from "../consumers/resources.ts";
import { SecretStore } from "../consumers/secrets.ts";
import type {
  ApiDefinition,
  ApiInfo,
  ConnectorContext,
  Credential,
  EndpointGroup,
  Exchange,
  Flow,
  HttpEntrypoint,
  Logger,
  Message,
  MessageEndpoint,
  Pipeline,
  PolicyInstance,
  ProxyEndpoint,
  RuntimeApi,
  SecurityInstance,
  ShadowOutcome,
  Step,
  SubscriptionInfo,
} from "../contract.ts";
import { GatewayError, NO_ERROR_BODY } from "../contract.ts";
import { EnvError, resolveEnv } from "../env.ts";
import type { AccessLog } from "../observability/access-log.ts";
import { observedEndpoint } from "../observability/observer.ts";
import { createSampler, type Sampler } from "../observability/sampling.ts";
import type { Cors, Failover } from "../spec-types/api-v4-definition.ts";
import { BodyTooLarge, type BufferedBody, DEFAULT_BODY_LIMIT } from "./body.ts";
import { CLIENT_IDENTIFIER_HEADER, identifyClient } from "./client-identifier.ts";
import { CorsPolicy } from "./cors.ts";
import { endpointReferences, endpointTargetOf, parseEndpointTarget } from "./endpoint-target.ts";
import { GatewayExchange } from "./exchange.ts";
import { FailoverInvoker } from "./failover.ts";
import { type CompiledFlow, compileFlow, conditionsHold, flowRunsInPhase, matchFlows } from "./flows.ts";
import { LoadBalancer } from "./load-balancer.ts";
import { childLogger } from "./log.ts";
import type { Metrics } from "./metrics.ts";
import { setOwnHeader } from "./response.ts";

interface RuntimePlan {
  id: string;
  name: string;
  mode: "STANDARD" | "PUSH";
  securityType: string | undefined;
  security: SecurityInstance | undefined;
  selectionRule: ((el: ReturnType<Exchange["el"]>) => boolean) | undefined;
  flows: CompiledFlow[];
}

export interface RuntimeGroup {
  name: string;
  type: string;
  endpoints: Array<ProxyEndpoint | MessageEndpoint>;
  balancer: LoadBalancer<ProxyEndpoint | MessageEndpoint>;
}

const NO_FLOWS: readonly CompiledFlow[] = [];
const NO_NAMES: readonly string[] = [];

/** Gravitee's plan order: MTLS, JWT, OAUTH2, API_KEY, then KEY_LESS, which takes whatever is left. */
const SECURITY_ORDER: Record<string, number> = { MTLS: 0, JWT: 1, OAUTH2: 2, API_KEY: 3, KEY_LESS: 9 };

/** Plans in the order selection tries them (a stable sort keeps declaration order within a type); `sluice explain` uses it too. */
export function byPlanOrder(
  a: { securityType?: string | undefined },
  b: { securityType?: string | undefined },
): number {
  return (SECURITY_ORDER[a.securityType ?? ""] ?? 5) - (SECURITY_ORDER[b.securityType ?? ""] ?? 5);
}

export interface ApiRuntimeOptions {
  /** The gateway's secrets (one store for every API, so each file is polled once). */
  secrets?: SecretStore;
  /** Where message counts and message log lines go (the gateway's; absent in unit tests). */
  metrics?: Metrics;
  accessLog?: AccessLog | undefined;
}

export class ApiRuntime implements Pipeline, RuntimeApi {
  readonly definition: ApiDefinition;
  readonly info: ApiInfo;
  readonly api: RuntimeApi = this;
  readonly entrypoints: HttpEntrypoint[];
  readonly groups: RuntimeGroup[];
  readonly log: Logger;
  readonly cors: CorsPolicy;
  private readonly plans: RuntimePlan[];
  private readonly flows: CompiledFlow[];
  /** Every policy instance of the API, for close(). */
  private readonly policies: PolicyInstance[] = [];
  /** The API's failover (retries and circuit breakers) over the first group, when enabled. */
  private readonly failover: FailoverInvoker | undefined;
  /**
   * Whether the response phase has work: response steps in any flow (the API's or a plan's), or a
   * response body expressions read. If not, responses stream as they come.
   */
  private readonly responseSteps: boolean;
  /** Largest body held in memory, for expressions and for policies that read it (SLUICE_EL_BODY_LIMIT bytes, default 10 MiB). */
  private readonly bodyLimit: number;
  private readonly metrics: Metrics | undefined;
  /** Set when the API logs message content: which messages get their own line. */
  private readonly messageLog: { log: AccessLog; sampled: Sampler } | undefined;

  /** Throws EnvError (collected by the gateway) when the environment does not fit. */
  constructor(
    definition: ApiDefinition,
    log: Logger,
    env: Readonly<Record<string, string | undefined>> = process.env,
    options: ApiRuntimeOptions = {},
  ) {
    this.definition = definition;
    this.log = childLogger(log, { api: definition.id });
    this.metrics = options.metrics;
    const logging = definition.analytics?.logging;
    this.messageLog =
      options.accessLog &&
      definition.analytics?.enabled !== false &&
      logging &&
      (logging.messageHeaders || logging.messagePayload || logging.messageMetadata)
        ? { log: options.accessLog, sampled: createSampler(definition.analytics?.sampling) }
        : undefined;
    const limit = Number(env.SLUICE_EL_BODY_LIMIT ?? DEFAULT_BODY_LIMIT);
    this.bodyLimit = Number.isFinite(limit) && limit >= 0 ? limit : DEFAULT_BODY_LIMIT;
    const problems: string[] = [];
    const attempt = <T>(make: () => T): T | undefined => {
      try {
        return make();
      } catch (error) {
        if (error instanceof EnvError) {
          problems.push(error.message);
          return undefined;
        }
        throw error;
      }
    };
    const properties = attempt(() => resolveEnv<Record<string, string>>(definition.properties, env)) ?? {};
    const declared = definition.dictionaries;
    const dictionaries =
      declared === undefined
        ? undefined
        : attempt(() => resolveEnv<Record<string, Record<string, string>>>(declared, env));
    this.info = {
      id: definition.id,
      name: definition.name,
      type: definition.type,
      properties,
      ...(dictionaries === undefined ? {} : { dictionaries }),
      endpoints: endpointReferences(definition.endpointGroups),
    };
    const secrets = options.secrets ?? new SecretStore(env.SLUICE_SECRETS_DIR, log);
    const resource =
      attempt(() => createResources(definition.resources ?? [], env, secrets)) ?? (() => undefined);
    const ctx: ConnectorContext = {
      api: this.info,
      log: this.log,
      env,
      readSecret: (ref) => secrets.read(ref),
      resource,
    };
    this.entrypoints = definition.entrypoints
      .map((b) => ({ b, e: attempt(() => b.create(ctx)) }))
      .filter(
        (x): x is { b: (typeof definition.entrypoints)[number]; e: HttpEntrypoint } => x.e !== undefined,
      )
      .sort((a, z) => z.b.priority - a.b.priority)
      .map((x) => x.e);
    this.groups = definition.endpointGroups.map((g: EndpointGroup) => {
      const endpoints = g.endpoints.map((b) => attempt(() => b.create(ctx))).filter((e) => e !== undefined);
      const weights = g.endpoints.map((b) => ({ weight: b.weight, secondary: b.secondary }));
      return {
        name: g.name,
        type: g.type,
        endpoints,
        balancer: new LoadBalancer(g.loadBalancer, endpoints, weights),
      };
    });
    const stepsOf = (flow: Flow): Flow<Step> => {
      const make = (list: Flow["request"]) =>
        list
          .map((s) => {
            const instance = attempt(() => s.create(ctx));
            if (!instance) return undefined;
            this.policies.push(instance);
            const step: Step = {
              policy: s.policy,
              instance,
              ...(s.condition ? { condition: s.condition } : {}),
              ...(s.messageCondition ? { messageCondition: s.messageCondition } : {}),
            };
            return step;
          })
          .filter((s): s is Step => s !== undefined);
      return {
        name: flow.name,
        selectors: flow.selectors,
        request: make(flow.request),
        response: make(flow.response),
        publish: make(flow.publish),
        subscribe: make(flow.subscribe),
      };
    };
    this.flows = definition.flows.map((f) => compileFlow(stepsOf(f)));
    const failover = definition.failover
      ? attempt(() => resolveEnv<Failover>(definition.failover!, env))
      : undefined;
    const first = this.groups[0];
    this.failover =
      failover?.enabled === true && definition.type === "PROXY" && first
        ? new FailoverInvoker(first.balancer as LoadBalancer<ProxyEndpoint>, failover)
        : undefined;
    const cors = definition.cors ? attempt(() => resolveEnv<Cors>(definition.cors!, env)) : undefined;
    this.cors = new CorsPolicy(cors, definition.type);
    this.plans = definition.plans
      .map((p) => ({
        id: p.id,
        name: p.name,
        mode: p.mode,
        securityType: p.securityType,
        security: p.security
          ? attempt(() =>
              p.security!.create({
                ...ctx,
                plan: { id: p.id, name: p.name },
                subscriptions: createPlanSubscriptions(p.subscriptions ?? [], {
                  api: this.info,
                  plan: { id: p.id, name: p.name },
                  env,
                  log: this.log,
                  secrets,
                }),
                resource,
              }),
            )
          : undefined,
        selectionRule: p.selectionRule,
        flows: p.flows.map((f) => compileFlow(stepsOf(f))),
      }))
      .sort(byPlanOrder);
    this.responseSteps =
      definition.bodies?.response === true ||
      [...this.flows, ...this.plans.flatMap((p) => p.flows)].some((f) => f.flow.response.length > 0);
    if (problems.length > 0) throw new EnvError(problems.join("\n"));
  }

  passesResponseThrough(exchange: Exchange): boolean {
    return !this.responseSteps && deferredCount(exchange) === 0;
  }

  /**
   * Security (plan selection), then the request phase of the plan's flows and the API's flows.
   * Only what returns a promise is awaited: a plan and steps that decide synchronously (an API key,
   * headers, local counters) add no microtask to the request, and when all of it does (a keyless
   * pass-through) nothing is returned — no promise at all.
   */
  request(exchange: Exchange): void | Promise<void> {
    // Whatever reads a body of this exchange holds at most this much of it in memory.
    if (exchange instanceof GatewayExchange) exchange.bodyLimit = this.bodyLimit;
    else {
      (exchange.requestBody as BufferedBody).limit = this.bodyLimit;
      (exchange.responseBody as BufferedBody).limit = this.bodyLimit;
    }
    if (this.definition.bodies?.request && this.definition.type === "PROXY")
      return this.bufferForExpressions(exchange, "request").then(() => this.securedRequest(exchange));
    return this.securedRequest(exchange);
  }

  private securedRequest(exchange: Exchange): void | Promise<void> {
    const selected = this.selectPlan(exchange, 0, false);
    return selected instanceof Promise
      ? selected.then((plan) => this.planRequest(exchange, plan))
      : this.planRequest(exchange, selected);
  }

  private planRequest(exchange: Exchange, plan: RuntimePlan): void | Promise<void> {
    exchange.plan = plan.id;
    const client = identifyClient(exchange);
    exchange.clientIdentifier = client.id;
    setOwnHeader(exchange.response, CLIENT_IDENTIFIER_HEADER, client.header);
    return this.runFlowChains(exchange, plan.flows, this.flows, this.definition.flowExecution.matchRequired);
  }

  /**
   * The request phase of the plan's chain, then the API's, as Gravitee's FlowChain: a chain is
   * resolved when it starts, after the chain before it ran. In DEFAULT mode a flow's CONDITION
   * selectors are evaluated right before it runs, once the flows before it completed, so they see
   * the attributes those set; in BEST_MATCH they take part in choosing the chain's one flow. The
   * flows that ran are the ones the response and message phases replay, without evaluating their
   * conditions again. `matchRequired`: 404 when no flow ran, in either chain. Synchronous while the
   * steps are (headers, local counters): no promise of its own to await; a promise of the rest from
   * the first step that returns one.
   */
  private runFlowChains(
    exchange: Exchange,
    planFlows: readonly CompiledFlow[],
    apiFlows: readonly CompiledFlow[],
    matchRequired: boolean,
  ): undefined | Promise<void> {
    const ex = exchange as GatewayExchange;
    if (planFlows.length === 0 && apiFlows.length === 0 && !matchRequired) {
      // A plain pass-through: no arrays to build.
      ex.flows = NO_FLOWS;
      ex.observer?.flows(NO_NAMES);
      return undefined;
    }
    const ran: CompiledFlow[] = [];
    ex.flows = ran;
    const observer = ex.observer;
    if (!observer) return this.chainsFrom(ex, planFlows, apiFlows, matchRequired, ran, 0, undefined, 0);
    // Traces and debug mode see the flows that ran once the chains end, however they end.
    const report = () => observer.flows(ran.map((f) => f.flow.name));
    let done: undefined | Promise<void>;
    try {
      done = this.chainsFrom(ex, planFlows, apiFlows, matchRequired, ran, 0, undefined, 0);
    } catch (error) {
      report();
      throw error;
    }
    if (done !== undefined) return done.finally(report);
    report();
    return undefined;
  }

  /**
   * The chains from `chain` on (0: the plan's, 1: the API's), the first of them from its flow `next`
   * of `matched` (the flows it resolved when it started; undefined: not started yet). Each flow that
   * runs joins `ran`. Synchronous until a step returns a promise; then a promise of the rest.
   */
  private chainsFrom(
    ex: GatewayExchange,
    planFlows: readonly CompiledFlow[],
    apiFlows: readonly CompiledFlow[],
    matchRequired: boolean,
    ran: CompiledFlow[],
    chain: number,
    matched: readonly CompiledFlow[] | undefined,
    next: number,
  ): undefined | Promise<void> {
    const bestMatch = this.definition.flowExecution.mode === "BEST_MATCH";
    let resume = matched;
    let from = next;
    // The plan's chain, then the API's (an index, not an array of the two: nothing to allocate).
    for (let i = chain; i < 2; i++) {
      const flows = i === 0 ? planFlows : apiFlows;
      if (flows.length === 0) continue;
      const list = resume ?? matchFlows(flows, ex, bestMatch, ex.pathParams ?? {}, !bestMatch);
      for (let j = from; j < list.length; j++) {
        const f = list[j]!;
        if (!bestMatch && !conditionsHold(f, ex)) continue;
        ran.push(f);
        const done = runSteps(f.flow.request, ex, "onRequest", f.flow.name, 0);
        // A closure only for a step that did not complete synchronously.
        if (done !== undefined)
          return done.then(() =>
            this.chainsFrom(ex, planFlows, apiFlows, matchRequired, ran, i, list, j + 1),
          );
      }
      resume = undefined;
      from = 0;
    }
    // The chains share whether a flow ran: a plan flow is enough to keep the API's chain going.
    if (matchRequired && ran.length === 0) {
      throw new GatewayError(404, "", {
        key: "FLOW_EXECUTION_FLOW_MATCHED_FAILURE",
        body: NO_ERROR_BODY,
      });
    }
    return undefined;
  }

  /** The plan's and the API's flows that apply to the exchange, kept for its later phases. */
  private selectFlows(exchange: Exchange, plan: RuntimePlan): readonly CompiledFlow[] {
    const params = (exchange as GatewayExchange).pathParams ?? {};
    const bestMatch = this.definition.flowExecution.mode === "BEST_MATCH";
    // An API and plan without flows (a plain pass-through) match nothing: no arrays to build.
    const planFlows =
      plan.flows.length === 0 ? NO_FLOWS : matchFlows(plan.flows, exchange, bestMatch, params);
    const apiFlows = this.flows.length === 0 ? NO_FLOWS : matchFlows(this.flows, exchange, bestMatch, params);
    // Gravitee's FlowChain: matchRequired interrupts the API's chain when no flow matched in either
    // chain: 404, no body, this key.
    if (apiFlows.length === 0 && planFlows.length === 0 && this.definition.flowExecution.matchRequired) {
      throw new GatewayError(404, "", { key: "FLOW_EXECUTION_FLOW_MATCHED_FAILURE", body: NO_ERROR_BODY });
    }
    const flows =
      planFlows.length === 0 ? apiFlows : apiFlows.length === 0 ? planFlows : [...planFlows, ...apiFlows];
    (exchange as GatewayExchange).flows = flows;
    (exchange as GatewayExchange).observer?.flows(flows.map((f) => f.flow.name));
    return flows;
  }

  prepareSubscription(exchange: Exchange, planId: string): void {
    const plan = this.plans.find((p) => p.id === planId);
    if (!plan) throw new GatewayError(500, `No plan ${planId} on API ${this.definition.id}`);
    exchange.plan = plan.id;
    this.selectFlows(exchange, plan);
  }

  messageEndpoint(name: string): MessageEndpoint | undefined {
    const group = this.groups.find((g) => g.name === name);
    const endpoint = group
      ? group.endpoints[0]
      : this.groups.flatMap((g) => g.endpoints).find((e) => e.name === name);
    return endpoint && "publish" in endpoint ? endpoint : undefined;
  }

  /**
   * A CORS preflight with `runPolicies` (Gravitee's CorsPreflightInvoker): no plan (a browser sends
   * no credentials on a preflight), the request and response phases of the API's flows.
   */
  async preflight(exchange: Exchange): Promise<void> {
    await this.runFlowChains(exchange, NO_FLOWS, this.flows, false);
    await this.response(exchange);
  }

  async response(exchange: Exchange): Promise<void> {
    if (this.definition.bodies?.response && this.definition.type === "PROXY")
      await this.bufferForExpressions(exchange, "response");
    const flows = (exchange as GatewayExchange).flows;
    for (const f of flows) {
      const done = runSteps(f.flow.response, exchange, "onResponse", f.flow.name, 0);
      if (done !== undefined) await done;
    }
    if (deferredCount(exchange) > 0)
      for (const deferred of exchange.deferredResponse) await deferred(exchange);
  }

  /**
   * True when `message` would hand every message of `phase` back unchanged for this exchange: no
   * message steps, no observer (traces, debug) and no message logging; such messages are only
   * counted (`messageSeen`).
   */
  passesMessagesThrough(phase: "publish" | "subscribe", exchange: Exchange): boolean {
    const ex = exchange as GatewayExchange;
    if (this.messageLog || ex.observer) return false;
    return !ex.flows.some(
      (f) => flowRunsInPhase(f, phase) && f.flow[phase].some((step) => step.instance.onMessage),
    );
  }

  messageSeen(phase: "publish" | "subscribe", message: Message, exchange: Exchange): void {
    this.observeMessage(exchange as GatewayExchange, phase, message);
  }

  /** The message phase, counted (access log, metrics) and logged as the API's analytics ask. */
  /** Releases what the API's policies hold (connections of cache resources). */
  async closePolicies(): Promise<void> {
    await Promise.allSettled(this.policies.map((p) => p.close?.()));
  }

  async message(
    phase: "publish" | "subscribe",
    message: Message,
    exchange: Exchange,
  ): Promise<Message | undefined> {
    const ex = exchange as GatewayExchange;
    if (phase === "publish") this.observeMessage(ex, "publish", message);
    const out = await this.messagePhase(phase, message, exchange);
    if (phase === "subscribe" && out) this.observeMessage(ex, "subscribe", out);
    return out;
  }

  /** A traffic-shadowing copy's outcome, per API and shadow endpoint. */
  shadowed(endpoint: string, outcome: ShadowOutcome): void {
    this.metrics?.shadow(this.definition.id, endpoint, outcome);
  }

  /** A message that failed between the entrypoint and the endpoint. */
  messageFailed(exchange: Exchange): void {
    const ex = exchange as GatewayExchange;
    ex.messageErrors++;
    this.metrics?.messageFailed(this.definition.id, ex.entrypoint ?? "", ex.endpointName ?? "");
  }

  private observeMessage(ex: GatewayExchange, operation: "publish" | "subscribe", message: Message): void {
    if (operation === "publish") ex.publishCount++;
    else ex.subscribeCount++;
    this.metrics?.message(this.definition.id, ex.entrypoint ?? "", ex.endpointName ?? "", operation);
    const messageLog = this.messageLog;
    if (!messageLog) return;
    const condition = this.definition.analytics?.logging?.messageCondition;
    if (condition) {
      try {
        if (!condition({ ...ex.el(), message: elMessage(message) })) return;
      } catch {
        return;
      }
    }
    if (messageLog.sampled(ex)) messageLog.log.message(ex, operation, message);
  }

  private async messagePhase(
    phase: "publish" | "subscribe",
    message: Message,
    exchange: Exchange,
  ): Promise<Message | undefined> {
    const flows = (exchange as GatewayExchange).flows;
    const observer = (exchange as GatewayExchange).observer;
    if (phase === "subscribe") observer?.consumed(message);
    let current: Message | undefined = message;
    for (const f of flows) {
      if (!flowRunsInPhase(f, phase)) continue;
      for (const step of f.flow[phase]) {
        if (!current) return undefined;
        const onMessage = step.instance.onMessage;
        if (!onMessage) continue;
        if (
          (step.condition && !step.condition(exchange.el())) ||
          (step.messageCondition && !step.messageCondition({ ...exchange.el(), message: elMessage(current) }))
        ) {
          observer?.stepSkipped({ phase, flow: f.flow.name, policy: step.policy });
          continue;
        }
        if (observer) {
          const input: Message = current;
          await observer.step({ phase, flow: f.flow.name, policy: step.policy }, exchange, async () => {
            current = await onMessage.call(step.instance, input, exchange, phase);
          });
        } else current = await onMessage.call(step.instance, current, exchange, phase);
      }
    }
    // Produced messages carry the trace context (observability/otel.ts).
    if (current && phase === "publish") observer?.produced(current);
    return current;
  }

  /**
   * Reads a body some expression of the API reads (`#request.content`), so compiled expressions see
   * it as text; bodies no expression reads keep streaming. Past the limit: 413 for a request body,
   * 502 for a response body, with a log line naming the limit.
   */
  private async bufferForExpressions(exchange: Exchange, which: "request" | "response"): Promise<void> {
    const body = (which === "request" ? exchange.requestBody : exchange.responseBody) as BufferedBody;
    try {
      await body.read(this.bodyLimit);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      this.log.warn(`${which} body too large for expression evaluation`, {
        limit: error.limit,
        requestId: exchange.requestId,
        setting: "SLUICE_EL_BODY_LIMIT",
      });
      throw error;
    }
  }

  /**
   * Gravitee's plan selection: plans in SECURITY_ORDER (then as declared); a plan whose credential
   * is absent is skipped; its selection rule must hold (else the credential is dropped, as Gravitee
   * removes the security token); a credential with no valid subscription of the plan moves on to
   * the next plan; KEY_LESS is skipped while a credential is held. Synchronous unless a plan's
   * subscription lookup or authentication is (a token introspection, a JWKS fetch): then the
   * selection goes on from that plan once it has settled.
   */
  private selectPlan(exchange: Exchange, from: number, seen: boolean): RuntimePlan | Promise<RuntimePlan> {
    const observer = (exchange as GatewayExchange).observer;
    let credentialSeen = seen;
    for (let i = from; i < this.plans.length; i++) {
      const plan = this.plans[i]!;
      const security = plan.security;
      if (plan.mode !== "STANDARD" || !security) continue;
      const credential = security.extract(exchange);
      if (plan.securityType === "KEY_LESS") {
        if (credentialSeen) {
          observer?.planSkipped(plan, "a credential was given: keyless plans take only requests without one");
          continue;
        }
      } else if (!credential) {
        observer?.planSkipped(plan, "no credential for this plan in the request");
        continue;
      } else credentialSeen = true;
      // Gravitee (SecurityPlan): the selection rule first, then the subscription. A rule that does
      // not hold also drops the credential it extracted, so a keyless plan may take the request.
      if (plan.selectionRule && !plan.selectionRule(exchange.el())) {
        if (credential) credentialSeen = false;
        observer?.planSkipped(plan, "its selection rule is false");
        continue;
      }
      if (credential && security.subscription) {
        const found = security.subscription(credential, exchange);
        // A closure only for a lookup that did not settle synchronously (an API key's does).
        return found instanceof Promise
          ? found.then((s) => this.planOrNext(exchange, i, credential, s, credentialSeen))
          : this.planOrNext(exchange, i, credential, found, credentialSeen);
      }
      return this.takePlan(exchange, plan, credential, undefined);
    }
    throw new GatewayError(401, "Unauthorized", { key: "GATEWAY_PLAN_UNRESOLVABLE" });
  }

  /** The plan at `i` when the credential has a valid subscription of it, else selection goes on from the next plan. */
  private planOrNext(
    exchange: Exchange,
    i: number,
    credential: Credential,
    subscription: SubscriptionInfo | undefined,
    credentialSeen: boolean,
  ): RuntimePlan | Promise<RuntimePlan> {
    const plan = this.plans[i]!;
    if (subscription) return this.takePlan(exchange, plan, credential, subscription);
    (exchange as GatewayExchange).observer?.planSkipped(plan, "no valid subscription for the credential");
    return this.selectPlan(exchange, i + 1, credentialSeen);
  }

  /** The selected plan: Gravitee's attributes set, then the plan's security verifies the credential. */
  private takePlan(
    exchange: Exchange,
    plan: RuntimePlan,
    credential: Credential | undefined,
    subscription: SubscriptionInfo | undefined,
  ): RuntimePlan | Promise<RuntimePlan> {
    exchange.plan = plan.id;
    (exchange as GatewayExchange).securityType = plan.securityType;
    // Gravitee's context attributes, for EL and policies: `{#context.attributes['application']}`.
    exchange.attributes.plan = plan.id;
    if (subscription) {
      exchange.subscription = subscription;
      exchange.attributes.application = subscription.application.id;
      exchange.attributes["subscription-id"] = subscription.id;
    }
    (exchange as GatewayExchange).observer?.plan(plan);
    const done = plan.security!.authenticate(exchange, credential, subscription);
    return done instanceof Promise ? done.then(() => plan) : plan;
  }

  proxyEndpoint(exchange: Exchange): ProxyEndpoint {
    const observer = (exchange as GatewayExchange).observer;
    // A policy routed the request to an endpoint or group by name (dynamic-routing: `name:/path`).
    const target = endpointTargetOf(exchange);
    const reference = target === undefined ? undefined : parseEndpointTarget(target);
    if (this.failover) {
      // Failover applies to routed calls too, each retry to the same target (Gravitee's FailoverInvoker).
      const invoker =
        reference?.kind === "reference"
          ? this.failover.routed(() => this.endpointNamed(reference.name) as ProxyEndpoint | undefined)
          : this.failover;
      return observer ? observedEndpoint(invoker, observer) : invoker;
    }
    const endpoint =
      reference?.kind === "reference" ? this.endpointNamed(reference.name) : this.groups[0]?.balancer.next();
    if (!endpoint) throw new GatewayError(503, "No endpoint available", { key: "NO_ENDPOINT_FOUND" });
    (exchange as GatewayExchange).endpointName = endpoint.name;
    return observer ? observedEndpoint(endpoint as ProxyEndpoint, observer) : (endpoint as ProxyEndpoint);
  }

  /**
   * Gravitee's EndpointManager.next(criteria with a name): the endpoint of that name while it is in
   * rotation, else the next endpoint of the group of that name.
   */
  proxyEndpointNamed(name: string): ProxyEndpoint | undefined {
    const endpoint = this.definition.type === "PROXY" ? this.endpointNamed(name) : undefined;
    return endpoint && "request" in endpoint ? endpoint : undefined;
  }

  private endpointNamed(name: string): ProxyEndpoint | MessageEndpoint | undefined {
    for (const group of this.groups) {
      const endpoint = group.endpoints.find((e) => e.name === name);
      if (endpoint) return group.balancer.downReason(endpoint) === undefined ? endpoint : undefined;
    }
    return this.groups.find((g) => g.name === name)?.balancer.next();
  }

  messageEndpoints(): readonly MessageEndpoint[] {
    return this.groups.flatMap((g) => g.endpoints as MessageEndpoint[]);
  }
}

/**
 * Runs a flow's steps of one phase from `from` on. Returns undefined when every step ran
 * synchronously; at the first step that returns a promise, a promise of the rest.
 */
function runSteps(
  steps: readonly Step[],
  exchange: Exchange,
  phase: "onRequest" | "onResponse",
  flow: string,
  from: number,
): undefined | Promise<void> {
  const observer = (exchange as GatewayExchange).observer;
  for (let i = from; i < steps.length; i++) {
    const step = steps[i]!;
    const run = step.instance[phase];
    if (!run) continue;
    if (step.condition && !step.condition(exchange.el())) {
      observer?.stepSkipped({ phase: PHASES[phase], flow, policy: step.policy });
      continue;
    }
    const done = observer
      ? observer.step({ phase: PHASES[phase], flow, policy: step.policy }, exchange, () =>
          run.call(step.instance, exchange),
        )
      : run.call(step.instance, exchange);
    if (done instanceof Promise) {
      const next = i + 1;
      return done.then(() => runSteps(steps, exchange, phase, flow, next));
    }
  }
  return undefined;
}

const PHASES = { onRequest: "request", onResponse: "response" } as const;

/** The `#message` EL view of a message (message conditions, and policies that template messages). */
export function elMessage(m: Message): NonNullable<ReturnType<Exchange["el"]>["message"]> {
  return {
    id: m.id ?? "",
    content: m.content.toString("utf8"),
    headers: (name) =>
      m.headers[name] ?? Object.entries(m.headers).find(([k]) => k.toLowerCase() === name)?.[1],
    metadata: m.metadata,
    attributes: m.attributes ?? {},
    error: false,
  };
}

/** The response steps policies deferred on an exchange (a GatewayExchange's list is not made to count it). */
function deferredCount(exchange: Exchange): number {
  return exchange instanceof GatewayExchange ? exchange.deferredCount : exchange.deferredResponse.length;
}
