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
   * The entrypoint delivering messages (`webhook`).
   */
  entrypointId: string;
  /**
   * Channel to consume (optional).
   */
  channel?: string;
  /**
   * The entrypoint's subscription configuration (webhook: `callbackUrl`, `headers`, `auth`, `ssl`, `retry`).
   */
  entrypointConfiguration?: {
    [k: string]: unknown | undefined;
  };
}
