// The input of the `webhook` entrypoint: the API's entrypoint settings and the webhook
// subscriptions of its PUSH plans, in GKO's shapes (a Subscription's `consumerConfiguration` with
// `entrypointId: webhook`; the field names of Gravitee's portal and Management API v2). The
// compiler fills it from the Subscription resources; environment references are resolved by the
// binding before the connector sees it.
import type {
  KeyStore,
  TrustStore,
  WebhookEntrypointConfiguration,
} from "../../spec-types/api-v4-definition.ts";

export interface WebhookHeader {
  name: string;
  value: string;
}

export interface WebhookAuth {
  type: "none" | "basic" | "token" | "oauth2";
  basic?: { username: string; password: string };
  token?: { value: string };
  /** OAuth2 client credentials: the token endpoint, the client, the scopes asked for. */
  oauth2?: { endpoint: string; clientId: string; clientSecret: string; scopes?: string[] };
}

export interface WebhookSsl {
  /** Check that the callback's certificate names its host (default true). */
  hostnameVerifier?: boolean;
  /** Accept any certificate (default false). */
  trustAll?: boolean;
  trustStore?: TrustStore;
  keyStore?: KeyStore;
}

export interface WebhookRetry {
  retryOption: "No Retry" | "Retry On Fail";
  retryStrategy?: "LINEAR" | "EXPONENTIAL";
  /** Retries after the first attempt; absent: no limit. */
  maxAttempts?: number;
  initialDelaySeconds?: number;
  /** No wait between two attempts is longer than this. */
  maxDelaySeconds?: number;
}

/** `consumerConfiguration.entrypointConfiguration` of a webhook Subscription. */
export interface WebhookSubscriptionConfiguration {
  callbackUrl: string;
  headers?: WebhookHeader[];
  auth?: WebhookAuth;
  ssl?: WebhookSsl;
  retry?: WebhookRetry;
}

export interface WebhookSubscription {
  /** The Subscription's `metadata.name`: its client identifier (it names its consumer). */
  id: string;
  /** The PUSH plan's key in `spec.plans`. */
  plan: string;
  /** The Application's `metadata.name` and `spec.name`, when known. */
  application?: { id: string; name: string };
  /** `consumerConfiguration.channel`: matched by the flows' channel selectors (default: the API's root). */
  channel?: string;
  configuration: WebhookSubscriptionConfiguration;
  /**
   * The HMAC-SHA256 signing secret (beyond Gravitee), resolved from the environment; absent: the
   * gateway's `SLUICE_WEBHOOK_SIGNING_SECRET`, if set; neither: no signature header.
   */
  signingSecret?: string;
}

/**
 * What the `webhook` entrypoint binding is created with: the entrypoint's `configuration` as the
 * spec gives it (HTTP client options, `interruptConsumptionOn…`), plus what the compiler adds from
 * elsewhere in the spec: the entrypoint's `dlq` and the webhook subscriptions of the API's PUSH
 * plans. Without subscriptions the entrypoint delivers nothing.
 */
export interface WebhookEntrypointInput extends WebhookEntrypointConfiguration {
  /** The entrypoint's `dlq.endpoint`: an endpoint group or endpoint name of the API that publishes. */
  dlq?: { endpoint: string };
  subscriptions?: WebhookSubscription[];
}
