// The intermediate representation between checked specs and emitted code. Emitters read only this,
// never raw YAML. Values that the runtime resolves or evaluates (environment references, compiled
// expressions) are explicit node classes, so an emitter cannot mistake them for plain data.
import type { SourceRef } from "../diagnostics/diagnostic.ts";

export type EnvKind = "string" | "integer" | "number" | "boolean" | "any";

/** `${NAME}` / `${NAME:-default}` as a whole value: resolved at gateway start-up. */
export class EnvValue {
  readonly name: string;
  readonly kind: EnvKind;
  /** `file#pointer`, printed when the variable is missing or of the wrong type. */
  readonly field: string;
  readonly defaultText: string | undefined;
  constructor(name: string, kind: EnvKind, field: string, defaultText: string | undefined) {
    this.name = name;
    this.kind = kind;
    this.field = field;
    this.defaultText = defaultText;
  }
}

/** A string with `${...}` inside: resolved at start-up. */
export class EnvTemplateValue {
  readonly parts: ReadonlyArray<string | { env: string; default?: string }>;
  readonly field: string;
  constructor(parts: ReadonlyArray<string | { env: string; default?: string }>, field: string) {
    this.parts = parts;
    this.field = field;
  }
}

/** A Gravitee EL expression compiled to a TypeScript arrow function `(el: ElContext) => T`. */
export class ElValue {
  readonly code: string;
  readonly returns: "boolean" | "string";
  readonly source: string;
  /** Helper functions of runtime/el.ts the code calls. */
  readonly imports: readonly string[];
  /** ElContext paths the code reads (`request.content` means the request body must be buffered). */
  readonly uses: readonly string[];
  constructor(
    code: string,
    returns: "boolean" | "string",
    source: string,
    imports: readonly string[],
    uses: readonly string[] = [],
  ) {
    this.code = code;
    this.returns = returns;
    this.source = source;
    this.imports = imports;
    this.uses = uses;
  }
}

/**
 * A JSON Schema compiled at build time into a standalone validator (./json-schema-validator.ts):
 * printed as the name of its export in the API's validators module.
 */
export class CompiledSchemaValue {
  readonly name: string;
  readonly code: string;
  constructor(name: string, code: string) {
    this.name = name;
    this.code = code;
  }
}

/**
 * A `javascript` policy's script, compiled into the gateway (./javascript-script.ts): printed as
 * the name of its export in the API's scripts module (generated/scripts/<api>.js), a function
 * type-checked against runtime/policies/javascript/api.ts.
 */
export class ScriptValue {
  readonly name: string;
  /** The script as a function body (`return ` before its completion statements). */
  readonly body: string;
  readonly insertions: ReadonlyArray<{ line: number; column: number }>;
  /** The script's YAML scalar: a type error is located on the script's own line inside it. */
  readonly at: SourceRef;
  constructor(
    name: string,
    body: string,
    insertions: ReadonlyArray<{ line: number; column: number }>,
    at: SourceRef,
  ) {
    this.name = name;
    this.body = body;
    this.insertions = insertions;
    this.at = at;
  }
}

export type ModelValue =
  | null
  | CompiledSchemaValue
  | ScriptValue
  | boolean
  | number
  | string
  | EnvValue
  | EnvTemplateValue
  | ElValue
  | ModelValue[]
  | { [key: string]: ModelValue };

export interface ConnectorModel {
  type: string;
  configuration: ModelValue;
  at: SourceRef;
}

export interface EntrypointModel extends ConnectorModel {
  qos: string;
  dlq?: ModelValue;
}

export interface EndpointModel extends ConnectorModel {
  name: string;
  weight: number;
  secondary: boolean;
  /** The shared configuration in effect (the group's when inherited, else the override). */
  shared: ModelValue;
  healthCheck?: ModelValue;
}

export interface EndpointGroupModel {
  name: string;
  type: string;
  loadBalancer: string;
  endpoints: EndpointModel[];
  at: SourceRef;
}

export interface StepModel {
  policy: string;
  name?: string;
  enabled: boolean;
  configuration: ModelValue;
  condition?: ElValue;
  messageCondition?: ElValue;
  at: SourceRef;
}

export interface SelectorModel {
  type: "HTTP" | "CHANNEL" | "CONDITION";
  path?: string;
  pathOperator?: string;
  methods?: string[];
  channel?: string;
  channelOperator?: string;
  operations?: string[];
  entrypoints?: string[];
  condition?: ElValue;
}

export interface FlowModel {
  name: string;
  selectors: SelectorModel[];
  request: StepModel[];
  response: StepModel[];
  publish: StepModel[];
  subscribe: StepModel[];
}

/** A GKO Subscription, as data of the plan it subscribes to (./consumers.ts). */
export interface SubscriptionModel {
  id: string;
  application: {
    id: string;
    name: string;
    clientId?: ModelValue;
    /** `#application.metadata`, by entry name. */
    metadata?: Record<string, ModelValue>;
    certificates?: ModelValue[];
  };
  endingAt?: string;
  /** Each `{ key, expireAt? }`: the key an EnvValue or `{ $secret: { name, key } }`, never a value. */
  apiKeys?: ModelValue[];
  metadata?: ModelValue;
  at: SourceRef;
}

/**
 * A webhook subscription: a Subscription to a PUSH plan with GKO's `consumerConfiguration`
 * (`entrypointId: webhook`), as the webhook entrypoint's input (./consumers.ts). Credentials in
 * `configuration` and `signingSecret` are references — an EnvValue or `{ $secret: { name, key } }`.
 */
export interface WebhookSubscriptionModel {
  id: string;
  plan: string;
  application: { id: string; name: string };
  channel?: string;
  /** `entrypointConfiguration` without `signingSecret`. */
  configuration: ModelValue;
  signingSecret?: ModelValue;
  at: SourceRef;
}

/** A resource of an API: inline in `spec.resources`, or the ApiResource an entry references. */
export interface ResourceModel {
  name: string;
  type: string;
  enabled: boolean;
  configuration: ModelValue;
  at: SourceRef;
}

/**
 * A Notification resource with the `webhook` target, as data of each API that references it
 * (./notifications.ts): its `webhook` block, the URL and header values references — an EnvValue or
 * `{ $secret: { name, key } }` — when written so.
 */
export interface NotificationModel {
  name: string;
  webhook: ModelValue;
  at: SourceRef;
}

export interface PlanModel {
  id: string;
  name: string;
  mode: "STANDARD" | "PUSH";
  securityType?: string;
  securityConfiguration: ModelValue;
  selectionRule?: ElValue;
  flows: FlowModel[];
  subscriptions?: SubscriptionModel[];
  at: SourceRef;
}

export interface ApiModel {
  /** metadata.name: the API's identity. */
  id: string;
  /** A safe TypeScript identifier derived from the id. */
  ident: string;
  name: string;
  version: string;
  type: "PROXY" | "MESSAGE";
  definitionVersion: "V4" | "V2";
  source: string;
  /** sha256 of the document, for /info and change detection. */
  hash: string;
  paths: Array<{ host?: string; path: string }>;
  entrypoints: EntrypointModel[];
  endpointGroups: EndpointGroupModel[];
  plans: PlanModel[];
  flows: FlowModel[];
  flowExecution: { mode: "DEFAULT" | "BEST_MATCH"; matchRequired: boolean };
  properties: Record<string, ModelValue>;
  stripContextPath: boolean;
  failover?: ModelValue;
  /** Gravitee's response templates, EL in them compiled. */
  responseTemplates?: ModelValue;
  resources?: ResourceModel[];
  /** The webhook subscriptions of the API's PUSH plans, when it has a webhook entrypoint. */
  webhookSubscriptions?: WebhookSubscriptionModel[];
  /**
   * The Dictionaries the API's expressions name (`#dictionaries['name']`; `*` when a name is
   * computed): ./consumers.ts links exactly those into `dictionaries`.
   */
  dictionaryNames?: string[];
  /** The linked Dictionaries' properties, by name. */
  dictionaries?: Record<string, ModelValue>;
  /** Bodies some expression of the API reads (`#request.content`, `#jsonPath(#response.content, …)`): buffered for it. */
  bodies?: { request: boolean; response: boolean };
  /** The first HTTP listener's `cors` (v4) or `proxy.cors` (v2), as Gravitee reads it. */
  cors?: ModelValue;
  /** v4 `analytics` / v2 `proxy.logging` in one shape (runtime contract.ts AnalyticsDefinition). */
  analytics?: ModelValue;
  /** v4 `analytics.tracing` when enabled. */
  tracing?: { verbose: boolean };
  /** The webhook Notifications of `spec.notificationsRefs` (runtime/notifications/). */
  notifications?: NotificationModel[];
  at: SourceRef;
}

export interface GatewayModel {
  apis: ApiModel[];
  /** Routes in match order: explicit precedence, not file order. */
  routes: Array<{ host?: string; path: string; api: string }>;
}
