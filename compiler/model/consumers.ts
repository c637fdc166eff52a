// Links the consumer resources to the APIs they concern: each Subscription becomes data of the plan
// it subscribes to (with its Application: name, client id, certificates), and each entry of an
// API's `spec.resources` that references a GKO ApiResource becomes that resource. Keys stay
// references — an EnvValue or `{ $secret: { name, key } }` — so no secret ever reaches generated
// code. An API without consumers is returned as it is; one with consumers gets a linked copy,
// reused while neither it nor its consumers change (watch mode keeps the emitted module).
import { createHash } from "node:crypto";
import { parseSecretRef } from "../../runtime/consumers/secret-ref.ts";
import { isObj, obj, str } from "../check/spec-view.ts";
import { isApiDocument, type LoadedDocument } from "../load/load-specs.ts";
import { compare } from "../shared/compare.ts";
import { canonicalJson, modelValueAt } from "./build-model.ts";
import type { ApiModel, ModelValue, ResourceModel, SubscriptionModel } from "./model.ts";

export type LinkCache = WeakMap<ApiModel, { key: string; linked: ApiModel }>;

export function linkConsumers(
  apis: ApiModel[],
  docs: readonly LoadedDocument[],
  cache?: LinkCache,
): ApiModel[] {
  const applications = new Map<string, LoadedDocument>();
  const resources = new Map<string, LoadedDocument>();
  const byApi = new Map<string, LoadedDocument[]>();
  const apiDocs = new Map<string, LoadedDocument>();
  for (const doc of docs) {
    if (!doc.name) continue;
    if (isApiDocument(doc)) apiDocs.set(`${doc.kind}\0${doc.name}`, doc);
    else if (doc.kind === "Application") applications.set(doc.name, doc);
    else if (doc.kind === "ApiResource") resources.set(doc.name, doc);
    else if (doc.kind === "Subscription") {
      const api = obj(obj(doc.value.spec).api);
      const id = `${str(api.kind) ?? "ApiV4Definition"}\0${str(api.name)}`;
      byApi.set(id, [...(byApi.get(id) ?? []), doc]);
    }
  }
  return apis.map((api) => {
    const kind = api.definitionVersion === "V2" ? "ApiDefinition" : "ApiV4Definition";
    const subscriptions = [...(byApi.get(`${kind}\0${api.id}`) ?? [])]
      .sort((a, b) => compare(a.name ?? "", b.name ?? ""))
      .map((doc) => subscriptionModel(doc, applications));
    const apiDoc = apiDocs.get(`${kind}\0${api.id}`);
    const apiResources = apiDoc ? resourcesOf(apiDoc, resources) : [];
    if (subscriptions.length === 0 && apiResources.length === 0) return api;
    const key = canonicalJson({ subscriptions, resources: apiResources });
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
    cache?.set(api, { key, linked });
    return linked;
  });
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
  if (isObj(spec.consumerConfiguration))
    model.consumerConfiguration = modelValueAt(
      doc,
      spec.consumerConfiguration,
      "/spec/consumerConfiguration",
    );
  return { plan: str(spec.plan) ?? "", model };
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
