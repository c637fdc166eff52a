// DO NOT EDIT: generated from compiler/validate/schemas/src/shared-definitions.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

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
