// Links the consumer resources to the APIs they concern: each Subscription becomes data of the plan
// it subscribes to (with its Application: name, client id, metadata, certificates), each entry of an
// API's `spec.resources` that references a GKO ApiResource becomes that resource, and the
// Dictionaries the API's expressions name become its `dictionaries`. Keys stay
// references — an EnvValue or `{ $secret: { name, key } }` — so no secret ever reaches generated
// code. Subscriptions to a PUSH plan of an API with a webhook entrypoint also become that
// entrypoint's input (GKO's `consumerConfiguration`, its credentials as references too). An API
// without consumers is returned as it is; one with consumers gets a linked copy, reused while
// neither it nor its consumers change (watch mode keeps the emitted module).
import { createHash } from "node:crypto";
import { parseSecretRef } from "../../runtime/consumers/secret-ref.ts";
import { isObj, obj, str } from "../check/spec-view.ts";
import { isApiDocument, type LoadedDocument, setOwn } from "../load/load-specs.ts";
import { compare } from "../shared/compare.ts";
import { canonicalJson, modelValueAt } from "./build-model.ts";
import type {
  ApiModel,
  ModelValue,
  ResourceModel,
  SubscriptionModel,
  WebhookSubscriptionModel,
} from "./model.ts";

export type LinkCache = WeakMap<ApiModel, { key: string; linked: ApiModel }>;

export function linkConsumers(
  apis: ApiModel[],
  docs: readonly LoadedDocument[],
  cache?: LinkCache,
): ApiModel[] {
  const applications = new Map<string, LoadedDocument>();
  const resources = new Map<string, LoadedDocument>();
  const dictionaryDocs = new Map<string, LoadedDocument>();
  const byApi = new Map<string, LoadedDocument[]>();
  const apiDocs = new Map<string, LoadedDocument>();
  for (const doc of docs) {
    if (!doc.name) continue;
    if (isApiDocument(doc)) apiDocs.set(`${doc.kind}\0${doc.name}`, doc);
    else if (doc.kind === "Application") applications.set(doc.name, doc);
    else if (doc.kind === "ApiResource") resources.set(doc.name, doc);
    else if (doc.kind === "Dictionary" && !dictionaryDocs.has(doc.name)) dictionaryDocs.set(doc.name, doc);
    else if (doc.kind === "Subscription") {
      const api = obj(obj(doc.value.spec).api);
      const id = `${str(api.kind) ?? "ApiV4Definition"}\0${str(api.name)}`;
      byApi.set(id, [...(byApi.get(id) ?? []), doc]);
    }
  }
  return apis.map((api) => {
    const kind = api.definitionVersion === "V2" ? "ApiDefinition" : "ApiV4Definition";
    const subscriptionDocs = [...(byApi.get(`${kind}\0${api.id}`) ?? [])].sort((a, b) =>
      compare(a.name ?? "", b.name ?? ""),
    );
    const subscriptions = subscriptionDocs.map((doc) => subscriptionModel(doc, applications));
    const webhooks = webhookSubscriptions(api, subscriptionDocs, applications);
    const apiDoc = apiDocs.get(`${kind}\0${api.id}`);
    const apiResources = apiDoc ? resourcesOf(apiDoc, resources) : [];
    const dictionaries = dictionariesOf(api, dictionaryDocs);
    if (subscriptions.length === 0 && apiResources.length === 0 && dictionaries === undefined) return api;
    const key = canonicalJson({
      subscriptions,
      resources: apiResources,
      ...(webhooks.length > 0 ? { webhooks } : {}),
      ...(dictionaries !== undefined ? { dictionaries } : {}),
    });
    const hit = cache?.get(api);
    if (hit && hit.key === key) {
      hit.linked.ident = api.ident;
      return hit.linked;
    }
    const linked: ApiModel = {
      ...api,
      // The API's identity in /info and the bundle version follows its consumers too.
      hash: createHash("sha256").update(api.hash).update(key).digest("hex"),
      plans: api.plans.map((plan) => {
        // Certificates are read (from secrets) only where an MTLS plan matches them.
        const own = subscriptions
          .filter((s) => s.plan === plan.id)
          .map((s) => (plan.securityType === "MTLS" ? s.model : withoutCertificates(s.model)));
        return own.length > 0 ? { ...plan, subscriptions: own } : plan;
      }),
    };
    if (apiResources.length > 0) linked.resources = apiResources;
    if (dictionaries !== undefined) linked.dictionaries = dictionaries;
    if (webhooks.length > 0) linked.webhookSubscriptions = webhooks;
    cache?.set(api, { key, linked });
    return linked;
  });
}

/**
 * The Dictionaries an API's expressions name, by name (every one when a name is computed at run
 * time); a name no Dictionary has is left out (the check reports it: consumer/unknown-dictionary).
 */
function dictionariesOf(
  api: ApiModel,
  docs: ReadonlyMap<string, LoadedDocument>,
): Record<string, ModelValue> | undefined {
  if (api.dictionaryNames === undefined) return undefined;
  const names = api.dictionaryNames.includes("*") ? [...docs.keys()].sort(compare) : api.dictionaryNames;
  const out: Record<string, ModelValue> = {};
  for (const name of names) {
    const doc = docs.get(name);
    if (doc === undefined) continue;
    const properties = obj(doc.value.spec).properties;
    setOwn(out, name, modelValueAt(doc, isObj(properties) ? properties : {}, "/spec/properties"));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function withoutCertificates(model: SubscriptionModel): SubscriptionModel {
  if (!model.application.certificates) return model;
  const { certificates: _, ...application } = model.application;
  return { ...model, application };
}

function subscriptionModel(
  doc: LoadedDocument,
  applications: ReadonlyMap<string, LoadedDocument>,
): { plan: string; model: SubscriptionModel } {
  const spec = obj(doc.value.spec);
  const appName = str(obj(spec.application).name) ?? "";
  const appDoc = applications.get(appName);
  const appSpec = obj(appDoc?.value.spec);
  const app: SubscriptionModel["application"] = { id: appName, name: str(appSpec.name) ?? appName };
  const settings = obj(appSpec.settings);
  if (appDoc && str(obj(settings.app).clientId) !== undefined)
    app.clientId = modelValueAt(appDoc, obj(settings.app).clientId, "/spec/settings/app/clientId");
  if (appDoc) {
    const metadata = applicationMetadata(appDoc, appSpec.metadata);
    if (metadata !== undefined) app.metadata = metadata;
    const certificates = certificatesOf(appDoc, obj(settings.tls));
    if (certificates.length > 0) app.certificates = certificates;
  }
  const model: SubscriptionModel = { id: doc.name ?? "", application: app, at: { ...doc.at, pointer: "" } };
  if (str(spec.endingAt)) model.endingAt = str(spec.endingAt)!;
  if (Array.isArray(spec.apiKeys)) {
    model.apiKeys = spec.apiKeys.filter(isObj).map((k, i) => {
      const out: Record<string, ModelValue> = { key: keyValue(doc, k.key, `/spec/apiKeys/${i}/key`) };
      if (str(k.expireAt)) out.expireAt = str(k.expireAt)!;
      return out;
    });
  }
  if (isObj(spec.metadata)) model.metadata = modelValueAt(doc, spec.metadata, "/spec/metadata");
  return { plan: str(spec.plan) ?? "", model };
}

/**
 * An Application's `spec.metadata` as `#application.metadata` reads it: by entry name, its `value`
 * (else its `defaultValue`); entries with neither are absent.
 */
function applicationMetadata(doc: LoadedDocument, entries: unknown): Record<string, ModelValue> | undefined {
  if (!Array.isArray(entries)) return undefined;
  const out: Record<string, ModelValue> = {};
  entries.forEach((entry, i) => {
    if (!isObj(entry) || str(entry.name) === undefined) return;
    const field =
      str(entry.value) !== undefined
        ? "value"
        : str(entry.defaultValue) !== undefined
          ? "defaultValue"
          : undefined;
    if (field === undefined) return;
    setOwn(out, str(entry.name)!, modelValueAt(doc, entry[field], `/spec/metadata/${i}/${field}`));
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The webhook subscriptions of an API with a `webhook` entrypoint: its Subscriptions to a PUSH plan
 * whose `consumerConfiguration` names the webhook entrypoint (the check rules refuse the others).
 */
function webhookSubscriptions(
  api: ApiModel,
  docs: readonly LoadedDocument[],
  applications: ReadonlyMap<string, LoadedDocument>,
): WebhookSubscriptionModel[] {
  if (!api.entrypoints.some((e) => e.type === "webhook")) return [];
  const push = new Set(api.plans.filter((p) => p.mode === "PUSH").map((p) => p.id));
  const out: WebhookSubscriptionModel[] = [];
  for (const doc of docs) {
    const spec = obj(doc.value.spec);
    const plan = str(spec.plan) ?? "";
    const consumer = obj(spec.consumerConfiguration);
    if (!push.has(plan) || str(consumer.entrypointId) !== "webhook") continue;
    const pointer = "/spec/consumerConfiguration/entrypointConfiguration";
    const { signingSecret, ...rest } = obj(consumer.entrypointConfiguration);
    const appName = str(obj(spec.application).name) ?? "";
    const appSpec = obj(applications.get(appName)?.value.spec);
    const model: WebhookSubscriptionModel = {
      id: doc.name ?? "",
      plan,
      application: { id: appName, name: str(appSpec.name) ?? appName },
      configuration: withSecretRefs(modelValueAt(doc, rest, pointer)),
      at: { ...doc.at, pointer: "/spec/consumerConfiguration" },
    };
    if (str(consumer.channel) !== undefined) model.channel = str(consumer.channel)!;
    if (signingSecret !== undefined)
      model.signingSecret = keyValue(doc, signingSecret, `${pointer}/signingSecret`);
    out.push(model);
  }
  return out;
}

/** Every well-formed secret template in a value as `{ $secret }` (the runtime reads it when used). */
export function withSecretRefs(value: ModelValue): ModelValue {
  if (typeof value === "string") {
    const secret = parseSecretRef(value);
    return secret ? { $secret: { name: secret.name, key: secret.key } } : value;
  }
  if (Array.isArray(value)) return value.map(withSecretRefs);
  if (value === null || typeof value !== "object" || value.constructor !== Object) return value;
  const out: Record<string, ModelValue> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withSecretRefs(v);
  return out;
}

/** A secret template as `{ $secret }`; anything else (an environment reference) as its model value. */
function keyValue(doc: LoadedDocument, value: unknown, pointer: string): ModelValue {
  const secret = typeof value === "string" ? parseSecretRef(value) : undefined;
  if (secret) return { $secret: { name: secret.name, key: secret.key } };
  return modelValueAt(doc, value, pointer);
}

function certificatesOf(doc: LoadedDocument, tls: Record<string, unknown>): ModelValue[] {
  const out: ModelValue[] = [];
  if (str(tls.clientCertificate))
    out.push({
      content: keyValue(doc, tls.clientCertificate, "/spec/settings/tls/clientCertificate"),
    });
  const list = Array.isArray(tls.clientCertificates) ? tls.clientCertificates : [];
  list.forEach((c: unknown, i) => {
    if (!isObj(c)) return;
    const pointer = `/spec/settings/tls/clientCertificates/${i}`;
    const ref = obj(c.ref);
    const content = str(ref.name)
      ? { $secret: { name: str(ref.name)!, key: str(ref.key) ?? "tls.crt" } }
      : c.content !== undefined
        ? keyValue(doc, c.content, `${pointer}/content`)
        : undefined;
    if (content === undefined) return;
    const cert: Record<string, ModelValue> = { content };
    for (const field of ["name", "startsAt", "endsAt"] as const)
      if (str(c[field])) cert[field] = str(c[field])!;
    if (c.encoded === true) cert.encoded = true;
    out.push(cert);
  });
  return out;
}

/** `spec.resources` of an API: inline ones as written, references replaced by their ApiResource. */
function resourcesOf(
  apiDoc: LoadedDocument,
  resources: ReadonlyMap<string, LoadedDocument>,
): ResourceModel[] {
  const list = obj(apiDoc.value.spec).resources;
  if (!Array.isArray(list)) return [];
  const out: ResourceModel[] = [];
  list.forEach((entry: unknown, i) => {
    if (!isObj(entry)) return;
    const refName = str(obj(entry.ref).name);
    const doc = refName ? resources.get(refName) : apiDoc;
    if (!doc) return;
    const pointer = refName ? "/spec" : `/spec/resources/${i}`;
    const spec = refName ? obj(doc.value.spec) : entry;
    out.push({
      name: str(spec.name) ?? refName ?? "",
      type: str(spec.type) ?? "",
      enabled: spec.enabled !== false,
      configuration: modelValueAt(doc, spec.configuration ?? {}, `${pointer}/configuration`),
      at: { ...doc.at, pointer },
    });
  });
  return out;
}
