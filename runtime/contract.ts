// The runtime contract: the small set of types that generated code is typed against and that every
// connector and policy implements. Generated modules are data plus thin wiring (`defineApi({...})`
// with the connectors they import); everything that behaves lives behind these interfaces.
//
//   entrypoint ──▶ flows / plan policies ──▶ endpoint group
//
// See ARCHITECTURE.md for the map and docs/runtime-contract.md for the prose version.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import type { ElContext } from "./el.ts";
import type { Resolvable } from "./env.ts";
import type {
  Cors,
  Failover,
  HealthCheckConfiguration,
  HealthCheckService,
} from "./spec-types/api-v4-definition.ts";

export type ApiType = "PROXY" | "MESSAGE";
export type Qos = "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
export type HttpMethod =
  | "CONNECT"
  | "DELETE"
  | "GET"
  | "HEAD"
  | "OPTIONS"
  | "PATCH"
  | "POST"
  | "PUT"
  | "TRACE"
  | "OTHER";

export type GatewayRequest = IncomingMessage | Http2ServerRequest;
export type GatewayResponse = ServerResponse | Http2ServerResponse;

/** An error that ends an exchange with Gravitee's error body (docs/contract.md §4). */
/** The body of Gravitee's endpoint failures (502, 504): none at all, `Content-Length: 0`. */
export const NO_ERROR_BODY: { readonly contentType: string; readonly content: string } = {
  contentType: "",
  content: "",
};

export class GatewayError extends Error {
  readonly status: number;
  /** Gravitee's error key (e.g. `RATE_LIMIT_TOO_MANY_REQUESTS`), for response templates. */
  readonly key: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * A body that replaces Gravitee's error body, for policies whose clients expect their protocol's
   * own error shape (a GraphQL `{"errors": [...]}` document), or NO_ERROR_BODY.
   */
  readonly body: { readonly contentType: string; readonly content: string } | undefined;
  constructor(
    status: number,
    message: string,
    options: {
      key?: string;
      headers?: Record<string, string>;
      body?: { contentType: string; content: string };
    } = {},
  ) {
    super(message);
    this.status = status;
    this.key = options.key;
    this.headers = options.headers ?? {};
    this.body = options.body;
  }
}

/** One message of a MESSAGE API, whatever the broker. */
export interface Message {
  /** The resume cursor of this message where the endpoint has one (Kafka: `topic@partition#offset`). */
  id?: string;
  content: Buffer;
  headers: Record<string, string[]>;
  metadata: Record<string, string | number | boolean>;
  /** Per-message attributes set by policies (assign-attributes), `#message.attributes`. */
  attributes?: Record<string, unknown>;
  /** Settles the message with the endpoint (AT_LEAST_ONCE commits only after delivery). */
  ack?: () => Promise<void>;
}

/**
 * A request or response body that policies may read or replace. Bodies stream untouched unless a
 * policy reads or replaces one (assign-content, json-xml, xml-json, rest-to-soap, GraphQL policies):
 * only then is it buffered, and whoever sends it on sends the buffered (or replaced) bytes instead.
 */
export interface ExchangeBody {
  /**
   * The whole body, or the latest replacement; buffered on first call. Never more than the API's
   * body limit (SLUICE_EL_BODY_LIMIT), or `limit` bytes when smaller: a larger body rejects with a
   * GatewayError (413 for a request, 502 for a response) and is not held.
   */
  read(limit?: number): Promise<Buffer>;
  replace(content: Buffer | string): void;
  /** True once a policy read or replaced it: the sender must then send `read()`, not the stream. */
  readonly buffered: boolean;
  /** The buffered body as UTF-8 text (`#request.content`), once read. */
  readonly text: string | undefined;
  /** For entrypoints: the stream this body comes from (the upstream response body). */
  attach(source: import("node:stream").Readable): void;
}

/** A per-request view handed to policies, connectors and compiled expressions. */
export interface Exchange {
  readonly api: RuntimeApi;
  readonly request: GatewayRequest;
  readonly response: GatewayResponse;
  readonly requestId: string;
  readonly transactionId: string;
  /** The path after the context path: "" for the context path itself, else starting with `/`. */
  readonly pathInfo: string;
  readonly contextPath: string;
  readonly attributes: Record<string, unknown>;
  /** The matched plan, once security has run. */
  plan?: string;
  /** The subscription the request was authenticated with (plans with subscriptions), once security has run. */
  subscription?: SubscriptionInfo;
  /**
   * Who the client is, once the plan was selected (docs/contract.md §4, runtime/server/client-identifier.ts):
   * message endpoints consume per client identifier.
   */
  clientIdentifier?: string;
  /** The EL view of this exchange, built lazily. */
  el(): ElContext;
  /** Headers policies set on the upstream request (lower-case names); `null` removes one. */
  readonly upstreamHeaders: Record<string, string | null>;
  /**
   * What policies changed on the upstream request besides headers (rest-to-soap: POST, no path, no
   * query). `pathInfo` replaces the path after the context path; `query` the query string (`?a=1`,
   * or "" for none). `target` is Gravitee's `request.endpoint` (dynamic-routing): an absolute URL,
   * `name:/path` (an endpoint or group by name) or `/path` (server/endpoint-target.ts).
   */
  readonly upstreamRequest: { method?: string; pathInfo?: string; query?: string; target?: string };
  /** The client's request body (see ExchangeBody: streamed unless a policy asks for it). */
  readonly requestBody: ExchangeBody;
  /** The upstream response body (PROXY), attached by the entrypoint before the response phase. */
  readonly responseBody: ExchangeBody;
  /**
   * Work a request-phase policy defers to the end of the response phase, after the response steps
   * (rest-to-soap converts the SOAP response it caused to JSON).
   */
  readonly deferredResponse: Array<(exchange: Exchange) => void | Promise<void>>;
  /**
   * Set by a request-phase policy that answers in place of the endpoint (Gravitee's custom invoker:
   * the `mock` policy); the response phase then runs on its response as on the endpoint's. `endpoint`
   * calls the endpoint the gateway would have called (the `cache` policy wraps it on a miss); its
   * options replace what it sends (traffic-shadowing hands it its half of the teed request body).
   */
  invoker?: (
    exchange: Exchange,
    endpoint: (options?: ProxyRequestOptions) => Promise<UpstreamResponse>,
  ) => Promise<UpstreamResponse>;
  readonly signal: AbortSignal;
}

/** What a policy step can do in each phase; each phase is optional. */
export interface PolicyInstance {
  /** Request phase (PROXY and MESSAGE): may reject with a GatewayError. */
  onRequest?(exchange: Exchange): void | Promise<void>;
  /** Response phase. */
  onResponse?(exchange: Exchange): void | Promise<void>;
  /** Message phases (MESSAGE APIs): return undefined to drop the message. */
  /** Releases what the instance holds (a cache's connection) when the gateway stops. */
  close?(): Promise<void>;
  onMessage?(
    message: Message,
    exchange: Exchange,
    /** Always given by the gateway. */
    phase?: "publish" | "subscribe",
  ): Message | undefined | Promise<Message | undefined>;
}

export interface PolicyConnector<C> {
  readonly id: string;
  create(config: C, ctx: ConnectorContext): PolicyInstance;
}

/** A policy step as generated code declares it; instantiated once at start-up. */
export interface StepBinding {
  readonly policy: string;
  readonly name?: string;
  readonly condition?: (el: ElContext) => boolean;
  readonly messageCondition?: (el: ElContext) => boolean;
  create(ctx: ConnectorContext): PolicyInstance;
}

/** A step of the running gateway. */
export interface Step {
  readonly policy: string;
  readonly instance: PolicyInstance;
  readonly condition?: (el: ElContext) => boolean;
  readonly messageCondition?: (el: ElContext) => boolean;
}

export interface FlowSelector {
  readonly path?: string;
  readonly pathOperator?: "STARTS_WITH" | "EQUALS";
  readonly methods?: readonly HttpMethod[];
  readonly channel?: string;
  readonly channelOperator?: "STARTS_WITH" | "EQUALS";
  readonly operations?: ReadonlyArray<"PUBLISH" | "SUBSCRIBE">;
  readonly entrypoints?: readonly string[];
  readonly condition?: (el: ElContext) => boolean;
}

export interface Flow<S = StepBinding> {
  readonly name: string;
  readonly selectors: readonly FlowSelector[];
  readonly request: readonly S[];
  readonly response: readonly S[];
  readonly publish: readonly S[];
  readonly subscribe: readonly S[];
}

export type SecurityType = "KEY_LESS" | "API_KEY" | "JWT" | "OAUTH2" | "MTLS";

// ── Consumers (GKO Application / Subscription; docs/consumers.md) ─────────────────────────

/** An application as the gateway knows it (GKO `Application`). */
export interface ApplicationInfo {
  /** `metadata.name` of the Application resource. */
  readonly id: string;
  /** `spec.name`. */
  readonly name: string;
  /** `spec.settings.app.clientId` (JWT and OAUTH2 plans match it). */
  readonly clientId?: string;
  /** `spec.metadata`, by entry name (`#application.metadata['name']`). */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** A subscription of an application to one plan of this API (GKO `Subscription`). */
export interface SubscriptionInfo {
  /** `metadata.name` of the Subscription resource: the client identifier of its requests. */
  readonly id: string;
  /** The plan's id (its key in `spec.plans`). */
  readonly plan: string;
  readonly application: ApplicationInfo;
  /** `endingAt` in ms since the epoch: refused from then on. */
  readonly endingAt?: number;
  /** `spec.metadata` (`#subscription.metadata['key']`). */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * A credential that a plan's security found on a request (Gravitee's security token). Extracting
 * one never verifies it: that is `authenticate`'s work, for the plan that was selected.
 */
export interface Credential {
  readonly type: "API_KEY" | "JWT" | "OAUTH2" | "MTLS";
  /** The API key, the bearer token, or the client certificate's SHA-256 thumbprint (lower-case hex). */
  readonly value: string;
  /** The client id read from a token before verification (JWT), for the subscription lookup. */
  readonly clientId?: string;
}

/**
 * The subscriptions of one plan, kept current by the gateway (secret files re-read on change). Every
 * lookup returns only a subscription that is valid now (before its `endingAt`): plans need not check.
 */
export interface PlanSubscriptions {
  /** API_KEY: the subscription owning this key (digests compared in constant time), and whether the key expired. */
  byApiKey(key: string, now: number): { subscription: SubscriptionInfo; expired: boolean } | undefined;
  /** byApiKey with the key's SHA-256 digest (lower-case hex) already computed (once per request, by the api-key plan). */
  byApiKeyDigest(
    digest: string,
    now: number,
  ): { subscription: SubscriptionInfo; expired: boolean } | undefined;
  /** JWT and OAUTH2: the subscription of the application with this client id. */
  byClientId(clientId: string): SubscriptionInfo | undefined;
  /** MTLS: the subscription of the application holding a certificate with this SHA-256 thumbprint. */
  byCertificate(thumbprint: string): SubscriptionInfo | undefined;
}

/** A resource of the API (`spec.resources`, or a GKO `ApiResource` it references), environment resolved. */
export interface ResourceInfo {
  readonly name: string;
  readonly type: string;
  readonly configuration: Readonly<Record<string, unknown>>;
}

/** GKO's `[[ secret `name/key` ]]`, compiled: read from `$SLUICE_SECRETS_DIR/name/key` (and re-read on change). */
export interface SecretValue {
  readonly $secret: { readonly name: string; readonly key: string };
}

/** A Subscription resource as compiled into the API module it subscribes to (docs/consumers.md). */
export interface SubscriptionDefinition {
  /** `metadata.name` of the Subscription. */
  readonly id: string;
  readonly application: {
    readonly id: string;
    readonly name: string;
    readonly clientId?: Resolvable<string>;
    /** The Application's `spec.metadata`, by entry name. */
    readonly metadata?: Readonly<Record<string, Resolvable<string>>>;
    /** The application's client certificates (MTLS plans): PEM text, base64 PEM when `encoded`, or a secret. */
    readonly certificates?: ReadonlyArray<{
      readonly name?: string;
      readonly content: Resolvable<string> | SecretValue;
      readonly encoded?: boolean;
      readonly startsAt?: string;
      readonly endsAt?: string;
    }>;
  };
  /** RFC 3339; refused from then on. */
  readonly endingAt?: string;
  /** API_KEY plans: each key a reference, never a value (`${ENV}` resolved at start, or a secret). */
  readonly apiKeys?: ReadonlyArray<{
    readonly key: Resolvable<string> | SecretValue;
    readonly expireAt?: string;
  }>;
  readonly metadata?: Readonly<Record<string, Resolvable<string>>>;
}

/** A resource of an API (inline in `spec.resources`, or the GKO ApiResource it references). */
export interface ResourceDefinition {
  readonly name: string;
  readonly type: string;
  readonly enabled: boolean;
  readonly configuration: Resolvable<Readonly<Record<string, unknown>>>;
}

/** Gravitee's response templates: error key → media type → the response that replaces the error's. */
export type ResponseTemplates = Readonly<
  Record<
    string,
    Readonly<
      Record<
        string,
        {
          readonly status?: number;
          readonly headers?: Readonly<Record<string, string | ((el: ElContext) => string)>>;
          readonly body?: string | ((el: ElContext) => string);
        }
      >
    >
  >
>;

/** What a plan's security connector is created with. */
export interface SecurityContext extends ConnectorContext {
  readonly plan: { readonly id: string; readonly name: string };
  readonly subscriptions: PlanSubscriptions;
  resource(name: string): ResourceInfo | undefined;
}

/**
 * A plan's security, in Gravitee's three steps (docs/contract.md §6): `extract` the credential
 * (cheap, synchronous, no verification); for plans with subscriptions, find the `subscription` it
 * belongs to (none → the next plan is tried); then `authenticate` it for the selected plan.
 */
export interface SecurityInstance {
  /** The credential of this plan's kind on the request, if any. KEY_LESS: always undefined. */
  extract(exchange: Exchange): Credential | undefined;
  /** The valid subscription of this plan that the credential belongs to; undefined → try the next plan. */
  subscription?(
    credential: Credential,
    exchange: Exchange,
  ): SubscriptionInfo | undefined | Promise<SubscriptionInfo | undefined>;
  /** Verifies the credential for the selected plan; rejects with a 401 GatewayError carrying Gravitee's key (503 when an authorization server is unreachable). */
  authenticate(
    exchange: Exchange,
    credential: Credential | undefined,
    subscription: SubscriptionInfo | undefined,
  ): void | Promise<void>;
}

export interface SecurityConnector<C> {
  readonly type: SecurityType;
  create(config: C, ctx: SecurityContext): SecurityInstance;
}

export interface Plan<S = StepBinding> {
  readonly id: string;
  readonly name: string;
  readonly mode: "STANDARD" | "PUSH";
  readonly securityType?: SecurityType | undefined;
  readonly security: { create(ctx: SecurityContext): SecurityInstance } | undefined;
  readonly selectionRule?: (el: ElContext) => boolean;
  readonly flows: ReadonlyArray<Flow<S>>;
  /** The plan's subscriptions (plans with subscriptions: API_KEY, JWT, OAUTH2, MTLS, PUSH). */
  readonly subscriptions?: readonly SubscriptionDefinition[];
}

export interface ApiInfo {
  readonly id: string;
  readonly name: string;
  readonly type: ApiType;
  readonly properties: Readonly<Record<string, string>>;
  /** The Dictionary resources the API's expressions read (`#dictionaries['name']['key']`). */
  readonly dictionaries?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `#endpoints`: each endpoint's and endpoint group's name → its reference, `name:` (Gravitee's EndpointManager). */
  readonly endpoints?: Readonly<Record<string, string>>;
}

/** The context a connector is created in. */
export interface ConnectorContext {
  readonly api: ApiInfo;
  readonly log: Logger;
  /** The environment `${VAR}` references resolve against (process.env unless a test says otherwise). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Reads a `[[ secret `name/key` ]]` value from the gateway's secrets directory, now (undefined
   * when missing). Connectors that hold credentials read them on use, so a rotated Secret applies.
   */
  readonly readSecret?: (ref: SecretValue["$secret"]) => string | undefined;
  /** The API's resources by name (`spec.resources`; disabled ones absent), for policies that use one (`cache`). */
  readonly resource?: (name: string) => ResourceInfo | undefined;
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Readiness of a connector, for /health/ready. */
export interface Health {
  ready: boolean;
  detail?: string;
}

// ── Endpoints ──────────────────────────────────────────────────────────────────────────────

/** What an HTTP backend answered; the body streams (nothing is buffered unless a policy asks). */
export interface UpstreamResponse {
  status: number;
  /** Response headers, hop-by-hop headers already removed. */
  headers: Record<string, string | string[]>;
  body: import("node:stream").Readable;
  /** HTTP trailers (gRPC's `grpc-status`), once the body has ended. */
  trailers?: Promise<Record<string, string>>;
}

/** Per-attempt options of a proxied call (failover retries replay a buffered body). */
export interface ProxyRequestOptions {
  /**
   * Send this body instead of streaming the client's request: a replayable copy (failover), or a
   * stream of it (traffic-shadowing's half of the teed body).
   */
  body?: Buffer | import("node:stream").Readable;
  /** Aborts this attempt only (failover's slow-call duration), not the exchange. */
  signal?: AbortSignal;
}

/** The backend's answer to a WebSocket handshake: switched (a raw socket) or refused (a response). */
export type UpstreamUpgrade =
  | {
      upgraded: true;
      headers: Record<string, string | string[]>;
      socket: import("node:stream").Duplex;
      head: Buffer;
    }
  | { upgraded: false; response: UpstreamResponse };

/** One health-check call (Gravitee's `http-health-check`), made with the endpoint's own client. */
export interface HealthProbe {
  method: string;
  /** A path appended to the endpoint's target path, or an absolute URL. */
  target: string;
  /** Call `target` from the endpoint's root instead of appending it to the target path. */
  fromRoot: boolean;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface ProbeResult {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** An HTTP backend (PROXY APIs): sends the exchange's request upstream. */
export interface ProxyEndpoint {
  readonly name: string;
  /** Rejects with a GatewayError: 502 when unreachable, 504 on timeout. */
  request(exchange: Exchange, options?: ProxyRequestOptions): Promise<UpstreamResponse>;
  /**
   * Sends the request and writes the backend's answer straight into `exchange.response` (an HTTP/1.1
   * response), streamed with backpressure — for exchanges whose response phase does nothing
   * (`Pipeline.passesResponseThrough`). Resolves false when it did not take the exchange (every
   * connection busy: `request` bounds the wait). Rejects with a GatewayError like `request` when
   * nothing was written yet; a failure after the head cuts the response off.
   */
  forward?(exchange: Exchange): Promise<boolean>;
  /** Proxies a WebSocket handshake; rejects with a GatewayError like `request`. */
  upgrade?(exchange: Exchange, head: Buffer): Promise<UpstreamUpgrade>;
  /** Runs one health-check call; rejects when the backend cannot be reached. */
  probe?(probe: HealthProbe): Promise<ProbeResult>;
  health(): Health;
  close(): Promise<void>;
}

/** A broker (MESSAGE APIs): the message-endpoint contract every broker connector implements. */
export interface MessageEndpoint {
  readonly name: string;
  /** The connector id (`kafka`, `mqtt5`, …): which QoS it honours is Gravitee's table (runtime/message/connectors.ts). */
  readonly type: string;
  readonly capabilities: {
    /** Can resume from a message id (`cursor`, `Last-Event-ID`). */
    readonly resume: boolean;
  };
  /** Connects; the runtime retries with backoff while it rejects. */
  connect(): Promise<void>;
  health(): Health;
  /**
   * Messages until `signal` aborts. `group` is the consumer name (runtime/message/consumer-name.ts):
   * subscriptions with the same name share the messages, different names each get all of them.
   */
  subscribe(options: {
    qos: Qos;
    cursor?: string;
    group?: string;
    signal: AbortSignal;
    /**
     * The subscriber also calls the iterator's return() when it stops (the gateway's subscriptions
     * do): an endpoint may end on that alone and leave `signal` unread.
     */
    returnsOnStop?: boolean;
    /** The subscribing request: its attributes and EL context (dynamic endpoint configuration). */
    exchange?: Exchange;
  }): AsyncIterable<Message>;
  /** `exchange`: the publishing request (dynamic endpoint configuration). */
  publish(message: Message, options?: { qos: Qos; exchange?: Exchange }): Promise<void>;
  close(): Promise<void>;
  /**
   * How far the running subscriptions' consumers are behind, per partition they hold (Kafka), as
   * last measured: messages written but not yet committed by the group (/metrics).
   */
  consumerLag?(): ReadonlyArray<{ group: string; topic: string; partition: number; lag: number }>;
}

export interface EndpointConnector<C, S, E extends ProxyEndpoint | MessageEndpoint> {
  readonly type: string;
  /** `configuration` is the endpoint's own, `shared` its shared configuration in effect. */
  create(config: C, shared: S, endpoint: { name: string; group: string }, ctx: ConnectorContext): E;
}

/** Gravitee's `http-health-check` service, its assertion compiled from EL. */
export type HealthCheck = Omit<HealthCheckService, "configuration"> & {
  configuration?: Omit<HealthCheckConfiguration, "assertion"> & {
    assertion?: ((el: ElContext) => boolean) | null;
  };
};

export interface EndpointBinding<
  E extends ProxyEndpoint | MessageEndpoint = ProxyEndpoint | MessageEndpoint,
> {
  readonly name: string;
  readonly weight: number;
  readonly secondary: boolean;
  /** Resolved health-check settings, when the endpoint (or its group) enables one. */
  healthCheck(ctx: ConnectorContext): HealthCheck | undefined;
  create(ctx: ConnectorContext): E;
}

export interface EndpointGroup<E extends ProxyEndpoint | MessageEndpoint = ProxyEndpoint | MessageEndpoint> {
  readonly name: string;
  readonly type: string;
  readonly loadBalancer: "ROUND_ROBIN" | "RANDOM" | "WEIGHTED_ROUND_ROBIN" | "WEIGHTED_RANDOM";
  readonly endpoints: ReadonlyArray<EndpointBinding<E>>;
}

// ── Entrypoints ────────────────────────────────────────────────────────────────────────────

/** Runs an API's pipeline for one HTTP exchange that an entrypoint accepted. */
export interface Pipeline {
  readonly api: RuntimeApi;
  /**
   * Runs security, plan and flow request steps; fails (throws or rejects) with a GatewayError.
   * Returns nothing when all of it ran synchronously (a keyless pass-through): await what it returns.
   */
  request(exchange: Exchange): void | Promise<void>;
  response(exchange: Exchange): Promise<void>;
  /** True when `response` would do nothing for this exchange (no response steps, nothing deferred). */
  passesResponseThrough?(exchange: Exchange): boolean;
  /** Applies publish or subscribe message steps; undefined = dropped. */
  message(phase: "publish" | "subscribe", message: Message, exchange: Exchange): Promise<Message | undefined>;
  /** Counts a message that failed between the entrypoint and the endpoint (metrics, access log). */
  messageFailed?(exchange: Exchange): void;
  /** True when `message` would hand every message of `phase` back unchanged for this exchange (no message steps). */
  passesMessagesThrough?(phase: "publish" | "subscribe", exchange: Exchange): boolean;
  /** Counts (and logs, as the API's analytics ask) a message that skipped `message` because it passes through. */
  messageSeen?(phase: "publish" | "subscribe", message: Message, exchange: Exchange): void;
  /** The endpoints of the API, started by the gateway. */
  proxyEndpoint(exchange: Exchange): ProxyEndpoint;
  messageEndpoints(): readonly MessageEndpoint[];
  /** A message endpoint by group name (its first endpoint) or endpoint name: a webhook `dlq`. */
  messageEndpoint?(name: string): MessageEndpoint | undefined;
  /**
   * Readies an exchange of a push subscription (webhook), which has no request to authenticate —
   * the subscription was authorised when it was made: selects the plan's and the API's flows.
   */
  prepareSubscription?(exchange: Exchange, plan: string): void;
}

/** Where a push subscription's deliveries stand (the admin port's /subscriptions, and metrics). */
export interface SubscriptionDeliveryState {
  readonly api: string;
  readonly subscription: string;
  readonly plan: string;
  /** The callback as it may be shown: origin and path, no credentials or query. */
  readonly callback: string;
  /** running; retrying (a delivery or the endpoint is being retried); failed (consumption interrupted, or a configuration that cannot work); stopped; completed (the endpoint ended). */
  readonly state: "starting" | "running" | "retrying" | "failed" | "stopped" | "completed";
  readonly delivered: number;
  /** Failed attempts (each retry that failed counts). */
  readonly failedAttempts: number;
  readonly deadLettered: number;
  /** Given up without a DLQ: acknowledged and not delivered. */
  readonly dropped: number;
  readonly lastDelivered?: { readonly id?: string; readonly at: string };
  readonly lastFailure?: { readonly status?: number; readonly error?: string; readonly at: string };
  readonly detail?: string;
}

export interface HttpEntrypoint {
  readonly type: string;
  /** Whether this entrypoint takes the request (e.g. sse: GET with Accept text/event-stream). */
  matches(request: GatewayRequest): boolean;
  handle(exchange: Exchange, pipeline: Pipeline): Promise<void>;
  /** Optional WebSocket upgrade handler. */
  upgrade?(
    request: IncomingMessage,
    socket: import("node:stream").Duplex,
    head: Buffer,
    exchange: Exchange,
    pipeline: Pipeline,
  ): void;
  /**
   * The origins whose WebSocket handshakes it takes (browsers do not apply CORS to WebSocket);
   * undefined: the listener's CORS origins (runtime/server/cors.ts).
   */
  readonly allowedOrigins?: readonly string[];
  close?(): Promise<void>;
  /** Push entrypoints (webhook): start delivering once the gateway runs. */
  start?(pipeline: Pipeline): void;
  /** Push entrypoints: each subscription's delivery state. */
  deliveries?(): readonly SubscriptionDeliveryState[];
}

export interface EntrypointConnector<C> {
  readonly type: string;
  /** Higher first when several entrypoints of an API could take a request. */
  readonly priority: number;
  create(config: C, qos: Qos, ctx: ConnectorContext): HttpEntrypoint;
}

export interface EntrypointBinding {
  readonly type: string;
  readonly priority: number;
  create(ctx: ConnectorContext): HttpEntrypoint;
}

// ── The compiled API ───────────────────────────────────────────────────────────────────────

export interface ContextPath {
  readonly host?: string;
  /** Normalised: leading and trailing `/`. */
  readonly path: string;
}

export interface ApiDefinition {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly type: ApiType;
  /** The spec file this API came from, and the hash of its document (for /info). */
  readonly source: string;
  readonly hash: string;
  readonly paths: readonly ContextPath[];
  readonly entrypoints: readonly EntrypointBinding[];
  readonly endpointGroups: readonly EndpointGroup[];
  readonly plans: readonly Plan[];
  readonly flows: readonly Flow[];
  readonly flowExecution: { readonly mode: "DEFAULT" | "BEST_MATCH"; readonly matchRequired: boolean };
  readonly properties: Readonly<Record<string, Resolvable<string>>>;
  /**
   * The Dictionary resources (docs/expression-language.md#dictionaries) the API's expressions read,
   * by `metadata.name`: only those, so a gateway holds no dictionary no API reads.
   */
  readonly dictionaries?: Readonly<Record<string, Readonly<Record<string, Resolvable<string>>>>>;
  /** Gravitee's API-level failover (retries, slow calls, circuit breaker). */
  readonly failover?: Resolvable<Failover>;
  /** The listener's CORS settings (Gravitee's), applied by the gateway (runtime/server/cors.ts). */
  readonly cors?: Resolvable<Cors>;
  /** v2 only: strip the context path before proxying (default true). */
  readonly stripContextPath?: boolean;
  /** `spec.resources`, references to ApiResources resolved (SecurityContext.resource). */
  readonly resources?: readonly ResourceDefinition[];
  /** `spec.responseTemplates`: replace the body and status of gateway errors by key. */
  readonly responseTemplates?: ResponseTemplates;
  /**
   * Bodies the API's expressions read (`#request.content`, `#response.content`): the gateway buffers
   * them before the phase runs (up to SLUICE_EL_BODY_LIMIT); all other bodies stream.
   */
  readonly bodies?: { readonly request: boolean; readonly response: boolean };
  /**
   * `analytics.tracing` when enabled: the API's requests are traced once OpenTelemetry export is
   * configured (runtime/observability/tracing.ts); `verbose` adds a span per policy step.
   */
  readonly tracing?: { readonly verbose: boolean };
  /**
   * v4 `analytics` (v2 `proxy.logging` in the same shape): whether the API's exchanges reach the
   * access log, what it records of them, and which messages (runtime/observability/).
   */
  readonly analytics?: AnalyticsDefinition;
  /** The webhook Notifications of `spec.notificationsRefs` (runtime/notifications/). */
  readonly notifications?: readonly NotificationDefinition[];
}

/** Gravitee's analytics and logging settings of one API, as the access log reads them (docs/operations.md). */
export interface AnalyticsDefinition {
  /** false: the API's exchanges are not written to the access log (Gravitee's default: true). */
  readonly enabled: boolean;
  /** Which messages of a MESSAGE API get their own log line (no sampling: every one). */
  readonly sampling?: {
    readonly type: "PROBABILITY" | "TEMPORAL" | "COUNT" | "WINDOWED_COUNT";
    readonly value?: string;
  };
  /** Request and message content to log; absent: the access-log line carries no content. */
  readonly logging?: {
    /** Hops: client ↔ gateway (entrypoint), gateway ↔ backend (endpoint). */
    readonly entrypoint: boolean;
    readonly endpoint: boolean;
    /** Phases. */
    readonly request: boolean;
    readonly response: boolean;
    readonly headers: boolean;
    readonly payload: boolean;
    readonly messageHeaders: boolean;
    readonly messagePayload: boolean;
    readonly messageMetadata: boolean;
    /** Log content only for exchanges where this holds. */
    readonly condition?: (el: ElContext) => boolean;
    /** Log only messages where this holds. */
    readonly messageCondition?: (el: ElContext) => boolean;
  };
}

/** The events a Notification's webhook can be sent (docs/notifications.md). */
export type NotificationEvent =
  | "API_READY"
  | "API_NOT_READY"
  | "ENDPOINT_DOWN"
  | "ENDPOINT_UP"
  | "SUBSCRIPTION_EXPIRING"
  | "APIKEY_EXPIRING"
  | "WEBHOOK_DELIVERY_FAILING"
  | "WEBHOOK_DELIVERY_RECOVERED";

/** A Notification's `webhook` block (compiler/validate/schemas/notification.schema.json). */
export interface WebhookNotificationSettings {
  /** May carry a token: a secret or an environment reference, never logged. */
  readonly url: string | SecretValue;
  readonly apiEvents: readonly NotificationEvent[];
  readonly headers?: ReadonlyArray<{ readonly name: string; readonly value: string | SecretValue }>;
  readonly retry?: {
    readonly maxAttempts?: number;
    readonly initialDelayMs?: number;
    readonly maxDelayMs?: number;
  };
  readonly timeoutMs?: number;
  readonly queueSize?: number;
  readonly expiringWithinDays?: number;
}

/** A Notification resource with the `webhook` target, as data of each API that references it. */
export interface NotificationDefinition {
  /** `metadata.name` of the Notification: one delivery queue per name, whatever APIs share it. */
  readonly name: string;
  readonly webhook: Resolvable<WebhookNotificationSettings>;
}

/** An API as the running gateway holds it: every binding instantiated, every reference resolved. */
export interface RuntimeApi {
  readonly definition: ApiDefinition;
  readonly info: ApiInfo;
  /**
   * A PROXY API's endpoint by name, else the next endpoint of the group of that name (Gravitee's
   * EndpointManager by name): what traffic-shadowing copies requests to.
   */
  proxyEndpointNamed?(name: string): ProxyEndpoint | undefined;
  /** Counts a traffic-shadowing copy (`sluice_shadow_requests_total`): sent, failed, or abandoned. */
  shadowed?(endpoint: string, outcome: ShadowOutcome): void;
}

/** What became of a shadow copy: `sent` (the shadow answered), `failed`, or `abandoned` (it fell behind). */
export type ShadowOutcome = "sent" | "failed" | "abandoned";

export interface GatewayBundle {
  readonly version: string;
  readonly apis: readonly ApiDefinition[];
  /** The route table in match order (host-bound first, then longest path), as the compiler built it. */
  readonly routes?: ReadonlyArray<{ readonly host?: string; readonly path: string; readonly api: string }>;
}

export type { Resolvable };
