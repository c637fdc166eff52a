// `sluice test`: the conformance cases a repository's specs imply, derived from the specs alone —
// each API answers on its context paths through each plan it has credentials for, and refuses a
// request without (or with a foreign) credential; flows apply where their selectors say (a
// transform-headers adds its header there and not elsewhere, a mock answers its content); rate
// limits trip at limit+1; message APIs deliver on their entrypoints, from the mock endpoint or a
// real broker. What cannot be tested is returned as skipped, with the reason.
import { flowPathPattern } from "../../runtime/server/flows.ts";
import { type ApiView, apiView, type EndpointView, type FlowView } from "../diff/api-view.ts";
import {
  arr,
  type ClientTls,
  type Credential,
  obj,
  plansOf,
  type Resource,
  resolveEnv,
} from "./stand-ins.ts";

type Headers = Record<string, string>;

export type Expectation =
  /** The stand-in backend was called, the status below 500; optionally a header it received. */
  | { kind: "stand-in"; header?: HeaderCheck }
  /** This status, the backend not called. */
  | { kind: "status"; status: number }
  /** The gateway's own answer (a mock policy, a response header): status, header, body. */
  | { kind: "response"; status?: number; header?: HeaderCheck; body?: string; standIn?: boolean }
  /** 200 with this content type and a first message (mock endpoint). */
  | { kind: "messages"; contentType: string }
  /** limit+1 requests at once: one answer at least is 429. */
  | { kind: "rate-limit"; limit: number }
  /** A message published (through `publish`) arrives on the entrypoint the request reads. */
  | { kind: "delivery"; publish: Publish };

export interface HeaderCheck {
  name: string;
  /** Exact value when the spec's value has no EL. */
  value?: string;
  absent?: boolean;
}

export type Publish =
  | { via: "http-post"; path: string; headers: Headers }
  | { via: "mqtt5"; url: string; topic: string; username?: string; password?: string }
  | { via: "kafka"; brokers: string[]; topic: string };

export interface TestCase {
  api: string;
  title: string;
  /** `tls`: sent over HTTPS with this client certificate (MTLS plans). */
  request: { method: string; path: string; headers: Headers; tls?: ClientTls };
  expect: Expectation;
}

export interface Skipped {
  api: string;
  /** What was not tested (an API, a plan, a flow). */
  what: string;
  why: string;
}

/** Everything the cases need besides the specs. */
export interface CaseInputs {
  credentials: Map<string, Credential>;
  noCredential: Map<string, string>;
  env: NodeJS.ProcessEnv;
  /** `host:port` → whether a TCP connection succeeded (probed by the runner). */
  reachable: (hostPort: string) => boolean;
}

interface Selector {
  path: string;
  equals: boolean;
  methods: string[];
}

interface FlowAt {
  flow: FlowView;
  /** The plan whose flow it is; undefined for the API's flows. */
  plan?: string;
  selector: Selector | string; // a string says why it cannot be selected
}

const BROKERS = new Set(["kafka", "mqtt5", "rabbitmq", "solace"]);
/** Policies that refuse this test's plain, anonymous traffic whatever the gateway does right. */
const REFUSES_TEST_TRAFFIC: Record<string, string> = {
  "ssl-enforcement": "ssl-enforcement refuses plain HTTP",
  "ip-filtering": "ip-filtering decides by the client's address",
};

export function testCases(
  resources: readonly Resource[],
  inputs: CaseInputs,
): { cases: TestCase[]; skipped: Skipped[] } {
  const cases: TestCase[] = [];
  const skipped: Skipped[] = [];
  for (const r of resources) {
    if (r.kind !== "ApiV4Definition" && r.kind !== "ApiDefinition") continue;
    const view = apiView(r.value);
    const paths = [...view.paths.values()];
    if (paths.length === 0) {
      skipped.push({ api: r.name, what: "the API", why: "no HTTP context path (a webhook-only or TCP API)" });
      continue;
    }
    const groups = JSON.stringify(
      obj(r.value.spec).endpointGroups ?? obj(obj(r.value.spec).proxy).groups ?? [],
    );
    if (/grpc:\/\/|"HTTP_2"/.test(groups)) {
      skipped.push({
        api: r.name,
        what: "the API",
        why: "its backend speaks HTTP/2 (gRPC); the stand-in is HTTP/1.1",
      });
      continue;
    }
    const plans = plansOf(r);
    const open = plans.find((p) => p.security === "KEY_LESS");
    for (const p of plans)
      if (inputs.noCredential.has(`${r.name}\0${p.id}`))
        skipped.push({
          api: r.name,
          what: `plan ${p.id} (${p.security})`,
          why: inputs.noCredential.get(`${r.name}\0${p.id}`)!,
        });
    // A selection rule (EL) decides per request whether its plan applies: not testable from the spec.
    const ruled = (p: (typeof plans)[number]) => {
      const rule = p.plan.selectionRule ?? p.plan.selection_rule;
      return typeof rule === "string" && rule.trim() !== "";
    };
    for (const p of plans.filter(ruled))
      skipped.push({
        api: r.name,
        what: `plan ${p.id} (${p.security})`,
        why: "its selection rule decides per request whether it applies",
      });
    /** The plans a request can select: the keyless one without headers, the others with their credential. */
    const usable = plans
      .filter((p) => !ruled(p))
      .map((p) => ({
        id: p.id,
        name: String(p.plan.name ?? p.id),
        security: p.security,
        credential: p.security === "KEY_LESS" ? undefined : inputs.credentials.get(`${r.name}\0${p.id}`),
      }))
      .filter((p) => (p.security === "KEY_LESS" ? p.id === open?.id : p.credential !== undefined));
    for (const p of plans)
      if (p.security === "KEY_LESS" && p.id !== open?.id)
        skipped.push({
          api: r.name,
          what: `plan ${p.id} (KEY_LESS)`,
          why: `anonymous requests select the first keyless plan, ${open!.id}`,
        });
    const message = view.type === "MESSAGE";
    const endpoints = [...view.endpoints.values()];
    // The diff's view keys v2 plans by name; a Subscription (and this module) by id, else name.
    const idOf = new Map(plans.map((p) => [String(p.plan.name ?? p.id), p.id]));
    const flows = flowsOf(view, (key) => (r.kind === "ApiDefinition" ? (idOf.get(key) ?? key) : key));

    for (const p of paths) {
      const host: Headers = p.host ? { host: p.host } : {};
      const at = p.host ? `${p.host}${p.path}` : p.path;
      const get = (path: string, headers: Headers, tls?: ClientTls) => ({
        method: "GET",
        path,
        ...(tls ? { tls } : {}),
        headers: { ...host, ...headers },
      });
      // Refusals: no credential when no plan is keyless; a foreign credential for every secured plan.
      if (!open)
        cases.push({
          api: r.name,
          title: `GET ${at} without credentials is refused (401)`,
          request: get(p.path, message ? { accept: "application/json" } : {}),
          expect: { kind: "status", status: 401 },
        });
      for (const plan of usable.filter((u) => u.credential))
        cases.push({
          api: r.name,
          title: `GET ${at} with a ${{ API_KEY: "key", MTLS: "client certificate" }[plan.security] ?? "token"} the ${plan.name} plan does not know is refused (401)`,
          request: get(p.path, plan.credential!.foreign, plan.credential!.tls?.foreign),
          expect: { kind: "status", status: 401 },
        });
      if (!open && !usable.length) continue;

      if (message) {
        if (!open && usable[0]?.credential?.tls) {
          skipped.push({
            api: r.name,
            what: "message delivery",
            why: "its plans take client certificates only",
          });
          continue;
        }
        messageCases(
          r.name,
          view,
          endpoints,
          at,
          p.path,
          host,
          usable[0]?.credential?.valid ?? {},
          inputs,
          cases,
          skipped,
          obj(r.value.spec),
        );
        continue;
      }
      // Every usable plan lets the client through to the backend.
      for (const plan of usable) {
        const steps = stepsAt(flows, plan.id, "GET", "/");
        const blocked = steps.map((s) => REFUSES_TEST_TRAFFIC[s.policy]).find(Boolean);
        if (blocked) {
          skipped.push({ api: r.name, what: `GET ${at} through the ${plan.name} plan`, why: blocked });
          continue;
        }
        if (steps.some((s) => s.policy === "mock")) continue; // the flow cases test the mock
        cases.push({
          api: r.name,
          title: `GET ${at} reaches the backend through the ${plan.name} plan${plan.credential ? ` (${plan.credential.owner})` : ""}`,
          request: get(p.path, plan.credential?.valid ?? {}, plan.credential?.tls?.valid),
          expect: { kind: "stand-in" },
        });
      }
      // Flows: each step this test can observe, where its selector matches and where it does not.
      for (const f of flows) {
        const plan = f.plan === undefined ? usable[0] : usable.find((u) => u.id === f.plan);
        const label = `flow "${f.flow.key}"${f.plan ? ` of plan ${plans.find((q) => q.id === f.plan)?.plan.name ?? f.plan}` : ""}`;
        if (!f.flow.enabled) continue;
        if (typeof f.selector === "string") {
          skipped.push({ api: r.name, what: label, why: f.selector });
          continue;
        }
        if (!plan) {
          skipped.push({ api: r.name, what: label, why: `no credential for plan ${f.plan}` });
          continue;
        }
        const method =
          f.selector.methods.length === 0 || f.selector.methods.includes("GET")
            ? "GET"
            : f.selector.methods[0]!;
        const sub = concretePath(f.selector.path);
        // A flow path is a regular expression (as in Gravitee): the path written out must be one it
        // matches, such as `/v1.0` or `/orders/:id`; for `/(.*)/products` there is no request to derive.
        if (!matches(f.selector, sub, method)) {
          skipped.push({
            api: r.name,
            what: label,
            why: `its path \`${f.selector.path}\` is a regular expression no literal request path is derived from`,
          });
          continue;
        }
        const path = joinPath(p.path, sub);
        const elsewhere = joinPath(p.path, "sluice-test-elsewhere");
        const elsewhereMatches = matches(f.selector, "/sluice-test-elsewhere", method);
        const steps = stepsAt(flows, plan.id, method, sub);
        if (steps.some((s) => REFUSES_TEST_TRAFFIC[s.policy])) continue;
        const mocked = steps.some((s) => s.policy === "mock");
        const tls = plan.credential?.tls?.valid;
        const request = (to: string) => ({
          method,
          path: to,
          ...(tls ? { tls } : {}),
          headers: { ...host, ...(plan.credential?.valid ?? {}) },
        });
        const where = `${method} ${p.host ?? ""}${path}`;
        for (const s of f.flow.steps) {
          if (!s.enabled) continue;
          if (s.condition !== undefined && s.condition !== "") {
            skipped.push({ api: r.name, what: `${s.policy} in ${label}`, why: "the step has a condition" });
            continue;
          }
          const c = obj(s.configuration);
          if (s.policy === "transform-headers") {
            const scope = String(c.scope ?? (s.phase === "response" ? "RESPONSE" : "REQUEST"));
            const added = arr(c.addHeaders)
              .map(obj)
              .find((h) => typeof h.name === "string" && h.name !== "");
            if (!added) continue;
            const name = String(added.name);
            const value =
              typeof added.value === "string" && !added.value.includes("{") ? added.value : undefined;
            const header = { name, ...(value !== undefined ? { value } : {}) };
            const onResponse = s.phase === "response" || scope === "RESPONSE";
            if (!onResponse && mocked) continue;
            cases.push({
              api: r.name,
              title: `${where}: transform-headers of ${label} adds ${name} to the ${onResponse ? "response" : "request"}`,
              request: request(path),
              expect: onResponse ? { kind: "response", header } : { kind: "stand-in", header },
            });
            if (
              !elsewhereMatches &&
              !stepsAt(flows, plan.id, method, "/sluice-test-elsewhere").some(
                (o) => o.policy === "mock" || REFUSES_TEST_TRAFFIC[o.policy],
              )
            )
              cases.push({
                api: r.name,
                title: `${method} ${p.host ?? ""}${elsewhere}: transform-headers of ${label} does not add ${name} there`,
                request: request(elsewhere),
                expect: onResponse
                  ? { kind: "response", header: { name, absent: true } }
                  : { kind: "stand-in", header: { name, absent: true } },
              });
          } else if (s.policy === "mock" && s.phase === "request") {
            const content =
              typeof c.content === "string" && !c.content.includes("{#") ? c.content : undefined;
            const status = Number(resolveEnv(c.status, inputs.env) ?? 200);
            cases.push({
              api: r.name,
              title: `${where}: the mock of ${label} answers ${status}${content !== undefined ? " with its content" : ""}`,
              request: request(path),
              expect: {
                kind: "response",
                status,
                standIn: false,
                ...(content !== undefined ? { body: content } : {}),
              },
            });
          } else if (s.policy === "rate-limit" && s.phase === "request") {
            const rate = obj(c.rate);
            const limit = Number(resolveEnv(rate.limit, inputs.env));
            const period = Number(resolveEnv(rate.periodTime ?? 1, inputs.env));
            const unit = String(rate.periodTimeUnit ?? "SECONDS");
            const unitMs = { SECONDS: 1000, MINUTES: 60000, HOURS: 3600000, DAYS: 86400000 }[unit];
            if (rate.key || rate.dynamicLimit || !Number.isInteger(limit) || !unitMs || !(period > 0)) {
              skipped.push({
                api: r.name,
                what: `rate-limit in ${label}`,
                why: "its limit or key is computed per request",
              });
              continue;
            }
            if (limit > 1000) {
              skipped.push({
                api: r.name,
                what: `rate-limit in ${label}`,
                why: `${limit + 1} requests are too many for a test`,
              });
              continue;
            }
            if (mocked) continue;
            cases.push({
              api: r.name,
              title: `${where}: rate-limit of ${label} answers 429 to request ${limit + 1} in ${period} ${unit.toLowerCase()}`,
              request: request(path),
              expect: { kind: "rate-limit", limit },
            });
          }
        }
      }
    }
  }
  // Rate limits last: their 429s must not reach the other cases of the same plan.
  const order = (c: TestCase) => (c.expect.kind === "rate-limit" ? 1 : 0);
  cases.sort((a, b) => order(a) - order(b));
  return { cases, skipped };
}

function messageCases(
  api: string,
  view: ApiView,
  endpoints: EndpointView[],
  at: string,
  path: string,
  host: Headers,
  credential: Headers,
  inputs: CaseInputs,
  cases: TestCase[],
  skipped: Skipped[],
  spec: Record<string, unknown>,
): void {
  const readers = (["http-get", "sse"] as const).filter((e) => view.entrypoints.has(e));
  const accept = { "http-get": "application/json", sse: "text/event-stream" } as const;
  if (endpoints.every((e) => e.type === "mock")) {
    for (const e of readers)
      cases.push({
        api,
        title: `GET ${at} (${e}) delivers the mock's messages`,
        request: { method: "GET", path, headers: { ...host, ...credential, accept: accept[e] } },
        expect: { kind: "messages", contentType: accept[e] },
      });
    return;
  }
  const broker = endpoints.find((e) => BROKERS.has(e.type));
  if (!broker) return;
  const c = obj(broker.configuration);
  // Where the broker is, as the gateway will resolve it.
  let hostPort: string | undefined;
  if (broker.type === "kafka")
    hostPort = String(resolveEnv(c.bootstrapServers, inputs.env) ?? "").split(",")[0];
  else if (broker.type === "mqtt5" || broker.type === "rabbitmq")
    hostPort = `${resolveEnv(c.serverHost, inputs.env)}:${resolveEnv(c.serverPort, inputs.env) ?? (broker.type === "mqtt5" ? 1883 : 5672)}`;
  if (!hostPort || !inputs.reachable(hostPort)) {
    skipped.push({
      api,
      what: "the API",
      why: hostPort
        ? `its ${broker.type} broker at ${hostPort} is unreachable (set the endpoint's environment variables to a broker)`
        : `its ${broker.type} endpoint: sluice test reaches Kafka, MQTT 5 and RabbitMQ brokers only`,
    });
    return;
  }
  const reader = readers[0];
  if (!reader) {
    skipped.push({ api, what: "the API", why: "no http-get or sse entrypoint to read messages from" });
    return;
  }
  const shared = sharedOf(spec, broker);
  const consumer = side(shared, "consumer");
  const producer = side(shared, "producer");
  const security = obj(shared.security);
  const auth = obj(security.auth);
  const plaintext =
    security.ssl === undefined &&
    ["PLAINTEXT", undefined].includes(resolveEnv(security.protocol, inputs.env) as string);
  let publish: Publish | undefined;
  if (view.entrypoints.has("http-post") && producer.enabled)
    publish = {
      via: "http-post",
      path,
      headers: { ...host, ...credential, "content-type": "application/json" },
    };
  else if (!plaintext || security.sasl !== undefined) {
    skipped.push({
      api,
      what: "the API",
      why: "without an http-post entrypoint, sluice test publishes straight to the broker, over plain TCP only",
    });
    return;
  } else if (broker.type === "mqtt5" && consumer.topic)
    publish = {
      via: "mqtt5",
      url: `mqtt://${hostPort}`,
      topic: consumer.topic.replace(/\+/g, "sluice-test").replace(/#$/, "sluice-test"),
      ...(typeof auth.username === "string"
        ? { username: String(resolveEnv(auth.username, inputs.env)) }
        : {}),
      ...(typeof auth.password === "string"
        ? { password: String(resolveEnv(auth.password, inputs.env)) }
        : {}),
    };
  else if (broker.type === "kafka" && consumer.topic)
    publish = { via: "kafka", brokers: [hostPort], topic: consumer.topic };
  if (!publish || !consumer.enabled) {
    skipped.push({
      api,
      what: "the API",
      why: "its endpoint does not both consume and have a way to publish",
    });
    return;
  }
  const qos = view.entrypoints.get(reader)?.qos ?? "AUTO";
  cases.push({
    api,
    title: `a message published ${publish.via === "http-post" ? "with POST" : `to ${broker.type} topic ${publish.topic}`} arrives on GET ${at} (${reader}, QoS ${qos})`,
    request: { method: "GET", path, headers: { ...host, ...credential, accept: accept[reader] } },
    expect: { kind: "delivery", publish },
  });
}

/** A broker endpoint's shared configuration, its group's merged with its override, as the gateway merges it. */
function sharedOf(spec: Record<string, unknown>, endpoint: { group: string }): Record<string, unknown> {
  const group =
    arr(spec.endpointGroups)
      .map(obj)
      .find((g) => g.name === endpoint.group) ?? {};
  const e =
    arr(group.endpoints)
      .map(obj)
      .find((x) => BROKERS.has(String(x.type ?? group.type))) ?? {};
  const base = obj(group.sharedConfiguration);
  const override = obj(e.sharedConfigurationOverride);
  const merged: Record<string, unknown> = { ...base, ...override };
  for (const k of ["consumer", "producer", "security"])
    if (base[k] !== undefined || override[k] !== undefined)
      merged[k] = { ...obj(base[k]), ...obj(override[k]) };
  return merged;
}

function side(shared: Record<string, unknown>, which: "consumer" | "producer") {
  const s = obj(shared[which]);
  const topics = s.topics ?? s.topic;
  return {
    enabled: s.enabled !== false && Object.keys(s).length > 0,
    topic:
      typeof topics === "string"
        ? topics
        : typeof arr(topics)[0] === "string"
          ? String(arr(topics)[0])
          : undefined,
  };
}

function flowsOf(view: ApiView, planId: (key: string) => string): FlowAt[] {
  const out: FlowAt[] = view.flows.map((flow) => ({ flow, selector: selectorOf(flow, view.type) }));
  for (const [key, plan] of view.plans)
    for (const flow of plan.flows)
      out.push({ flow, plan: planId(key), selector: selectorOf(flow, view.type) });
  return out;
}

function selectorOf(flow: FlowView, type: string): Selector | string {
  if (type === "PROXY (v2)") {
    const s = obj(flow.selectors);
    if (typeof s.condition === "string" && s.condition !== "") return "its selector has a condition";
    const op = obj(s["path-operator"]);
    return {
      path: String(op.path ?? "/"),
      equals: op.operator === "EQUALS",
      methods: arr(s.methods).map(String),
    };
  }
  const selectors = arr(flow.selectors).map(obj);
  if (selectors.some((s) => s.type === "CONDITION")) return "its selector has a condition";
  if (selectors.some((s) => s.type === "CHANNEL"))
    return "a channel selector (message APIs are tested by delivery)";
  const http = selectors.find((s) => s.type === "HTTP") ?? {};
  return {
    path: String(http.path ?? "/"),
    equals: http.pathOperator === "EQUALS",
    methods: arr(http.methods).map(String),
  };
}

/** The steps that run for a request on `sub` (relative to the context path) through a plan. */
function stepsAt(flows: FlowAt[], plan: string, method: string, sub: string) {
  return flows
    .filter((f) => f.flow.enabled && (f.plan === undefined || f.plan === plan))
    .filter((f) => typeof f.selector !== "string" && matches(f.selector, sub, method))
    .flatMap((f) => f.flow.steps.filter((s) => s.enabled));
}

/** Gravitee's path selector, by the gateway's own pattern (runtime/server/flows.ts). */
function matches(selector: Selector, sub: string, method: string): boolean {
  if (selector.methods.length > 0 && !selector.methods.includes(method)) return false;
  return flowPathPattern(selector.path, selector.equals).regex.test(sub);
}

const concretePath = (path: string) =>
  `/${path
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith(":") ? "sluice-test" : s))
    .join("/")}`;

const joinPath = (context: string, sub: string) => `${context}${sub.replace(/^\/+/, "")}`;
