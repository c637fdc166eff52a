// DO NOT EDIT: generated from compiler/validate/schemas/src/shared-definitions.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A flow step: one policy and its configuration. Known policies: `assign-attributes`, `assign-content`, `avro-json`, `cache`, `cloud-events`, `data-logging-masking`, `dynamic-routing`, `graphql-guard`, `graphql-rate-limit`, `html-json`, `http-callout`, `ip-filtering`, `javascript`, `json-threat-protection`, `json-validation`, `json-xml`, `latency`, `message-filtering`, `mock`, `policy-basic-authentication`, `policy-interrupt`, `policy-override-request-method`, `policy-request-validation`, `protobuf-json`, `quota`, `rate-limit`, `regex-threat-protection`, `request-content-limit`, `resource-filtering`, `rest-to-soap`, `retry`, `spike-arrest`, `ssl-enforcement`, `traffic-shadowing`, `transform-headers`, `transform-queryparams`, `url-rewriting`, `xml-json`, `xml-threat-protection`, `xml-validation`; any other id is an error.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A reference to another Kubernetes resource.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ResourceReference".
 */
export interface ResourceReference {
  /**
   * Name of the referenced resource.
   */
  name: string;
  /**
   * Namespace of the referenced resource.
   */
  namespace?: string;
  /**
   * Kind of the referenced resource.
   */
  kind?: string;
}
/**
 * An HTTP header (or message header / metadata entry).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * An API property, readable from EL as `{#api.properties['key']}`.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ApiProperty".
 */
export interface ApiProperty {
  /**
   * Property key.
   */
  key: string;
  /**
   * Property value.
   */
  value?: string;
  /**
   * Whether the value is stored encrypted (management only).
   */
  encrypted?: boolean;
  /**
   * Whether the value may be encrypted (management only).
   */
  encryptable?: boolean;
  /**
   * Whether the property is managed by the dynamic-property service.
   */
  dynamic?: boolean;
}
/**
 * A resource (cache, OAuth2 server, ...) that policies use by name.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ApiResource".
 */
export interface ApiResource {
  /**
   * Resource name, used by policies and plans to refer to it.
   */
  name?: string;
  /**
   * Resource plugin id (e.g. `oauth2`, `oauth2-am-resource`, `cache`, `cache-redis`).
   */
  type?: string;
  /**
   * Whether the resource is enabled.
   */
  enabled?: boolean;
  /**
   * Resource configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
  ref?: ResourceReference;
}
/**
 * The response sent for one error key and media type.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ResponseTemplate".
 */
export interface ResponseTemplate {
  /**
   * HTTP status code of the response.
   */
  status?: number;
  /**
   * Response headers.
   */
  headers?: {
    [k: string]: string | undefined;
  };
  /**
   * Response body (may contain EL).
   */
  body?: string;
  /**
   * Whether the error key is written to the logs.
   */
  propagateErrorKeyToLogs?: boolean;
}
/**
 * Response templates keyed by error key (e.g. `RATE_LIMIT_TOO_MANY_REQUESTS`, `DEFAULT`), then by media type (`application/json`, `* /*`).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ResponseTemplates".
 */
export interface ResponseTemplates {
  [k: string]:
    | {
        [k: string]: ResponseTemplate | undefined;
      }
    | undefined;
}
/**
 * An API member (management only).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ApiMember".
 */
export interface ApiMember {
  /**
   * Identity provider of the member (e.g. `gravitee`, `memory`).
   */
  source: string;
  /**
   * Member identifier in that provider (e.g. an e-mail).
   */
  sourceId: string;
  /**
   * API role of the member.
   */
  role?: string;
}
/**
 * An API metadata entry (management only).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ApiMetadataEntry".
 */
export interface ApiMetadataEntry {
  /**
   * Metadata key.
   */
  key: string;
  /**
   * Metadata display name.
   */
  name: string;
  /**
   * Metadata format.
   */
  format: "STRING" | "NUMERIC" | "BOOLEAN" | "DATE" | "MAIL" | "URL";
  /**
   * Metadata value.
   */
  value?: string;
  /**
   * Metadata default value.
   */
  defaultValue?: string;
}
/**
 * A documentation page or folder. Sluice publishes pages as the API's documentation.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "Page".
 */
export interface Page {
  /**
   * Display name of the page.
   */
  name: string;
  /**
   * Type of page.
   */
  type: "MARKDOWN" | "SWAGGER" | "ASYNCAPI" | "ASCIIDOC" | "FOLDER" | "SYSTEM_FOLDER" | "ROOT";
  /**
   * Content of the page.
   */
  content?: string;
  /**
   * Map key of the folder page this page belongs to.
   */
  parent?: string;
  /**
   * Id of the parent page (management only).
   */
  parentId?: string;
  /**
   * Whether the page is published.
   */
  published?: boolean;
  /**
   * Visibility of the page.
   */
  visibility?: "PUBLIC" | "PRIVATE";
  /**
   * Whether the page is the documentation's home page.
   */
  homepage?: boolean;
  /**
   * Display order.
   */
  order?: number;
  /**
   * Page id (management only).
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
  /**
   * Rendering options (e.g. `viewer: Redoc`).
   */
  configuration?: {
    [k: string]: string | undefined;
  };
  source?: PageSource;
  /**
   * Groups granted (or denied) access to a private page (management only).
   */
  accessControls?: PageAccessControl[];
  /**
   * Whether `accessControls` denies instead of grants (management only).
   */
  excludedAccessControls?: boolean;
}
/**
 * Fetch the content from elsewhere instead of `content` (management only).
 */
export interface PageSource {
  /**
   * Fetcher plugin id (e.g. `http-fetcher`, `github-fetcher`).
   */
  type: string;
  /**
   * Fetcher configuration. Opaque: its content is not validated.
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * An access control entry.
 */
export interface PageAccessControl {
  /**
   * Group name.
   */
  referenceId: string;
  /**
   * Reference type.
   */
  referenceType: "GROUP";
}
/**
 * HTTP client options used to call the backend.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "HttpClientOptions".
 */
export interface HttpClientOptions {
  /**
   * HTTP protocol version.
   */
  version?: "HTTP_1_1" | "HTTP_2";
  /**
   * Maximum time to connect to the backend, in milliseconds.
   */
  connectTimeout?: number;
  /**
   * Maximum time for the backend to complete the request (including the response), in milliseconds.
   */
  readTimeout?: number;
  /**
   * Maximum time a pooled connection stays unused before it is closed, in milliseconds (0: no timeout).
   */
  idleTimeout?: number;
  /**
   * Use persistent connections.
   */
  keepAlive?: boolean;
  /**
   * How long a kept-alive connection may stay open, in milliseconds.
   */
  keepAliveTimeout?: number;
  /**
   * Use HTTP/1.1 pipelining.
   */
  pipelining?: boolean;
  /**
   * Maximum connection pool size.
   */
  maxConcurrentConnections?: number;
  /**
   * Advertise and decompress gzip/deflate with the backend.
   */
  useCompression?: boolean;
  /**
   * Forward the client's Accept-Encoding (only when `useCompression` is false; the body is then never decompressed).
   */
  propagateClientAcceptEncoding?: boolean;
  /**
   * Send the client's Host header to the backend instead of the target's host.
   */
  propagateClientHost?: boolean;
  /**
   * Follow 3xx redirects from the backend.
   */
  followRedirects?: boolean;
  /**
   * HTTP/2 in clear text: upgrade from HTTP/1.1 (true) or use prior knowledge (false).
   */
  clearTextUpgrade?: boolean;
  /**
   * HTTP/2: maximum concurrent streams per connection (-1: server's limit).
   */
  http2MultiplexingLimit?: number;
  /**
   * HTTP/2: connection flow-control window in bytes (-1: default).
   */
  http2ConnectionWindowSize?: number;
  /**
   * HTTP/2: stream flow-control window in bytes (-1: default).
   */
  http2StreamWindowSize?: number;
  /**
   * HTTP/2: maximum frame size in bytes.
   */
  http2MaxFrameSize?: number;
}
/**
 * Outbound proxy used to reach the backend.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "HttpProxyOptions".
 */
export interface HttpProxyOptions {
  /**
   * Use a proxy.
   */
  enabled?: boolean;
  /**
   * Use the proxy configured at gateway level.
   */
  useSystemProxy?: boolean;
  /**
   * Proxy protocol.
   */
  type?: "HTTP" | "SOCKS4" | "SOCKS5";
  /**
   * Proxy host.
   */
  host?: string;
  /**
   * Proxy port.
   */
  port?: number;
  /**
   * Proxy user name.
   */
  username?: string;
  /**
   * Proxy password.
   */
  password?: string;
}
/**
 * Certificates trusted when connecting over TLS.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "TrustStore".
 */
export interface TrustStore {
  /**
   * Trust store format; `NONE` (or the empty string Gravitee's console writes) means the default trust.
   */
  type?: "" | "NONE" | "PEM" | "JKS" | "PKCS12";
  /**
   * Path of the trust store file on the gateway host.
   */
  path?: string;
  /**
   * Trust store content (base64 for JKS/PKCS12, the certificates themselves for PEM).
   */
  content?: string;
  /**
   * Trust store password (not for PEM).
   */
  password?: string;
}
/**
 * Client certificate and key presented when connecting over TLS (mutual TLS).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "KeyStore".
 */
export interface KeyStore {
  /**
   * Key store format; `NONE` (or the empty string Gravitee's console writes) means no client certificate.
   */
  type?: "" | "NONE" | "PEM" | "JKS" | "PKCS12";
  /**
   * Path of the key store file (JKS/PKCS12).
   */
  path?: string;
  /**
   * Base64 content of the key store (JKS/PKCS12).
   */
  content?: string;
  /**
   * Key store password (JKS/PKCS12).
   */
  password?: string;
  /**
   * Alias of the key to use when the store holds several.
   */
  alias?: string;
  /**
   * Password of the key, when it differs from the store's.
   */
  keyPassword?: string;
  /**
   * Path of the certificate file (PEM).
   */
  certPath?: string;
  /**
   * Certificate content (PEM).
   */
  certContent?: string;
  /**
   * Path of the private key file (PEM).
   */
  keyPath?: string;
  /**
   * Private key content (PEM).
   */
  keyContent?: string;
}
/**
 * TLS options used to call the backend.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "SslOptions".
 */
export interface SslOptions {
  /**
   * Trust any server certificate (traffic stays encrypted but is open to man-in-the-middle attacks).
   */
  trustAll?: boolean;
  /**
   * Verify that the server certificate matches the host name.
   */
  hostnameVerifier?: boolean;
  trustStore?: TrustStore;
  keyStore?: KeyStore;
}
/**
 * Configuration of the `assign-attributes` policy: set execution-context (or message) attributes.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `assign-attributes` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `assign-content` policy: replace the body (or message content) with a template.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `assign-content` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `avro-json` policy (Gravitee's `gravitee-policy-avro-json`).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `avro-json` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `cache` policy: store upstream responses in a cache resource and answer from it.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `cache` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `cloud-events` policy (Gravitee's `gravitee-policy-cloud-events`). Every value may contain EL.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `cloud-events` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `data-logging-masking` policy: what the access log masks of the phase its step is in (docs/policies.md#data-logging-masking).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `data-logging-masking` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `dynamic-routing` policy: route the request by rules on its path.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `dynamic-routing` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `graphql-guard` policy (a Sluice policy, not in Gravitee): rejects GraphQL operations that are too deep, too complex or not on the allowlist with 400 and a GraphQL error body, before the backend sees them.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `graphql-guard` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `graphql-rate-limit` policy: rate limiting weighted by the cost of each GraphQL query.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `graphql-rate-limit` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `html-json` policy (Gravitee's `gravitee-policy-html-json`).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `html-json` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `http-callout` policy: call a service, keep values of its response, or stop on its error.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `http-callout` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `ip-filtering` policy: allow or deny clients by IP address or CIDR range.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `ip-filtering` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `javascript` policy. Each script is compiled into the gateway as a type-checked function (docs/policies.md#javascript).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `javascript` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `json-threat-protection` policy: limits of a JSON body; -1 (the default) is no limit.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `json-threat-protection` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `json-validation` policy: validate the body (or message) against a JSON Schema.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `json-validation` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `json-xml` (JSON to XML) policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `json-xml` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `latency` policy: add a fixed delay.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `latency` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `message-filtering` policy: drop messages that do not match a condition.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `message-filtering` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `mock` policy: answer the request with a fixed response instead of calling the endpoint (the response phase still runs).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `mock` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `policy-basic-authentication` policy: HTTP Basic authentication against provider resources.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `policy-basic-authentication` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `policy-interrupt` policy: end the exchange with an error.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `policy-interrupt` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `policy-override-request-method` policy: the HTTP method sent to the endpoint.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "OverrideRequestMethodPolicyConfiguration".
 */
export interface OverrideRequestMethodPolicyConfiguration {
  /**
   * The method the endpoint receives.
   */
  method: "CONNECT" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT" | "TRACE";
}
/**
 * A flow step running the `policy-override-request-method` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `policy-request-validation` policy: constraint rules on values of the request.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `policy-request-validation` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `protobuf-json` policy (Gravitee's `gravitee-policy-protobuf-json`).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `protobuf-json` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `quota` policy: a rate limit over long periods.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `quota` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `rate-limit` policy: at most `limit` requests per period, per subscription (or per `key`).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `rate-limit` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `regex-threat-protection` policy: refuse requests matching a regular expression.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `regex-threat-protection` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `request-content-limit` policy (Gravitee's plugin id `policy-request-content-limit`): refuse request bodies larger than `limit` bytes.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "RequestContentLimitPolicyConfiguration".
 */
export interface RequestContentLimitPolicyConfiguration {
  /**
   * Largest request body accepted, in bytes.
   */
  limit: number;
}
/**
 * A flow step running the `request-content-limit` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `resource-filtering` policy: path patterns (Ant style) and methods allowed or refused.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `resource-filtering` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `rest-to-soap` policy: turn a REST call into a SOAP request.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `rest-to-soap` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `retry` policy: call the endpoint again on a condition, a failure or a timeout.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `retry` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `spike-arrest` policy: smooths traffic to `limit` requests per period, evenly spread.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `spike-arrest` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `ssl-enforcement` policy: require HTTPS and, optionally, a client certificate whose subject is on a list.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `ssl-enforcement` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `traffic-shadowing` policy: copy each request to a shadow endpoint.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `traffic-shadowing` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `transform-headers` policy (request/response headers, or message headers in publish/subscribe).
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `transform-headers` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `transform-queryparams` policy: change the query parameters sent to the endpoint.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `transform-queryparams` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `url-rewriting` policy: rewrite URLs in the response headers and body.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `url-rewriting` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `xml-json` (XML to JSON) policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "XmlToJsonPolicyConfiguration".
 */
export interface XmlToJsonPolicyConfiguration {
  /**
   * Phase the policy runs in (deprecated in v4, where the flow phase decides).
   */
  scope?: "REQUEST" | "RESPONSE";
}
/**
 * A flow step running the `xml-json` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `xml-threat-protection` policy: limits of an XML body; -1 is no limit.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `xml-threat-protection` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Configuration of the `xml-validation` policy: validate the request body against an XSD schema.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * A flow step running the `xml-validation` policy.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
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
 * Kubernetes object metadata. `name` is the API's identity in the repository.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "ResourceMetadata".
 */
export interface ResourceMetadata {
  /**
   * The API's identity: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters), unique across the repository.
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
 * User name and password authentication to a broker.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "BrokerAuth".
 */
export interface BrokerAuth {
  /**
   * User name.
   */
  username?: string;
  /**
   * Password.
   */
  password?: string;
}
/**
 * TLS settings to connect to a broker.
 *
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "BrokerSsl".
 */
export interface BrokerSsl {
  /**
   * Verify that the broker certificate matches its host name.
   */
  hostnameVerifier?: boolean;
  trustStore?: TrustStore;
  keyStore?: KeyStore;
}
