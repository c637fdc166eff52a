// The repository as the consumer rules see it: APIs by kind and name with their plans' security
// types, Applications, Subscriptions, ApiResources and Dictionaries by name. Built once per document list (every
// consumer rule asks for it) and read as loosely as spec-view.ts reads a spec: rules also run on
// documents that failed validation.
import { isApiDocument, type LoadedDocument } from "../load/load-specs.ts";
import { flowsOf, isObj, list, type Obj, obj, plansOf, str } from "./spec-view.ts";

export interface PlanView {
  /** The plan's key (v4) or id/name (v2): what a Subscription's `plan` names. */
  id: string;
  securityType: string | undefined;
  mode: string;
  /** STAGING, PUBLISHED, DEPRECATED or CLOSED (Gravitee's default PUBLISHED). */
  status: string;
}

export interface SubscriptionView {
  doc: LoadedDocument;
  spec: Obj;
  api: string | undefined;
  /** `spec.api.kind`, GKO's default ApiV4Definition. */
  apiKind: string;
  application: string | undefined;
  plan: string | undefined;
}

export interface ConsumerIndex {
  /** APIs by `kind\0name`. */
  apis: Map<string, { doc: LoadedDocument; plans: Map<string, PlanView> }>;
  applications: Map<string, LoadedDocument>;
  resources: Map<string, LoadedDocument>;
  /** Dictionaries by name (expressions' `#dictionaries['name']`). */
  dictionaries: Map<string, LoadedDocument>;
  subscriptions: SubscriptionView[];
}

const indexes = new WeakMap<readonly LoadedDocument[], ConsumerIndex>();

export function consumerIndex(docs: readonly LoadedDocument[]): ConsumerIndex {
  let index = indexes.get(docs);
  if (index) return index;
  index = {
    apis: new Map(),
    applications: new Map(),
    resources: new Map(),
    dictionaries: new Map(),
    subscriptions: [],
  };
  for (const doc of docs) {
    if (!doc.name) continue;
    const spec = obj(doc.validationValue.spec);
    if (isApiDocument(doc)) {
      const plans = new Map<string, PlanView>();
      for (const plan of planEntries(spec)) plans.set(plan.id, plan);
      index.apis.set(`${doc.kind}\0${doc.name}`, { doc, plans });
    } else if (doc.kind === "Application") {
      if (!index.applications.has(doc.name)) index.applications.set(doc.name, doc);
    } else if (doc.kind === "ApiResource") {
      if (!index.resources.has(doc.name)) index.resources.set(doc.name, doc);
    } else if (doc.kind === "Dictionary") {
      if (!index.dictionaries.has(doc.name)) index.dictionaries.set(doc.name, doc);
    } else if (doc.kind === "Subscription") {
      const api = obj(spec.api);
      index.subscriptions.push({
        doc,
        spec,
        api: str(api.name),
        apiKind: str(api.kind) ?? "ApiV4Definition",
        application: str(obj(spec.application).name),
        plan: str(spec.plan),
      });
    }
  }
  indexes.set(docs, index);
  return index;
}

/** The plans of an API spec with the id a Subscription names them by (v4: the key; v2: id, else name). */
export function planEntries(spec: Obj): PlanView[] {
  const out: PlanView[] = [];
  const v2 = Array.isArray(spec.plans);
  for (const { item, pointer } of plansOf(spec)) {
    const id = v2 ? (str(item.id) ?? str(item.name)) : decodeKey(pointer.slice("/spec/plans/".length));
    if (id === undefined) continue;
    const security = item.security;
    out.push({
      id,
      securityType: typeof security === "string" ? security : str(obj(security).type),
      mode: str(item.mode) ?? "STANDARD",
      status: str(item.status) ?? "PUBLISHED",
    });
  }
  return out;
}

function decodeKey(key: string): string {
  return key.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** The subscription's API and plan, when both exist. */
export function subscribedPlan(
  index: ConsumerIndex,
  s: SubscriptionView,
): { api: LoadedDocument; plan: PlanView } | undefined {
  if (!s.api || !s.plan) return undefined;
  const api = index.apis.get(`${s.apiKind}\0${s.api}`);
  const plan = api?.plans.get(s.plan);
  return api && plan ? { api: api.doc, plan } : undefined;
}

/** The Application document's spec, when the subscription's application exists. */
export function subscribedApplication(index: ConsumerIndex, s: SubscriptionView): Obj | undefined {
  const app = s.application ? index.applications.get(s.application) : undefined;
  return app ? obj(app.validationValue.spec) : undefined;
}

/** The client certificates of an application spec (GKO's list, and its deprecated single one). */
export function certificatesOf(app: Obj): Array<{ text: string; pointer: string }> {
  const tls = obj(obj(app.settings).tls);
  const out: Array<{ text: string; pointer: string }> = [];
  const single = str(tls.clientCertificate);
  if (single) out.push({ text: single, pointer: "/spec/settings/tls/clientCertificate" });
  const list = tls.clientCertificates;
  if (Array.isArray(list)) {
    list.forEach((c: unknown, i) => {
      if (!isObj(c)) return;
      const ref = obj(c.ref);
      const text =
        str(c.content) ?? (str(ref.name) ? `ref:${str(ref.name)}/${str(ref.key) ?? "tls.crt"}` : undefined);
      if (text) out.push({ text, pointer: `/spec/settings/tls/clientCertificates/${i}` });
    });
  }
  return out;
}

/** The steps of a v4 API's flows that name a SharedPolicyGroup (its own and its plans'), with their phase. */
export const GROUP_PHASES = ["request", "response", "publish", "subscribe"] as const;

/** Gravitee's policy step that runs a shared policy group (Management API exports, GKO's deployments). */
export const SHARED_POLICY_GROUP_POLICY = "shared-policy-group-policy";

export interface GroupRef {
  /** What the step names the group by (its value). */
  name: string;
  /** `name`: GKO's `sharedPolicyGroupRef.name`; `id`/`hrid`: the `shared-policy-group-policy` step's configuration. */
  by: "name" | "id" | "hrid";
  /** The phase key of the flow (`request`, …). */
  phase: (typeof GROUP_PHASES)[number];
  /** The step's pointer. */
  pointer: string;
  /** The pointer of the value naming the group. */
  field: string;
}

/** How a step names a SharedPolicyGroup, if it does (`pointer`: the step's). */
export function groupReference(
  step: Record<string, unknown>,
  pointer: string,
): Omit<GroupRef, "phase"> | undefined {
  if (isObj(step.sharedPolicyGroupRef)) {
    const name = str(step.sharedPolicyGroupRef.name);
    return name === undefined
      ? undefined
      : { name, by: "name", pointer, field: `${pointer}/sharedPolicyGroupRef/name` };
  }
  if (step.policy !== SHARED_POLICY_GROUP_POLICY) return undefined;
  const config = obj(step.configuration);
  const id = str(config.sharedPolicyGroupId);
  if (id !== undefined)
    return { name: id, by: "id", pointer, field: `${pointer}/configuration/sharedPolicyGroupId` };
  const hrid = str(config.hrid);
  if (hrid !== undefined) return { name: hrid, by: "hrid", pointer, field: `${pointer}/configuration/hrid` };
  return undefined;
}

/**
 * The group a reference names. By name: its `metadata.name`. By Gravitee id: the group whose
 * `spec.crossId` it is (what Gravitee's console and GKO write), else the one of that
 * `metadata.name`. By GKO's `hrid`: `<namespace>-<name>` (namespace `default` when unset), else
 * `metadata.name`.
 */
export function findGroup<T extends { name?: string | undefined; validationValue: unknown }>(
  groups: readonly T[],
  ref: Pick<GroupRef, "name" | "by">,
): T | undefined {
  const byName = groups.find((g) => g.name === ref.name);
  if (ref.by === "name") return byName;
  if (ref.by === "id") {
    return groups.find((g) => str(obj(obj(g.validationValue).spec).crossId) === ref.name) ?? byName;
  }
  return (
    groups.find((g) => {
      const namespace = str(obj(obj(g.validationValue).metadata).namespace) ?? "default";
      return `${namespace}-${g.name}` === ref.name;
    }) ?? byName
  );
}

/** What the repository's groups can be named by, for "did you mean" (names and cross ids). */
export function groupNames<T extends { name?: string | undefined; validationValue: unknown }>(
  groups: readonly T[],
  by: GroupRef["by"],
): string[] {
  const names = groups.map((g) => g.name).filter((n): n is string => n !== undefined);
  if (by !== "id") return names;
  const ids = groups.map((g) => str(obj(obj(g.validationValue).spec).crossId)).filter((n) => n !== undefined);
  return [...ids, ...names];
}

export function sharedPolicyGroupRefs(doc: LoadedDocument): GroupRef[] {
  if (doc.kind !== "ApiV4Definition") return [];
  const out: GroupRef[] = [];
  for (const flow of flowsOf(obj(doc.validationValue.spec)))
    for (const phase of GROUP_PHASES)
      for (const { item, index } of list(flow.item[phase])) {
        const ref = groupReference(item, `${flow.pointer}/${phase}/${index}`);
        if (ref) out.push({ ...ref, phase });
      }
  return out;
}
