// DO NOT EDIT: generated from compiler/validate/schemas/shared-policy-group.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A flow step: one policy and its configuration. Known policies: `assign-attributes`, `assign-content`, `graphql-guard`, `graphql-rate-limit`, `ip-filtering`, `json-xml`, `message-filtering`, `mock`, `policy-override-request-method`, `quota`, `rate-limit`, `request-content-limit`, `rest-to-soap`, `spike-arrest`, `ssl-enforcement`, `transform-headers`, `transform-queryparams`, `xml-json`; any other id is an error.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "FlowStep".
 */
export type FlowStep =
  | AssignAttributesStep
  | AssignContentStep
  | GraphqlGuardStep
  | GraphqlRateLimitStep
  | IpFilteringStep
  | JsonToXmlStep
  | MessageFilteringStep
  | MockStep
  | OverrideRequestMethodStep
  | QuotaStep
  | RateLimitStep
  | RequestContentLimitStep
  | RestToSoapStep
  | SpikeArrestStep
  | SslEnforcementStep
  | TransformHeadersStep
  | TransformQueryParamsStep
  | XmlToJsonStep;

/**
 * A Gravitee Kubernetes Operator SharedPolicyGroup: steps for one phase of one API type, which v4 flows of any API of that type run where a step names the group (`sharedPolicyGroupRef`). Sluice inlines the steps where they are referenced: see docs/shared-policy-groups.md.
 */
export interface SharedPolicyGroup {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "SharedPolicyGroup";
  metadata: SharedPolicyGroupMetadata;
  spec: SharedPolicyGroupSpec;
}
/**
 * Kubernetes object metadata. `name` is the group's identity: what a step's `sharedPolicyGroupRef.name` names.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupMetadata".
 */
export interface SharedPolicyGroupMetadata {
  /**
   * The group's identity, as `sharedPolicyGroupRef.name` names it: a DNS-1123 subdomain, unique among the SharedPolicyGroups of the repository.
   */
  name: string;
  /**
   * Kubernetes namespace (informational for Sluice).
   */
  namespace?: string;
  /**
   * Kubernetes labels (informational for Sluice).
   */
  labels?: {
    [k: string]: string | undefined;
  };
  /**
   * Kubernetes annotations (informational for Sluice).
   */
  annotations?: {
    [k: string]: string | undefined;
  };
}
/**
 * The group: the API type and phase it serves, and its steps.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupSpec".
 */
export interface SharedPolicyGroupSpec {
  /**
   * Display name (management only).
   */
  name: string;
  /**
   * Description (management only).
   */
  description?: string;
  /**
   * What an API needs before using the group (management only).
   */
  prerequisiteMessage?: string;
  /**
   * Gravitee's cross-environment id (management only).
   */
  crossId?: string;
  /**
   * GKO management context (ignored: Sluice compiles the repository).
   */
  contextRef?: {
    name?: string;
    namespace?: string;
  };
  /**
   * The type of the APIs that may reference the group.
   */
  apiType: "PROXY" | "MESSAGE";
  /**
   * The flow phase whose steps may reference the group (`PUBLISH` and `SUBSCRIBE` on MESSAGE APIs).
   */
  phase: "REQUEST" | "RESPONSE" | "PUBLISH" | "SUBSCRIBE";
  /**
   * The steps, run in order where the group is referenced, like the flow's own steps.
   */
  steps?: FlowStep[];
}
/**
 * A flow step running the `assign-attributes` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `graphql-guard` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `ip-filtering` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `json-xml` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `message-filtering` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * An HTTP header (or message header / metadata entry).
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "HttpHeader".
 */
export interface HttpHeader {
  /**
   * Header name.
   */
  name: string;
  /**
   * Header value (may contain Gravitee EL).
   */
  value: string;
}
/**
 * A flow step running the `policy-override-request-method` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "OverrideRequestMethodPolicyConfiguration".
 */
export interface OverrideRequestMethodPolicyConfiguration {
  /**
   * The method the endpoint receives.
   */
  method: "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE";
}
/**
 * A flow step running the `quota` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `request-content-limit` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "RequestContentLimitPolicyConfiguration".
 */
export interface RequestContentLimitPolicyConfiguration {
  /**
   * Largest request body accepted, in bytes.
   */
  limit: number;
}
/**
 * A flow step running the `rest-to-soap` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `spike-arrest` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `transform-headers` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * A flow step running the `xml-json` policy.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
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
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "XmlToJsonPolicyConfiguration".
 */
export interface XmlToJsonPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE";
}
