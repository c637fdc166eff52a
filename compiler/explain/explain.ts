// `sluice explain`: what the gateway would do with one request, answered offline from the compiled
// model — which API takes it (the gateway's own path normalisation, runtime/server/path.ts, and
// router, runtime/server/router.ts, over the model's route table), which plan Gravitee's selection
// would choose given the request's credentials (the gateway's plan order and credential readers),
// which flows match (runtime/server/flows.ts, the gateway's matchers and execution modes) and the
// policy steps each phase would run. Expressions (conditions, selection rules) are shown, never
// evaluated: they may read what only the running gateway knows (subscriptions, bodies, attributes).
import type { Exchange, Flow, FlowSelector, GatewayRequest, Step } from "../../runtime/contract.ts";
import { apiKeyOf } from "../../runtime/security/api-key/index.ts";
import { bearerTokenOf } from "../../runtime/security/bearer-token.ts";
import { byPlanOrder } from "../../runtime/server/api-runtime.ts";
import { type CompiledFlow, compileFlow, flowRunsInPhase, matchFlows } from "../../runtime/server/flows.ts";
import { BadTarget, type PathHandling, resolveTarget } from "../../runtime/server/path.ts";
import { Router } from "../../runtime/server/router.ts";
import type { ApiModel, FlowModel, GatewayModel, PlanModel, StepModel } from "../model/model.ts";

export interface ExplainRequest {
  method: string;
  /** The request target: `/path?query`, or absolute `http://host/path` (its authority is the Host). */
  url: string;
  /** Header names lower-case. */
  headers: Record<string, string>;
  pathHandling?: PathHandling;
}

export type Phase = "request" | "response" | "publish" | "subscribe";

export interface ExplainedStep {
  policy: string;
  name?: string;
  /** The step's condition (EL source): it runs only when it holds. */
  condition?: string;
  messageCondition?: string;
  /** `plan <id>` or `api`, and the flow's name. */
  from: string;
  flow: string;
}

export interface ExplainedFlow {
  from: string;
  name: string;
  selectors: string[];
  /** CONDITION selectors (EL source): the flow runs only when they hold. */
  conditions: string[];
}

export interface ExplainedPlan {
  id: string;
  name: string;
  security: string;
  verdict: "skipped" | "selected" | "selected-if";
  why: string;
}

export interface Explanation {
  request: { method: string; target: string; path?: string; host?: string };
  /** Why the gateway answers before any API (400, 404). */
  answer?: { status: number; why: string };
  api?: {
    id: string;
    name: string;
    type: string;
    source: string;
    contextPath: string;
    pathInfo: string;
    host?: string;
  };
  entrypoints?: string[];
  plans?: ExplainedPlan[];
  /** The plan whose flows are shown; undefined when every plan refuses (401). */
  plan?: string;
  /** What happens when no plan's condition holds (every plan selected only "if"): Gravitee's 401. */
  otherwise?: { status: number; why: string };
  flowExecution?: { mode: string; matchRequired: boolean };
  flows?: ExplainedFlow[];
  phases?: Partial<Record<Phase, ExplainedStep[]>>;
  endpoint?: { group: string; type: string; endpoints: string[]; failover: boolean };
}

export function explainRequest(model: GatewayModel, request: ExplainRequest): Explanation {
  const method = request.method.toUpperCase();
  const target = resolveTarget(request.url, request.pathHandling ?? "NORMALIZE");
  const out: Explanation = { request: { method, target: request.url } };
  if (target instanceof BadTarget) {
    out.answer = { status: 400, why: `the request target is refused: ${target.reason}` };
    return out;
  }
  const host = target.authority ?? request.headers.host;
  out.request.path = target.path;
  if (host !== undefined) out.request.host = host;
  const byId = new Map(model.apis.map((a) => [a.id, a]));
  const router = new Router(
    model.routes.flatMap((r) => {
      const api = byId.get(r.api);
      return api ? [{ ...(r.host ? { host: r.host } : {}), path: r.path, target: api }] : [];
    }),
  );
  const match = router.match(host, target.path);
  if (!match) {
    out.answer = {
      status: 404,
      why: "no context path matches the request (No context-path matches the request URI.)",
    };
    return out;
  }
  const api = match.target;
  const route = model.routes.find((r) => r.api === api.id && r.path === match.contextPath);
  out.api = {
    id: api.id,
    name: api.name,
    type: api.type,
    source: api.source,
    contextPath: match.contextPath,
    pathInfo: match.pathInfo,
    ...(route?.host ? { host: route.host } : {}),
  };
  out.entrypoints = api.entrypoints.map((e) => e.type);
  const exchange = offlineExchange(
    method,
    target.url,
    { ...request.headers, ...(host ? { host } : {}) },
    match.pathInfo,
  );
  const { plans, chosen } = selectPlan(api, exchange);
  out.plans = plans;
  if (chosen && !plans.some((p) => p.verdict === "selected"))
    out.otherwise = { status: 401, why: "no plan takes the request (GATEWAY_PLAN_UNRESOLVABLE)" };
  out.flowExecution = api.flowExecution;
  if (chosen) out.plan = chosen.id;
  else {
    out.answer = { status: 401, why: "no plan takes the request (GATEWAY_PLAN_UNRESOLVABLE)" };
    return out;
  }
  const bestMatch = api.flowExecution.mode === "BEST_MATCH";
  const matched = [
    ...matching(chosen.flows, `plan ${chosen.id}`, exchange, bestMatch),
    ...matching(api.flows, "api", exchange, bestMatch),
  ];
  out.flows = matched.map(({ model: f, from }) => ({
    from,
    name: f.name,
    selectors: f.selectors.filter((s) => s.type !== "CONDITION").map(describeSelector),
    conditions: f.selectors.flatMap((s) =>
      s.type === "CONDITION" && s.condition ? [s.condition.source] : [],
    ),
  }));
  if (!matched.some((m) => m.from === "api") && api.flowExecution.matchRequired) {
    out.answer = {
      status: 404,
      why: "no API flow matches and flowExecution.matchRequired is on (FLOW_EXECUTION_FLOW_MATCHED_FAILURE)",
    };
    return out;
  }
  const phases: Phase[] =
    api.type === "MESSAGE" ? ["request", "publish", "subscribe", "response"] : ["request", "response"];
  out.phases = {};
  for (const phase of phases) {
    const steps = matched
      .filter(
        ({ compiled }) => phase === "request" || phase === "response" || flowRunsInPhase(compiled, phase),
      )
      .flatMap(({ model: f, from }) => f[phase].map((s) => explainStep(s, from, f.name)));
    if (steps.length > 0) out.phases[phase] = steps;
  }
  const group = api.endpointGroups[0];
  if (group)
    out.endpoint = {
      group: group.name,
      type: group.type,
      endpoints: group.endpoints.map((e) => e.name),
      failover: api.failover !== undefined && isEnabled(api.failover),
    };
  return out;
}

/** Just what plan selection and the flow matchers read: method, target, headers, path info. */
function offlineExchange(
  method: string,
  url: string,
  headers: Record<string, string>,
  pathInfo: string,
): Exchange {
  const request = { method, url, headers, rawHeaders: [] } as unknown as GatewayRequest;
  return {
    request,
    pathInfo,
    // Handed to the CONDITION selectors' stand-ins, which read nothing (asRuntimeFlow).
    el: () => ({}),
  } as unknown as Exchange;
}

/**
 * Gravitee's plan selection as the gateway runs it (runtime/server/api-runtime.ts selectPlan):
 * plans in the gateway's order, a plan without its credential skipped, KEY_LESS skipped while a
 * credential is held. What only the running gateway knows — whether a key has a subscription, what
 * a selection rule says — makes a plan "selected-if", and the search goes on as if it did not hold.
 */
function selectPlan(api: ApiModel, exchange: Exchange): { plans: ExplainedPlan[]; chosen?: PlanModel } {
  const plans: ExplainedPlan[] = [];
  let chosen: PlanModel | undefined;
  let settled: PlanModel | undefined;
  let credentialSeen = false;
  for (const plan of [...api.plans].sort(byPlanOrder)) {
    const fallback = chosen ? "otherwise: " : "";
    const verdict = (v: ExplainedPlan["verdict"], why: string) =>
      plans.push({
        id: plan.id,
        name: plan.name,
        security: plan.securityType ?? "none",
        verdict: v,
        why: v === "skipped" ? why : fallback + why,
      });
    if (settled) {
      verdict("skipped", `not reached: plan ${settled.id} takes the request first`);
      continue;
    }
    if (plan.mode !== "STANDARD") {
      verdict("skipped", "a PUSH plan (webhook subscriptions) never takes a request");
      continue;
    }
    if (!plan.securityType) {
      verdict("skipped", "no security type");
      continue;
    }
    const credential = credentialOf(plan.securityType, exchange);
    if (plan.securityType === "KEY_LESS") {
      if (credentialSeen) {
        verdict("skipped", "a credential was given: a keyless plan takes only requests without one");
        continue;
      }
    } else if (credential === undefined) {
      const note =
        plan.securityType === "MTLS" ? " (only the running gateway sees a TLS client certificate)" : "";
      verdict("skipped", `no ${CREDENTIAL_NAMES[plan.securityType] ?? "credential"} in the request${note}`);
      continue;
    } else credentialSeen = true;
    const unknowns: string[] = [];
    if (plan.selectionRule) unknowns.push(`its selection rule holds: ${plan.selectionRule.source}`);
    if (credential !== undefined)
      unknowns.push(`the ${credential} belongs to a valid subscription of the plan (and is accepted)`);
    chosen ??= plan;
    if (unknowns.length === 0) {
      verdict("selected", "takes every request that reaches it");
      settled = plan;
      continue;
    }
    verdict("selected-if", unknowns.join("; and "));
    // Going on as if it did not hold: a selection rule that fails drops the credential (Gravitee).
    if (plan.selectionRule) credentialSeen = false;
  }
  return chosen ? { plans, chosen } : { plans };
}

const CREDENTIAL_NAMES: Record<string, string> = {
  API_KEY: "API key (X-Gravitee-Api-Key header or api-key query parameter)",
  JWT: "bearer token (Authorization: Bearer … or access_token)",
  OAUTH2: "bearer token (Authorization: Bearer … or access_token)",
  MTLS: "client certificate",
};

/** Which credential the request carries for a security type, read as the gateway reads it. */
function credentialOf(type: string, exchange: Exchange): string | undefined {
  switch (type) {
    case "API_KEY":
      return apiKeyOf(exchange) === undefined ? undefined : "API key";
    case "JWT":
    case "OAUTH2":
      return bearerTokenOf(exchange) === undefined ? undefined : "bearer token";
    default:
      return undefined;
  }
}

/** The flows of a list that match, through the gateway's own matchers; CONDITION selectors assumed to hold. */
function matching(
  flows: readonly FlowModel[],
  from: string,
  exchange: Exchange,
  bestMatch: boolean,
): Array<{ model: FlowModel; compiled: CompiledFlow; from: string }> {
  const compiled = flows.map((f) => compileFlow(asRuntimeFlow(f)));
  const byCompiled = new Map(compiled.map((c, i) => [c, flows[i]!]));
  return matchFlows(compiled, exchange, bestMatch, {}).map((c) => ({
    model: byCompiled.get(c)!,
    compiled: c,
    from,
  }));
}

function asRuntimeFlow(f: FlowModel): Flow<Step> {
  const selectors: FlowSelector[] = f.selectors.map((s) => ({
    ...(s.path !== undefined ? { path: s.path } : {}),
    ...(s.pathOperator !== undefined ? { pathOperator: s.pathOperator as "STARTS_WITH" | "EQUALS" } : {}),
    ...(s.methods ? { methods: s.methods as FlowSelector["methods"] } : {}),
    ...(s.channel !== undefined ? { channel: s.channel } : {}),
    ...(s.channelOperator !== undefined
      ? { channelOperator: s.channelOperator as "STARTS_WITH" | "EQUALS" }
      : {}),
    ...(s.operations ? { operations: s.operations as FlowSelector["operations"] } : {}),
    ...(s.entrypoints ? { entrypoints: s.entrypoints } : {}),
    // Not evaluated offline: shown as a condition of the flow instead.
    ...(s.condition ? { condition: () => true } : {}),
  }));
  return { name: f.name, selectors, request: [], response: [], publish: [], subscribe: [] };
}

function describeSelector(s: FlowModel["selectors"][number]): string {
  if (s.type === "HTTP")
    return `HTTP ${s.methods?.join(",") ?? "any method"} ${s.pathOperator ?? "STARTS_WITH"} ${s.path ?? "/"}`;
  const ops = s.operations?.length ? ` ${s.operations.join(",")}` : "";
  const eps = s.entrypoints?.length ? ` via ${s.entrypoints.join(",")}` : "";
  return `CHANNEL${ops} ${s.channelOperator ?? "STARTS_WITH"} ${s.channel ?? "/"}${eps}`;
}

function explainStep(s: StepModel, from: string, flow: string): ExplainedStep {
  return {
    policy: s.policy,
    ...(s.name ? { name: s.name } : {}),
    ...(s.condition ? { condition: s.condition.source } : {}),
    ...(s.messageCondition ? { messageCondition: s.messageCondition.source } : {}),
    from,
    flow,
  };
}

function isEnabled(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { enabled?: unknown }).enabled === true;
}
