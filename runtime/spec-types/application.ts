// DO NOT EDIT: generated from compiler/validate/schemas/application.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A Sluice consumer: a Gravitee Kubernetes Operator `Application` resource.
 */
export interface Application {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "Application";
  metadata: ResourceMetadata;
  spec: ApplicationSpec;
}
/**
 * Kubernetes object metadata. `name` is the Application's identity in the repository.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ResourceMetadata".
 */
export interface ResourceMetadata {
  /**
   * The Application's identity: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters), unique among the Applications of the repository.
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
 * A GKO `Application`: a consumer of APIs. Subscriptions tie it to plans; JWT and OAUTH2 plans match its `settings.app.clientId`, MTLS plans its client certificates.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ApplicationSpec".
 */
export interface ApplicationSpec {
  /**
   * Application name (shown in logs and metrics).
   */
  name: string;
  /**
   * Application description (management only).
   */
  description?: string;
  contextRef?: ContextReference;
  /**
   * APIM id (management only).
   */
  id?: string;
  /**
   * APIM human-readable id (management only).
   */
  hrid?: string;
  /**
   * Portal background, base64 (management only).
   */
  background?: string;
  /**
   * Application domain (management only).
   */
  domain?: string;
  /**
   * Groups (management only).
   */
  groups?: string[];
  /**
   * Portal picture, base64 (management only).
   */
  picture?: string;
  /**
   * Portal picture URL (management only).
   */
  pictureUrl?: string;
  settings: ApplicationSettings;
  /**
   * Notify members (management only).
   */
  notifyMembers?: boolean;
  /**
   * Application metadata: expressions read `#application.metadata['<name>']` (the entry's `value`, else its `defaultValue`).
   */
  metadata?: ApplicationMetadata[];
  /**
   * Application members (management only).
   */
  members?: ApplicationMember[];
}
/**
 * GKO's reference to a ManagementContext (management only: no effect on the gateway).
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ContextReference".
 */
export interface ContextReference {
  /**
   * Name of the ManagementContext.
   */
  name: string;
  /**
   * Its namespace.
   */
  namespace?: string;
  /**
   * Its kind.
   */
  kind?: string;
}
/**
 * How the application authenticates.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ApplicationSettings".
 */
export interface ApplicationSettings {
  app?: SimpleApplicationSettings;
  oauth?: OAuthClientSettings;
  tls?: TlsSettings;
}
/**
 * A simple application.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "SimpleApplicationSettings".
 */
export interface SimpleApplicationSettings {
  /**
   * Application type (free text, e.g. `backend`, `web`).
   */
  type: string;
  /**
   * The client id JWT and OAUTH2 plans match (the token's client id claim, or the introspected `client_id`).
   */
  clientId?: string;
}
/**
 * An OAuth client registered by APIM through dynamic client registration (management only: Sluice registers nothing; use `app.clientId`).
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "OAuthClientSettings".
 */
export interface OAuthClientSettings {
  /**
   * OAuth client application type.
   */
  applicationType: "BACKEND_TO_BACKEND" | "NATIVE" | "BROWSER" | "WEB";
  /**
   * Grant types.
   */
  grantTypes: ("authorization_code" | "client_credentials" | "refresh_token" | "password" | "implicit")[];
  /**
   * Redirect URIs.
   */
  redirectUris?: string[];
}
/**
 * Client certificates that MTLS plans match (by SHA-256 thumbprint).
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "TlsSettings".
 */
export interface TlsSettings {
  /**
   * Deprecated by GKO: one PEM certificate; use `clientCertificates`.
   */
  clientCertificate?: string;
  /**
   * Client certificates for MTLS plans.
   */
  clientCertificates?: ClientCertificate[];
}
/**
 * A client certificate: `content` (PEM, or base64 with `encoded: true`) or a `ref` to a Secret/ConfigMap key, read from `$SLUICE_SECRETS_DIR/<name>/<key>`.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ClientCertificate".
 */
export interface ClientCertificate {
  /**
   * A label for the certificate.
   */
  name?: string;
  /**
   * The certificate, PEM (or base64 when `encoded`), a `${ENV}` reference or a `[[ secret `name/key` ]]` template.
   */
  content?: string;
  ref?: CertificateReference;
  /**
   * Valid from (RFC 3339).
   */
  startsAt?: string;
  /**
   * Valid until (RFC 3339).
   */
  endsAt?: string;
  /**
   * `content` is base64 of the PEM text.
   */
  encoded?: boolean;
}
/**
 * A Secret or ConfigMap key holding a certificate.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "CertificateReference".
 */
export interface CertificateReference {
  /**
   * Kind of the referenced resource.
   */
  kind?: "secrets" | "configmaps";
  /**
   * Name of the Secret or ConfigMap.
   */
  name: string;
  /**
   * Key in its data.
   */
  key?: string;
  /**
   * Namespace (informational for Sluice).
   */
  namespace?: string;
}
/**
 * A metadata entry, read by expressions as `#application.metadata['<name>']`.
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ApplicationMetadata".
 */
export interface ApplicationMetadata {
  name: string;
  value?: string;
  defaultValue?: string;
  format?: "STRING" | "NUMERIC" | "BOOLEAN" | "DATE" | "MAIL" | "URL";
  hidden?: boolean;
}
/**
 * A member (management only).
 *
 * This interface was referenced by `Application`'s JSON-Schema
 * via the `definition` "ApplicationMember".
 */
export interface ApplicationMember {
  source: string;
  sourceId: string;
  role?: string;
}
