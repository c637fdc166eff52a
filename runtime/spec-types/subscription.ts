// DO NOT EDIT: generated from compiler/validate/schemas/subscription.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A Gravitee Kubernetes Operator `Subscription` resource: an Application subscribed to a plan of an API.
 */
export interface Subscription {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "Subscription";
  metadata: ResourceMetadata;
  spec: SubscriptionSpec;
}
/**
 * Kubernetes object metadata. `name` is the Subscription's identity in the repository.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "ResourceMetadata".
 */
export interface ResourceMetadata {
  /**
   * The Subscription's identity: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters), unique among the Subscriptions of the repository.
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
 * A GKO `Subscription`: an Application subscribed to one plan of one API.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "SubscriptionSpec".
 */
export interface SubscriptionSpec {
  api: ApiReference;
  application: ApplicationReference;
  /**
   * The plan's key in the API's `spec.plans` (v2: the plan's `id`, else its `name`).
   */
  plan: string;
  /**
   * The subscription ends then (RFC 3339): its credentials are refused from then on, with no redeploy.
   */
  endingAt?: string;
  /**
   * Subscription metadata.
   */
  metadata?: {
    [k: string]: string | undefined;
  };
  /**
   * API keys (API_KEY plans only).
   */
  apiKeys?: SubscriptionApiKey[];
  consumerConfiguration?: ConsumerConfiguration;
}
/**
 * The API subscribed to.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "ApiReference".
 */
export interface ApiReference {
  /**
   * `metadata.name` of the API.
   */
  name: string;
  /**
   * Namespace (informational for Sluice).
   */
  namespace?: string;
  /**
   * Kind of the API.
   */
  kind?: "ApiV4Definition" | "ApiDefinition";
}
/**
 * The subscribing Application.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "ApplicationReference".
 */
export interface ApplicationReference {
  /**
   * `metadata.name` of the Application.
   */
  name: string;
  /**
   * Namespace (informational for Sluice).
   */
  namespace?: string;
  /**
   * Kind (informational: always Application).
   */
  kind?: string;
}
/**
 * An API key of the subscription (API_KEY plans).
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "SubscriptionApiKey".
 */
export interface SubscriptionApiKey {
  /**
   * The key, never in clear: a `${ENV}` reference or a `[[ secret `name/key` ]]` template read from `$SLUICE_SECRETS_DIR/name/key`. At least 32 characters once resolved (GKO's rule).
   */
  key: string;
  /**
   * The key is refused from then on (RFC 3339).
   */
  expireAt?: string;
}
/**
 * PUSH plans: where messages are delivered (the webhook entrypoint's subscription configuration).
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "ConsumerConfiguration".
 */
export interface ConsumerConfiguration {
  /**
   * The entrypoint delivering messages: `webhook`.
   */
  entrypointId: string;
  /**
   * Channel to consume (optional).
   */
  channel?: string;
  entrypointConfiguration?: WebhookSubscriptionConfiguration;
}
/**
 * The entrypoint's subscription configuration (webhook: `callbackUrl`, `headers`, `auth`, `ssl`, `retry`, and beyond Gravitee `signingSecret`). Credentials (`auth.basic.password`, `auth.token.value`, `auth.oauth2.clientSecret`, `signingSecret`) are a `${ENV}` reference or a `[[ secret `name/key` ]]` template, never in clear.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "WebhookSubscriptionConfiguration".
 */
export interface WebhookSubscriptionConfiguration {
  /**
   * Where each message is POSTed: an absolute http:// or https:// URL.
   */
  callbackUrl: string;
  /**
   * Headers added to every call (after the message's headers).
   */
  headers?: WebhookHeader[];
  auth?: WebhookAuth;
  ssl?: WebhookSsl;
  retry?: WebhookRetry;
  /**
   * Beyond Gravitee: the HMAC-SHA256 secret of the `X-Sluice-Signature` header. Never in clear: a `${ENV}` reference or a `[[ secret `name/key` ]]` template, read on every call.
   */
  signingSecret?: string;
}
/**
 * A header of the callback request.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "WebhookHeader".
 */
export interface WebhookHeader {
  /**
   * Header name.
   */
  name: string;
  /**
   * Header value (may be a secret reference).
   */
  value: string;
}
/**
 * How the gateway authenticates to the callback.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "WebhookAuth".
 */
export interface WebhookAuth {
  /**
   * Authentication type.
   */
  type: "none" | "basic" | "token" | "oauth2";
  /**
   * HTTP Basic.
   */
  basic?: {
    /**
     * User name.
     */
    username: string;
    /**
     * Password. Never in clear: a `${ENV}` reference or a `[[ secret `name/key` ]]` template, read on every call.
     */
    password: string;
  };
  /**
   * A bearer token.
   */
  token?: {
    /**
     * The token. Never in clear: a `${ENV}` reference or a `[[ secret `name/key` ]]` template, read on every call.
     */
    value: string;
  };
  /**
   * OAuth2 client credentials (RFC 6749 §4.4).
   */
  oauth2?: {
    /**
     * The token endpoint.
     */
    endpoint: string;
    /**
     * Client id.
     */
    clientId: string;
    /**
     * Client secret. Never in clear: a `${ENV}` reference or a `[[ secret `name/key` ]]` template, read on every call.
     */
    clientSecret: string;
    /**
     * Scopes asked for.
     */
    scopes?: string[];
  };
}
/**
 * TLS to the callback.
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "WebhookSsl".
 */
export interface WebhookSsl {
  /**
   * Check that the certificate names the host (default true).
   */
  hostnameVerifier?: boolean;
  /**
   * Accept any certificate (default false).
   */
  trustAll?: boolean;
  /**
   * Trust store (as the API's endpoints: `type` PEM, with `path` or `content`).
   */
  trustStore?: {};
  /**
   * Key store for a client certificate (PEM or PKCS12).
   */
  keyStore?: {};
}
/**
 * Retries of a failed call (default: Gravitee 4.8's gateway-wide setting, exponential from 5 s, no limit).
 *
 * This interface was referenced by `Subscription`'s JSON-Schema
 * via the `definition` "WebhookRetry".
 */
export interface WebhookRetry {
  /**
   * Whether to retry.
   */
  retryOption: "No Retry" | "Retry On Fail";
  /**
   * Waits: constant or doubling.
   */
  retryStrategy?: "LINEAR" | "EXPONENTIAL";
  /**
   * Retries after the first attempt; absent: no limit.
   */
  maxAttempts?: number;
  /**
   * First wait.
   */
  initialDelaySeconds?: number;
  /**
   * Longest wait.
   */
  maxDelaySeconds?: number;
}
