// The rules of `sluice diff`: every difference between two versions of an API is a change with a
// stable kind, a severity and why. `breaking`: a client that worked before can fail now (a path,
// plan, entrypoint or API gone, stricter security, lower QoS, a tighter limit, a mock that answers
// something else). `risky`: behaviour changes that may or may not reach clients (a new target, a
// policy's configuration, a plan that lets more clients in). `safe`: additions and metadata.
import { MANIFESTS } from "../../runtime/connector-manifests.ts";
import { type ApiView, apiView, type FlowView, type StepView } from "./api-view.ts";
import { resourceKey, type Side } from "./read-side.ts";

export type Severity = "breaking" | "risky" | "safe";
export const SEVERITIES: readonly Severity[] = ["breaking", "risky", "safe"];

export interface Change {
  /** `Kind/name` of the resource. */
  resource: string;
  file: string;
  kind: string;
  severity: Severity;
  /** What changed, e.g. `plan partners`, `flow "tag requests" request[0] rate-limit`. */
  where: string;
  message: string;
  why: string;
}

const API_KINDS = new Set(["ApiV4Definition", "ApiDefinition"]);
/** Gravitee's entrypoint QoS from weakest to strongest guarantee. */
const QOS_ORDER = ["NONE", "AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"];
/** Security from open to strict; a move to the right refuses clients that were let in. */
const SECURITY_ORDER = ["KEY_LESS", "API_KEY", "JWT", "OAUTH2", "MTLS"];
/** Policies by capability (their manifests): limits are compared, response writers' bodies too. */
const LIMIT_POLICIES = policiesWith("rate-limiting");
const RESPONSE_POLICIES = policiesWith("writes-response");

function policiesWith(capability: string): ReadonlySet<string> {
  return new Set(MANIFESTS.filter((m) => m.capabilities?.includes(capability)).map((m) => m.id));
}
const UNIT_SECONDS: Record<string, number> = {
  SECONDS: 1,
  MINUTES: 60,
  HOURS: 3600,
  DAYS: 86400,
  WEEKS: 604800,
  MONTHS: 2592000,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function diffSides(base: Side, head: Side): Change[] {
  const changes: Change[] = [];
  const keys = [...new Set([...base.resources.keys(), ...head.resources.keys()])].sort();
  for (const key of keys) {
    const before = base.resources.get(key);
    const after = head.resources.get(key);
    const file = (after ?? before)?.file ?? "";
    const add = (kind: string, severity: Severity, where: string, message: string, why: string) =>
      changes.push({ resource: key, file, kind, severity, where, message, why });
    const kind = (after ?? before)?.kind ?? "";
    if (!API_KINDS.has(kind)) {
      otherResource(
        kind,
        before?.value,
        after?.value,
        add,
        kind === "SharedPolicyGroup" ? usersOf(key, head) : [],
      );
      continue;
    }
    if (!before) {
      add("api-added", "safe", "API", "new API", "nothing existed that clients could depend on");
      continue;
    }
    if (!after) {
      add("api-removed", "breaking", "API", "API removed", "every client of this API gets 404");
      continue;
    }
    compareApis(apiView(before.value), apiView(after.value), add);
  }
  return changes;
}

type Add = (kind: string, severity: Severity, where: string, message: string, why: string) => void;

/** The APIs of a side whose flows reference the SharedPolicyGroup of `key` (`sharedPolicyGroupRef`). */
function usersOf(key: string, side: Side): string[] {
  const name = side.resources.get(key)?.name ?? key.slice(key.indexOf("/") + 1);
  // Gravitee's `shared-policy-group-policy` step names it by its `spec.crossId` (or its name).
  const crossId = obj(obj(side.resources.get(key)?.value).spec).crossId;
  const ids = new Set([name, ...(typeof crossId === "string" ? [crossId] : [])]);
  const names = (step: Record<string, unknown>): boolean =>
    obj(step.sharedPolicyGroupRef).name === name ||
    (step.policy === "shared-policy-group-policy" &&
      (ids.has(obj(step.configuration).sharedPolicyGroupId as string) ||
        obj(step.configuration).hrid === name));
  const references = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.some(references)
      : typeof value === "object" && value !== null
        ? names(obj(value)) || Object.values(value).some(references)
        : false;
  return [...side.resources.values()]
    .filter((r) => API_KINDS.has(r.kind) && references(obj(r.value).spec))
    .map((r) => r.name)
    .sort();
}

/**
 * Consumer resources (Application, Subscription) and other gravitee.io kinds, as wholes. A changed
 * SharedPolicyGroup names the APIs whose flows run its steps (`users`).
 */
function otherResource(
  kind: string,
  before: unknown,
  after: unknown,
  add: Add,
  users: readonly string[] = [],
): void {
  const subscription = kind === "Subscription";
  if (!before)
    add(`${kind.toLowerCase()}-added`, "safe", kind, `new ${kind}`, "it grants, it takes nothing away");
  else if (!after)
    add(
      `${kind.toLowerCase()}-removed`,
      subscription ? "breaking" : "risky",
      kind,
      `${kind} removed`,
      subscription ? "the subscribed application's credentials stop working" : "what referred to it loses it",
    );
  else if (!same(obj(before).spec, obj(after).spec))
    add(
      `${kind.toLowerCase()}-changed`,
      "risky",
      kind,
      `${kind} changed`,
      subscription
        ? "the subscription's plan, application or dates changed"
        : users.length > 0
          ? `its configuration changed, in the flows of ${users.map((u) => `\`${u}\``).join(", ")}`
          : "its configuration changed",
    );
}

function compareApis(a: ApiView, b: ApiView, add: Add): void {
  if (a.type !== b.type)
    add(
      "api-type-changed",
      "breaking",
      "type",
      `${a.type} → ${b.type}`,
      "clients of the old exposure method cannot use the new one",
    );
  if (a.version !== b.version)
    add("version-changed", "safe", "version", `${a.version} → ${b.version}`, "informational");
  if (a.displayName !== b.displayName)
    add(
      "name-changed",
      "safe",
      "name",
      `"${a.displayName}" → "${b.displayName}"`,
      "a display name does not route",
    );
  // Paths and hosts.
  for (const [key, p] of a.paths)
    if (!b.paths.has(key)) {
      const widened = p.host !== undefined && b.paths.has(p.path);
      if (widened)
        add(
          "host-removed",
          "risky",
          `path ${p.path}`,
          `no longer bound to host ${p.host}`,
          "requests for any host now reach this API",
        );
      else {
        const sameHostOther = [...b.paths.values()].find((q) => q.path === p.path);
        if (sameHostOther?.host !== undefined && p.host === undefined)
          add(
            "host-added",
            "breaking",
            `path ${p.path}`,
            `now only for host ${sameHostOther.host}`,
            "requests with another Host header no longer reach this API",
          );
        else if (sameHostOther?.host !== undefined)
          add(
            "host-changed",
            "breaking",
            `path ${p.path}`,
            `host ${p.host} → ${sameHostOther.host}`,
            "clients using the old host get 404",
          );
        else
          add(
            "path-removed",
            "breaking",
            `path ${hostPath(p)}`,
            "context path removed",
            "clients calling it get 404",
          );
      }
    }
  for (const [key, p] of b.paths)
    if (!a.paths.has(key) && ![...a.paths.values()].some((q) => q.path === p.path))
      add("path-added", "safe", `path ${hostPath(p)}`, "new context path", "a new route takes nothing away");
  if (a.stripContextPath !== b.stripContextPath && a.stripContextPath !== undefined)
    add(
      "strip-context-path-changed",
      "breaking",
      "proxy.strip_context_path",
      `${String(a.stripContextPath)} → ${String(b.stripContextPath)}`,
      "the backend receives other paths",
    );
  // Entrypoints and QoS.
  for (const [type, e] of a.entrypoints) {
    const f = b.entrypoints.get(type);
    if (!f) {
      add(
        "entrypoint-removed",
        "breaking",
        `entrypoint ${type}`,
        "entrypoint removed",
        `clients using ${type} can no longer connect`,
      );
      continue;
    }
    const qa = QOS_ORDER.indexOf(e.qos);
    const qb = QOS_ORDER.indexOf(f.qos);
    if (qb < qa)
      add(
        "qos-lowered",
        "breaking",
        `entrypoint ${type}`,
        `QoS ${e.qos} → ${f.qos}`,
        "messages clients relied on receiving may be lost",
      );
    else if (qb > qa)
      add(
        "qos-raised",
        "risky",
        `entrypoint ${type}`,
        `QoS ${e.qos} → ${f.qos}`,
        "stronger delivery costs latency and needs the endpoint to support it",
      );
    if (!same(e.configuration, f.configuration))
      add(
        "entrypoint-configuration-changed",
        "risky",
        `entrypoint ${type}`,
        "configuration changed",
        describe(e.configuration, f.configuration),
      );
  }
  for (const type of b.entrypoints.keys())
    if (!a.entrypoints.has(type))
      add(
        "entrypoint-added",
        "safe",
        `entrypoint ${type}`,
        "new entrypoint",
        "a new way in takes nothing away",
      );
  // Endpoints.
  for (const [key, e] of a.endpoints) {
    const f = b.endpoints.get(key);
    if (!f) {
      const last = ![...b.endpoints.values()].some((x) => x.group === e.group);
      add(
        last ? "endpoint-group-removed" : "endpoint-removed",
        last ? "breaking" : "risky",
        `endpoint ${key}`,
        last ? `endpoint group ${e.group} removed` : "endpoint removed",
        last ? "nothing is left to serve what this group served" : "the remaining endpoints take its traffic",
      );
      continue;
    }
    if (e.type !== f.type)
      add(
        "endpoint-type-changed",
        "breaking",
        `endpoint ${key}`,
        `${e.type} → ${f.type}`,
        "another protocol behind the same API",
      );
    else if (!same(e.target, f.target))
      add(
        "endpoint-target-changed",
        "risky",
        `endpoint ${key}`,
        `${shown(e.target)} → ${shown(f.target)}`,
        "requests go to another backend",
      );
    else if (
      e.type === "mock" &&
      !same(obj(e.configuration).messageContent, obj(f.configuration).messageContent)
    )
      add(
        "mock-response-changed",
        "breaking",
        `endpoint ${key}`,
        "the mock's message content changed",
        "clients parsing the old messages may fail",
      );
    else if (!same(e.configuration, f.configuration))
      add(
        "endpoint-configuration-changed",
        "risky",
        `endpoint ${key}`,
        "configuration changed",
        describe(e.configuration, f.configuration),
      );
  }
  for (const key of b.endpoints.keys())
    if (!a.endpoints.has(key))
      add("endpoint-added", "risky", `endpoint ${key}`, "new endpoint", "it takes a share of the traffic");
  comparePlans(a, b, add);
  // Flows.
  if (a.flowMode !== b.flowMode)
    add(
      "flow-mode-changed",
      "risky",
      "flowExecution.mode",
      `${a.flowMode} → ${b.flowMode}`,
      "other flows run for the same request",
    );
  if (!a.matchRequired && b.matchRequired)
    add(
      "match-required-enabled",
      "breaking",
      "flowExecution.matchRequired",
      "false → true",
      "requests that match no flow now get 404",
    );
  else if (a.matchRequired && !b.matchRequired)
    add(
      "match-required-disabled",
      "risky",
      "flowExecution.matchRequired",
      "true → false",
      "requests that match no flow now reach the backend",
    );
  compareFlows("", a.flows, b.flows, add);
  // Listener options and the rest.
  if (!same(a.cors, b.cors)) {
    const before = (a.cors?.allowOrigin as string[] | undefined) ?? [];
    const after = (b.cors?.allowOrigin as string[] | undefined) ?? [];
    const lost =
      a.cors !== undefined &&
      (b.cors === undefined || before.some((o) => !after.includes(o) && !after.includes("*")));
    add(
      lost ? "cors-restricted" : "cors-changed",
      lost ? "breaking" : "risky",
      "cors",
      b.cors === undefined
        ? "CORS disabled"
        : a.cors === undefined
          ? "CORS enabled"
          : "CORS configuration changed",
      lost ? "browsers on an origin allowed before are refused" : "browsers see other CORS headers",
    );
  }
  if (!same(a.failover, b.failover))
    add(
      "failover-changed",
      "risky",
      "failover",
      "failover changed",
      "retries and circuit breaking behave differently",
    );
  if (!same(a.resources, b.resources))
    add(
      "resources-changed",
      "risky",
      "resources",
      "resources changed",
      "policies and plans that use a resource behave differently",
    );
  if (!same(a.properties, b.properties))
    add(
      "properties-changed",
      "risky",
      "properties",
      "API properties changed",
      "expressions reading #api.properties see other values",
    );
}

function hostPath(p: { host?: string; path: string }): string {
  return p.host ? `${p.host}${p.path}` : p.path;
}

function comparePlans(a: ApiView, b: ApiView, add: Add): void {
  for (const [key, p] of a.plans) {
    const q = b.plans.get(key);
    const where = `plan ${key}`;
    if (!q) {
      add(
        "plan-removed",
        "breaking",
        where,
        `${p.security} plan "${p.name}" removed`,
        p.security === "KEY_LESS"
          ? "anonymous clients now get 401"
          : "its subscribers' credentials stop working",
      );
      continue;
    }
    if (p.security !== q.security) {
      const stricter = SECURITY_ORDER.indexOf(q.security) > SECURITY_ORDER.indexOf(p.security);
      add(
        "plan-security-changed",
        stricter ? "breaking" : "risky",
        where,
        `security ${p.security} → ${q.security}`,
        stricter ? "clients with the old credentials are refused" : "clients get in with weaker credentials",
      );
    } else if (!same(p.securityConfiguration, q.securityConfiguration))
      add(
        "plan-security-configuration-changed",
        "risky",
        where,
        "security configuration changed",
        `${describe(p.securityConfiguration, q.securityConfiguration)}; tokens or keys valid before may be refused`,
      );
    if (p.status !== q.status) {
      const closing = ["CLOSED", "DEPRECATED"].includes(q.status) || q.status === "STAGING";
      add(
        "plan-status-changed",
        closing ? "breaking" : "safe",
        where,
        `status ${p.status} → ${q.status}`,
        closing ? "the plan no longer accepts (new) clients" : "the plan opens",
      );
    }
    if (p.mode !== q.mode)
      add(
        "plan-mode-changed",
        "breaking",
        where,
        `mode ${p.mode} → ${q.mode}`,
        "subscribers of the other mode lose access",
      );
    compareFlows(`${where} `, p.flows, q.flows, add);
  }
  for (const [key, q] of b.plans)
    if (!a.plans.has(key)) {
      const open = q.security === "KEY_LESS" && q.mode !== "PUSH";
      add(
        open ? "keyless-plan-added" : "plan-added",
        open ? "risky" : "safe",
        `plan ${key}`,
        `new ${q.security} plan "${q.name}"`,
        open
          ? "anyone can now call the API without credentials"
          : "a new way to subscribe takes nothing away",
      );
    }
}

function compareFlows(prefix: string, a: FlowView[], b: FlowView[], add: Add): void {
  const after = new Map(b.map((f) => [f.key, f]));
  const before = new Map(a.map((f) => [f.key, f]));
  for (const f of a) {
    const g = after.get(f.key);
    const where = `${prefix}flow "${f.key}"`;
    if (!g) {
      const limits = f.steps.some((s) => LIMIT_POLICIES.has(s.policy));
      add(
        "flow-removed",
        "risky",
        where,
        `flow removed (${stepList(f.steps)})`,
        limits ? "its limits no longer protect the backend" : "its policies no longer apply",
      );
      continue;
    }
    if (f.enabled && !g.enabled)
      add("flow-disabled", "risky", where, "flow disabled", "its policies no longer apply");
    if (!f.enabled && g.enabled)
      add("flow-enabled", "risky", where, "flow enabled", "its policies apply now");
    if (!same(f.selectors, g.selectors))
      add(
        "flow-selectors-changed",
        "risky",
        where,
        "selectors changed",
        "its policies apply to other requests",
      );
    compareSteps(where, f.steps, g.steps, add);
  }
  for (const g of b)
    if (!before.has(g.key)) {
      const limits = g.steps.filter((s) => LIMIT_POLICIES.has(s.policy));
      add(
        "flow-added",
        limits.length > 0 ? "breaking" : "risky",
        `${prefix}flow "${g.key}"`,
        `new flow (${stepList(g.steps)})`,
        limits.length > 0
          ? "a new limit can refuse clients that were served"
          : "new policies apply to matching requests",
      );
    }
}

function stepList(steps: StepView[]): string {
  return steps.map((s) => s.policy).join(", ") || "no steps";
}

/** Steps matched by phase and policy, in order among the same policy. */
function compareSteps(where: string, a: StepView[], b: StepView[], add: Add): void {
  const key = (steps: StepView[]) => {
    const seen = new Map<string, number>();
    return steps.map((s) => {
      const k = `${s.phase} ${s.policy}`;
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      return [n === 1 ? k : `${k} #${n}`, s] as const;
    });
  };
  const after = new Map(key(b));
  const before = new Map(key(a));
  for (const [k, s] of before) {
    const t = after.get(k);
    const at = `${where} ${k}`;
    if (!t) {
      add(
        "policy-removed",
        "risky",
        at,
        "policy removed",
        LIMIT_POLICIES.has(s.policy)
          ? "the limit no longer protects the backend"
          : "requests and responses are no longer transformed or checked by it",
      );
      continue;
    }
    if (s.enabled !== t.enabled)
      add(
        t.enabled ? "policy-enabled" : "policy-disabled",
        "risky",
        at,
        t.enabled ? "policy enabled" : "policy disabled",
        "it applies differently now",
      );
    if (same(s.configuration, t.configuration) && same(s.condition, t.condition)) continue;
    if (LIMIT_POLICIES.has(s.policy)) {
      const ra = ratePerSecond(s);
      const rb = ratePerSecond(t);
      if (ra !== undefined && rb !== undefined && rb < ra) {
        add(
          "limit-tightened",
          "breaking",
          at,
          `${limitText(s)} → ${limitText(t)}`,
          "clients within the old limit can now be refused (429)",
        );
        continue;
      }
      if (ra !== undefined && rb !== undefined && rb > ra) {
        add(
          "limit-loosened",
          "safe",
          at,
          `${limitText(s)} → ${limitText(t)}`,
          "more requests are let through",
        );
        continue;
      }
    }
    if (RESPONSE_POLICIES.has(s.policy) && t.phase === "response") {
      add(
        "response-content-changed",
        "breaking",
        at,
        "the response body it writes changed",
        "clients parsing the old body may fail",
      );
      continue;
    }
    add(
      "policy-configuration-changed",
      "risky",
      at,
      "configuration changed",
      describe(s.configuration, t.configuration),
    );
  }
  for (const [k, t] of after)
    if (!before.has(k)) {
      const limit = LIMIT_POLICIES.has(t.policy);
      add(
        "policy-added",
        limit ? "breaking" : "risky",
        `${where} ${k}`,
        "policy added",
        limit
          ? "a new limit can refuse clients that were served (429)"
          : "matching requests are transformed or checked by it",
      );
    }
}

/** Requests per second a rate-limit, quota or spike-arrest step allows; undefined if unknowable. */
function ratePerSecond(s: StepView): number | undefined {
  const rate = obj(obj(s.configuration).rate ?? obj(s.configuration).spike ?? obj(s.configuration).quota);
  const limit = Number(withDefault(rate.limit));
  const period = Number(withDefault(rate.periodTime ?? 1));
  const unit = UNIT_SECONDS[String(rate.periodTimeUnit ?? "SECONDS")];
  if (!Number.isFinite(limit) || !Number.isFinite(period) || unit === undefined || period <= 0)
    return undefined;
  return limit / (period * unit);
}

function limitText(s: StepView): string {
  const rate = obj(obj(s.configuration).rate ?? obj(s.configuration).spike ?? obj(s.configuration).quota);
  return `${String(rate.limit)}/${String(rate.periodTime ?? 1)} ${String(rate.periodTimeUnit ?? "SECONDS").toLowerCase()}`;
}

/** `${RATE:-100}` compares as its default, 100: what the gateway runs when the variable is unset. */
function withDefault(value: unknown): unknown {
  const m = typeof value === "string" ? /^\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}$/.exec(value.trim()) : null;
  return m ? m[1] : value;
}

/** A target as printed: the password of `scheme://user:password@host` masked (the diff goes to pull requests). */
function shown(target: unknown): string {
  return String(target).replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@/\s]+@/i, "$1***@");
}

/** The keys whose values differ, for the why. */
function describe(a: unknown, b: unknown): string {
  const x = obj(a);
  const y = obj(b);
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !same(x[k], y[k])).sort();
  return keys.length > 0 ? `changed: ${keys.join(", ")}` : "changed";
}

export { resourceKey };
