// Stage 4, model: turn checked documents into the intermediate representation of ./model.ts.
// Environment references become EnvValue nodes, Gravitee EL in conditions and policy templates is
// compiled to TypeScript here (so a bad expression is a diagnostic on its YAML line), paths are
// normalised, and the route table gets its explicit precedence.
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { KAFKA_ATTRIBUTE_PREFIX, KAFKA_EL_FIELDS } from "../../runtime/endpoints/kafka/dynamic.ts";
import { MESSAGE_ENDPOINTS } from "../../runtime/message/connectors.ts";
import { findGroup, groupReference, SHARED_POLICY_GROUP_POLICY } from "../check/consumer-view.ts";
import { isObj, obj, str } from "../check/spec-view.ts";
import type { Diagnostic, SourceRef } from "../diagnostics/diagnostic.ts";
import { joinPointer, parsePointer } from "../diagnostics/diagnostic.ts";
import { compileCached, saveExpressionCache } from "../expression/expression-cache.ts";
import { expressionDiagnostic } from "../expression/expression-diagnostics.ts";
import type { ExpressionError } from "../expression/expression-error.ts";
import { translateJavaRegex } from "../expression/java-regex.ts";
import { hasTemplate } from "../expression/parse-expression.ts";
import { scanEnvTemplate } from "../load/env-refs.ts";
import { type EnvSite, isApiDocument, type LoadedDocument, setOwn } from "../load/load-specs.ts";
import { compare } from "../shared/compare.ts";
import { normalisePath } from "../shared/paths.ts";
import { canonicalPolicyId } from "../validate/schemas.ts";
import { type LinkCache, linkConsumers } from "./consumers.ts";
import { safeIdentifier } from "./identifiers.ts";
import { prepareScript } from "./javascript-script.ts";
import { compileJsonSchema } from "./json-schema-validator.ts";
import type { checkMessageSchemas } from "./message-schemas.ts";
import {
  type ApiModel,
  CompiledSchemaValue,
  ElValue,
  type EndpointGroupModel,
  type EnvKind,
  EnvTemplateValue,
  EnvValue,
  type FlowModel,
  type GatewayModel,
  type ModelValue,
  type PlanModel,
  ScriptValue,
  type SelectorModel,
  type StepModel,
} from "./model.ts";
import { linkNotifications } from "./notifications.ts";
import { routeOrder } from "./routes.ts";
import { schemaKindAt } from "./schema-kind.ts";
import type { checkXmlSchema } from "./xml-schemas.ts";

type Obj = Record<string, unknown>;

/**
 * Policy configuration fields that hold an EL condition rather than a template: compiled to
 * `(el) => boolean` instead of `(el) => string`, so the policy gets a predicate (and a non-boolean
 * expression is a diagnostic on its YAML line, like any flow condition). A Map: it is looked up by
 * the policy name the user wrote, and `constructor` is no key of it.
 */
const CONDITION_FIELDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["message-filtering", ["filter"]],
  ["http-callout", ["errorCondition"]],
  ["retry", ["condition"]],
]);

/**
 * Policy configuration fields that hold a JSON Schema as text: compiled at build time into a
 * standalone validator (./json-schema-validator.ts), so that the gateway never imports ajv.
 */
const SCHEMA_FIELDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["json-validation", ["schema", "schemaSource/staticSchema"]],
]);

/**
 * Policy configuration fields that hold a Java regular expression matched against a whole value
 * (Matcher.matches()): a literal one is translated now (../expression/java-regex.ts), so its Java
 * syntax means what it means in Gravitee and a construct JavaScript lacks is an error on its line;
 * the policy gets `{ source, flags }`, anchored. `*` stands for every item of a list.
 */
const REGEX_FIELDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["dynamic-routing", ["rules/*/pattern"]],
]);

/**
 * Policies whose schemas or selectors the compiler reads and parses (./message-schemas.ts, loaded
 * by the pipeline only when a document uses one: its parsers take a while to load).
 */
const MESSAGE_SCHEMA_POLICIES: ReadonlySet<string> = new Set(["avro-json", "protobuf-json", "html-json"]);
const MESSAGE_SCHEMA_STEP = /"policy":"(avro-json|protobuf-json|html-json)"/;

/** Whether a document has a step of a MESSAGE_SCHEMA_POLICIES policy. */
export function usesMessageSchemas(doc: LoadedDocument): boolean {
  return MESSAGE_SCHEMA_STEP.test(JSON.stringify(doc.value));
}

/** Whether a document has an `xml-validation` step (its XSD is compiled by ./xml-schemas.ts). */
export function usesXmlSchemas(doc: LoadedDocument): boolean {
  return JSON.stringify(doc.value).includes('"policy":"xml-validation"');
}

export interface BuildModelOptions {
  /** What the documents' file names are relative to (files a spec names are read from there). */
  cwd?: string;
  /** The check of ./message-schemas.ts, when a document uses one of its policies. */
  messageSchemas?: typeof checkMessageSchemas;
  /** The check of ./xml-schemas.ts, when a document uses xml-validation. */
  xmlSchemas?: typeof checkXmlSchema;
}

/**
 * Policy configuration fields that hold a JavaScript script: compiled into the gateway as a typed
 * function (./javascript-script.ts), never evaluated at run time.
 */
const SCRIPT_FIELDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  [
    "javascript",
    ["script", "onRequestScript", "onResponseScript", "onRequestContentScript", "onResponseContentScript"],
  ],
]);

/** The CONDITION_FIELDS of a step's `policy` (none when it is not a known policy name). */
function conditionFields(policy: unknown): readonly string[] {
  return (typeof policy === "string" ? CONDITION_FIELDS.get(canonicalPolicyId(policy)) : undefined) ?? [];
}

/** Linked models by API model (watch mode): unchanged consumers keep the same linked object. */
const linkCache: LinkCache = new WeakMap();

/**
 * Models by document, with the diagnostics building them gave and the SharedPolicyGroups inlined
 * into them (watch mode reuses a model while the same group documents are there).
 */
export type ModelCache = WeakMap<
  LoadedDocument,
  { api: ApiModel; diagnostics: Diagnostic[]; groups: ReadonlyMap<string, LoadedDocument> }
>;

/** The SharedPolicyGroups of the repository by `metadata.name` (the first of a name wins). */
function sharedPolicyGroups(docs: readonly LoadedDocument[]): Map<string, LoadedDocument> {
  const out = new Map<string, LoadedDocument>();
  for (const doc of docs)
    if (doc.kind === "SharedPolicyGroup" && doc.name && !out.has(doc.name)) out.set(doc.name, doc);
  return out;
}

function sameGroups(
  used: ReadonlyMap<string, LoadedDocument>,
  now: ReadonlyMap<string, LoadedDocument>,
): boolean {
  for (const [name, doc] of used) if (now.get(name) !== doc) return false;
  return true;
}

export function buildModel(
  docs: readonly LoadedDocument[],
  cache?: ModelCache,
  options: BuildModelOptions = {},
): {
  model: GatewayModel;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const groups = sharedPolicyGroups(docs);
  const apis = docs
    .filter(isApiDocument)
    .sort((a, b) => compare(a.name ?? "", b.name ?? ""))
    .map((doc) => {
      let hit = cache?.get(doc);
      if (!hit || !sameGroups(hit.groups, groups)) {
        const found: Diagnostic[] = [];
        const builder = new ApiBuilder(doc, found, groups, new Set(), options);
        hit = { api: builder.build(), diagnostics: found, groups: builder.groupsUsed };
        cache?.set(doc, hit);
      }
      diagnostics.push(...hit.diagnostics);
      return hit.api;
    });
  // Identifiers are unique across the APIs, first come (in name order) first served: assigned
  // afresh every time, as a reused model may meet a new neighbour.
  const idents = new Set<string>();
  for (const api of apis) {
    let ident = safeIdentifier(api.id);
    for (let n = 2; idents.has(ident); n++) ident = `${safeIdentifier(api.id)}${n}`;
    idents.add(ident);
    api.ident = ident;
  }
  const linked = linkNotifications(linkConsumers(apis, docs, cache ? linkCache : undefined), docs);
  // An expression error in a SharedPolicyGroup's step is found once per API that inlines it.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}\0${d.at.file}\0${d.at.doc}\0${d.at.pointer}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const routes = linked.flatMap((api) => api.paths.map((p) => ({ ...p, api: api.id }))).sort(routeOrder);
  saveExpressionCache();
  return { model: { apis: linked, routes }, diagnostics: unique };
}

/**
 * The broker endpoints: their plugins evaluate EL in string properties (Gravitee's
 * ConfigurationEvaluator). The mock endpoint's configuration is data.
 */
const MESSAGE_ENDPOINT_TYPES: ReadonlySet<string> = new Set(MESSAGE_ENDPOINTS.filter((t) => t !== "mock"));

/** Shared-configuration properties (dotted paths) whose EL Sluice renders per request, by endpoint type. */
const DYNAMIC_ENDPOINT_FIELDS: Readonly<Record<string, readonly string[]>> = { kafka: KAFKA_EL_FIELDS };

/** Keys whose string value is a whole-value EL condition (docs/contract.md: conditions, assertions). */
const CONDITION_KEYS = new Set(["condition", "messageCondition", "selectionRule", "assertion"]);

/**
 * The expression diagnostics of a document that has other errors (and so gets no model): every
 * condition is compiled, and every templated string in a step configuration.
 */
export function checkExpressions(doc: LoadedDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Segments from `/spec` to the node being walked: its pointer is only built for a diagnostic.
  const path: Array<string | number> = [];
  const compile = (kind: "condition" | "template", source: string) => {
    const r = compileCached(kind, source);
    if (!r.ok)
      diagnostics.push(expressionDiagnostic(r.error, { ...doc.at, pointer: joinPointer("/spec", ...path) }));
  };
  // `conditions`: the fields of the enclosing step's configuration compiled as conditions
  // (CONDITION_FIELDS); undefined outside a step configuration.
  const walk = (node: unknown, key: string | undefined, conditions?: readonly string[]): void => {
    if (typeof node === "string") {
      if (key && (CONDITION_KEYS.has(key) || conditions?.includes(key)) && node.trim() !== "") {
        compile("condition", node);
      } else if (conditions && hasTemplate(node)) {
        compile("template", node);
      }
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], undefined, conditions);
        path.pop();
      }
    } else if (node !== null && typeof node === "object") {
      const policy = (node as Record<string, unknown>).policy;
      for (const k of Object.keys(node)) {
        const inner = k === "configuration" ? conditionFields(policy) : conditions;
        path.push(k);
        walk((node as Record<string, unknown>)[k], k, inner);
        path.pop();
      }
    }
  };
  walk(doc.value.spec, "spec");
  return diagnostics;
}

/** Environment references at and under one place of a document. */
interface EnvNode {
  site?: EnvSite;
  children?: Map<string, EnvNode>;
}

/** Where ApiBuilder.valueIn is: the pointer it started at and the segments since. */
interface ValueContext {
  base: string;
  path: Array<string | number>;
  expressions: boolean;
}

/** The model value of the node at `pointer` of any document: environment references made explicit. */
export function modelValueAt(doc: LoadedDocument, node: unknown, pointer: string): ModelValue {
  return new ApiBuilder(doc, []).value(node, pointer);
}

class ApiBuilder {
  private readonly env: Map<string, EnvSite>;
  /** The same references as a tree of pointer segments, so values are walked without pointers. */
  private envRoot: EnvNode | undefined;
  private readonly doc: LoadedDocument;
  private readonly diagnostics: Diagnostic[];
  /** ElContext paths read by the API's expressions (bodies to buffer), its groups' steps' included. */
  private readonly uses: Set<string>;
  private readonly groups: ReadonlyMap<string, LoadedDocument>;
  /** The SharedPolicyGroups whose steps this API's flows inline, by name. */
  readonly groupsUsed = new Map<string, LoadedDocument>();
  private readonly options: BuildModelOptions;

  constructor(
    doc: LoadedDocument,
    diagnostics: Diagnostic[],
    groups: ReadonlyMap<string, LoadedDocument> = new Map(),
    uses: Set<string> = new Set(),
    options: BuildModelOptions = {},
  ) {
    this.doc = doc;
    this.options = options;
    this.diagnostics = diagnostics;
    this.groups = groups;
    this.uses = uses;
    this.env = new Map(doc.envSites.map((s) => [s.pointer, s]));
  }

  private envTree(): EnvNode {
    if (this.envRoot) return this.envRoot;
    const root: EnvNode = {};
    for (const [pointer, site] of this.env) {
      let node = root;
      for (const segment of parsePointer(pointer)) {
        node.children ??= new Map();
        let child = node.children.get(segment);
        if (!child) {
          child = {};
          node.children.set(segment, child);
        }
        node = child;
      }
      node.site = site;
    }
    this.envRoot = root;
    return root;
  }

  build(): ApiModel {
    const { doc } = this;
    const spec = obj(doc.value.spec);
    const id = doc.name ?? "unnamed";
    const v2 = doc.kind === "ApiDefinition";
    const base: Omit<ApiModel, "entrypoints" | "endpointGroups" | "paths" | "stripContextPath"> = {
      id,
      ident: "", // assigned by buildModel, unique across the APIs
      name: str(spec.name) ?? id,
      version: String(spec.version ?? "1.0.0"),
      type: v2 ? "PROXY" : (spec.type as "PROXY" | "MESSAGE"),
      definitionVersion: v2 ? "V2" : "V4",
      source: doc.source,
      hash: "", // computed when first read: see lazyHash
      plans: this.plans(spec),
      flows: this.flows(spec.flows, "/spec/flows", v2),
      flowExecution: v2
        ? { mode: spec.flow_mode === "BEST_MATCH" ? "BEST_MATCH" : "DEFAULT", matchRequired: false }
        : {
            mode: obj(spec.flowExecution).mode === "BEST_MATCH" ? "BEST_MATCH" : "DEFAULT",
            matchRequired: obj(spec.flowExecution).matchRequired === true,
          },
      properties: this.properties(spec.properties),
      at: doc.at,
    };
    if (spec.failover !== undefined) base.failover = this.value(spec.failover, "/spec/failover");
    if (spec.responseTemplates !== undefined)
      base.responseTemplates = this.value(spec.responseTemplates, "/spec/responseTemplates", {
        expressions: true,
      });
    if (v2 && obj(spec.proxy).failover !== undefined)
      base.failover = this.v2Failover(obj(obj(spec.proxy).failover));
    // Gravitee reads CORS from the first HTTP listener (v4) or from `proxy.cors` (v2).
    const listeners = (spec.listeners as Obj[] | undefined) ?? [];
    const httpListener = listeners.findIndex((l) => l.type === "HTTP");
    if (v2 && obj(spec.proxy).cors !== undefined)
      base.cors = this.value(obj(spec.proxy).cors, "/spec/proxy/cors");
    else if (!v2 && httpListener >= 0 && listeners[httpListener]!.cors !== undefined)
      base.cors = this.value(listeners[httpListener]!.cors, `/spec/listeners/${httpListener}/cors`);
    // OpenTelemetry tracing (Gravitee 4.x `analytics.tracing`; v2 APIs have none).
    const tracing = obj(obj(spec.analytics).tracing);
    if (!v2 && tracing.enabled === true) base.tracing = { verbose: tracing.verbose === true };
    const api: ApiModel = v2 ? { ...base, ...this.v2Proxy(spec) } : { ...base, ...this.v4Connectors(spec) };
    const analytics = this.analytics(spec, v2);
    if (analytics !== undefined) api.analytics = analytics;
    const request = this.uses.has("request.content");
    const response = this.uses.has("response.content");
    if (request || response) api.bodies = { request, response };
    const dictionaryNames = [...this.uses]
      .filter((use) => use.startsWith("dictionaries."))
      .map((use) => use.slice("dictionaries.".length))
      .sort(compare);
    if (dictionaryNames.length > 0) api.dictionaryNames = dictionaryNames;
    // A changed group changes every API that inlines it.
    lazyHash(
      api,
      this.groupsUsed.size === 0
        ? doc.value
        : { api: doc.value, groups: [...this.groupsUsed].map(([name, group]) => [name, group.value]) },
    );
    return api;
  }

  /**
   * v4 `analytics` and v2 `proxy.logging` in one shape (contract.ts AnalyticsDefinition): Gravitee's
   * defaults (analytics on, no content logged), conditions compiled like every other expression (a
   * bad one is an error on its line). A condition reading `#request.content` buffers the body, as
   * anywhere else; so does payload logging (the logged payload is the buffered body).
   */
  private analytics(spec: Obj, v2: boolean): ModelValue | undefined {
    const out: { [key: string]: ModelValue } = {};
    let logging: Obj;
    let base: string;
    let hops: { entrypoint: boolean; endpoint: boolean };
    let phases: { request: boolean; response: boolean };
    let content: Record<string, boolean>;
    if (v2) {
      logging = obj(obj(spec.proxy).logging);
      base = "/spec/proxy/logging";
      const mode = str(logging.mode) ?? "NONE";
      const scope = str(logging.scope) ?? "REQUEST_RESPONSE";
      const what = str(logging.content) ?? "HEADERS_PAYLOADS";
      if (obj(spec.proxy).logging === undefined) return undefined;
      out.enabled = true;
      if (mode === "NONE") return out;
      hops = { entrypoint: mode.includes("CLIENT"), endpoint: mode.includes("PROXY") };
      phases = { request: scope.includes("REQUEST"), response: scope.includes("RESPONSE") };
      content = { headers: what.includes("HEADERS"), payload: what.includes("PAYLOADS") };
    } else {
      const analytics = obj(spec.analytics);
      if (spec.analytics === undefined) return undefined;
      out.enabled = analytics.enabled !== false;
      const sampling = obj(analytics.sampling);
      if (typeof sampling.type === "string")
        out.sampling = {
          type: sampling.type,
          ...(typeof sampling.value === "string" ? { value: sampling.value } : {}),
        };
      if (analytics.logging === undefined) return out;
      logging = obj(analytics.logging);
      base = "/spec/analytics/logging";
      const mode = obj(logging.mode);
      const phase = obj(logging.phase);
      hops = { entrypoint: mode.entrypoint === true, endpoint: mode.endpoint === true };
      phases = { request: phase.request === true, response: phase.response === true };
      content = obj(logging.content) as Record<string, boolean>;
    }
    const flag = (key: string) => content[key] === true;
    const model: { [key: string]: ModelValue } = {
      ...hops,
      ...phases,
      headers: flag("headers"),
      payload: flag("payload"),
      messageHeaders: flag("messageHeaders"),
      messagePayload: flag("messagePayload"),
      messageMetadata: flag("messageMetadata"),
    };
    for (const key of ["condition", "messageCondition"]) {
      const source = str(logging[key]);
      if (!source) continue;
      const el = this.condition(source, `${base}/${key}`);
      if (el) model[key] = el;
    }
    if (model.payload === true && hops.entrypoint) {
      if (phases.request) this.uses.add("request.content");
      if (phases.response) this.uses.add("response.content");
    }
    out.logging = model;
    return out;
  }

  private v4Connectors(
    spec: Obj,
  ): Pick<ApiModel, "entrypoints" | "endpointGroups" | "paths" | "stripContextPath"> {
    const paths: ApiModel["paths"] = [];
    const entrypoints: ApiModel["entrypoints"] = [];
    (spec.listeners as Obj[] | undefined)?.forEach((listener, li) => {
      if (listener.type === "HTTP") {
        for (const p of (listener.paths as Obj[] | undefined) ?? []) {
          const host = str(p.host);
          paths.push(
            host
              ? { host: host.toLowerCase(), path: normalisePath(String(p.path)) }
              : { path: normalisePath(String(p.path)) },
          );
        }
      }
      (listener.entrypoints as Obj[] | undefined)?.forEach((ep, ei) => {
        const pointer = `/spec/listeners/${li}/entrypoints/${ei}`;
        const model: ApiModel["entrypoints"][number] = {
          type: String(ep.type),
          qos: str(ep.qos) ?? "AUTO",
          configuration: this.value(ep.configuration ?? {}, `${pointer}/configuration`),
          at: this.ref(pointer),
        };
        if (ep.dlq !== undefined) model.dlq = this.value(ep.dlq, `${pointer}/dlq`);
        entrypoints.push(model);
      });
    });
    const endpointGroups: EndpointGroupModel[] = ((spec.endpointGroups as Obj[] | undefined) ?? []).map(
      (group, gi) => {
        const gp = `/spec/endpointGroups/${gi}`;
        return {
          name: String(group.name),
          type: String(group.type),
          loadBalancer: str(obj(group.loadBalancer).type) ?? "ROUND_ROBIN",
          at: this.ref(gp),
          endpoints: ((group.endpoints as Obj[] | undefined) ?? []).map((ep, ei) => {
            const ptr = `${gp}/endpoints/${ei}`;
            const inherit = ep.inheritConfiguration === true;
            const endpoint: EndpointGroupModel["endpoints"][number] = {
              name: String(ep.name),
              type: String(ep.type),
              weight: typeof ep.weight === "number" ? ep.weight : 1,
              secondary: ep.secondary === true,
              configuration: this.endpointValue(ep.type, ep.configuration ?? {}, `${ptr}/configuration`),
              shared: inherit
                ? this.endpointValue(
                    group.type,
                    group.sharedConfiguration ?? {},
                    `${gp}/sharedConfiguration`,
                    true,
                  )
                : this.endpointValue(
                    ep.type,
                    ep.sharedConfigurationOverride ?? {},
                    `${ptr}/sharedConfigurationOverride`,
                    true,
                  ),
              at: this.ref(ptr),
            };
            const hc = obj(obj(ep.services).healthCheck ?? obj(group.services).healthCheck);
            if (hc.enabled === true) {
              const source = obj(ep.services).healthCheck
                ? `${ptr}/services/healthCheck`
                : `${gp}/services/healthCheck`;
              const value = this.value(hc, source) as Record<string, ModelValue>;
              const assertion = str(obj(hc.configuration).assertion);
              if (assertion && value.configuration && typeof value.configuration === "object") {
                const el = this.condition(assertion, `${source}/configuration/assertion`);
                (value.configuration as Record<string, ModelValue>).assertion = el ?? null;
              }
              endpoint.healthCheck = value;
            }
            return endpoint;
          }),
        };
      },
    );
    return { paths, entrypoints, endpointGroups, stripContextPath: true };
  }

  /** v2: one http-proxy entrypoint over the proxy groups, the shape of a v4 PROXY API. */
  private v2Proxy(
    spec: Obj,
  ): Pick<ApiModel, "entrypoints" | "endpointGroups" | "paths" | "stripContextPath"> {
    const proxy = obj(spec.proxy);
    const paths = ((proxy.virtual_hosts as Obj[] | undefined) ?? []).map((vh) => {
      const host = str(vh.host);
      return host
        ? { host: host.toLowerCase(), path: normalisePath(String(vh.path)) }
        : { path: normalisePath(String(vh.path)) };
    });
    const endpointGroups: EndpointGroupModel[] = ((proxy.groups as Obj[] | undefined) ?? []).map(
      (group, gi) => {
        const gp = `/spec/proxy/groups/${gi}`;
        const groupCheck = obj(obj(group.services)["health-check"]);
        return {
          name: String(group.name ?? "default"),
          type: "http-proxy",
          loadBalancer: str(obj(group.load_balancing).type) ?? "ROUND_ROBIN",
          at: this.ref(gp),
          endpoints: ((group.endpoints as Obj[] | undefined) ?? []).map((ep, ei) => {
            const ptr = `${gp}/endpoints/${ei}`;
            // v2 endpoints inherit the group's http/ssl/headers unless `inherit: false`.
            const own = ep.inherit === false;
            const endpoint: EndpointGroupModel["endpoints"][number] = {
              name: String(ep.name),
              type: "http-proxy",
              weight: typeof ep.weight === "number" ? ep.weight : 1,
              secondary: ep.backup === true,
              configuration: { target: this.value(ep.target, `${ptr}/target`) },
              shared: this.v2Shared(
                own ? ep : group,
                own ? ptr : gp,
                proxy.preserve_host === true,
                ep.type === "grpc",
              ),
              at: this.ref(ptr),
            };
            const epCheck = obj(ep.healthcheck);
            const useOwn = ep.healthcheck !== undefined && epCheck.inherit !== true;
            const check = this.v2HealthCheck(
              useOwn ? epCheck : groupCheck,
              useOwn ? `${ptr}/healthcheck` : `${gp}/services/health-check`,
            );
            if (check) endpoint.healthCheck = check;
            return endpoint;
          }),
        };
      },
    );
    return {
      paths,
      entrypoints: [{ type: "http-proxy", qos: "AUTO", configuration: {}, at: this.ref("/spec/proxy") }],
      endpointGroups,
      stripContextPath: proxy.strip_context_path !== false,
    };
  }

  /** A v2 group's (or endpoint's) http/ssl/headers as v4 shared configuration. */
  private v2Shared(src: Obj, pointer: string, preserveHost: boolean, grpc: boolean): ModelValue {
    const out: Record<string, ModelValue> = {};
    if (src.http !== undefined || preserveHost || grpc) {
      const http = { ...(obj(this.value(src.http ?? {}, `${pointer}/http`)) as Record<string, ModelValue>) };
      if (preserveHost) http.propagateClientHost = true;
      if (grpc) http.version = "HTTP_2";
      out.http = http;
    }
    if (src.ssl !== undefined) out.ssl = this.value(src.ssl, `${pointer}/ssl`);
    if (Array.isArray(src.headers)) out.headers = this.value(src.headers, `${pointer}/headers`);
    else if (src.headers !== undefined) {
      // v2 group headers are a map; v4's are a list of {name, value}.
      out.headers = Object.entries(obj(src.headers)).map(([name, value]) => ({
        name,
        value: this.value(value, joinPointer(`${pointer}/headers`, name)),
      }));
    }
    return out;
  }

  /** v2 `health-check` (schedule + steps with assertions) as the v4 http-health-check shape. */
  private v2HealthCheck(check: Obj, pointer: string): ModelValue | undefined {
    if (check.enabled !== true) return undefined;
    const step = obj((check.steps as Obj[] | undefined)?.[0]);
    const request = obj(step.request);
    const assertions = ((obj(step.response).assertions as unknown[] | undefined) ?? []).map(String);
    const configuration: Record<string, ModelValue> = {
      target: request.path === undefined ? "/" : this.value(request.path, `${pointer}/steps/0/request/path`),
      method: str(request.method) ?? "GET",
      overrideEndpointPath: request.fromRoot === true,
    };
    if (check.schedule !== undefined)
      configuration.schedule = this.value(check.schedule, `${pointer}/schedule`);
    if (request.headers !== undefined)
      configuration.headers = this.value(request.headers, `${pointer}/steps/0/request/headers`);
    if (request.body !== undefined)
      configuration.body = this.value(request.body, `${pointer}/steps/0/request/body`);
    if (assertions.length > 0) {
      // Every assertion must hold: one condition joining them.
      const joined = assertions.map((a) => `(${a.trim().replace(/^\{(.*)\}$/s, "$1")})`).join(" && ");
      configuration.assertion =
        this.condition(`{${joined}}`, `${pointer}/steps/0/response/assertions`) ?? null;
    }
    // v2 has no thresholds: one result moves the endpoint, as in Gravitee v2.
    configuration.successThreshold = 1;
    configuration.failureThreshold = 1;
    return { enabled: true, type: "http-health-check", configuration };
  }

  /** v2 `proxy.failover` (maxAttempts, retryTimeout) as v4 failover without a circuit breaker. */
  private v2Failover(failover: Obj): ModelValue {
    return {
      enabled: true,
      maxRetries: typeof failover.maxAttempts === "number" ? failover.maxAttempts : 1,
      slowCallDuration: typeof failover.retryTimeout === "number" ? failover.retryTimeout : 10_000,
      maxFailures: 2_147_483_647,
      perSubscription: false,
    };
  }

  private plans(spec: Obj): PlanModel[] {
    const v2 = Array.isArray(spec.plans);
    const entries: Array<[string, Obj, string]> = v2
      ? (spec.plans as Obj[]).map((p, i) => [str(p.id) ?? str(p.name) ?? String(i), p, `/spec/plans/${i}`])
      : Object.entries(obj(spec.plans)).map(([k, p]) => [k, obj(p), joinPointer("/spec/plans", k)]);
    // Gravitee deploys PUBLISHED and DEPRECATED plans only: a STAGING or CLOSED plan takes no traffic.
    const deployed = entries.filter(([, plan]) => plan.status !== "STAGING" && plan.status !== "CLOSED");
    return deployed.map(([key, plan, pointer]) => {
      const security = plan.security;
      const securityType = typeof security === "string" ? security : str(obj(security).type);
      const securityConfig =
        typeof security === "string"
          ? this.securityDefinition(plan.securityDefinition, `${pointer}/securityDefinition`)
          : this.value(obj(security).configuration ?? {}, `${pointer}/security/configuration`);
      const model: PlanModel = {
        id: key,
        name: str(plan.name) ?? key,
        mode: plan.mode === "PUSH" ? "PUSH" : "STANDARD",
        securityConfiguration: securityConfig,
        flows: this.flows(plan.flows, `${pointer}/flows`, v2),
        at: this.ref(pointer),
      };
      if (securityType) model.securityType = securityType;
      const rule = str(plan.selectionRule);
      if (rule) {
        const el = this.condition(rule, `${pointer}/selectionRule`);
        if (el) model.selectionRule = el;
      }
      return model;
    });
  }

  /**
   * v2 `securityDefinition` is a JSON string in Gravitee exports, an object in GKO. In the string,
   * `${ENV}` references inside JSON values (a JWT key, `"resolverParameter":"${JWT_KEY}"`) are
   * references like anywhere else, resolved at start-up.
   */
  private securityDefinition(value: unknown, pointer: string): ModelValue {
    if (typeof value === "string") {
      const withEnv = (node: unknown): ModelValue => {
        if (typeof node === "string") {
          const template = scanEnvTemplate(node);
          return template === null || !("parts" in template) ? node : this.envValue({ pointer, template });
        }
        if (Array.isArray(node)) return node.map(withEnv);
        if (node !== null && typeof node === "object")
          return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withEnv(v)]));
        return node as ModelValue;
      };
      try {
        return withEnv(JSON.parse(value));
      } catch {
        return {};
      }
    }
    return value === undefined ? {} : this.value(value, pointer);
  }

  private flows(value: unknown, pointer: string, v2: boolean): FlowModel[] {
    if (!Array.isArray(value)) return [];
    return (value as Obj[])
      .map((flow, i): [Obj, string] => [flow, `${pointer}/${i}`])
      .filter(([flow]) => flow.enabled !== false)
      .map(([flow, fp]) => {
        const selectors: SelectorModel[] = [];
        if (v2) {
          const po = obj(flow["path-operator"]);
          const http: SelectorModel = {
            type: "HTTP",
            path: str(po.path) ?? "/",
            pathOperator: str(po.operator) ?? "STARTS_WITH",
          };
          if (Array.isArray(flow.methods) && flow.methods.length > 0) http.methods = flow.methods.map(String);
          selectors.push(http);
          const cond = str(flow.condition);
          if (cond) {
            const el = this.condition(cond, `${fp}/condition`);
            if (el) selectors.push({ type: "CONDITION", condition: el });
          }
        } else {
          ((flow.selectors as Obj[] | undefined) ?? []).forEach((s, si) => {
            const sel: SelectorModel = { type: s.type as SelectorModel["type"] };
            if (s.type === "HTTP") {
              sel.path = str(s.path) ?? "/";
              sel.pathOperator = str(s.pathOperator) ?? "STARTS_WITH";
              if (Array.isArray(s.methods) && s.methods.length > 0) sel.methods = s.methods.map(String);
            } else if (s.type === "CHANNEL") {
              sel.channel = str(s.channel) ?? "/";
              sel.channelOperator = str(s.channelOperator) ?? "STARTS_WITH";
              if (Array.isArray(s.operations)) sel.operations = s.operations.map(String);
              if (Array.isArray(s.entrypoints)) sel.entrypoints = s.entrypoints.map(String);
            } else if (s.type === "CONDITION") {
              const el = this.condition(String(s.condition ?? ""), `${fp}/selectors/${si}/condition`);
              if (el) sel.condition = el;
            }
            selectors.push(sel);
          });
        }
        const steps = (phase: string) => this.steps(flow[phase], `${fp}/${phase}`);
        return {
          name: str(flow.name) ?? "",
          selectors,
          request: steps(v2 ? "pre" : "request"),
          response: steps(v2 ? "post" : "response"),
          publish: steps("publish"),
          subscribe: steps("subscribe"),
        };
      });
  }

  private steps(value: unknown, pointer: string): StepModel[] {
    if (!Array.isArray(value)) return [];
    return (value as Obj[])
      .map((step, i): [Obj, string] => [step, `${pointer}/${i}`])
      .filter(([step]) => step.enabled !== false)
      .flatMap(([step, sp]) =>
        isObj(step.sharedPolicyGroupRef) || step.policy === SHARED_POLICY_GROUP_POLICY
          ? this.groupSteps(step, sp)
          : [this.step(step, sp)],
      );
  }

  private step(step: Obj, sp: string): StepModel {
    const model: StepModel = {
      // Gravitee's plugin ids (`policy-assign-attributes`) link the same module as Sluice's.
      policy: canonicalPolicyId(String(step.policy)),
      enabled: true,
      configuration: this.stepConfiguration(step, sp),
      at: this.ref(sp),
    };
    if (str(step.name)) model.name = String(step.name);
    if (str(step.condition)) {
      const el = this.condition(String(step.condition), `${sp}/condition`);
      if (el) model.condition = el;
    }
    if (str(step.messageCondition)) {
      const el = this.condition(String(step.messageCondition), `${sp}/messageCondition`);
      if (el) model.messageCondition = el;
    }
    return model;
  }

  /**
   * A `sharedPolicyGroupRef` step: the group's enabled steps, inlined (their expressions compiled
   * and located in the group's document); the referencing step's condition gates each of them.
   * An unknown group is check's `flow/unknown-shared-policy-group`; here it inlines nothing.
   */
  private groupSteps(ref: Obj, sp: string): StepModel[] {
    const reference = groupReference(ref, sp);
    const group = reference ? findGroup([...this.groups.values()], reference) : undefined;
    const name = group?.name;
    if (name === undefined || group === undefined) return [];
    this.groupsUsed.set(name, group);
    const steps = new ApiBuilder(group, this.diagnostics, new Map(), this.uses, this.options).steps(
      obj(group.value.spec).steps,
      "/spec/steps",
    );
    const gate = str(ref.condition) ? this.condition(String(ref.condition), `${sp}/condition`) : undefined;
    if (!gate) return steps;
    return steps.map((step) => ({ ...step, condition: step.condition ? both(gate, step.condition) : gate }));
  }

  /** Templates compiled to `(el) => string`, except the CONDITION_FIELDS of the policy. */
  private stepConfiguration(step: Obj, sp: string): ModelValue {
    const pointer = `${sp}/configuration`;
    const config = step.configuration ?? {};
    const schemas =
      typeof step.policy === "string" ? SCHEMA_FIELDS.get(canonicalPolicyId(step.policy)) : undefined;
    if (schemas) return this.schemaConfiguration(config, pointer, schemas);
    const regexes =
      typeof step.policy === "string" ? REGEX_FIELDS.get(canonicalPolicyId(step.policy)) : undefined;
    if (regexes) return this.regexConfiguration(config, pointer, regexes);
    const policy = typeof step.policy === "string" ? canonicalPolicyId(step.policy) : "";
    const check = this.options.messageSchemas;
    if (MESSAGE_SCHEMA_POLICIES.has(policy) && check) {
      const out = this.value(config, pointer, { expressions: true });
      // The spec's file, and the repository: the folder its gateway name (`source`) is relative to.
      const specFile = resolve(this.options.cwd ?? process.cwd(), this.doc.at.file);
      let root = dirname(specFile);
      for (let up = this.doc.source.split("/").length - 1; up > 0; up--) root = dirname(root);
      check(policy, config, out, pointer, specFile, root, ({ pointer: at, ...d }) =>
        this.diagnostics.push({ ...d, at: this.ref(at) }),
      );
      return out;
    }
    if (policy === "xml-validation" && this.options.xmlSchemas)
      this.options.xmlSchemas(config, pointer, ({ pointer: at, inScalar, ...d }) =>
        this.diagnostics.push({ ...d, at: { ...this.ref(at), ...(inScalar ? { inScalar } : {}) } }),
      );
    if (typeof step.policy === "string" && canonicalPolicyId(step.policy) === "data-logging-masking")
      this.checkRegexes(config, pointer);
    const scripts =
      typeof step.policy === "string" ? SCRIPT_FIELDS.get(canonicalPolicyId(step.policy)) : undefined;
    if (scripts) return this.scriptConfiguration(config, pointer, scripts);
    const conditions = conditionFields(step.policy);
    if (conditions.length === 0 || config === null || typeof config !== "object" || Array.isArray(config))
      return this.value(config, pointer, { expressions: true });
    const out: Record<string, ModelValue> = {};
    for (const [key, v] of Object.entries(config)) {
      const at = joinPointer(pointer, key);
      setOwn(
        out,
        key,
        conditions.includes(key) && typeof v === "string" && !this.env.has(at)
          ? (this.condition(v, at) ?? null)
          : this.value(v, at, { expressions: true }),
      );
    }
    return out;
  }

  /** A configuration whose `fields` (REGEX_FIELDS paths) are Java regular expressions. */
  private regexConfiguration(config: unknown, pointer: string, fields: readonly string[]): ModelValue {
    const out = this.value(config, pointer, { expressions: true });
    const visit = (node: ModelValue, path: readonly string[], at: string, set: (v: ModelValue) => void) => {
      if (path.length === 0) {
        // Templates (ElValue) and environment references are rendered or resolved at run time.
        if (typeof node !== "string") return;
        const translated = translateJavaRegex(node, true);
        if (translated.ok) {
          set({ source: translated.regex.source, flags: translated.regex.flags });
          return;
        }
        const diagnostic: Diagnostic = {
          code: "policy/invalid-regex",
          severity: "error",
          message: translated.message,
          at: { ...this.ref(at), offset: translated.index },
        };
        if (translated.hint !== undefined) diagnostic.hint = translated.hint;
        this.diagnostics.push(diagnostic);
        return;
      }
      const [head, ...rest] = path as [string, ...string[]];
      if (head === "*") {
        if (!Array.isArray(node)) return;
        node.forEach((item, i) => {
          visit(item, rest, joinPointer(at, String(i)), (v) => {
            node[i] = v;
          });
        });
        return;
      }
      if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, head))
        return;
      const record = node as Record<string, ModelValue>;
      visit(record[head]!, rest, joinPointer(at, head), (v) => {
        record[head] = v;
      });
    };
    for (const field of fields) visit(out, field.split("/"), pointer, () => {});
    return out;
  }

  /** data-logging-masking's `bodyRules[].regex`: compiled by the gateway, so checked here. */
  private checkRegexes(config: unknown, pointer: string): void {
    const rules = obj(config).bodyRules;
    if (!Array.isArray(rules)) return;
    rules.forEach((rule: unknown, i) => {
      const regex = obj(rule).regex;
      if (typeof regex !== "string") return;
      try {
        new RegExp(regex, "g");
      } catch (error) {
        this.diagnostics.push({
          code: "policy/invalid-regex",
          severity: "error",
          message: `not a valid regular expression: ${(error as Error).message}`,
          hint: "the expression is JavaScript's (ECMAScript) syntax; Java-only constructs such as possessive quantifiers are not accepted",
          at: this.ref(`${pointer}/bodyRules/${i}/regex`),
        });
      }
    });
  }

  /**
   * A configuration whose `fields` are scripts: each one a ScriptValue named after its place (a
   * blank script is no script, as for Gravitee); the other fields as any configuration.
   */
  private scriptConfiguration(config: unknown, pointer: string, fields: readonly string[]): ModelValue {
    if (config === null || typeof config !== "object" || Array.isArray(config))
      return this.value(config, pointer, { expressions: true });
    const out: Record<string, ModelValue> = {};
    for (const [key, v] of Object.entries(config)) {
      const at = joinPointer(pointer, key);
      if (!fields.includes(key) || typeof v !== "string" || this.env.has(at)) {
        setOwn(out, key, this.value(v, at, { expressions: true }));
        continue;
      }
      if (v.trim() === "") continue;
      const prepared = prepareScript(v);
      if (prepared.syntaxErrors.length > 0) {
        for (const e of prepared.syntaxErrors)
          this.diagnostics.push({
            code: "compile/script-type-check",
            severity: "error",
            message: `the script is not valid JavaScript: ${e.message}`,
            hint: "scripts are compiled into the gateway: docs/policies.md#javascript",
            at: { ...this.ref(at), inScalar: { line: e.line, column: e.column } },
          });
        continue;
      }
      const name = `script_${createHash("sha256").update(`${at}\n${v}`).digest("hex").slice(0, 12)}`;
      setOwn(out, key, new ScriptValue(name, prepared.body, prepared.insertions, this.ref(at)));
    }
    return out;
  }

  /** A configuration whose `fields` (paths below it, `/`-separated) are JSON Schemas as text. */
  private schemaConfiguration(config: unknown, pointer: string, fields: readonly string[]): ModelValue {
    const out = this.value(config, pointer, { expressions: true });
    for (const field of fields) {
      const path = field.split("/");
      let parent: unknown = out;
      for (const key of path.slice(0, -1))
        parent =
          parent !== null && typeof parent === "object"
            ? (parent as Record<string, unknown>)[key]
            : undefined;
      const last = path[path.length - 1]!;
      if (parent === null || typeof parent !== "object" || !Object.hasOwn(parent, last)) continue;
      const text = (parent as Record<string, unknown>)[last];
      if (typeof text !== "string") continue; // an environment reference: checked by its type
      const at = `${pointer}/${field}`;
      const compiled = compileJsonSchema(text);
      if ("error" in compiled) {
        this.diagnostics.push({
          code: "policy/invalid-json-schema",
          severity: "error",
          message: `${compiled.error}`,
          hint: "the schema is compiled into the gateway at build time; fix it here",
          at: this.ref(at),
        });
        continue;
      }
      (parent as Record<string, ModelValue>)[last] = new CompiledSchemaValue(compiled.name, compiled.code);
    }
    const source = obj(obj(config).schemaSource);
    if (source.sourceType === "SCHEMA_REGISTRY_RESOURCE")
      this.diagnostics.push({
        code: "compile/not-implemented",
        severity: "error",
        message: "a schema registry resource as the schema source is not implemented by the Sluice runtime",
        hint: "put the schema in `schemaSource.staticSchema` (sourceType STATIC_SCHEMA) or in `schema`",
        at: this.ref(`${pointer}/schemaSource/sourceType`),
      });
    else if (!fields.some((f) => f.split("/").reduce<unknown>((v, k) => obj(v)[k], config) !== undefined))
      this.diagnostics.push({
        code: "policy/invalid-json-schema",
        severity: "error",
        message: `the policy has no schema: set ${fields.map((f) => `\`${f.replace("/", ".")}\``).join(" or ")}`,
        at: this.ref(pointer),
      });
    return out;
  }

  private properties(value: unknown): Record<string, ModelValue> {
    const out: Record<string, ModelValue> = {};
    if (Array.isArray(value)) {
      (value as Obj[]).forEach((p, i) => {
        if (typeof p.key === "string")
          setOwn(out, p.key, this.value(String(p.value ?? ""), `/spec/properties/${i}/value`));
      });
    } else {
      for (const [k, v] of Object.entries(obj(value)))
        setOwn(out, k, this.value(String(v), joinPointer("/spec/properties", k)));
    }
    return out;
  }

  private condition(source: string, pointer: string): ElValue | undefined {
    if (source.trim() === "") return undefined;
    const compiled = compileCached("condition", source);
    if (compiled.ok) {
      for (const use of compiled.uses) this.uses.add(use);
      return new ElValue(compiled.code, "boolean", source, compiled.imports, compiled.uses);
    }
    this.expressionError(compiled.error, pointer);
    return undefined;
  }

  private expressionError(error: ExpressionError, pointer: string): void {
    this.diagnostics.push(expressionDiagnostic(error, this.ref(pointer)));
  }

  /**
   * An endpoint's configuration or shared configuration. Message endpoints evaluate EL in their
   * string properties in Gravitee (the plugins' ConfigurationEvaluator): the Kafka endpoint's
   * DYNAMIC_ENDPOINT_FIELDS are compiled to templates (runtime/endpoints/kafka/dynamic.ts renders
   * them per request); EL anywhere else in a message endpoint is an error rather than text sent to
   * the broker as it is.
   */
  private endpointValue(type: unknown, node: unknown, pointer: string, shared = false): ModelValue {
    const value = this.value(node, pointer);
    if (!MESSAGE_ENDPOINT_TYPES.has(String(type))) return value;
    const dynamic = shared ? (DYNAMIC_ENDPOINT_FIELDS[String(type)] ?? []) : [];
    const visit = (raw: unknown, model: ModelValue, path: string[]): ModelValue => {
      if (typeof raw === "string") {
        if (!hasTemplate(raw) || this.env.has(joinPointer(pointer, ...path))) return model;
        const field = path.join(".");
        if (dynamic.includes(field))
          return this.value(raw, joinPointer(pointer, ...path), { expressions: true });
        const start = raw.search(/\{\s*[#T(]/);
        this.expressionError(
          {
            code: "expression/unsupported",
            message: `Sluice does not evaluate EL in the ${String(type)} endpoint's \`${field}\`: it would reach the broker as text.`,
            offset: Math.max(0, start),
            length: 2,
            hint:
              dynamic.length > 0
                ? `EL is evaluated in ${dynamic.map((f) => `\`${f}\``).join(" and ")}; topics are overridden per request by the attribute \`${KAFKA_ATTRIBUTE_PREFIX}.consumer.topics\` (or \`.producer.topics\`), set with assign-attributes.`
                : "Give the value itself, or an ${ENV} reference resolved when the gateway starts.",
          },
          joinPointer(pointer, ...path),
        );
        return model;
      }
      if (Array.isArray(raw) && Array.isArray(model))
        return raw.map((item, i) => visit(item, model[i] ?? null, [...path, String(i)]));
      if (
        raw !== null &&
        typeof raw === "object" &&
        model !== null &&
        typeof model === "object" &&
        !Array.isArray(model)
      ) {
        const out = model as Record<string, ModelValue>;
        for (const [k, v] of Object.entries(raw as Obj))
          setOwn(out, k, visit(v, out[k] ?? null, [...path, k]));
        return out;
      }
      return model;
    };
    return visit(node, value, []);
  }

  /** Plain data with environment references (and, where asked, EL templates) made explicit. */
  value(node: unknown, pointer: string, options: { expressions?: boolean } = {}): ModelValue {
    const context: ValueContext = { base: pointer, path: [], expressions: options.expressions === true };
    return this.valueIn(node, this.envAt(pointer), context);
  }

  /**
   * value() of the node at `context`'s path, `env` being the environment references under it. The
   * node's pointer is only built to report an expression error.
   */
  private valueIn(node: unknown, env: EnvNode | undefined, context: ValueContext): ModelValue {
    if (typeof node === "string") {
      if (env?.site) return this.envValue(env.site);
      if (context.expressions && hasTemplate(node)) {
        const compiled = compileCached("template", node);
        if (compiled.ok) {
          for (const use of compiled.uses) this.uses.add(use);
          return new ElValue(compiled.code, "string", node, compiled.imports, compiled.uses);
        }
        this.expressionError(compiled.error, joinPointer(context.base, ...context.path));
        return node;
      }
      return node;
    }
    const { path } = context;
    if (Array.isArray(node)) {
      const out: ModelValue[] = [];
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        out.push(this.valueIn(node[i], env?.children?.get(String(i)), context));
        path.pop();
      }
      return out;
    }
    if (node !== null && typeof node === "object") {
      const out: Record<string, ModelValue> = {};
      for (const k of Object.keys(node)) {
        path.push(k);
        // A `__proto__` key is data, as the YAML parser left it: an own property, not a prototype.
        setOwn(out, k, this.valueIn((node as Obj)[k], env?.children?.get(k), context));
        path.pop();
      }
      return out;
    }
    if (typeof node === "number" || typeof node === "boolean" || node === null) return node;
    return null;
  }

  /** The environment references at and under `pointer`. */
  private envAt(pointer: string): EnvNode | undefined {
    // Most values have no reference in them: the document's few reference pointers tell.
    const prefix = `${pointer}/`;
    let found = false;
    for (const p of this.env.keys()) {
      if (p === pointer || p.startsWith(prefix)) {
        found = true;
        break;
      }
    }
    if (!found) return undefined;
    let node: EnvNode | undefined = this.envTree();
    for (const segment of parsePointer(pointer)) {
      node = node.children?.get(segment);
      if (!node) return undefined;
    }
    return node;
  }

  private envValue(site: EnvSite): ModelValue {
    const field = `${this.doc.source}#${site.pointer}`;
    const { parts, whole } = site.template;
    if (whole) {
      const ref = parts[0] as { env: string; default?: string };
      const kind: EnvKind = schemaKindAt(this.doc, site.pointer);
      return new EnvValue(ref.env, kind, field, ref.default);
    }
    return new EnvTemplateValue(
      parts.map((p) =>
        "text" in p ? p.text : p.default === undefined ? { env: p.env } : { env: p.env, default: p.default },
      ),
      field,
    );
  }

  private ref(pointer: string): SourceRef {
    return { ...this.doc.at, pointer };
  }
}

/** Two conditions that must both hold, the first evaluated first. */
function both(a: ElValue, b: ElValue): ElValue {
  return new ElValue(
    `(${a.code}) && (${b.code})`,
    "boolean",
    `${a.source} && ${b.source}`,
    [...new Set([...a.imports, ...b.imports])],
    [...new Set([...a.uses, ...b.uses])],
  );
}

/**
 * Makes `api.hash` (already in its place among the keys) the hash of `value`, computed when first
 * read: emitting reads it, `sluice check` never does, and hashing costs ~40 ms on 1,000 APIs. The
 * first read (or a write) turns it into a plain property. Nothing changes a document once loaded.
 */
function lazyHash(api: ApiModel, value: unknown): void {
  const settle = (hash: string): string => {
    Object.defineProperty(api, "hash", { value: hash, writable: true, enumerable: true, configurable: true });
    return hash;
  };
  Object.defineProperty(api, "hash", {
    get: () => settle(hashOf(value)),
    set: settle,
    enumerable: true,
    configurable: true,
  });
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** JSON with sorted keys: the same document always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const keys = Object.keys(value).sort(compare);
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (i > 0) out += ",";
    out += `${quote(k)}:${canonicalJson((value as Obj)[k])}`;
  }
  return `${out}}`;
}

/** Printable ASCII other than `"` and `\\`: what JSON.stringify leaves as it is. */
const PLAIN_JSON_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON.stringify of a string, without calling it for the common plain string. */
function quote(s: string): string {
  return PLAIN_JSON_STRING.test(s) ? `"${s}"` : JSON.stringify(s);
}
