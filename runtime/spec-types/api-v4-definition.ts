// DO NOT EDIT: generated from compiler/validate/schemas/api-v4-definition.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

import type { ResourceMetadata, ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions, BrokerAuth, BrokerSsl } from "./shared-definitions.ts";
export type { ResourceMetadata, ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions, BrokerAuth, BrokerSsl };

/**
 * A listener. Sluice serves `HTTP` and `SUBSCRIPTION` listeners; a `TCP` listener is accepted by the schema and rejected by a check rule, so it is reported once.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Listener".
 */
export type Listener = HttpListener | SubscriptionListener | TcpListener;
/**
 * An entrypoint: how clients consume or produce (connector ids: `http-get`, `http-post`, `http-proxy`, `sse`, `webhook`, `websocket`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Entrypoint".
 */
export type Entrypoint =
  | HttpGetEntrypoint
  | HttpPostEntrypoint
  | HttpProxyEntrypoint
  | SseEntrypoint
  | WebhookEntrypoint
  | WebsocketEntrypoint;
/**
 * An endpoint group (connector ids: `http-proxy`, `kafka`, `mock`, `mqtt5`, `rabbitmq`, `solace`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "EndpointGroup".
 */
export type EndpointGroup =
  | HttpProxyEndpointGroup
  | KafkaEndpointGroup
  | MockEndpointGroup
  | Mqtt5EndpointGroup
  | RabbitMqEndpointGroup
  | SolaceEndpointGroup;
/**
 * An endpoint (connector ids: `http-proxy`, `kafka`, `mock`, `mqtt5`, `rabbitmq`, `solace`); its configuration is checked against its own type.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Endpoint".
 */
export type Endpoint =
  HttpProxyEndpoint | KafkaEndpoint | MockEndpoint | Mqtt5Endpoint | RabbitMqEndpoint | SolaceEndpoint;
/**
 * A flow selector.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "FlowSelector".
 */
export type FlowSelector = HttpSelector | ChannelSelector | ConditionSelector;
/**
 * A flow step: one policy and its configuration. Known policies: `assign-attributes`, `assign-content`, `avro-json`, `cache`, `cloud-events`, `data-logging-masking`, `dynamic-routing`, `graphql-guard`, `graphql-rate-limit`, `html-json`, `http-callout`, `ip-filtering`, `javascript`, `json-threat-protection`, `json-validation`, `json-xml`, `latency`, `message-filtering`, `mock`, `policy-basic-authentication`, `policy-interrupt`, `policy-override-request-method`, `policy-request-validation`, `protobuf-json`, `quota`, `rate-limit`, `regex-threat-protection`, `request-content-limit`, `resource-filtering`, `rest-to-soap`, `retry`, `spike-arrest`, `ssl-enforcement`, `traffic-shadowing`, `transform-headers`, `transform-queryparams`, `url-rewriting`, `xml-json`, `xml-threat-protection`, `xml-validation`; any other id is an error.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "FlowStep".
 */
export type FlowStep =
  | AssignAttributesStep
  | AssignContentStep
  | AvroJsonStep
  | CacheStep
  | CloudEventsStep
  | DataLoggingMaskingStep
  | DynamicRoutingStep
  | GraphqlGuardStep
  | GraphqlRateLimitStep
  | HtmlJsonStep
  | HttpCalloutStep
  | IpFilteringStep
  | JavascriptStep
  | JsonThreatProtectionStep
  | JsonValidationStep
  | JsonToXmlStep
  | LatencyStep
  | MessageFilteringStep
  | MockStep
  | BasicAuthenticationStep
  | InterruptStep
  | OverrideRequestMethodStep
  | RequestValidationStep
  | ProtobufJsonStep
  | QuotaStep
  | RateLimitStep
  | RegexThreatProtectionStep
  | RequestContentLimitStep
  | ResourceFilteringStep
  | RestToSoapStep
  | RetryStep
  | SpikeArrestStep
  | SslEnforcementStep
  | TrafficShadowingStep
  | TransformHeadersStep
  | TransformQueryParamsStep
  | UrlRewritingStep
  | XmlToJsonStep
  | XmlThreatProtectionStep
  | XmlValidationStep;
/**
 * Plan security: how a request is authenticated.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "PlanSecurity".
 */
export type PlanSecurity =
  ApiKeyPlanSecurity | JwtPlanSecurity | KeyLessPlanSecurity | MtlsPlanSecurity | OAuth2PlanSecurity;
/**
 * The group, by `sharedPolicyGroupId` (its `spec.crossId`, else its `metadata.name`) or by `hrid` (GKO's `<namespace>-<name>`, or its `metadata.name`).
 */
export type SharedPolicyGroupPolicyConfiguration = {
  [k: string]: unknown | undefined;
} & {
  /**
   * The group's Gravitee id: its `spec.crossId`, or its `metadata.name`.
   */
  sharedPolicyGroupId?: string;
  /**
   * The group's human-readable id (GKO): `<namespace>-<name>`, or its `metadata.name`.
   */
  hrid?: string;
};
/**
 * A policy step of an API's flow: one policy and its configuration, or Gravitee's `shared-policy-group-policy` step naming a SharedPolicyGroup.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ApiFlowStep".
 */
export type ApiFlowStep =
  | AssignAttributesStep
  | AssignContentStep
  | AvroJsonStep
  | CacheStep
  | CloudEventsStep
  | DataLoggingMaskingStep
  | DynamicRoutingStep
  | GraphqlGuardStep
  | GraphqlRateLimitStep
  | HtmlJsonStep
  | HttpCalloutStep
  | IpFilteringStep
  | JavascriptStep
  | JsonThreatProtectionStep
  | JsonValidationStep
  | JsonToXmlStep
  | LatencyStep
  | MessageFilteringStep
  | MockStep
  | BasicAuthenticationStep
  | InterruptStep
  | OverrideRequestMethodStep
  | RequestValidationStep
  | ProtobufJsonStep
  | QuotaStep
  | RateLimitStep
  | RegexThreatProtectionStep
  | RequestContentLimitStep
  | ResourceFilteringStep
  | RestToSoapStep
  | RetryStep
  | SpikeArrestStep
  | SslEnforcementStep
  | TrafficShadowingStep
  | TransformHeadersStep
  | TransformQueryParamsStep
  | UrlRewritingStep
  | XmlToJsonStep
  | XmlThreatProtectionStep
  | XmlValidationStep
  | SharedPolicyGroupPolicyStep;

/**
 * A Sluice v4 API: a Gravitee Kubernetes Operator `ApiV4Definition` resource (PROXY or MESSAGE API).
 */
export interface ApiV4Definition {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "ApiV4Definition";
  metadata: ResourceMetadata;
  spec: ApiV4Spec;
}
/**
 * A v4 API: the GKO ApiV4Definition spec / Gravitee Management API v2 model, with UPPERCASE enums.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ApiV4Spec".
 */
export interface ApiV4Spec {
  /**
   * API name.
   */
  name: string;
  /**
   * API description.
   */
  description?: string;
  /**
   * API version (free text, e.g. `1.0`).
   */
  version: string;
  /**
   * Backend exposure method: `PROXY` proxies an upstream protocol (REST, SOAP, WebSocket, gRPC, GraphQL); `MESSAGE` introspects messages from an event-driven backend.
   */
  type: "PROXY" | "MESSAGE";
  /**
   * How clients reach the API: at most one listener of each type.
   */
  listeners: Listener[];
  /**
   * The backends: groups of endpoints of one connector type.
   */
  endpointGroups: EndpointGroup[];
  flowExecution?: FlowExecution;
  /**
   * API-level flows (run after the plan's flows).
   */
  flows?: Flow[];
  /**
   * Plans keyed by plan key (GKO style). Every API needs at least one plan.
   */
  plans?: {
    [k: string]: Plan | undefined;
  };
  /**
   * API properties.
   */
  properties?: ApiProperty[];
  /**
   * Resources used by policies and plans.
   */
  resources?: ApiResource[];
  responseTemplates?: ResponseTemplates;
  failover?: Failover;
  services?: ApiServices;
  analytics?: Analytics;
  /**
   * Sharding tags: the gateways that deploy the API.
   */
  tags?: string[];
  /**
   * Documentation pages keyed by page key; Sluice publishes them as the API's documentation.
   */
  pages?: {
    [k: string]: Page | undefined;
  };
  contextRef?: ResourceReference;
  definitionContext?: DefinitionContext;
  /**
   * Definition version (management only).
   */
  definitionVersion?: "V4";
  /**
   * API id in APIM (management only).
   */
  id?: string;
  /**
   * Cross-environment id (management only).
   */
  crossId?: string;
  /**
   * API state in APIM (management only).
   */
  state?: "STARTED" | "STOPPED";
  /**
   * Portal lifecycle state (management only).
   */
  lifecycleState?: "CREATED" | "PUBLISHED" | "UNPUBLISHED" | "DEPRECATED" | "ARCHIVED";
  /**
   * Portal visibility (management only).
   */
  visibility?: "PUBLIC" | "PRIVATE";
  /**
   * Notify new members (management only).
   */
  notifyMembers?: boolean;
  /**
   * Groups associated with the API (management only).
   */
  groups?: string[];
  /**
   * References to Group resources (management only).
   */
  groupRefs?: ResourceReference[];
  /**
   * API members (management only).
   */
  members?: ApiMember[];
  /**
   * Portal categories (management only).
   */
  categories?: string[];
  /**
   * Portal labels (management only).
   */
  labels?: string[];
  /**
   * API metadata (management only).
   */
  metadata?: ApiMetadataEntry[];
  /**
   * References to Notification resources (management only).
   */
  notificationsRefs?: ResourceReference[];
  /**
   * GKO local mode: the definition is stored in a ConfigMap (management only).
   */
  local?: boolean;
}
/**
 * An HTTP listener: context paths and the entrypoints served on them.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpListener".
 */
export interface HttpListener {
  /**
   * Listener type.
   */
  type: "HTTP";
  /**
   * Context paths (normalised as Gravitee does; a host+path pair belongs to one API).
   */
  paths: ListenerPath[];
  /**
   * Path templates used to group analytics (e.g. `/books/:id`).
   */
  pathMappings?: string[];
  /**
   * Entrypoints served on the paths; no two of the same type.
   */
  entrypoints: Entrypoint[];
  cors?: Cors;
  /**
   * Server ids the listener is bound to (Gravitee multi-server; informational).
   */
  servers?: string[];
}
/**
 * A context path, optionally on a virtual host.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ListenerPath".
 */
export interface ListenerPath {
  /**
   * Virtual host; absent: any host.
   */
  host?: string;
  /**
   * Context path (e.g. `/orders`).
   */
  path: string;
  /**
   * Use this virtual host as the API's access URL in the portal.
   */
  overrideAccess?: boolean;
}
/**
 * The `http-get` entrypoint: clients poll messages with GET.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpGetEntrypoint".
 */
export interface HttpGetEntrypoint {
  /**
   * Entrypoint connector id: `http-get`.
   */
  type: "http-get";
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  dlq?: DeadLetterQueue;
  configuration?: HttpGetEntrypointConfiguration;
}
/**
 * Dead letter queue: where messages that could not be delivered go (`webhook` only).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "DeadLetterQueue".
 */
export interface DeadLetterQueue {
  /**
   * Name of the endpoint group or endpoint receiving undeliverable messages.
   */
  endpoint: string;
}
/**
 * Configuration of the `http-get` entrypoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpGetEntrypointConfiguration".
 */
export interface HttpGetEntrypointConfiguration {
  /**
   * Maximum number of messages returned by one request (caps the `limit` query parameter).
   */
  messagesLimitCount?: number;
  /**
   * Maximum time to wait for messages, in milliseconds.
   */
  messagesLimitDurationMs?: number;
  /**
   * Include message headers in the response items.
   */
  headersInPayload?: boolean;
  /**
   * Include message metadata in the response items.
   */
  metadataInPayload?: boolean;
}
/**
 * The `http-post` entrypoint: each POST body is a message.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpPostEntrypoint".
 */
export interface HttpPostEntrypoint {
  /**
   * Entrypoint connector id: `http-post`.
   */
  type: "http-post";
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  dlq?: DeadLetterQueue;
  configuration?: HttpPostEntrypointConfiguration;
}
/**
 * Configuration of the `http-post` entrypoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpPostEntrypointConfiguration".
 */
export interface HttpPostEntrypointConfiguration {
  /**
   * Copy the request headers into the message headers.
   */
  requestHeadersToMessage?: boolean;
}
/**
 * The `http-proxy` entrypoint (PROXY APIs).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpProxyEntrypoint".
 */
export interface HttpProxyEntrypoint {
  /**
   * Entrypoint connector id: `http-proxy`.
   */
  type: "http-proxy";
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  dlq?: DeadLetterQueue;
  configuration?: HttpProxyEntrypointConfiguration;
}
/**
 * Configuration of the `http-proxy` entrypoint (none).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpProxyEntrypointConfiguration".
 */
export interface HttpProxyEntrypointConfiguration {}
/**
 * The `sse` entrypoint: messages streamed as server-sent events.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SseEntrypoint".
 */
export interface SseEntrypoint {
  /**
   * Entrypoint connector id: `sse`.
   */
  type: "sse";
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  dlq?: DeadLetterQueue;
  configuration?: SseEntrypointConfiguration;
}
/**
 * Configuration of the `sse` entrypoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SseEntrypointConfiguration".
 */
export interface SseEntrypointConfiguration {
  /**
   * Send a heartbeat comment after this many idle milliseconds.
   */
  heartbeatIntervalInMs?: number;
  /**
   * Send message metadata as SSE comment lines.
   */
  metadataAsComment?: boolean;
  /**
   * Send message headers as SSE comment lines.
   */
  headersAsComment?: boolean;
  /**
   * Sluice: the reconnection delay sent to clients in the first `retry:` field (Gravitee sends a random 1–30 s).
   */
  retryInMs?: number;
  /**
   * Sluice: the event name of an endpoint failure; `error` is Gravitee's, which collides with EventSource's own `error` event.
   */
  errorEventName?: string;
  /**
   * Sluice: gzip the stream for clients that offer it, flushed after every event.
   */
  compress?: boolean;
}
/**
 * The `webhook` entrypoint: messages POSTed to each subscription's callback URL.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "WebhookEntrypoint".
 */
export interface WebhookEntrypoint {
  /**
   * Entrypoint connector id: `webhook`.
   */
  type: "webhook";
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  dlq?: DeadLetterQueue;
  configuration?: WebhookEntrypointConfiguration;
}
/**
 * Configuration of the `webhook` entrypoint (the callback URL comes from each subscription).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "WebhookEntrypointConfiguration".
 */
export interface WebhookEntrypointConfiguration {
  /**
   * Stop consuming for a subscription whose callback still answers a 5xx once retries are exhausted (its message stays unacknowledged); otherwise the message goes to the DLQ, or is dropped.
   */
  interruptConsumptionOnServerError?: boolean;
  /**
   * Likewise when the callback cannot be reached at all (connection refused, timeout).
   */
  interruptConsumptionOnException?: boolean;
  http?: WebhookHttpOptions;
  proxy?: HttpProxyOptions;
  logging?: WebhookLogging;
}
/**
 * HTTP client options for the callback calls.
 */
export interface WebhookHttpOptions {
  /**
   * Maximum time to connect to the callback, in milliseconds.
   */
  connectTimeout?: number;
  /**
   * Maximum time for the callback to respond, in milliseconds.
   */
  readTimeout?: number;
  /**
   * Maximum time a pooled connection stays unused, in milliseconds.
   */
  idleTimeout?: number;
  /**
   * Maximum connection pool size per callback.
   */
  maxConcurrentConnections?: number;
}
/**
 * Logging of the callback calls.
 */
export interface WebhookLogging {
  /**
   * Whether callback calls are logged.
   */
  enabled?: boolean;
  request?: WebhookLoggingPart;
  response?: WebhookLoggingPart;
}
/**
 * What to log of a callback request or response.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "WebhookLoggingPart".
 */
export interface WebhookLoggingPart {
  /**
   * Log headers.
   */
  headers?: boolean;
  /**
   * Log payloads.
   */
  payload?: boolean;
}
/**
 * The `websocket` entrypoint: messages as WebSocket frames, both ways.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "WebsocketEntrypoint".
 */
export interface WebsocketEntrypoint {
  /**
   * Entrypoint connector id: `websocket`.
   */
  type: "websocket";
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  dlq?: DeadLetterQueue;
  configuration?: WebsocketEntrypointConfiguration;
}
/**
 * Configuration of the `websocket` entrypoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "WebsocketEntrypointConfiguration".
 */
export interface WebsocketEntrypointConfiguration {
  publisher?: WebsocketPublisher;
  subscriber?: WebsocketSubscriber;
  /**
   * Sluice: browser origins whose handshakes are accepted (`*`: any); absent, the listener's CORS origins. A handshake without Origin or from the gateway's own origin is always accepted.
   */
  allowedOrigins?: string[];
  /**
   * Sluice: negotiate permessage-deflate (RFC 7692) with clients that offer it.
   */
  perMessageDeflate?: boolean;
}
/**
 * Clients publishing messages.
 */
export interface WebsocketPublisher {
  /**
   * Whether clients may publish.
   */
  enabled?: boolean;
}
/**
 * Clients receiving messages.
 */
export interface WebsocketSubscriber {
  /**
   * Whether clients receive messages.
   */
  enabled?: boolean;
}
/**
 * CORS handled by the HTTP listener.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Cors".
 */
export interface Cors {
  /**
   * Whether CORS is handled.
   */
  enabled?: boolean;
  /**
   * Allowed origins (`*` or exact origins; regular expressions are allowed).
   */
  allowOrigin?: string[];
  /**
   * Allowed methods.
   */
  allowMethods?: string[];
  /**
   * Allowed request headers.
   */
  allowHeaders?: string[];
  /**
   * Response headers exposed to the browser.
   */
  exposeHeaders?: string[];
  /**
   * Allow credentials.
   */
  allowCredentials?: boolean;
  /**
   * Preflight cache duration in seconds (-1: not sent).
   */
  maxAge?: number;
  /**
   * Run the API's policies on preflight requests.
   */
  runPolicies?: boolean;
}
/**
 * A subscription listener: push entrypoints (`webhook`) that deliver to subscribers.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SubscriptionListener".
 */
export interface SubscriptionListener {
  /**
   * Listener type.
   */
  type: "SUBSCRIPTION";
  /**
   * Entrypoints of the listener (`webhook`).
   */
  entrypoints: Entrypoint[];
  /**
   * Server ids the listener is bound to (informational).
   */
  servers?: string[];
}
/**
 * A TCP listener (TCP proxy APIs). Not supported by Sluice: a check rule reports it.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TcpListener".
 */
export interface TcpListener {
  /**
   * Listener type.
   */
  type: "TCP";
  /**
   * SNI host names.
   */
  hosts?: string[];
  /**
   * Entrypoints of the listener.
   */
  entrypoints?: TcpEntrypoint[];
  /**
   * Server ids the listener is bound to (informational).
   */
  servers?: string[];
}
/**
 * A TCP entrypoint (`tcp-proxy`).
 */
export interface TcpEntrypoint {
  /**
   * Entrypoint connector id.
   */
  type: string;
  /**
   * Quality of service of the entrypoint; it must be supported by the entrypoint and by every endpoint group (docs/contract.md §2 rule 5).
   */
  qos?: "NONE" | "AUTO" | "AT_MOST_ONCE" | "AT_LEAST_ONCE";
  /**
   * Entrypoint configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * An endpoint group of HTTP endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpProxyEndpointGroup".
 */
export interface HttpProxyEndpointGroup {
  /**
   * Group name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `http-proxy`.
   */
  type: "http-proxy";
  loadBalancer?: LoadBalancer;
  sharedConfiguration?: HttpProxySharedConfiguration;
  services?: EndpointGroupServices;
  /**
   * The group's endpoints; each endpoint's `type` must equal the group's.
   */
  endpoints?: Endpoint[];
}
/**
 * How a group spreads requests over its endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "LoadBalancer".
 */
export interface LoadBalancer {
  /**
   * Load-balancing algorithm.
   */
  type: "ROUND_ROBIN" | "RANDOM" | "WEIGHTED_ROUND_ROBIN" | "WEIGHTED_RANDOM";
}
/**
 * Shared configuration of `http-proxy` endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpProxySharedConfiguration".
 */
export interface HttpProxySharedConfiguration {
  http?: HttpClientOptions;
  proxy?: HttpProxyOptions;
  ssl?: SslOptions;
  /**
   * Headers added to (or overwritten on) every backend request.
   */
  headers?: HttpHeader[];
}
/**
 * Services of an endpoint group.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "EndpointGroupServices".
 */
export interface EndpointGroupServices {
  healthCheck?: HealthCheckService;
  discovery?: DiscoveryService;
}
/**
 * Active health checking of endpoints (`http-health-check`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HealthCheckService".
 */
export interface HealthCheckService {
  /**
   * Whether the service runs.
   */
  enabled?: boolean;
  /**
   * Whether an endpoint's service configuration replaces the group's.
   */
  overrideConfiguration?: boolean;
  /**
   * Health-check service id.
   */
  type?: "http-health-check";
  configuration?: HealthCheckConfiguration;
}
/**
 * Health-check settings.
 */
export interface HealthCheckConfiguration {
  /**
   * Cron expression with seconds (e.g. `* /10 * * * * *`).
   */
  schedule?: string;
  /**
   * HTTP method of the check.
   */
  method?: "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE" | "OTHER";
  /**
   * Path (or URL) called.
   */
  target?: string;
  /**
   * Call `target` from the endpoint root instead of appending it to the endpoint path.
   */
  overrideEndpointPath?: boolean;
  /**
   * Headers of the check request.
   */
  headers?: HttpHeader[];
  /**
   * Body of the check request.
   */
  body?: string;
  /**
   * EL assertion on the response (e.g. `{#response.status == 200}`).
   */
  assertion?: string;
  /**
   * Consecutive successes to mark an endpoint up.
   */
  successThreshold?: number;
  /**
   * Consecutive failures to mark an endpoint down.
   */
  failureThreshold?: number;
}
/**
 * Endpoint discovery (e.g. Consul). Not run by Sluice; accepted for compatibility.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "DiscoveryService".
 */
export interface DiscoveryService {
  /**
   * Whether the service runs.
   */
  enabled?: boolean;
  /**
   * Whether an endpoint's service configuration replaces the group's.
   */
  overrideConfiguration?: boolean;
  /**
   * Discovery service id.
   */
  type?: string;
  /**
   * Discovery configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * A HTTP backend endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpProxyEndpoint".
 */
export interface HttpProxyEndpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `http-proxy`.
   */
  type: "http-proxy";
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).
   */
  inheritConfiguration?: boolean;
  configuration: HttpProxyEndpointConfiguration;
  sharedConfigurationOverride?: HttpProxySharedConfiguration;
  services?: EndpointServices;
  /**
   * A secondary endpoint only receives traffic when every primary endpoint is down.
   */
  secondary?: boolean;
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
}
/**
 * Configuration of an `http-proxy` endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpProxyEndpointConfiguration".
 */
export interface HttpProxyEndpointConfiguration {
  /**
   * Backend URL (http, https, ws, wss, grpc; may contain EL).
   */
  target: string;
}
/**
 * Services of an endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "EndpointServices".
 */
export interface EndpointServices {
  healthCheck?: HealthCheckService;
}
/**
 * A Kafka cluster endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "KafkaEndpoint".
 */
export interface KafkaEndpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `kafka`.
   */
  type: "kafka";
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).
   */
  inheritConfiguration?: boolean;
  configuration: KafkaEndpointConfiguration;
  sharedConfigurationOverride?: KafkaSharedConfiguration;
  services?: EndpointServices;
  /**
   * A secondary endpoint only receives traffic when every primary endpoint is down.
   */
  secondary?: boolean;
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
}
/**
 * Configuration of a `kafka` endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "KafkaEndpointConfiguration".
 */
export interface KafkaEndpointConfiguration {
  /**
   * Comma-separated `host:port` list used to discover the cluster.
   */
  bootstrapServers: string;
}
/**
 * Shared configuration of `kafka` endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "KafkaSharedConfiguration".
 */
export interface KafkaSharedConfiguration {
  security?: KafkaSecurity;
  consumer?: KafkaConsumer;
  producer?: KafkaProducer;
}
/**
 * How the gateway authenticates to the cluster.
 */
export interface KafkaSecurity {
  /**
   * Kafka security protocol.
   */
  protocol?: "PLAINTEXT" | "SASL_PLAINTEXT" | "SASL_SSL" | "SSL";
  sasl?: KafkaSasl;
  ssl?: KafkaSsl;
}
/**
 * SASL settings (SASL_PLAINTEXT, SASL_SSL).
 */
export interface KafkaSasl {
  /**
   * SASL mechanism.
   */
  saslMechanism?: "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512" | "OAUTHBEARER" | "GSSAPI";
  /**
   * JAAS login module configuration (e.g. `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";`).
   */
  saslJaasConfig?: string;
}
/**
 * TLS settings (SSL, SASL_SSL).
 */
export interface KafkaSsl {
  trustStore?: KafkaTrustStore;
  keyStore?: KafkaKeyStore;
}
/**
 * Certificates trusted to verify the brokers.
 */
export interface KafkaTrustStore {
  /**
   * Trust store format.
   */
  type?: "NONE" | "PEM" | "JKS" | "PKCS12";
  /**
   * Path of the trust store file.
   */
  location?: string;
  /**
   * Trusted certificates (PEM) or base64 store content.
   */
  certificates?: string;
  /**
   * Trust store password.
   */
  password?: string;
}
/**
 * Client certificate and key (mutual TLS).
 */
export interface KafkaKeyStore {
  /**
   * Key store format.
   */
  type?: "NONE" | "PEM" | "JKS" | "PKCS12";
  /**
   * Path of the key store file.
   */
  location?: string;
  /**
   * Client certificate chain (PEM).
   */
  certificateChain?: string;
  /**
   * Private key (PEM).
   */
  key?: string;
  /**
   * Private key password.
   */
  keyPassword?: string;
  /**
   * Key store password.
   */
  password?: string;
}
/**
 * Consuming from Kafka.
 */
export interface KafkaConsumer {
  /**
   * Whether the endpoint consumes.
   */
  enabled?: boolean;
  /**
   * Topics to consume (or use `topicPattern`).
   */
  topics?: string[];
  /**
   * Java regular expression selecting the topics to consume (instead of `topics`).
   */
  topicPattern?: string;
  /**
   * Where to start when the consumer group has no committed offset: earliest, latest or none; EL is evaluated per subscription, and the attribute `gravitee.attributes.endpoint.kafka.consumer.autoOffsetReset` overrides it.
   */
  autoOffsetReset?: (
    | ("earliest" | "latest" | "none")
    | {
        [k: string]: unknown | undefined;
      }
  ) &
    string;
  /**
   * Fail when a topic does not exist instead of waiting for it.
   */
  checkTopicExistence?: boolean;
  /**
   * Strip the Confluent schema-registry header from message content.
   */
  removeConfluentHeader?: boolean;
  /**
   * Base64-encode message ids (the `topic@partition#offset` cursor).
   */
  encodeMessageId?: boolean;
}
/**
 * Producing to Kafka.
 */
export interface KafkaProducer {
  /**
   * Whether the endpoint produces.
   */
  enabled?: boolean;
  /**
   * Topics messages are produced to.
   */
  topics?: string[];
  /**
   * Compression of produced batches.
   */
  compressionType?: "none" | "gzip" | "snappy" | "lz4" | "zstd";
}
/**
 * A mock message source endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MockEndpoint".
 */
export interface MockEndpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `mock`.
   */
  type: "mock";
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).
   */
  inheritConfiguration?: boolean;
  configuration?: MockEndpointConfiguration;
  sharedConfigurationOverride?: MockSharedConfiguration;
  services?: EndpointServices;
  /**
   * A secondary endpoint only receives traffic when every primary endpoint is down.
   */
  secondary?: boolean;
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
}
/**
 * Configuration of a `mock` endpoint: generates messages (and accepts published ones).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MockEndpointConfiguration".
 */
export interface MockEndpointConfiguration {
  /**
   * Interval between generated messages, in milliseconds.
   */
  messageInterval?: number;
  /**
   * Content of generated messages.
   */
  messageContent?: string;
  /**
   * Number of messages generated; absent: no limit.
   */
  messageCount?: number;
  /**
   * Headers set on every generated message.
   */
  headers?: HttpHeader[];
  /**
   * Metadata set on every generated message.
   */
  metadata?: HttpHeader[];
}
/**
 * Shared configuration of `mock` endpoints (none).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MockSharedConfiguration".
 */
export interface MockSharedConfiguration {}
/**
 * A MQTT 5 broker endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Mqtt5Endpoint".
 */
export interface Mqtt5Endpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `mqtt5`.
   */
  type: "mqtt5";
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).
   */
  inheritConfiguration?: boolean;
  configuration: Mqtt5EndpointConfiguration;
  sharedConfigurationOverride?: Mqtt5SharedConfiguration;
  services?: EndpointServices;
  /**
   * A secondary endpoint only receives traffic when every primary endpoint is down.
   */
  secondary?: boolean;
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
}
/**
 * Configuration of an `mqtt5` endpoint (MQTT 5 only).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Mqtt5EndpointConfiguration".
 */
export interface Mqtt5EndpointConfiguration {
  /**
   * Broker host.
   */
  serverHost: string;
  /**
   * Broker port.
   */
  serverPort: number;
  /**
   * Reconnect attempts after a disconnection.
   */
  reconnectAttempts?: number;
}
/**
 * Shared configuration of `mqtt5` endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Mqtt5SharedConfiguration".
 */
export interface Mqtt5SharedConfiguration {
  /**
   * Session expiry interval in seconds (-1: no expiry).
   */
  sessionExpiryInterval?: number;
  security?: Mqtt5Security;
  consumer?: Mqtt5Consumer;
  producer?: Mqtt5Producer;
}
/**
 * Authentication and TLS.
 */
export interface Mqtt5Security {
  auth?: BrokerAuth;
  ssl?: BrokerSsl;
}
/**
 * Subscribing to the broker.
 */
export interface Mqtt5Consumer {
  /**
   * Whether the endpoint consumes.
   */
  enabled?: boolean;
  /**
   * Topic filter to subscribe to (shared subscription per client).
   */
  topic?: string;
}
/**
 * Publishing to the broker.
 */
export interface Mqtt5Producer {
  /**
   * Whether the endpoint produces.
   */
  enabled?: boolean;
  /**
   * Topic messages are published to.
   */
  topic?: string;
  /**
   * Set the retain flag on published messages.
   */
  retained?: boolean;
  /**
   * Response topic set on published messages.
   */
  responseTopic?: string;
  /**
   * Message expiry interval in seconds (-1: none).
   */
  messageExpiryInterval?: number;
}
/**
 * A RabbitMQ broker endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RabbitMqEndpoint".
 */
export interface RabbitMqEndpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `rabbitmq`.
   */
  type: "rabbitmq";
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).
   */
  inheritConfiguration?: boolean;
  configuration: RabbitMqEndpointConfiguration;
  sharedConfigurationOverride?: RabbitMqSharedConfiguration;
  services?: EndpointServices;
  /**
   * A secondary endpoint only receives traffic when every primary endpoint is down.
   */
  secondary?: boolean;
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
}
/**
 * Configuration of a `rabbitmq` endpoint (AMQP 0-9-1).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RabbitMqEndpointConfiguration".
 */
export interface RabbitMqEndpointConfiguration {
  /**
   * Broker host.
   */
  serverHost: string;
  /**
   * Broker port.
   */
  serverPort: number;
  /**
   * Virtual host.
   */
  virtualHost?: string;
}
/**
 * Shared configuration of `rabbitmq` endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RabbitMqSharedConfiguration".
 */
export interface RabbitMqSharedConfiguration {
  security?: RabbitMqSecurity;
  consumer?: RabbitMqConsumer;
  producer?: RabbitMqProducer;
}
/**
 * Authentication and TLS.
 */
export interface RabbitMqSecurity {
  auth?: BrokerAuth;
  ssl?: BrokerSsl;
}
/**
 * Consuming from RabbitMQ.
 */
export interface RabbitMqConsumer {
  /**
   * Whether the endpoint consumes.
   */
  enabled?: boolean;
  /**
   * Routing key binding the client's queue to the exchange.
   */
  routingKey?: string;
  exchange?: RabbitMqExchange;
}
/**
 * The exchange messages go through (declared by the gateway).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RabbitMqExchange".
 */
export interface RabbitMqExchange {
  /**
   * Exchange name.
   */
  name: string;
  /**
   * Exchange type (`direct`, `fanout`, `topic`, `headers`).
   */
  type: string;
  /**
   * Whether the exchange survives a broker restart.
   */
  durable?: boolean;
  /**
   * Whether the exchange is deleted when its last queue is unbound.
   */
  autoDelete?: boolean;
}
/**
 * Producing to RabbitMQ.
 */
export interface RabbitMqProducer {
  /**
   * Whether the endpoint produces.
   */
  enabled?: boolean;
  /**
   * Routing key of published messages.
   */
  routingKey?: string;
  exchange?: RabbitMqExchange;
}
/**
 * A Solace broker endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SolaceEndpoint".
 */
export interface SolaceEndpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `solace`.
   */
  type: "solace";
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * Use the group's `sharedConfiguration` (true) or this endpoint's `sharedConfigurationOverride` (false).
   */
  inheritConfiguration?: boolean;
  configuration: SolaceEndpointConfiguration;
  sharedConfigurationOverride?: SolaceSharedConfiguration;
  services?: EndpointServices;
  /**
   * A secondary endpoint only receives traffic when every primary endpoint is down.
   */
  secondary?: boolean;
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
}
/**
 * Configuration of a `solace` endpoint (SMF protocol).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SolaceEndpointConfiguration".
 */
export interface SolaceEndpointConfiguration {
  /**
   * Broker URL (`tcp://` or `tcps://`).
   */
  url: string;
  /**
   * Message VPN to connect to.
   */
  vpnName: string;
}
/**
 * Shared configuration of `solace` endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SolaceSharedConfiguration".
 */
export interface SolaceSharedConfiguration {
  security?: SolaceSecurity;
  consumer?: SolaceConsumer;
  producer?: SolaceProducer;
}
/**
 * Authentication.
 */
export interface SolaceSecurity {
  auth?: BrokerAuth;
}
/**
 * Consuming from Solace.
 */
export interface SolaceConsumer {
  /**
   * Whether the endpoint consumes.
   */
  enabled?: boolean;
  /**
   * Topics to subscribe to.
   */
  topics?: string[];
}
/**
 * Producing to Solace.
 */
export interface SolaceProducer {
  /**
   * Whether the endpoint produces.
   */
  enabled?: boolean;
  /**
   * Topics messages are published to.
   */
  topics?: string[];
}
/**
 * An endpoint group of Kafka endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "KafkaEndpointGroup".
 */
export interface KafkaEndpointGroup {
  /**
   * Group name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `kafka`.
   */
  type: "kafka";
  loadBalancer?: LoadBalancer;
  sharedConfiguration?: KafkaSharedConfiguration;
  services?: EndpointGroupServices;
  /**
   * The group's endpoints; each endpoint's `type` must equal the group's.
   */
  endpoints?: Endpoint[];
}
/**
 * An endpoint group of mock endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MockEndpointGroup".
 */
export interface MockEndpointGroup {
  /**
   * Group name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `mock`.
   */
  type: "mock";
  loadBalancer?: LoadBalancer;
  sharedConfiguration?: MockSharedConfiguration;
  services?: EndpointGroupServices;
  /**
   * The group's endpoints; each endpoint's `type` must equal the group's.
   */
  endpoints?: Endpoint[];
}
/**
 * An endpoint group of MQTT 5 endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Mqtt5EndpointGroup".
 */
export interface Mqtt5EndpointGroup {
  /**
   * Group name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `mqtt5`.
   */
  type: "mqtt5";
  loadBalancer?: LoadBalancer;
  sharedConfiguration?: Mqtt5SharedConfiguration;
  services?: EndpointGroupServices;
  /**
   * The group's endpoints; each endpoint's `type` must equal the group's.
   */
  endpoints?: Endpoint[];
}
/**
 * An endpoint group of RabbitMQ endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RabbitMqEndpointGroup".
 */
export interface RabbitMqEndpointGroup {
  /**
   * Group name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `rabbitmq`.
   */
  type: "rabbitmq";
  loadBalancer?: LoadBalancer;
  sharedConfiguration?: RabbitMqSharedConfiguration;
  services?: EndpointGroupServices;
  /**
   * The group's endpoints; each endpoint's `type` must equal the group's.
   */
  endpoints?: Endpoint[];
}
/**
 * An endpoint group of Solace endpoints.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SolaceEndpointGroup".
 */
export interface SolaceEndpointGroup {
  /**
   * Group name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Endpoint connector id: `solace`.
   */
  type: "solace";
  loadBalancer?: LoadBalancer;
  sharedConfiguration?: SolaceSharedConfiguration;
  services?: EndpointGroupServices;
  /**
   * The group's endpoints; each endpoint's `type` must equal the group's.
   */
  endpoints?: Endpoint[];
}
/**
 * How flows are selected.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "FlowExecution".
 */
export interface FlowExecution {
  /**
   * `DEFAULT` runs every matching flow; `BEST_MATCH` runs the one whose path matches best.
   */
  mode?: "DEFAULT" | "BEST_MATCH";
  /**
   * Reject requests that match no flow (404).
   */
  matchRequired?: boolean;
}
/**
 * A flow: steps run when the selectors match.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Flow".
 */
export interface Flow {
  /**
   * Flow id (kept for compatibility with APIM exports).
   */
  id?: string;
  /**
   * Flow name.
   */
  name?: string;
  /**
   * Whether the flow runs.
   */
  enabled?: boolean;
  /**
   * When the flow applies: `HTTP` and `CONDITION` selectors on PROXY APIs, `CHANNEL` and `CONDITION` on MESSAGE APIs. No selector: always.
   */
  selectors?: FlowSelector[];
  /**
   * Steps run on the request.
   */
  request?: FlowStepOrGroup[];
  /**
   * Steps run on the response.
   */
  response?: FlowStepOrGroup[];
  /**
   * Steps run on each message published by the client (MESSAGE APIs only).
   */
  publish?: FlowStepOrGroup[];
  /**
   * Steps run on each message sent to the client (MESSAGE APIs only).
   */
  subscribe?: FlowStepOrGroup[];
  /**
   * Steps run on Kafka interactions (NATIVE APIs; not supported by Sluice).
   */
  interact?: FlowStep[];
  /**
   * Steps run on connection (NATIVE APIs; not supported by Sluice).
   */
  connect?: FlowStep[];
  /**
   * Sharding tags of the flow.
   */
  tags?: string[];
}
/**
 * Selects requests by path and method (PROXY APIs).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpSelector".
 */
export interface HttpSelector {
  /**
   * Selector type.
   */
  type: "HTTP";
  /**
   * Path relative to the context path; `:name` segments are parameters.
   */
  path?: string;
  /**
   * How `path` is compared.
   */
  pathOperator?: "STARTS_WITH" | "EQUALS";
  /**
   * Methods selected; empty: all.
   *
   * Items: An HTTP method.
   */
  methods?: ("CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE")[];
}
/**
 * Selects messages by channel, operation and entrypoint (MESSAGE APIs).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ChannelSelector".
 */
export interface ChannelSelector {
  /**
   * Selector type.
   */
  type: "CHANNEL";
  /**
   * Channel (the path relative to the context path).
   */
  channel?: string;
  /**
   * How `channel` is compared.
   */
  channelOperator?: "STARTS_WITH" | "EQUALS";
  /**
   * Operations selected; empty: both.
   *
   * Items: An operation.
   */
  operations?: ("PUBLISH" | "SUBSCRIBE")[];
  /**
   * Entrypoint ids selected; empty: all.
   */
  entrypoints?: string[];
}
/**
 * Selects by an EL condition.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ConditionSelector".
 */
export interface ConditionSelector {
  /**
   * Selector type.
   */
  type: "CONDITION";
  /**
   * EL condition.
   */
  condition: string;
}
/**
 * A flow step: a policy (`policy`), or the steps of a SharedPolicyGroup of the repository (`sharedPolicyGroupRef`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "FlowStepOrGroup".
 */
export interface FlowStepOrGroup {
  [k: string]: unknown | undefined;
}
/**
 * A flow step running the `assign-attributes` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "AssignAttributesStep".
 */
export interface AssignAttributesStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `assign-attributes`; `policy-assign-attributes` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "assign-attributes" | "policy-assign-attributes";
  configuration?: AssignAttributesPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `assign-attributes` policy: set execution-context (or message) attributes.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "AssignAttributesPolicyConfiguration".
 */
export interface AssignAttributesPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE" | "REQUEST_CONTENT" | "RESPONSE_CONTENT";
  /**
   * Attributes to set.
   */
  attributes?: AssignedAttribute[];
}
/**
 * An attribute to set.
 */
export interface AssignedAttribute {
  /**
   * Attribute name (e.g. `gravitee.attributes.endpoint.kafka.consumer.topics`).
   */
  name: string;
  /**
   * Attribute value (EL).
   */
  value: string;
}
/**
 * A flow step running the `assign-content` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "AssignContentStep".
 */
export interface AssignContentStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `assign-content`; `policy-assign-content` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "assign-content" | "policy-assign-content";
  configuration: AssignContentPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `assign-content` policy: replace the body (or message content) with a template.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "AssignContentPolicyConfiguration".
 */
export interface AssignContentPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE";
  /**
   * The new content; a FreeMarker-style template with access to the request, response or message.
   */
  body: string;
}
/**
 * A flow step running the `avro-json` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "AvroJsonStep".
 */
export interface AvroJsonStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `avro-json`.
   */
  policy: "avro-json";
  configuration?: AvroJsonPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `avro-json` policy (Gravitee's `gravitee-policy-avro-json`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "AvroJsonPolicyConfiguration".
 */
export interface AvroJsonPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE" | "REQUEST_CONTENT" | "RESPONSE_CONTENT";
  /**
   * Direction of the conversion.
   */
  conversion?: "avro-to-json" | "json-to-avro";
  /**
   * Where the schema comes from: `inline` (`schemaDefinition`, or Sluice's `schemaFile`); `schema-registry` is not implemented by Sluice (a compile error).
   */
  schemaLocation?: "inline" | "schema-registry";
  /**
   * The Avro schema (JSON text), parsed at compile time.
   */
  schemaDefinition?: string;
  /**
   * Sluice: a file holding the Avro schema (`.avsc`), relative to the spec's folder; read and parsed at compile time, in place of `schemaDefinition`.
   */
  schemaFile?: string;
  /**
   * `confluent`: magic byte 0 and the 4-byte schema id before the Avro binary (Confluent's serializers); `simple`: the Avro binary alone.
   */
  serializationFormat?: "confluent" | "simple";
  /**
   * Sluice: the schema id written in the Confluent header by `json-to-avro` (the id of this schema in your registry).
   */
  schemaId?: number;
  /**
   * The schema registry resource (`schemaLocation: schema-registry`).
   */
  resourceName?: string;
}
/**
 * A flow step running the `cache` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "CacheStep".
 */
export interface CacheStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `cache`; `policy-cache` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "cache" | "policy-cache";
  configuration: CachePolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `cache` policy: store upstream responses in a cache resource and answer from it.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "CachePolicyConfiguration".
 */
export interface CachePolicyConfiguration {
  /**
   * The name of the API's cache resource (`spec.resources`: type `cache` in memory, `cache-redis` in Redis).
   */
  cacheName: string;
  /**
   * The key of the entry (EL template); by default the request's path and query.
   */
  key?: string;
  /**
   * How long an entry lives, in seconds.
   */
  timeToLiveSeconds?: number;
  /**
   * Take the time to live from the response's `Cache-Control` (`s-maxage`, `max-age`) or `Expires` when it has one.
   */
  useResponseCacheHeaders?: boolean;
  /**
   * `APPLICATION`: one entry per consuming application; `API`: entries shared by every consumer.
   */
  scope?: "API" | "APPLICATION";
  /**
   * The request methods whose responses are cached.
   */
  methods?: (
    "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE" | "OTHER"
  )[];
}
/**
 * A flow step running the `cloud-events` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "CloudEventsStep".
 */
export interface CloudEventsStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `cloud-events`.
   */
  policy: "cloud-events";
  configuration?: CloudEventsPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `cloud-events` policy (Gravitee's `gravitee-policy-cloud-events`). Every value may contain EL.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "CloudEventsPolicyConfiguration".
 */
export interface CloudEventsPolicyConfiguration {
  /**
   * The event's `id`. Default: the message header `ce_id` (`{#message.headers['ce_id']}`).
   */
  id?: string;
  /**
   * The event's `type`. Default: the message header `ce_type`.
   */
  type?: string;
  /**
   * The event's `source` (a URI reference). Default: the message header `ce_source`.
   */
  source?: string;
  /**
   * The event's `subject`. Default: the message header `ce_subject`; none when it is absent.
   */
  subject?: string;
  /**
   * Extension context attributes: name (lower-case letters and digits, as CloudEvents requires) → value.
   */
  extensions?: {
    [k: string]: string | undefined;
  };
}
/**
 * A flow step running the `data-logging-masking` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "DataLoggingMaskingStep".
 */
export interface DataLoggingMaskingStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `data-logging-masking`; `policy-data-logging-masking` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "data-logging-masking" | "policy-data-logging-masking";
  configuration?: DataLoggingMaskingPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `data-logging-masking` policy: what the access log masks of the phase its step is in (docs/policies.md#data-logging-masking).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "DataLoggingMaskingPolicyConfiguration".
 */
export interface DataLoggingMaskingPolicyConfiguration {
  /**
   * Accepted for compatibility, ignored: the step's phase decides which side of the log is masked.
   */
  scope?: "REQUEST" | "RESPONSE" | "REQUEST_CONTENT" | "RESPONSE_CONTENT";
  /**
   * Headers whose values are masked in the log (the client's and the ones sent to the endpoint, or the response's).
   */
  headerRules?: DataLoggingMaskingHeaderRule[];
  /**
   * What is masked in the logged bodies.
   */
  bodyRules?: DataLoggingMaskingBodyRule[];
}
export interface DataLoggingMaskingHeaderRule {
  /**
   * The header's name (any case).
   */
  path: string;
  /**
   * The replacement: one character replaces each character of the value; a longer text replaces the value.
   */
  replacer?: string;
}
export interface DataLoggingMaskingBodyRule {
  /**
   * A JSONPath (`$.user.password`, `$..card`) for a JSON body, an XPath (`//password`) for an XML one: the values there are masked (only their parts matching `type`/`regex` when set). Without it, `type`/`regex` apply to the whole body.
   */
  path?: string;
  /**
   * A built-in pattern: CREDIT_CARD (Visa, Mastercard, American Express), EMAIL, IP (v4 and v6), URI (http, https, ftp, file, mailto); CUSTOM uses `regex`.
   */
  type?: "CUSTOM" | "CREDIT_CARD" | "EMAIL" | "IP" | "URI";
  /**
   * A regular expression whose matches are masked.
   */
  regex?: string;
  /**
   * The replacement: one character replaces each character of what is masked; a longer text replaces it.
   */
  replacer?: string;
}
/**
 * A flow step running the `dynamic-routing` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "DynamicRoutingStep".
 */
export interface DynamicRoutingStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `dynamic-routing`; `policy-dynamic-routing` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "dynamic-routing" | "policy-dynamic-routing";
  configuration: DynamicRoutingPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `dynamic-routing` policy: route the request by rules on its path.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "DynamicRoutingPolicyConfiguration".
 */
export interface DynamicRoutingPolicyConfiguration {
  /**
   * Ordered rules: the first whose `pattern` matches the path after the context path routes the request.
   */
  rules: DynamicRoutingRule[];
}
export interface DynamicRoutingRule {
  /**
   * Java regular expression matching the whole path after the context path, e.g. `/v1/stores/(.*)` (EL template; a literal one is translated and checked at compile time).
   */
  pattern: string;
  /**
   * Where the request goes (EL template): an absolute URL, or `{#endpoints['name']}/path` for an endpoint or group of the API; `{#group[0]}` is the pattern's first group, `{#groupName['name']}` a named one.
   */
  url: string;
}
/**
 * A flow step running the `graphql-guard` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "GraphqlGuardStep".
 */
export interface GraphqlGuardStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `graphql-guard`.
   */
  policy: "graphql-guard";
  configuration?: GraphqlGuardPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `graphql-guard` policy (a Sluice policy, not in Gravitee): rejects GraphQL operations that are too deep, too complex or not on the allowlist with 400 and a GraphQL error body, before the backend sees them.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "GraphqlGuardPolicyConfiguration".
 */
export interface GraphqlGuardPolicyConfiguration {
  /**
   * Maximum nesting depth of selection sets, fragments expanded (0: unlimited).
   */
  maxDepth?: number;
  /**
   * Maximum complexity: every field costs 1, times the list size (`first`, `last` or `limit` argument) of each enclosing field (0: unlimited).
   */
  maxComplexity?: number;
  /**
   * Names of the only operations allowed; when set, anonymous operations are rejected.
   */
  allowlist?: string[];
  /**
   * Allow introspection fields (`__schema`, `__type`).
   */
  allowIntrospection?: boolean;
}
/**
 * A flow step running the `graphql-rate-limit` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "GraphqlRateLimitStep".
 */
export interface GraphqlRateLimitStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `graphql-rate-limit`.
   */
  policy: "graphql-rate-limit";
  configuration?: GraphqlRateLimitPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `graphql-rate-limit` policy: rate limiting weighted by the cost of each GraphQL query.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "GraphqlRateLimitPolicyConfiguration".
 */
export interface GraphqlRateLimitPolicyConfiguration {
  /**
   * Maximum total query cost per period.
   */
  limit?: number;
  /**
   * Length of the period, in `periodTimeUnit`.
   */
  periodTime?: number;
  /**
   * Unit of `periodTime`.
   */
  periodTimeUnit?: "SECONDS" | "MINUTES";
  /**
   * Maximum cost of a single query (0: unlimited).
   */
  maxCost?: number;
}
/**
 * A flow step running the `html-json` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HtmlJsonStep".
 */
export interface HtmlJsonStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `html-json`.
   */
  policy: "html-json";
  configuration: HtmlJsonPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `html-json` policy (Gravitee's `gravitee-policy-html-json`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HtmlJsonPolicyConfiguration".
 */
export interface HtmlJsonPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "RESPONSE" | "RESPONSE_CONTENT";
  /**
   * The JSON fields to produce, in order.
   */
  selectors: HtmlJsonSelector[];
}
export interface HtmlJsonSelector {
  /**
   * Name of the JSON field that holds the selection's text.
   */
  jsonName: string;
  /**
   * CSS selector (jsoup's syntax: CSS plus `:contains`, `:has`, `:eq`, `:lt`, `:gt`…), checked at compile time.
   */
  selector: string;
  /**
   * An array of each selected element's text (else the texts joined by a space).
   */
  array?: boolean;
}
/**
 * A flow step running the `http-callout` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpCalloutStep".
 */
export interface HttpCalloutStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `http-callout`; `policy-http-callout` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "http-callout" | "policy-http-callout";
  configuration: HttpCalloutPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `http-callout` policy: call a service, keep values of its response, or stop on its error.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "HttpCalloutPolicyConfiguration".
 */
export interface HttpCalloutPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE" | "REQUEST_CONTENT" | "RESPONSE_CONTENT";
  method?: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "CONNECT" | "OPTIONS" | "TRACE";
  /**
   * Accepted for compatibility: the gateway has no system proxy.
   */
  useSystemProxy?: boolean;
  /**
   * The URL to call (EL template).
   */
  url: string;
  /**
   * Headers of the call (values are EL templates).
   */
  headers?: HttpHeader[];
  /**
   * The body of the call (EL template).
   */
  body?: string;
  /**
   * Send the call without waiting for its response (no variables, no error handling).
   */
  fireAndForget?: boolean;
  /**
   * Attributes set from the response: `value` is an EL template reading `#calloutResponse` (status, headers, content, jsonContent).
   */
  variables?: HttpCalloutVariable[];
  /**
   * End the exchange when `errorCondition` holds.
   */
  exitOnError?: boolean;
  /**
   * EL condition on `#calloutResponse`; default: a 4xx or 5xx status.
   */
  errorCondition?: string;
  /**
   * The status of the error when the exchange ends.
   */
  errorStatusCode?: string;
  /**
   * The error's message (EL template).
   */
  errorContent?: string;
}
export interface HttpCalloutVariable {
  name: string;
  value: string;
}
/**
 * A flow step running the `ip-filtering` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "IpFilteringStep".
 */
export interface IpFilteringStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `ip-filtering`.
   */
  policy: "ip-filtering";
  configuration?: IpFilteringPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `ip-filtering` policy: allow or deny clients by IP address or CIDR range.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "IpFilteringPolicyConfiguration".
 */
export interface IpFilteringPolicyConfiguration {
  /**
   * Also check every address of X-Forwarded-For (off: only the address of the connection, which a client cannot forge).
   */
  matchAllFromXForwardedFor?: boolean;
  /**
   * Addresses or CIDR ranges allowed (empty: every address not denied).
   */
  whitelistIps?: string[];
  /**
   * Addresses or CIDR ranges denied.
   */
  blacklistIps?: string[];
  /**
   * Gravitee's DNS lookup of host names in the lists (host names are not supported by Sluice; accepted for compatibility).
   */
  lookupIpVersion?: "ALL" | "IPV4" | "IPV6";
  /**
   * EL giving the address to check instead of the connection's.
   */
  customIPAddress?: string;
}
/**
 * A flow step running the `javascript` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JavascriptStep".
 */
export interface JavascriptStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `javascript`; `policy-javascript` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "javascript" | "policy-javascript";
  configuration?: JavascriptPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `javascript` policy. Each script is compiled into the gateway as a type-checked function (docs/policies.md#javascript).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JavascriptPolicyConfiguration".
 */
export interface JavascriptPolicyConfiguration {
  /**
   * The script (v4), run in the phase its step is in, or on each message.
   */
  script?: string;
  /**
   * Buffer the body so that the script reads it as `request.content` / `response.content`.
   */
  readContent?: boolean;
  /**
   * Replace the body (or the message's content) with the value of the script's last expression.
   */
  overrideContent?: boolean;
  /**
   * Deprecated by Gravitee, ignored: the step's phase decides.
   */
  scope?: "REQUEST" | "RESPONSE";
  /**
   * v2: the script of the request phase.
   */
  onRequestScript?: string;
  /**
   * v2: the script of the response phase.
   */
  onResponseScript?: string;
  /**
   * v2: a script on the request body; its value replaces the body.
   */
  onRequestContentScript?: string;
  /**
   * v2: a script on the response body; its value replaces the body.
   */
  onResponseContentScript?: string;
}
/**
 * A flow step running the `json-threat-protection` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JsonThreatProtectionStep".
 */
export interface JsonThreatProtectionStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `json-threat-protection`; `policy-json-threat-protection` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "json-threat-protection" | "policy-json-threat-protection";
  configuration?: JsonThreatProtectionPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `json-threat-protection` policy: limits of a JSON body; -1 (the default) is no limit.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JsonThreatProtectionPolicyConfiguration".
 */
export interface JsonThreatProtectionPolicyConfiguration {
  /**
   * The most fields an object may have.
   */
  maxEntries?: number;
  /**
   * The most items an array may have.
   */
  maxArraySize?: number;
  /**
   * The deepest nesting of objects and arrays (the root object or array is depth 1).
   */
  maxDepth?: number;
  /**
   * The longest field name, in characters.
   */
  maxNameLength?: number;
  /**
   * The longest string value, in characters.
   */
  maxValueLength?: number;
}
/**
 * A flow step running the `json-validation` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JsonValidationStep".
 */
export interface JsonValidationStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `json-validation`.
   */
  policy: "json-validation";
  configuration?: JsonValidationPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `json-validation` policy: validate the body (or message) against a JSON Schema.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JsonValidationPolicyConfiguration".
 */
export interface JsonValidationPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE" | "REQUEST_CONTENT" | "RESPONSE_CONTENT";
  /**
   * The error message when the content is not valid (EL template); default `Bad request` (400) or `Internal Error` (500).
   */
  errorMessage?: string;
  /**
   * The JSON Schema, as JSON text; compiled into the gateway at build time. Its `$schema` picks the dialect (draft-04, as Gravitee, to 2020-12; draft-07 when absent).
   */
  schema?: string;
  schemaSource?: JsonValidationSchemaSource;
  /**
   * Accepted for compatibility: a schema that cannot be compiled is a build error in Sluice.
   */
  validateUnchecked?: boolean;
  /**
   * Accepted for compatibility: Sluice always reports every error (children of a failing container included).
   */
  deepCheck?: boolean;
  /**
   * Response phase: an invalid response is sent to the client unchanged (the failure is logged).
   */
  straightRespondMode?: boolean;
}
/**
 * Where the schema comes from (Gravitee 5): `STATIC_SCHEMA` with `staticSchema`. A schema registry resource is not supported.
 */
export interface JsonValidationSchemaSource {
  sourceType: "STATIC_SCHEMA" | "SCHEMA_REGISTRY_RESOURCE";
  /**
   * The JSON Schema, as JSON text.
   */
  staticSchema?: string;
  resourceName?: string;
  schemaMapping?: string;
}
/**
 * A flow step running the `json-xml` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JsonToXmlStep".
 */
export interface JsonToXmlStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `json-xml`.
   */
  policy: "json-xml";
  configuration?: JsonToXmlPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `json-xml` (JSON to XML) policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JsonToXmlPolicyConfiguration".
 */
export interface JsonToXmlPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE";
  /**
   * Name of the XML root element enclosing the content.
   */
  rootElement?: string;
}
/**
 * A flow step running the `latency` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "LatencyStep".
 */
export interface LatencyStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `latency`; `policy-latency` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "latency" | "policy-latency";
  configuration?: LatencyPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `latency` policy: add a fixed delay.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "LatencyPolicyConfiguration".
 */
export interface LatencyPolicyConfiguration {
  /**
   * How long to wait, in `timeUnit`.
   */
  time?: number;
  /**
   * The unit of `time`.
   */
  timeUnit?: "MILLISECONDS" | "SECONDS" | "MINUTES";
}
/**
 * A flow step running the `message-filtering` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MessageFilteringStep".
 */
export interface MessageFilteringStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `message-filtering`.
   */
  policy: "message-filtering";
  configuration: MessageFilteringPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `message-filtering` policy: drop messages that do not match a condition.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MessageFilteringPolicyConfiguration".
 */
export interface MessageFilteringPolicyConfiguration {
  /**
   * EL condition; messages for which it is false are dropped.
   */
  filter: string;
  /**
   * Acknowledge dropped messages to their source.
   */
  ackFilteredMessage?: boolean;
  /**
   * Drop a message when evaluating the filter fails.
   */
  filterMessageOnFilteringError?: boolean;
}
/**
 * A flow step running the `mock` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MockStep".
 */
export interface MockStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `mock`.
   */
  policy: "mock";
  configuration?: MockPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `mock` policy: answer the request with a fixed response instead of calling the endpoint (the response phase still runs).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MockPolicyConfiguration".
 */
export interface MockPolicyConfiguration {
  /**
   * HTTP status of the response (Gravitee exports write it as text: "200").
   */
  status?: number | string;
  /**
   * Response headers (values may contain EL).
   */
  headers?: HttpHeader[];
  /**
   * Response body (may contain EL).
   */
  content?: string;
}
/**
 * A flow step running the `policy-basic-authentication` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "BasicAuthenticationStep".
 */
export interface BasicAuthenticationStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `policy-basic-authentication`; `basic-authentication` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "policy-basic-authentication" | "basic-authentication";
  configuration: BasicAuthenticationPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `policy-basic-authentication` policy: HTTP Basic authentication against provider resources.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "BasicAuthenticationPolicyConfiguration".
 */
export interface BasicAuthenticationPolicyConfiguration {
  /**
   * Names of the API's authentication provider resources (`auth-provider-inline-resource`), tried in order.
   */
  authenticationProviders: string[];
  /**
   * The realm of the `WWW-Authenticate` challenge.
   */
  realm?: string;
}
/**
 * A flow step running the `policy-interrupt` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "InterruptStep".
 */
export interface InterruptStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `policy-interrupt`; `interrupt` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "policy-interrupt" | "interrupt";
  configuration: InterruptPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `policy-interrupt` policy: end the exchange with an error.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "InterruptPolicyConfiguration".
 */
export interface InterruptPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "REQUEST_CONTENT" | "RESPONSE" | "RESPONSE_CONTENT";
  /**
   * The HTTP status of the error.
   */
  statusCode?: number;
  /**
   * The error key, which a response template of the API may name.
   */
  errorKey: string;
  /**
   * The error message (EL template).
   */
  message: string;
  /**
   * Values a response template can read as `{#parameters['name']}` (EL templates).
   */
  variables?: InterruptVariable[];
}
export interface InterruptVariable {
  name: string;
  value: string;
}
/**
 * A flow step running the `policy-override-request-method` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "OverrideRequestMethodStep".
 */
export interface OverrideRequestMethodStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `policy-override-request-method`.
   */
  policy: "policy-override-request-method";
  configuration: OverrideRequestMethodPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `policy-override-request-method` policy: the HTTP method sent to the endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "OverrideRequestMethodPolicyConfiguration".
 */
export interface OverrideRequestMethodPolicyConfiguration {
  /**
   * The method the endpoint receives.
   */
  method: "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE";
}
/**
 * A flow step running the `policy-request-validation` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RequestValidationStep".
 */
export interface RequestValidationStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `policy-request-validation`; `request-validation` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "policy-request-validation" | "request-validation";
  configuration: RequestValidationPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `policy-request-validation` policy: constraint rules on values of the request.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RequestValidationPolicyConfiguration".
 */
export interface RequestValidationPolicyConfiguration {
  /**
   * `REQUEST_CONTENT`: the rules may read the body (`{#request.content}`), which is buffered.
   */
  scope?: "REQUEST" | "REQUEST_CONTENT";
  /**
   * The HTTP status of a refusal.
   */
  status?: string;
  rules: RequestValidationRule[];
}
export interface RequestValidationRule {
  /**
   * The value to validate (EL template).
   */
  input: string;
  /**
   * Check the rule even when the value is absent (else only when present).
   */
  isRequired?: boolean;
  constraint: RequestValidationConstraint;
}
export interface RequestValidationConstraint {
  type: "NOT_NULL" | "MIN" | "MAX" | "MAIL" | "DATE" | "PATTERN" | "SIZE" | "ENUM";
  /**
   * MIN, MAX: the bound; DATE: the format; PATTERN: the expression; SIZE: min and max; ENUM: the values (EL templates).
   */
  parameters?: string[];
  /**
   * The violation's message, `%s` replaced by the value then the parameters.
   */
  message?: string;
}
/**
 * A flow step running the `protobuf-json` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ProtobufJsonStep".
 */
export interface ProtobufJsonStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `protobuf-json`.
   */
  policy: "protobuf-json";
  configuration?: ProtobufJsonPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `protobuf-json` policy (Gravitee's `gravitee-policy-protobuf-json`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ProtobufJsonPolicyConfiguration".
 */
export interface ProtobufJsonPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE" | "REQUEST_CONTENT" | "RESPONSE_CONTENT";
  /**
   * Direction of the conversion.
   */
  conversion?: "protobuf-to-json" | "json-to-protobuf";
  json?: ProtobufJsonPrinterOptions;
  protobufIn?: ProtobufJsonInput;
  protobufOut?: ProtobufJsonOutput;
}
/**
 * How JSON is printed (Protobuf's JsonFormat options).
 */
export interface ProtobufJsonPrinterOptions {
  /**
   * Print fields that hold their default value.
   */
  includingDefaultValueFields?: boolean;
  /**
   * Field names as in the .proto file (else lowerCamelCase).
   */
  preservingProtoFieldNames?: boolean;
  /**
   * Sort the keys of map fields.
   */
  sortingMapKeys?: boolean;
  /**
   * Compact JSON (else indented by two spaces).
   */
  omittingInsignificantWhitespace?: boolean;
}
/**
 * The Protobuf input: where its schema comes from.
 */
export interface ProtobufJsonInput {
  /**
   * `inline` (`inlineIn`); `schema-registry` is not implemented by Sluice (a compile error).
   */
  schemaLocation?: "inline" | "schema-registry";
  inlineIn?: ProtobufJsonInlineSchema;
  /**
   * The schema registry resource (`schemaLocation: schema-registry`).
   */
  resourceName?: string;
}
/**
 * The inline schema of the Protobuf input.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ProtobufJsonInlineSchema".
 */
export interface ProtobufJsonInlineSchema {
  /**
   * The .proto file's text, parsed at compile time.
   */
  schemaDefinition?: string;
  /**
   * Sluice: a .proto file, relative to the spec's folder; read and parsed at compile time, in place of `schemaDefinition`.
   */
  schemaFile?: string;
  /**
   * `confluent`: magic byte 0, the 4-byte schema id and the message indexes before the Protobuf payload (Confluent's serializers); `simple`: the payload alone.
   */
  serializationFormat?: "confluent" | "simple";
  /**
   * Gravitee's schema normalisation (registry look-ups); no effect on an inline schema.
   */
  normalizeSchema?: boolean;
  /**
   * Sluice: the message of the schema to use (`package.Message` or `Message`). Default: the one the Confluent message indexes name, else the file's first message.
   */
  messageType?: string;
}
/**
 * The Protobuf output: where its schema comes from.
 */
export interface ProtobufJsonOutput {
  /**
   * `inline` (`inlineOut`); `schema-registry` is not implemented by Sluice (a compile error).
   */
  schemaLocation?: "inline" | "schema-registry";
  inlineOut?: ProtobufJsonOutputSchema;
  /**
   * The schema registry resource (`schemaLocation: schema-registry`).
   */
  resourceName?: string;
}
/**
 * The inline schema of the Protobuf output.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ProtobufJsonOutputSchema".
 */
export interface ProtobufJsonOutputSchema {
  /**
   * The .proto file's text, parsed at compile time.
   */
  schemaDefinition?: string;
  /**
   * Sluice: a .proto file, relative to the spec's folder; read and parsed at compile time, in place of `schemaDefinition`.
   */
  schemaFile?: string;
  /**
   * `confluent`: magic byte 0, the 4-byte schema id and the message indexes before the Protobuf payload (Confluent's serializers); `simple`: the payload alone.
   */
  serializationFormat?: "confluent" | "simple";
  /**
   * Gravitee's schema normalisation (registry look-ups); no effect on an inline schema.
   */
  normalizeSchema?: boolean;
  /**
   * Sluice: the message of the schema to use (`package.Message` or `Message`). Default: the one the Confluent message indexes name, else the file's first message.
   */
  messageType?: string;
  /**
   * Sluice: the schema id written in the Confluent header (the id of this schema in your registry).
   */
  schemaId?: number;
}
/**
 * A flow step running the `quota` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "QuotaStep".
 */
export interface QuotaStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `quota`.
   */
  policy: "quota";
  configuration: QuotaPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `quota` policy: a rate limit over long periods.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "QuotaPolicyConfiguration".
 */
export interface QuotaPolicyConfiguration {
  /**
   * What to do when the counter store fails: let requests through (Gravitee's spelling `FALLBACK_PASS_TROUGH`) or block them.
   */
  errorStrategy?: "FALLBACK_PASS_TROUGH" | "BLOCK_ON_INTERNAL_ERROR";
  /**
   * Non-strict mode: the distributed counter is updated asynchronously.
   */
  async?: boolean;
  /**
   * Add X-Quota-Limit, X-Quota-Remaining and X-Quota-Reset response headers.
   */
  addHeaders?: boolean;
  quota: QuotaRate;
}
/**
 * The quota to enforce.
 */
export interface QuotaRate {
  /**
   * Custom counter key (EL); empty: the plan/subscription pair.
   */
  key?: string;
  /**
   * Count by the custom key alone, regardless of plan and subscription.
   */
  useKeyOnly?: boolean;
  /**
   * Maximum number of requests in a period (used when > 0).
   */
  limit?: number;
  /**
   * EL expression giving the limit (used when `limit` is 0).
   */
  dynamicLimit?: string;
  /**
   * Length of the period, in `periodTimeUnit`.
   */
  periodTime?: number;
  /**
   * Unit of `periodTime`.
   */
  periodTimeUnit?: "HOURS" | "DAYS" | "WEEKS" | "MONTHS";
}
/**
 * A flow step running the `rate-limit` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RateLimitStep".
 */
export interface RateLimitStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `rate-limit`.
   */
  policy: "rate-limit";
  configuration: RateLimitPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `rate-limit` policy: at most `limit` requests per period, per subscription (or per `key`).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RateLimitPolicyConfiguration".
 */
export interface RateLimitPolicyConfiguration {
  /**
   * What to do when the counter store fails: let requests through (Gravitee's spelling `FALLBACK_PASS_TROUGH`) or block them.
   */
  errorStrategy?: "FALLBACK_PASS_TROUGH" | "BLOCK_ON_INTERNAL_ERROR";
  /**
   * Non-strict mode: the distributed counter is updated asynchronously.
   */
  async?: boolean;
  /**
   * Add X-Rate-Limit-Limit, X-Rate-Limit-Remaining and X-Rate-Limit-Reset response headers.
   */
  addHeaders?: boolean;
  rate: RateLimitRate;
}
/**
 * The rate to enforce.
 */
export interface RateLimitRate {
  /**
   * Custom counter key (EL); empty: the plan/subscription pair.
   */
  key?: string;
  /**
   * Count by the custom key alone, regardless of plan and subscription.
   */
  useKeyOnly?: boolean;
  /**
   * Maximum number of requests in a period (used when > 0).
   */
  limit?: number;
  /**
   * EL expression giving the limit (used when `limit` is 0).
   */
  dynamicLimit?: string;
  /**
   * Length of the period, in `periodTimeUnit`.
   */
  periodTime?: number;
  /**
   * Unit of `periodTime`.
   */
  periodTimeUnit?: "SECONDS" | "MINUTES" | "HOURS" | "DAYS";
  /**
   * EL expression giving the period in seconds (overrides `periodTime`).
   */
  dynamicPeriodTime?: string;
}
/**
 * A flow step running the `regex-threat-protection` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RegexThreatProtectionStep".
 */
export interface RegexThreatProtectionStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `regex-threat-protection`; `policy-regex-threat-protection` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "regex-threat-protection" | "policy-regex-threat-protection";
  configuration: RegexThreatProtectionPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `regex-threat-protection` policy: refuse requests matching a regular expression.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RegexThreatProtectionPolicyConfiguration".
 */
export interface RegexThreatProtectionPolicyConfiguration {
  /**
   * The regular expression; a value is a threat when the expression matches it whole.
   */
  regex: string;
  /**
   * Check the request's header names and values.
   */
  checkHeaders?: boolean;
  /**
   * Check the path (decoded) and the query parameters' names and values (decoded).
   */
  checkPath?: boolean;
  /**
   * Check the request body (buffered).
   */
  checkBody?: boolean;
  /**
   * Match case-sensitively.
   */
  caseSensitive?: boolean;
}
/**
 * A flow step running the `request-content-limit` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RequestContentLimitStep".
 */
export interface RequestContentLimitStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `request-content-limit`; `policy-request-content-limit` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "request-content-limit" | "policy-request-content-limit";
  configuration: RequestContentLimitPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `request-content-limit` policy (Gravitee's plugin id `policy-request-content-limit`): refuse request bodies larger than `limit` bytes.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RequestContentLimitPolicyConfiguration".
 */
export interface RequestContentLimitPolicyConfiguration {
  /**
   * Largest request body accepted, in bytes.
   */
  limit: number;
}
/**
 * A flow step running the `resource-filtering` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ResourceFilteringStep".
 */
export interface ResourceFilteringStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `resource-filtering`; `policy-resource-filtering` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "resource-filtering" | "policy-resource-filtering";
  configuration?: ResourceFilteringPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `resource-filtering` policy: path patterns (Ant style) and methods allowed or refused.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ResourceFilteringPolicyConfiguration".
 */
export interface ResourceFilteringPolicyConfiguration {
  /**
   * When not empty, only requests matching one rule pass (403, or 405 when only the method differs).
   */
  whitelist?: ResourceFilteringRule[];
  /**
   * Requests matching one rule are refused (403).
   */
  blacklist?: ResourceFilteringRule[];
  /**
   * Accepted for compatibility: the gateway always normalises the path before routing (dot segments resolved, duplicate slashes merged).
   */
  normalizeRequestPath?: boolean;
  /**
   * Accepted for compatibility (see normalizeRequestPath).
   */
  decodeEncodedSlash?: boolean;
}
/**
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ResourceFilteringRule".
 */
export interface ResourceFilteringRule {
  /**
   * An Ant-style path pattern after the context path: `?` one character, `*` within a segment, `**` any number of segments, `{name}` one segment.
   */
  pattern: string;
  /**
   * The methods the rule applies to (all when empty).
   */
  methods?: (
    "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE" | "OTHER"
  )[];
}
/**
 * A flow step running the `rest-to-soap` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RestToSoapStep".
 */
export interface RestToSoapStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `rest-to-soap`.
   */
  policy: "rest-to-soap";
  configuration: RestToSoapPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `rest-to-soap` policy: turn a REST call into a SOAP request.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RestToSoapPolicyConfiguration".
 */
export interface RestToSoapPolicyConfiguration {
  /**
   * SOAP envelope sent to the backend (EL).
   */
  envelope: string;
  /**
   * Value of the SOAPAction header.
   */
  soapAction?: string;
  /**
   * Charset appended to the Content-Type header.
   */
  charset?: string;
  /**
   * Keep the request's query parameters on the backend call.
   */
  preserveQueryParams?: boolean;
  /**
   * Call the endpoint target without the request path.
   */
  stripPath?: boolean;
  /**
   * Response body sent to the client: AUTO converts the SOAP response to JSON when the client's Accept asks for application/json, JSON always converts, XML never does (Sluice extension).
   */
  responseFormat?: "AUTO" | "XML" | "JSON";
}
/**
 * A flow step running the `retry` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RetryStep".
 */
export interface RetryStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `retry`; `policy-retry` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "retry" | "policy-retry";
  configuration: RetryPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `retry` policy: call the endpoint again on a condition, a failure or a timeout.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "RetryPolicyConfiguration".
 */
export interface RetryPolicyConfiguration {
  /**
   * EL condition on the attempt's `#response` (status, headers): retry while it holds, e.g. `{#response.status >= 500}`.
   */
  condition: string;
  /**
   * Attempts after the first (0 means 1).
   */
  maxRetries?: number;
  /**
   * Milliseconds between attempts.
   */
  delay?: number;
  /**
   * Milliseconds an attempt may take until its response's head (0 means 1000).
   */
  timeout?: number;
  /**
   * Send the last attempt's response even when the condition holds for it (else 502).
   */
  lastResponse?: boolean;
}
/**
 * A flow step running the `spike-arrest` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SpikeArrestStep".
 */
export interface SpikeArrestStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `spike-arrest`.
   */
  policy: "spike-arrest";
  configuration: SpikeArrestPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `spike-arrest` policy: smooths traffic to `limit` requests per period, evenly spread.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SpikeArrestPolicyConfiguration".
 */
export interface SpikeArrestPolicyConfiguration {
  /**
   * What to do when the counter store fails: let requests through (Gravitee's spelling `FALLBACK_PASS_TROUGH`) or block them.
   */
  errorStrategy?: "FALLBACK_PASS_TROUGH" | "BLOCK_ON_INTERNAL_ERROR";
  /**
   * Non-strict mode: the distributed counter is updated asynchronously.
   */
  async?: boolean;
  /**
   * Add X-Spike-Arrest-Limit, X-Spike-Arrest-Remaining and X-Spike-Arrest-Reset response headers.
   */
  addHeaders?: boolean;
  spike: SpikeArrestRate;
}
/**
 * The spike limit to enforce.
 */
export interface SpikeArrestRate {
  /**
   * Custom counter key (EL); empty: the plan/subscription pair.
   */
  key?: string;
  /**
   * Count by the custom key alone, regardless of plan and subscription.
   */
  useKeyOnly?: boolean;
  /**
   * Maximum number of requests in a period (used when > 0).
   */
  limit?: number;
  /**
   * EL expression giving the limit (used when `limit` is 0).
   */
  dynamicLimit?: string;
  /**
   * Length of the period, in `periodTimeUnit`.
   */
  periodTime?: number;
  /**
   * Unit of `periodTime`.
   */
  periodTimeUnit?: "SECONDS" | "MINUTES";
}
/**
 * A flow step running the `ssl-enforcement` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SslEnforcementStep".
 */
export interface SslEnforcementStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `ssl-enforcement`.
   */
  policy: "ssl-enforcement";
  configuration?: SslEnforcementPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `ssl-enforcement` policy: require HTTPS and, optionally, a client certificate whose subject is on a list.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SslEnforcementPolicyConfiguration".
 */
export interface SslEnforcementPolicyConfiguration {
  /**
   * Refuse requests that did not come over TLS.
   */
  requiresSsl?: boolean;
  /**
   * Trust X-Forwarded-Proto: https from a TLS-terminating proxy.
   */
  useXForwardedProto?: boolean;
  /**
   * Require a client certificate.
   */
  requiresClientAuthentication?: boolean;
  /**
   * Distinguished names of the client certificates allowed (`*` and `?` wildcards, as Gravitee's Ant matcher).
   */
  whitelistClientCertificates?: string[];
  /**
   * Where the client certificate is read: the TLS session, or a header set by a TLS-terminating proxy.
   */
  certificateLocation?: "SESSION" | "HEADER";
  /**
   * The header holding the URL-encoded PEM certificate (certificateLocation HEADER).
   */
  certificateHeaderName?: string;
}
/**
 * A flow step running the `traffic-shadowing` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TrafficShadowingStep".
 */
export interface TrafficShadowingStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `traffic-shadowing`; `policy-traffic-shadowing` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "traffic-shadowing" | "policy-traffic-shadowing";
  configuration: TrafficShadowingPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `traffic-shadowing` policy: copy each request to a shadow endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TrafficShadowingPolicyConfiguration".
 */
export interface TrafficShadowingPolicyConfiguration {
  /**
   * Phase the policy runs in (v2 exports carry it; the request phase either way).
   */
  scope?: "REQUEST" | "REQUEST_CONTENT";
  /**
   * The endpoint or endpoint group of the API that gets the copy, by name (EL template), typically `{#endpoints['shadow']}`.
   */
  target: string;
  /**
   * Headers added to (or replaced in) the copy; values are EL templates, and a value that renders empty is left out.
   */
  headers?: TrafficShadowingHeader[];
}
export interface TrafficShadowingHeader {
  name: string;
  value: string;
}
/**
 * A flow step running the `transform-headers` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TransformHeadersStep".
 */
export interface TransformHeadersStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `transform-headers`.
   */
  policy: "transform-headers";
  configuration?: TransformHeadersPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `transform-headers` policy (request/response headers, or message headers in publish/subscribe).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TransformHeadersPolicyConfiguration".
 */
export interface TransformHeadersPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE";
  /**
   * Headers to add or overwrite (values may contain EL).
   */
  addHeaders?: HttpHeader[];
  /**
   * Names of headers to remove.
   */
  removeHeaders?: string[];
  /**
   * Names of the only headers to keep; every other header is removed.
   */
  whitelistHeaders?: string[];
}
/**
 * A flow step running the `transform-queryparams` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TransformQueryParamsStep".
 */
export interface TransformQueryParamsStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `transform-queryparams`.
   */
  policy: "transform-queryparams";
  configuration?: TransformQueryParamsPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `transform-queryparams` policy: change the query parameters sent to the endpoint.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "TransformQueryParamsPolicyConfiguration".
 */
export interface TransformQueryParamsPolicyConfiguration {
  /**
   * Remove every query parameter first.
   */
  clearAll?: boolean;
  /**
   * Names of the parameters to remove.
   */
  removeQueryParameters?: string[];
  /**
   * Parameters to set (values may contain EL), after the removals.
   */
  addQueryParameters?: HttpHeader[];
  /**
   * Add a value beside the parameter's existing ones instead of replacing them.
   */
  appendToExistingArray?: boolean;
}
/**
 * A flow step running the `url-rewriting` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "UrlRewritingStep".
 */
export interface UrlRewritingStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `url-rewriting`; `policy-url-rewriting` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "url-rewriting" | "policy-url-rewriting";
  configuration: UrlRewritingPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `url-rewriting` policy: rewrite URLs in the response headers and body.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "UrlRewritingPolicyConfiguration".
 */
export interface UrlRewritingPolicyConfiguration {
  /**
   * Rewrite the values of the response headers.
   */
  rewriteResponseHeaders?: boolean;
  /**
   * Rewrite the response body.
   */
  rewriteResponseBody?: boolean;
  /**
   * The regular expression matching the URLs to rewrite.
   */
  fromRegex: string;
  /**
   * What replaces each match (EL template; `{#group[n]}` and `{#groupName['name']}` are the match's groups).
   */
  toReplacement: string;
}
/**
 * A flow step running the `xml-json` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "XmlToJsonStep".
 */
export interface XmlToJsonStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `xml-json`.
   */
  policy: "xml-json";
  configuration?: XmlToJsonPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `xml-json` (XML to JSON) policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "XmlToJsonPolicyConfiguration".
 */
export interface XmlToJsonPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE";
}
/**
 * A flow step running the `xml-threat-protection` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "XmlThreatProtectionStep".
 */
export interface XmlThreatProtectionStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `xml-threat-protection`; `policy-xml-threat-protection` (Gravitee's plugin id) is accepted as an alias.
   */
  policy: "xml-threat-protection" | "policy-xml-threat-protection";
  configuration?: XmlThreatProtectionPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `xml-threat-protection` policy: limits of an XML body; -1 is no limit.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "XmlThreatProtectionPolicyConfiguration".
 */
export interface XmlThreatProtectionPolicyConfiguration {
  /**
   * The most elements in the document.
   */
  maxElements?: number;
  /**
   * The deepest nesting of elements (the root is depth 1).
   */
  maxDepth?: number;
  /**
   * The most characters in the document.
   */
  maxLength?: number;
  /**
   * The most attributes of one element.
   */
  maxAttributesPerElement?: number;
  /**
   * The longest attribute value, in characters.
   */
  maxAttributeValueLength?: number;
  /**
   * The most child elements of one element.
   */
  maxChildrenPerElement?: number;
  /**
   * The longest text of one element, in characters.
   */
  maxTextValueLength?: number;
  /**
   * The most entities the DOCTYPE declares.
   */
  maxEntities?: number;
  /**
   * The deepest nesting of entity references among the declared entities.
   */
  maxEntityDepth?: number;
  /**
   * Allow entities declared with SYSTEM or PUBLIC (never fetched: Sluice does not expand entities).
   */
  allowExternalEntities?: boolean;
}
/**
 * A flow step running the `xml-validation` policy.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "XmlValidationStep".
 */
export interface XmlValidationStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the step runs.
   */
  enabled?: boolean;
  /**
   * Policy id: `xml-validation`.
   */
  policy: "xml-validation";
  configuration: XmlValidationPolicyConfiguration;
  /**
   * EL condition; the step runs only when it is true.
   */
  condition?: string;
  /**
   * EL condition evaluated per message (message phases only).
   */
  messageCondition?: string;
}
/**
 * Configuration of the `xml-validation` policy: validate the request body against an XSD schema.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "XmlValidationPolicyConfiguration".
 */
export interface XmlValidationPolicyConfiguration {
  /**
   * The XML Schema (XSD 1.0), as text; parsed and compiled at build time. It must be self-contained: `xs:include`, `xs:import` and `xs:redefine` documents are never loaded.
   */
  xsdSchema: string;
  /**
   * The error message when the body is malformed or not valid (EL template); default `Bad Request`. Status 400.
   */
  errorMessage?: string;
  /**
   * Accepted for compatibility and ignored: the policy validates the request body, as Gravitee's plugin does.
   */
  scope?: "REQUEST" | "REQUEST_CONTENT" | "RESPONSE" | "RESPONSE_CONTENT";
}
/**
 * A plan: how consumers subscribe and authenticate, with its own flows.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Plan".
 */
export interface Plan {
  /**
   * Plan display name.
   */
  name: string;
  /**
   * Plan description.
   */
  description?: string;
  security?: PlanSecurity;
  /**
   * `STANDARD` plans secure requests; `PUSH` plans (no security) let consumers subscribe to `webhook` entrypoints.
   */
  mode?: "STANDARD" | "PUSH";
  /**
   * Subscription validation (management only).
   */
  validation?: "AUTO" | "MANUAL";
  /**
   * Plan status; only PUBLISHED and DEPRECATED plans accept traffic.
   */
  status?: "STAGING" | "PUBLISHED" | "DEPRECATED" | "CLOSED";
  /**
   * Characteristics shown in the portal (management only).
   */
  characteristics?: string[];
  /**
   * Sharding tags of the plan.
   */
  tags?: string[];
  /**
   * EL condition selecting this plan when several match.
   */
  selectionRule?: string;
  /**
   * Plan flows (run before the API flows).
   */
  flows?: Flow[];
  /**
   * Id of the general conditions page (management only).
   */
  generalConditions?: string;
  /**
   * Groups that cannot see the plan (management only).
   */
  excludedGroups?: string[];
  /**
   * Display order (management only).
   */
  order?: number;
  /**
   * Plan type (management only).
   */
  type?: "API" | "CATALOG";
  /**
   * Plan id (management only).
   */
  id?: string;
  /**
   * Cross-environment id (management only).
   */
  crossId?: string;
  /**
   * Definition version (management only).
   */
  definitionVersion?: "V4";
  /**
   * Subscribers must leave a comment (management only).
   */
  comment_required?: boolean;
}
/**
 * API key in the `X-Gravitee-Api-Key` header or the `api-key` query parameter.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ApiKeyPlanSecurity".
 */
export interface ApiKeyPlanSecurity {
  /**
   * Security type.
   */
  type: "API_KEY";
  configuration?: ApiKeySecurityConfiguration;
}
/**
 * Configuration of API_KEY security.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ApiKeySecurityConfiguration".
 */
export interface ApiKeySecurityConfiguration {
  /**
   * Forward the API key to the backend.
   */
  propagateApiKey?: boolean;
}
/**
 * A JSON Web Token in the Authorization header.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JwtPlanSecurity".
 */
export interface JwtPlanSecurity {
  /**
   * Security type.
   */
  type: "JWT";
  configuration: JwtSecurityConfiguration;
}
/**
 * Configuration of JWT security.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "JwtSecurityConfiguration".
 */
export interface JwtSecurityConfiguration {
  /**
   * Signature algorithm.
   */
  signature: "RSA_RS256" | "RSA_RS384" | "RSA_RS512" | "HMAC_HS256" | "HMAC_HS384" | "HMAC_HS512";
  /**
   * Where the key comes from.
   */
  publicKeyResolver: "GIVEN_KEY" | "GATEWAY_KEYS" | "JWKS_URL";
  /**
   * The key (GIVEN_KEY) or the JWKS URL (JWKS_URL); supports EL.
   */
  resolverParameter?: string;
  /**
   * JWKS_URL: connect timeout in milliseconds.
   */
  connectTimeout?: number;
  /**
   * JWKS_URL: request timeout in milliseconds.
   */
  requestTimeout?: number;
  /**
   * JWKS_URL: follow redirects.
   */
  followRedirects?: boolean;
  /**
   * JWKS_URL: use the gateway's proxy.
   */
  useSystemProxy?: boolean;
  /**
   * Put the claims in the `jwt.claims` attribute.
   */
  extractClaims?: boolean;
  /**
   * Forward the Authorization header to the backend.
   */
  propagateAuthHeader?: boolean;
  /**
   * Claim holding the user.
   */
  userClaim?: string;
  /**
   * Claim holding the client id (default: `azp`, then `aud`, then `client_id`).
   */
  clientIdClaim?: string;
  /**
   * Check `requiredScopes` against the token's `scope` (or `scp`) claim.
   */
  checkRequiredScopes?: boolean;
  /**
   * Scopes the token must carry.
   */
  requiredScopes?: string[];
  /**
   * Require every one of `requiredScopes` (else at least one).
   */
  modeStrict?: boolean;
  confirmationMethodValidation?: JwtConfirmationMethodValidation;
  tokenTypValidation?: JwtTokenTypValidation;
}
/**
 * Certificate-bound token validation (RFC 8705).
 */
export interface JwtConfirmationMethodValidation {
  /**
   * Skip the check when the token has no `cnf` claim.
   */
  ignoreMissing?: boolean;
  certificateBoundThumbprint?: JwtCertificateBoundThumbprint;
}
/**
 * `x5t#S256` check.
 */
export interface JwtCertificateBoundThumbprint {
  /**
   * Check the client certificate thumbprint.
   */
  enabled?: boolean;
  /**
   * Read the client certificate from a header (TLS ended by a proxy).
   */
  extractCertificateFromHeader?: boolean;
  /**
   * Header holding the client certificate.
   */
  headerName?: string;
}
/**
 * Check of the `typ` header.
 */
export interface JwtTokenTypValidation {
  /**
   * Check the token type.
   */
  enabled?: boolean;
  /**
   * Skip the check when `typ` is absent.
   */
  ignoreMissing?: boolean;
  /**
   * Accepted values.
   */
  expectedValues?: string[];
  /**
   * Compare case-insensitively.
   */
  ignoreCase?: boolean;
}
/**
 * No authentication.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "KeyLessPlanSecurity".
 */
export interface KeyLessPlanSecurity {
  /**
   * Security type.
   */
  type: "KEY_LESS";
  configuration?: KeyLessSecurityConfiguration;
}
/**
 * Configuration of KEY_LESS security (none).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "KeyLessSecurityConfiguration".
 */
export interface KeyLessSecurityConfiguration {}
/**
 * A TLS client certificate.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MtlsPlanSecurity".
 */
export interface MtlsPlanSecurity {
  /**
   * Security type.
   */
  type: "MTLS";
  configuration?: MtlsSecurityConfiguration;
}
/**
 * Configuration of MTLS security (none).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "MtlsSecurityConfiguration".
 */
export interface MtlsSecurityConfiguration {}
/**
 * An OAuth2 access token checked with an OAuth2 resource.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "OAuth2PlanSecurity".
 */
export interface OAuth2PlanSecurity {
  /**
   * Security type.
   */
  type: "OAUTH2";
  configuration: OAuth2SecurityConfiguration;
}
/**
 * Configuration of OAUTH2 security.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "OAuth2SecurityConfiguration".
 */
export interface OAuth2SecurityConfiguration {
  /**
   * Name of the OAuth2 resource used to introspect tokens.
   */
  oauthResource: string;
  /**
   * Name of a cache resource storing introspection results.
   */
  oauthCacheResource?: string;
  /**
   * Put the introspection payload in the `oauth.payload` attribute.
   */
  extractPayload?: boolean;
  /**
   * Check `requiredScopes`.
   */
  checkRequiredScopes?: boolean;
  /**
   * Scopes the token must carry.
   */
  requiredScopes?: string[];
  /**
   * Require exactly the required scopes.
   */
  modeStrict?: boolean;
  /**
   * Forward the Authorization header to the backend.
   */
  propagateAuthHeader?: boolean;
}
/**
 * Retry on another endpoint when a call fails or is slow (circuit breaker per endpoint).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Failover".
 */
export interface Failover {
  /**
   * Whether failover is on.
   */
  enabled?: boolean;
  /**
   * Retries on other endpoints.
   */
  maxRetries?: number;
  /**
   * A call slower than this (ms) counts as failed.
   */
  slowCallDuration?: number;
  /**
   * How long a tripped circuit stays open, in milliseconds.
   */
  openStateDuration?: number;
  /**
   * Failures that trip an endpoint's circuit.
   */
  maxFailures?: number;
  /**
   * Keep circuit-breaker state per subscription.
   */
  perSubscription?: boolean;
  /**
   * EL condition on the response that counts as a failure (e.g. `{#response.status >= 500}`).
   */
  failureCondition?: string;
  /**
   * Retry on the next endpoint rather than the load balancer's choice.
   */
  forceNextEndpointOnFailure?: boolean;
}
/**
 * API-level services.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "ApiServices".
 */
export interface ApiServices {
  dynamicProperty?: DynamicPropertyService;
}
/**
 * Dynamic properties (management-side polling; no effect on the gateway).
 */
export interface DynamicPropertyService {
  /**
   * Whether the service runs.
   */
  enabled?: boolean;
  /**
   * Whether an endpoint's service configuration replaces the group's.
   */
  overrideConfiguration?: boolean;
  /**
   * Dynamic-property service id.
   */
  type?: string;
  /**
   * Service configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * Analytics, logging and tracing.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "Analytics".
 */
export interface Analytics {
  /**
   * Whether analytics are collected.
   */
  enabled?: boolean;
  sampling?: AnalyticsSampling;
  logging?: AnalyticsLogging;
  tracing?: AnalyticsTracing;
}
/**
 * Message sampling (MESSAGE APIs).
 */
export interface AnalyticsSampling {
  /**
   * Sampling strategy.
   */
  type: "PROBABILITY" | "TEMPORAL" | "COUNT" | "WINDOWED_COUNT";
  /**
   * Sampling value (a probability, a duration like `PT1S`, a count, or `count/duration`).
   */
  value?: string;
}
/**
 * Request and message logging.
 */
export interface AnalyticsLogging {
  /**
   * EL condition on requests to log.
   */
  condition?: string;
  /**
   * EL condition on messages to log.
   */
  messageCondition?: string;
  content?: LoggingContent;
  phase?: LoggingPhase;
  mode?: LoggingMode;
}
/**
 * What is logged.
 */
export interface LoggingContent {
  /**
   * HTTP headers.
   */
  headers?: boolean;
  /**
   * HTTP payloads.
   */
  payload?: boolean;
  /**
   * Message headers.
   */
  messageHeaders?: boolean;
  /**
   * Message payloads.
   */
  messagePayload?: boolean;
  /**
   * Message metadata.
   */
  messageMetadata?: boolean;
}
/**
 * Which phases are logged.
 */
export interface LoggingPhase {
  /**
   * The request.
   */
  request?: boolean;
  /**
   * The response.
   */
  response?: boolean;
}
/**
 * Which hops are logged.
 */
export interface LoggingMode {
  /**
   * Between the client and the gateway.
   */
  entrypoint?: boolean;
  /**
   * Between the gateway and the backend.
   */
  endpoint?: boolean;
}
/**
 * OpenTelemetry tracing.
 */
export interface AnalyticsTracing {
  /**
   * Whether tracing is on.
   */
  enabled?: boolean;
  /**
   * Trace every policy.
   */
  verbose?: boolean;
}
/**
 * Where the definition is managed (management only).
 */
export interface DefinitionContext {
  /**
   * Where the definition comes from.
   */
  origin?: "KUBERNETES" | "MANAGEMENT";
  /**
   * Where gateways read the definition from.
   */
  syncFrom?: "KUBERNETES" | "MANAGEMENT";
}
/**
 * Gravitee's spelling of a shared policy group reference (Management API exports, and what GKO deploys): the policy `shared-policy-group-policy` with the group's id. Sluice inlines the group's steps here, as for `sharedPolicyGroupRef` (docs/shared-policy-groups.md).
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupPolicyStep".
 */
export interface SharedPolicyGroupPolicyStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the group's steps run.
   */
  enabled?: boolean;
  /**
   * Policy id: `shared-policy-group-policy`.
   */
  policy: "shared-policy-group-policy";
  /**
   * EL condition; the group's steps run only when it is true (each step's own condition too).
   */
  condition?: string;
  configuration: SharedPolicyGroupPolicyConfiguration;
}
/**
 * A step that runs the steps of a SharedPolicyGroup (GKO's `sharedPolicyGroupRef`): Sluice inlines them here. The group's `apiType` must be the API's type and its `phase` this step's phase.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupStep".
 */
export interface SharedPolicyGroupStep {
  /**
   * Step name (shown in logs).
   */
  name?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Whether the group's steps run.
   */
  enabled?: boolean;
  /**
   * EL condition; the group's steps run only when it is true (each step's own condition too).
   */
  condition?: string;
  sharedPolicyGroupRef: SharedPolicyGroupRef;
}
/**
 * The SharedPolicyGroup, by `metadata.name`.
 *
 * This interface was referenced by `ApiV4Definition`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupRef".
 */
export interface SharedPolicyGroupRef {
  /**
   * The group's `metadata.name`.
   */
  name: string;
  /**
   * Kubernetes namespace (informational for Sluice).
   */
  namespace?: string;
  /**
   * Resource kind (informational).
   */
  kind?: string;
}
