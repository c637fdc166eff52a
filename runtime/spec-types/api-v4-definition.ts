// DO NOT EDIT: generated from compiler/validate/schemas/api-v4-definition.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

import type { ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions, AssignAttributesPolicyConfiguration, AssignedAttribute, AssignAttributesStep, AssignContentPolicyConfiguration, AssignContentStep, AvroJsonPolicyConfiguration, AvroJsonStep, CachePolicyConfiguration, CacheStep, CloudEventsPolicyConfiguration, CloudEventsStep, DataLoggingMaskingPolicyConfiguration, DataLoggingMaskingHeaderRule, DataLoggingMaskingBodyRule, DataLoggingMaskingStep, DynamicRoutingPolicyConfiguration, DynamicRoutingRule, DynamicRoutingStep, GraphqlGuardPolicyConfiguration, GraphqlGuardStep, GraphqlRateLimitPolicyConfiguration, GraphqlRateLimitStep, HtmlJsonPolicyConfiguration, HtmlJsonSelector, HtmlJsonStep, HttpCalloutPolicyConfiguration, HttpCalloutVariable, HttpCalloutStep, IpFilteringPolicyConfiguration, IpFilteringStep, JavascriptPolicyConfiguration, JavascriptStep, JsonThreatProtectionPolicyConfiguration, JsonThreatProtectionStep, JsonValidationPolicyConfiguration, JsonValidationSchemaSource, JsonValidationStep, JsonToXmlPolicyConfiguration, JsonToXmlStep, LatencyPolicyConfiguration, LatencyStep, MessageFilteringPolicyConfiguration, MessageFilteringStep, MockPolicyConfiguration, MockStep, BasicAuthenticationPolicyConfiguration, BasicAuthenticationStep, InterruptPolicyConfiguration, InterruptVariable, InterruptStep, OverrideRequestMethodPolicyConfiguration, OverrideRequestMethodStep, RequestValidationPolicyConfiguration, RequestValidationRule, RequestValidationConstraint, RequestValidationStep, ProtobufJsonPolicyConfiguration, ProtobufJsonPrinterOptions, ProtobufJsonInput, ProtobufJsonOutput, ProtobufJsonInlineSchema, ProtobufJsonOutputSchema, ProtobufJsonStep, QuotaPolicyConfiguration, QuotaRate, QuotaStep, RateLimitPolicyConfiguration, RateLimitRate, RateLimitStep, RegexThreatProtectionPolicyConfiguration, RegexThreatProtectionStep, RequestContentLimitPolicyConfiguration, RequestContentLimitStep, ResourceFilteringPolicyConfiguration, ResourceFilteringRule, ResourceFilteringStep, RestToSoapPolicyConfiguration, RestToSoapStep, RetryPolicyConfiguration, RetryStep, SpikeArrestPolicyConfiguration, SpikeArrestRate, SpikeArrestStep, SslEnforcementPolicyConfiguration, SslEnforcementStep, TrafficShadowingPolicyConfiguration, TrafficShadowingHeader, TrafficShadowingStep, TransformHeadersPolicyConfiguration, TransformHeadersStep, TransformQueryParamsPolicyConfiguration, TransformQueryParamsStep, UrlRewritingPolicyConfiguration, UrlRewritingStep, XmlToJsonPolicyConfiguration, XmlToJsonStep, XmlThreatProtectionPolicyConfiguration, XmlThreatProtectionStep, XmlValidationPolicyConfiguration, XmlValidationStep, FlowStep, ResourceMetadata, BrokerAuth, BrokerSsl } from "./shared-definitions.ts";
export type { ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions, AssignAttributesPolicyConfiguration, AssignedAttribute, AssignAttributesStep, AssignContentPolicyConfiguration, AssignContentStep, AvroJsonPolicyConfiguration, AvroJsonStep, CachePolicyConfiguration, CacheStep, CloudEventsPolicyConfiguration, CloudEventsStep, DataLoggingMaskingPolicyConfiguration, DataLoggingMaskingHeaderRule, DataLoggingMaskingBodyRule, DataLoggingMaskingStep, DynamicRoutingPolicyConfiguration, DynamicRoutingRule, DynamicRoutingStep, GraphqlGuardPolicyConfiguration, GraphqlGuardStep, GraphqlRateLimitPolicyConfiguration, GraphqlRateLimitStep, HtmlJsonPolicyConfiguration, HtmlJsonSelector, HtmlJsonStep, HttpCalloutPolicyConfiguration, HttpCalloutVariable, HttpCalloutStep, IpFilteringPolicyConfiguration, IpFilteringStep, JavascriptPolicyConfiguration, JavascriptStep, JsonThreatProtectionPolicyConfiguration, JsonThreatProtectionStep, JsonValidationPolicyConfiguration, JsonValidationSchemaSource, JsonValidationStep, JsonToXmlPolicyConfiguration, JsonToXmlStep, LatencyPolicyConfiguration, LatencyStep, MessageFilteringPolicyConfiguration, MessageFilteringStep, MockPolicyConfiguration, MockStep, BasicAuthenticationPolicyConfiguration, BasicAuthenticationStep, InterruptPolicyConfiguration, InterruptVariable, InterruptStep, OverrideRequestMethodPolicyConfiguration, OverrideRequestMethodStep, RequestValidationPolicyConfiguration, RequestValidationRule, RequestValidationConstraint, RequestValidationStep, ProtobufJsonPolicyConfiguration, ProtobufJsonPrinterOptions, ProtobufJsonInput, ProtobufJsonOutput, ProtobufJsonInlineSchema, ProtobufJsonOutputSchema, ProtobufJsonStep, QuotaPolicyConfiguration, QuotaRate, QuotaStep, RateLimitPolicyConfiguration, RateLimitRate, RateLimitStep, RegexThreatProtectionPolicyConfiguration, RegexThreatProtectionStep, RequestContentLimitPolicyConfiguration, RequestContentLimitStep, ResourceFilteringPolicyConfiguration, ResourceFilteringRule, ResourceFilteringStep, RestToSoapPolicyConfiguration, RestToSoapStep, RetryPolicyConfiguration, RetryStep, SpikeArrestPolicyConfiguration, SpikeArrestRate, SpikeArrestStep, SslEnforcementPolicyConfiguration, SslEnforcementStep, TrafficShadowingPolicyConfiguration, TrafficShadowingHeader, TrafficShadowingStep, TransformHeadersPolicyConfiguration, TransformHeadersStep, TransformQueryParamsPolicyConfiguration, TransformQueryParamsStep, UrlRewritingPolicyConfiguration, UrlRewritingStep, XmlToJsonPolicyConfiguration, XmlToJsonStep, XmlThreatProtectionPolicyConfiguration, XmlThreatProtectionStep, XmlValidationPolicyConfiguration, XmlValidationStep, FlowStep, ResourceMetadata, BrokerAuth, BrokerSsl };

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
