// DO NOT EDIT: generated from compiler/validate/schemas/api-definition.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

import type { ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions, AssignAttributesPolicyConfiguration, AssignedAttribute, AssignContentPolicyConfiguration, AvroJsonPolicyConfiguration, CachePolicyConfiguration, DataLoggingMaskingPolicyConfiguration, DataLoggingMaskingHeaderRule, DataLoggingMaskingBodyRule, DynamicRoutingPolicyConfiguration, DynamicRoutingRule, GraphqlGuardPolicyConfiguration, GraphqlRateLimitPolicyConfiguration, HtmlJsonPolicyConfiguration, HtmlJsonSelector, HttpCalloutPolicyConfiguration, HttpCalloutVariable, IpFilteringPolicyConfiguration, JavascriptPolicyConfiguration, JsonThreatProtectionPolicyConfiguration, JsonValidationPolicyConfiguration, JsonValidationSchemaSource, JsonToXmlPolicyConfiguration, LatencyPolicyConfiguration, MockPolicyConfiguration, BasicAuthenticationPolicyConfiguration, InterruptPolicyConfiguration, InterruptVariable, OverrideRequestMethodPolicyConfiguration, RequestValidationPolicyConfiguration, RequestValidationRule, RequestValidationConstraint, ProtobufJsonPolicyConfiguration, ProtobufJsonPrinterOptions, ProtobufJsonInput, ProtobufJsonOutput, ProtobufJsonInlineSchema, ProtobufJsonOutputSchema, QuotaPolicyConfiguration, QuotaRate, RateLimitPolicyConfiguration, RateLimitRate, RegexThreatProtectionPolicyConfiguration, RequestContentLimitPolicyConfiguration, ResourceFilteringPolicyConfiguration, ResourceFilteringRule, RestToSoapPolicyConfiguration, RetryPolicyConfiguration, SpikeArrestPolicyConfiguration, SpikeArrestRate, SslEnforcementPolicyConfiguration, TrafficShadowingPolicyConfiguration, TrafficShadowingHeader, TransformHeadersPolicyConfiguration, TransformQueryParamsPolicyConfiguration, UrlRewritingPolicyConfiguration, XmlToJsonPolicyConfiguration, XmlThreatProtectionPolicyConfiguration, XmlValidationPolicyConfiguration, ResourceMetadata } from "./shared-definitions.ts";
export type { ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions, AssignAttributesPolicyConfiguration, AssignedAttribute, AssignContentPolicyConfiguration, AvroJsonPolicyConfiguration, CachePolicyConfiguration, DataLoggingMaskingPolicyConfiguration, DataLoggingMaskingHeaderRule, DataLoggingMaskingBodyRule, DynamicRoutingPolicyConfiguration, DynamicRoutingRule, GraphqlGuardPolicyConfiguration, GraphqlRateLimitPolicyConfiguration, HtmlJsonPolicyConfiguration, HtmlJsonSelector, HttpCalloutPolicyConfiguration, HttpCalloutVariable, IpFilteringPolicyConfiguration, JavascriptPolicyConfiguration, JsonThreatProtectionPolicyConfiguration, JsonValidationPolicyConfiguration, JsonValidationSchemaSource, JsonToXmlPolicyConfiguration, LatencyPolicyConfiguration, MockPolicyConfiguration, BasicAuthenticationPolicyConfiguration, InterruptPolicyConfiguration, InterruptVariable, OverrideRequestMethodPolicyConfiguration, RequestValidationPolicyConfiguration, RequestValidationRule, RequestValidationConstraint, ProtobufJsonPolicyConfiguration, ProtobufJsonPrinterOptions, ProtobufJsonInput, ProtobufJsonOutput, ProtobufJsonInlineSchema, ProtobufJsonOutputSchema, QuotaPolicyConfiguration, QuotaRate, RateLimitPolicyConfiguration, RateLimitRate, RegexThreatProtectionPolicyConfiguration, RequestContentLimitPolicyConfiguration, ResourceFilteringPolicyConfiguration, ResourceFilteringRule, RestToSoapPolicyConfiguration, RetryPolicyConfiguration, SpikeArrestPolicyConfiguration, SpikeArrestRate, SslEnforcementPolicyConfiguration, TrafficShadowingPolicyConfiguration, TrafficShadowingHeader, TransformHeadersPolicyConfiguration, TransformQueryParamsPolicyConfiguration, UrlRewritingPolicyConfiguration, XmlToJsonPolicyConfiguration, XmlThreatProtectionPolicyConfiguration, XmlValidationPolicyConfiguration, ResourceMetadata };

/**
 * A flow step: one policy and its configuration. Known policies: `assign-attributes`, `assign-content`, `avro-json`, `cache`, `data-logging-masking`, `dynamic-routing`, `graphql-guard`, `graphql-rate-limit`, `html-json`, `http-callout`, `ip-filtering`, `javascript`, `json-threat-protection`, `json-validation`, `json-xml`, `latency`, `mock`, `policy-basic-authentication`, `policy-interrupt`, `policy-override-request-method`, `policy-request-validation`, `protobuf-json`, `quota`, `rate-limit`, `regex-threat-protection`, `request-content-limit`, `resource-filtering`, `rest-to-soap`, `retry`, `spike-arrest`, `ssl-enforcement`, `traffic-shadowing`, `transform-headers`, `transform-queryparams`, `url-rewriting`, `xml-json`, `xml-threat-protection`, `xml-validation`; any other id is an error.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2FlowStep".
 */
export type V2FlowStep =
  | V2AssignAttributesStep
  | V2AssignContentStep
  | V2AvroJsonStep
  | V2CacheStep
  | V2DataLoggingMaskingStep
  | V2DynamicRoutingStep
  | V2GraphqlGuardStep
  | V2GraphqlRateLimitStep
  | V2HtmlJsonStep
  | V2HttpCalloutStep
  | V2IpFilteringStep
  | V2JavascriptStep
  | V2JsonThreatProtectionStep
  | V2JsonValidationStep
  | V2JsonToXmlStep
  | V2LatencyStep
  | V2MockStep
  | V2BasicAuthenticationStep
  | V2InterruptStep
  | V2OverrideRequestMethodStep
  | V2RequestValidationStep
  | V2ProtobufJsonStep
  | V2QuotaStep
  | V2RateLimitStep
  | V2RegexThreatProtectionStep
  | V2RequestContentLimitStep
  | V2ResourceFilteringStep
  | V2RestToSoapStep
  | V2RetryStep
  | V2SpikeArrestStep
  | V2SslEnforcementStep
  | V2TrafficShadowingStep
  | V2TransformHeadersStep
  | V2TransformQueryParamsStep
  | V2UrlRewritingStep
  | V2XmlToJsonStep
  | V2XmlThreatProtectionStep
  | V2XmlValidationStep;

/**
 * A Sluice legacy v2 API: a Gravitee Kubernetes Operator `ApiDefinition` resource (HTTP proxy only).
 */
export interface ApiDefinitionV2 {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "ApiDefinition";
  metadata: ResourceMetadata;
  spec: ApiDefinitionV2Spec;
}
/**
 * A legacy v2 API (HTTP proxy only): the GKO ApiDefinition spec, Gravitee's v2 (`gravitee: 2.0.0`) model with snake_case keys.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "ApiDefinitionV2Spec".
 */
export interface ApiDefinitionV2Spec {
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
   * Definition version.
   */
  gravitee?: "2.0.0";
  /**
   * `DEFAULT` runs every matching flow; `BEST_MATCH` runs the one whose path matches best.
   */
  flow_mode?: "DEFAULT" | "BEST_MATCH";
  /**
   * Gravitee execution engine (Sluice behaves as `v4-emulation-engine`).
   */
  execution_mode?: "v3" | "v4-emulation-engine";
  proxy: V2Proxy;
  /**
   * API-level flows (run after the plan's flows).
   */
  flows?: V2Flow[];
  /**
   * Plans (a list, Gravitee v2 style). Every API needs at least one plan.
   */
  plans?: V2Plan[];
  /**
   * API properties.
   */
  properties?: ApiProperty[];
  /**
   * Resources used by policies and plans.
   */
  resources?: ApiResource[];
  /**
   * Path templates used to group analytics (e.g. `/books/:id`).
   */
  path_mappings?: string[];
  response_templates?: ResponseTemplates;
  services?: V2ApiServices;
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
  definition_context?: V2DefinitionContext;
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
  lifecycle_state?: "CREATED" | "PUBLISHED" | "UNPUBLISHED" | "DEPRECATED" | "ARCHIVED";
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
 * Where the API listens and which backends it proxies to.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Proxy".
 */
export interface V2Proxy {
  /**
   * Context paths, optionally on virtual hosts.
   */
  virtual_hosts?: V2VirtualHost[];
  /**
   * Remove the context path before calling the backend.
   */
  strip_context_path?: boolean;
  /**
   * Send the client's Host header to the backend.
   */
  preserve_host?: boolean;
  /**
   * Endpoint groups.
   */
  groups?: V2EndpointGroup[];
  failover?: V2Failover;
  cors?: V2Cors;
  logging?: V2Logging;
}
/**
 * A context path, optionally on a virtual host.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2VirtualHost".
 */
export interface V2VirtualHost {
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
  override_entrypoint?: boolean;
}
/**
 * An endpoint group.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2EndpointGroup".
 */
export interface V2EndpointGroup {
  /**
   * Group name: unique within the API, without `:`; absent: `default-group` (GKO examples omit it).
   */
  name?: string;
  /**
   * The group's endpoints.
   */
  endpoints?: V2Endpoint[];
  load_balancing?: V2LoadBalancing;
  http?: HttpClientOptions;
  ssl?: SslOptions;
  proxy?: HttpProxyOptions;
  /**
   * Headers added to every backend request.
   */
  headers?: {
    [k: string]: string | undefined;
  };
  services?: V2EndpointGroupServices;
}
/**
 * An HTTP (or gRPC) backend.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Endpoint".
 */
export interface V2Endpoint {
  /**
   * Endpoint name: unique within the API, without `:`.
   */
  name: string;
  /**
   * Backend URL (may contain EL).
   */
  target: string;
  /**
   * Weight for the weighted load balancers.
   */
  weight?: number;
  /**
   * A backup endpoint only receives traffic when every other endpoint is down.
   */
  backup?: boolean;
  /**
   * Endpoint type.
   */
  type?: "http" | "grpc";
  /**
   * Tenants this endpoint serves.
   */
  tenants?: string[];
  /**
   * Use the group's http, ssl, proxy and headers settings.
   */
  inherit?: boolean;
  http?: HttpClientOptions;
  ssl?: SslOptions;
  proxy?: HttpProxyOptions;
  /**
   * Headers added to every request to this endpoint.
   */
  headers?: HttpHeader[];
  healthcheck?: V2HealthCheck;
}
/**
 * Active health checking.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2HealthCheck".
 */
export interface V2HealthCheck {
  /**
   * Whether health checking runs.
   */
  enabled?: boolean;
  /**
   * Use the group's health-check settings (endpoint level).
   */
  inherit?: boolean;
  /**
   * Service name.
   */
  name?: string;
  /**
   * Cron expression with seconds (e.g. `* /10 * * * * *`).
   */
  schedule?: string;
  /**
   * Check steps.
   */
  steps?: V2HealthCheckStep[];
}
/**
 * A health-check request and its assertions.
 */
export interface V2HealthCheckStep {
  /**
   * Step name.
   */
  name?: string;
  request?: V2HealthCheckRequest;
  response?: V2HealthCheckResponse;
}
/**
 * The check request.
 */
export interface V2HealthCheckRequest {
  /**
   * Path called.
   */
  path?: string;
  /**
   * HTTP method.
   */
  method?: "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE" | "OTHER";
  /**
   * Request headers.
   */
  headers?: HttpHeader[];
  /**
   * Request body.
   */
  body?: string;
  /**
   * Call the path from the endpoint root instead of appending it to the endpoint path.
   */
  fromRoot?: boolean;
}
/**
 * What the response must satisfy.
 */
export interface V2HealthCheckResponse {
  /**
   * EL assertions (e.g. `#response.status == 200`).
   */
  assertions?: string[];
}
/**
 * How the group spreads requests over its endpoints.
 */
export interface V2LoadBalancing {
  /**
   * Load-balancing algorithm.
   */
  type?: "ROUND_ROBIN" | "RANDOM" | "WEIGHTED_ROUND_ROBIN" | "WEIGHTED_RANDOM";
}
/**
 * Services of the group.
 */
export interface V2EndpointGroupServices {
  discovery?: V2DiscoveryService;
  "health-check"?: V2HealthCheck;
}
/**
 * Endpoint discovery. Not run by Sluice; accepted for compatibility.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2DiscoveryService".
 */
export interface V2DiscoveryService {
  /**
   * Whether discovery runs.
   */
  enabled?: boolean;
  /**
   * Service name.
   */
  name?: string;
  /**
   * Discovery provider id.
   */
  provider?: string;
  /**
   * Discovered endpoints are secondary.
   */
  secondary?: boolean;
  /**
   * Tenants of discovered endpoints.
   */
  tenants?: string[];
  /**
   * Discovery configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * Retry on another endpoint when a call fails.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Failover".
 */
export interface V2Failover {
  /**
   * Failures that trigger a retry.
   *
   * Items: A failure case.
   */
  cases?: "TIMEOUT"[];
  /**
   * Maximum number of attempts.
   */
  maxAttempts?: number;
  /**
   * Timeout of a retry, in milliseconds.
   */
  retryTimeout?: number;
}
/**
 * CORS handled by the gateway.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Cors".
 */
export interface V2Cors {
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
 * Request logging.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Logging".
 */
export interface V2Logging {
  /**
   * Which hops are logged.
   */
  mode?: "NONE" | "CLIENT" | "PROXY" | "CLIENT_PROXY";
  /**
   * What is logged.
   */
  content?: "NONE" | "HEADERS" | "PAYLOADS" | "HEADERS_PAYLOADS";
  /**
   * Which phases are logged.
   */
  scope?: "NONE" | "REQUEST" | "RESPONSE" | "REQUEST_RESPONSE";
  /**
   * EL condition on requests to log.
   */
  condition?: string;
}
/**
 * A flow: steps run on requests matching the path, methods and condition.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Flow".
 */
export interface V2Flow {
  /**
   * Flow id.
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
  "path-operator"?: V2PathOperator;
  /**
   * Methods selected; empty: all.
   *
   * Items: An HTTP method.
   */
  methods?: ("CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE")[];
  /**
   * EL condition; the flow runs only when it is true.
   */
  condition?: string;
  /**
   * Consumers of the flow (management only).
   */
  consumers?: V2FlowConsumer[];
  /**
   * Steps run on the request.
   */
  pre?: V2FlowStep[];
  /**
   * Steps run on the response.
   */
  post?: V2FlowStep[];
}
/**
 * Path the flow applies to.
 */
export interface V2PathOperator {
  /**
   * Path relative to the context path; `:name` segments are parameters.
   */
  path?: string;
  /**
   * How `path` is compared.
   */
  operator?: "STARTS_WITH" | "EQUALS";
}
/**
 * A flow consumer (sharding tag).
 */
export interface V2FlowConsumer {
  /**
   * Consumer id.
   */
  consumerId?: string;
  /**
   * Consumer type (TAG).
   */
  consumerType?: number | string;
}
/**
 * A flow step running the `assign-attributes` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2AssignAttributesStep".
 */
export interface V2AssignAttributesStep {
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
}
/**
 * A flow step running the `assign-content` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2AssignContentStep".
 */
export interface V2AssignContentStep {
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
}
/**
 * A flow step running the `avro-json` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2AvroJsonStep".
 */
export interface V2AvroJsonStep {
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
}
/**
 * A flow step running the `cache` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2CacheStep".
 */
export interface V2CacheStep {
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
}
/**
 * A flow step running the `data-logging-masking` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2DataLoggingMaskingStep".
 */
export interface V2DataLoggingMaskingStep {
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
}
/**
 * A flow step running the `dynamic-routing` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2DynamicRoutingStep".
 */
export interface V2DynamicRoutingStep {
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
}
/**
 * A flow step running the `graphql-guard` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2GraphqlGuardStep".
 */
export interface V2GraphqlGuardStep {
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
}
/**
 * A flow step running the `graphql-rate-limit` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2GraphqlRateLimitStep".
 */
export interface V2GraphqlRateLimitStep {
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
}
/**
 * A flow step running the `html-json` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2HtmlJsonStep".
 */
export interface V2HtmlJsonStep {
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
}
/**
 * A flow step running the `http-callout` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2HttpCalloutStep".
 */
export interface V2HttpCalloutStep {
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
}
/**
 * A flow step running the `ip-filtering` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2IpFilteringStep".
 */
export interface V2IpFilteringStep {
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
}
/**
 * A flow step running the `javascript` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2JavascriptStep".
 */
export interface V2JavascriptStep {
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
}
/**
 * A flow step running the `json-threat-protection` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2JsonThreatProtectionStep".
 */
export interface V2JsonThreatProtectionStep {
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
}
/**
 * A flow step running the `json-validation` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2JsonValidationStep".
 */
export interface V2JsonValidationStep {
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
}
/**
 * A flow step running the `json-xml` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2JsonToXmlStep".
 */
export interface V2JsonToXmlStep {
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
}
/**
 * A flow step running the `latency` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2LatencyStep".
 */
export interface V2LatencyStep {
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
}
/**
 * A flow step running the `mock` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2MockStep".
 */
export interface V2MockStep {
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
}
/**
 * A flow step running the `policy-basic-authentication` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2BasicAuthenticationStep".
 */
export interface V2BasicAuthenticationStep {
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
}
/**
 * A flow step running the `policy-interrupt` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2InterruptStep".
 */
export interface V2InterruptStep {
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
}
/**
 * A flow step running the `policy-override-request-method` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2OverrideRequestMethodStep".
 */
export interface V2OverrideRequestMethodStep {
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
}
/**
 * A flow step running the `policy-request-validation` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2RequestValidationStep".
 */
export interface V2RequestValidationStep {
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
}
/**
 * A flow step running the `protobuf-json` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2ProtobufJsonStep".
 */
export interface V2ProtobufJsonStep {
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
}
/**
 * A flow step running the `quota` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2QuotaStep".
 */
export interface V2QuotaStep {
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
}
/**
 * A flow step running the `rate-limit` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2RateLimitStep".
 */
export interface V2RateLimitStep {
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
}
/**
 * A flow step running the `regex-threat-protection` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2RegexThreatProtectionStep".
 */
export interface V2RegexThreatProtectionStep {
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
}
/**
 * A flow step running the `request-content-limit` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2RequestContentLimitStep".
 */
export interface V2RequestContentLimitStep {
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
}
/**
 * A flow step running the `resource-filtering` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2ResourceFilteringStep".
 */
export interface V2ResourceFilteringStep {
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
}
/**
 * A flow step running the `rest-to-soap` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2RestToSoapStep".
 */
export interface V2RestToSoapStep {
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
}
/**
 * A flow step running the `retry` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2RetryStep".
 */
export interface V2RetryStep {
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
}
/**
 * A flow step running the `spike-arrest` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2SpikeArrestStep".
 */
export interface V2SpikeArrestStep {
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
}
/**
 * A flow step running the `ssl-enforcement` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2SslEnforcementStep".
 */
export interface V2SslEnforcementStep {
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
}
/**
 * A flow step running the `traffic-shadowing` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2TrafficShadowingStep".
 */
export interface V2TrafficShadowingStep {
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
}
/**
 * A flow step running the `transform-headers` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2TransformHeadersStep".
 */
export interface V2TransformHeadersStep {
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
}
/**
 * A flow step running the `transform-queryparams` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2TransformQueryParamsStep".
 */
export interface V2TransformQueryParamsStep {
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
}
/**
 * A flow step running the `url-rewriting` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2UrlRewritingStep".
 */
export interface V2UrlRewritingStep {
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
}
/**
 * A flow step running the `xml-json` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2XmlToJsonStep".
 */
export interface V2XmlToJsonStep {
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
}
/**
 * A flow step running the `xml-threat-protection` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2XmlThreatProtectionStep".
 */
export interface V2XmlThreatProtectionStep {
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
}
/**
 * A flow step running the `xml-validation` policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2XmlValidationStep".
 */
export interface V2XmlValidationStep {
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
}
/**
 * A plan: how consumers subscribe and authenticate, with its own flows.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2Plan".
 */
export interface V2Plan {
  /**
   * Plan name (unique within the API).
   */
  name: string;
  /**
   * Plan description.
   */
  description?: string;
  /**
   * How a request is authenticated.
   */
  security: "API_KEY" | "JWT" | "KEY_LESS" | "OAUTH2";
  /**
   * Security configuration as a JSON string (Gravitee v2 style), e.g. `{"propagateApiKey":true}`; same keys as the v4 security configurations.
   */
  securityDefinition?: string;
  /**
   * Plan flows (run before the API flows).
   */
  flows?: V2Flow[];
  /**
   * Plan status; only PUBLISHED and DEPRECATED plans accept traffic.
   */
  status?: "STAGING" | "PUBLISHED" | "DEPRECATED" | "CLOSED";
  /**
   * Subscription validation (management only).
   */
  validation?: "AUTO" | "MANUAL";
  /**
   * Plan type (management only).
   */
  type?: "API" | "CATALOG";
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
  selection_rule?: string;
  /**
   * Groups that cannot see the plan (management only).
   */
  excluded_groups?: string[];
  /**
   * Display order (management only).
   */
  order?: number;
  /**
   * Subscribers must leave a comment (management only).
   */
  comment_required?: boolean;
  /**
   * Plan id (management only).
   */
  id?: string;
  /**
   * Cross-environment id (management only).
   */
  crossId?: string;
  /**
   * API id (management only).
   */
  api?: string;
}
/**
 * API-level services.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
 * via the `definition` "V2ApiServices".
 */
export interface V2ApiServices {
  discovery?: V2DiscoveryService;
  "health-check"?: V2HealthCheck;
  "dynamic-property"?: V2DynamicPropertyService;
}
/**
 * Dynamic properties (management-side polling; no effect on the gateway).
 */
export interface V2DynamicPropertyService {
  /**
   * Whether the service runs.
   */
  enabled?: boolean;
  /**
   * Service name.
   */
  name?: string;
  /**
   * Provider.
   */
  provider?: "HTTP";
  /**
   * Cron expression.
   */
  schedule?: string;
  /**
   * Service configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * Where the definition is managed (management only).
 */
export interface V2DefinitionContext {
  /**
   * Where the definition comes from.
   */
  origin?: "kubernetes" | "management" | "KUBERNETES" | "MANAGEMENT";
  /**
   * Where gateways read the definition from.
   */
  syncFrom?: "kubernetes" | "management" | "KUBERNETES" | "MANAGEMENT";
  /**
   * Management mode.
   */
  mode?: "fully_managed" | "api_definition_only" | "FULLY_MANAGED" | "API_DEFINITION_ONLY";
}
