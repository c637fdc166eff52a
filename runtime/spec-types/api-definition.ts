// DO NOT EDIT: generated from compiler/validate/schemas/api-definition.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

import type { ResourceMetadata, ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions } from "./shared-definitions.ts";
export type { ResourceMetadata, ResourceReference, HttpHeader, ApiProperty, ApiResource, ResponseTemplate, ResponseTemplates, ApiMember, ApiMetadataEntry, Page, PageSource, PageAccessControl, HttpClientOptions, HttpProxyOptions, TrustStore, KeyStore, SslOptions };

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
 * Configuration of the `assign-attributes` policy: set execution-context (or message) attributes.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `assign-content` policy: replace the body (or message content) with a template.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `avro-json` policy (Gravitee's `gravitee-policy-avro-json`).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `cache` policy: store upstream responses in a cache resource and answer from it.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `data-logging-masking` policy: what the access log masks of the phase its step is in (docs/policies.md#data-logging-masking).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `dynamic-routing` policy: route the request by rules on its path.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `graphql-guard` policy (a Sluice policy, not in Gravitee): rejects GraphQL operations that are too deep, too complex or not on the allowlist with 400 and a GraphQL error body, before the backend sees them.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `graphql-rate-limit` policy: rate limiting weighted by the cost of each GraphQL query.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `html-json` policy (Gravitee's `gravitee-policy-html-json`).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `http-callout` policy: call a service, keep values of its response, or stop on its error.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `ip-filtering` policy: allow or deny clients by IP address or CIDR range.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `javascript` policy. Each script is compiled into the gateway as a type-checked function (docs/policies.md#javascript).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `json-threat-protection` policy: limits of a JSON body; -1 (the default) is no limit.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `json-validation` policy: validate the body (or message) against a JSON Schema.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `json-xml` (JSON to XML) policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `latency` policy: add a fixed delay.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `mock` policy: answer the request with a fixed response instead of calling the endpoint (the response phase still runs).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `policy-basic-authentication` policy: HTTP Basic authentication against provider resources.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `policy-interrupt` policy: end the exchange with an error.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `policy-override-request-method` policy: the HTTP method sent to the endpoint.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `policy-request-validation` policy: constraint rules on values of the request.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `protobuf-json` policy (Gravitee's `gravitee-policy-protobuf-json`).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `quota` policy: a rate limit over long periods.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `rate-limit` policy: at most `limit` requests per period, per subscription (or per `key`).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `regex-threat-protection` policy: refuse requests matching a regular expression.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `request-content-limit` policy (Gravitee's plugin id `policy-request-content-limit`): refuse request bodies larger than `limit` bytes.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `resource-filtering` policy: path patterns (Ant style) and methods allowed or refused.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `rest-to-soap` policy: turn a REST call into a SOAP request.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `retry` policy: call the endpoint again on a condition, a failure or a timeout.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `spike-arrest` policy: smooths traffic to `limit` requests per period, evenly spread.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `ssl-enforcement` policy: require HTTPS and, optionally, a client certificate whose subject is on a list.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `traffic-shadowing` policy: copy each request to a shadow endpoint.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `transform-headers` policy (request/response headers, or message headers in publish/subscribe).
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `transform-queryparams` policy: change the query parameters sent to the endpoint.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `url-rewriting` policy: rewrite URLs in the response headers and body.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `xml-json` (XML to JSON) policy.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `xml-threat-protection` policy: limits of an XML body; -1 is no limit.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
 * Configuration of the `xml-validation` policy: validate the request body against an XSD schema.
 *
 * This interface was referenced by `ApiDefinitionV2`'s JSON-Schema
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
