// DO NOT EDIT: generated from compiler/validate/schemas/notification.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A Gravitee Kubernetes Operator `Notification` resource (gravitee.io/v1alpha1), referenced by APIs from `spec.notificationsRefs`. GKO's `console` target is accepted (it notifies in the Gravitee console, which Sluice has not); Sluice adds the `webhook` target, which the gateway calls with Slack-compatible JSON (docs/notifications.md).
 */
export interface Notification {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "Notification";
  metadata: ResourceMetadata;
  spec: NotificationSpec;
}
/**
 * Kubernetes object metadata. `name` is the Notification's identity in the repository.
 *
 * This interface was referenced by `Notification`'s JSON-Schema
 * via the `definition` "ResourceMetadata".
 */
export interface ResourceMetadata {
  /**
   * The Notification's identity: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters), unique among the Notifications of the repository.
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
 * Where an API's events go. GKO's shape: `target` names the attribute that configures it (`console`, or Sluice's `webhook`); `eventType: api`. With `target: webhook`, `webhook` is required (rule notification/webhook-required).
 *
 * This interface was referenced by `Notification`'s JSON-Schema
 * via the `definition` "NotificationSpec".
 */
export interface NotificationSpec {
  /**
   * `webhook`: the gateway posts the events to `webhook.url`. `console` (GKO): Gravitee console notifications; accepted, with no effect in Sluice.
   */
  target?: "console" | "webhook";
  /**
   * The subject of the events: an API (GKO).
   */
  eventType?: "api";
  console?: ConsoleNotification;
  webhook?: WebhookNotification;
}
/**
 * GKO's console notification (no effect in Sluice: there is no console).
 */
export interface ConsoleNotification {
  /**
   * Gravitee console events.
   */
  apiEvents?: (
    | "APIKEY_EXPIRED"
    | "APIKEY_RENEWED"
    | "APIKEY_REVOKED"
    | "SUBSCRIPTION_NEW"
    | "SUBSCRIPTION_ACCEPTED"
    | "SUBSCRIPTION_CLOSED"
    | "SUBSCRIPTION_PAUSED"
    | "SUBSCRIPTION_RESUMED"
    | "SUBSCRIPTION_REJECTED"
    | "SUBSCRIPTION_TRANSFERRED"
    | "SUBSCRIPTION_FAILED"
    | "NEW_SUPPORT_TICKET"
    | "API_STARTED"
    | "API_STOPPED"
    | "API_UPDATED"
    | "API_DEPLOYED"
    | "NEW_RATING"
    | "NEW_RATING_ANSWER"
    | "MESSAGE"
    | "ASK_FOR_REVIEW"
    | "REVIEW_OK"
    | "REQUEST_FOR_CHANGES"
    | "API_DEPRECATED"
    | "NEW_SPEC_GENERATED"
  )[];
  /**
   * Groups whose members are notified.
   */
  groupRefs?: NotificationGroupRef[];
  /**
   * APIM group names.
   */
  groups?: string[];
}
/**
 * A GKO Group resource.
 */
export interface NotificationGroupRef {
  /**
   * Group resource name.
   */
  name: string;
  /**
   * Group resource namespace.
   */
  namespace?: string;
}
/**
 * Sluice's webhook target: each event is POSTed as JSON — `text` (a Slack-compatible message) plus structured fields — with retries and exponential backoff, from a bounded queue that never blocks API traffic.
 */
export interface WebhookNotification {
  /**
   * The receiver's URL (http or https). A URL holding a token belongs in `${ENV}` or a secret (``[[ secret `name/key` ]]``); it is never logged.
   */
  url: string;
  /**
   * The events sent (docs/notifications.md).
   *
   * @minItems 1
   */
  apiEvents: [
    (
      | "API_READY"
      | "API_NOT_READY"
      | "ENDPOINT_DOWN"
      | "ENDPOINT_UP"
      | "SUBSCRIPTION_EXPIRING"
      | "APIKEY_EXPIRING"
      | "WEBHOOK_DELIVERY_FAILING"
      | "WEBHOOK_DELIVERY_RECOVERED"
    ),
    ...(
      | "API_READY"
      | "API_NOT_READY"
      | "ENDPOINT_DOWN"
      | "ENDPOINT_UP"
      | "SUBSCRIPTION_EXPIRING"
      | "APIKEY_EXPIRING"
      | "WEBHOOK_DELIVERY_FAILING"
      | "WEBHOOK_DELIVERY_RECOVERED"
    )[],
  ];
  /**
   * Extra request headers (values may be `${ENV}` references or secrets).
   */
  headers?: WebhookNotificationHeader[];
  retry?: WebhookNotificationRetry;
  /**
   * Timeout of one delivery attempt.
   */
  timeoutMs?: number;
  /**
   * Events waiting at most; when full, the oldest is dropped (and counted).
   */
  queueSize?: number;
  /**
   * SUBSCRIPTION_EXPIRING and APIKEY_EXPIRING are sent once a subscription or key ends within this many days.
   */
  expiringWithinDays?: number;
}
/**
 * A request header.
 */
export interface WebhookNotificationHeader {
  /**
   * Header name.
   */
  name: string;
  /**
   * Header value.
   */
  value: string;
}
/**
 * How a failed delivery (a network error, 5xx or 429) is retried.
 */
export interface WebhookNotificationRetry {
  /**
   * Attempts per event, the first included.
   */
  maxAttempts?: number;
  /**
   * Delay before the first retry; doubled each time.
   */
  initialDelayMs?: number;
  /**
   * Upper bound of the delay.
   */
  maxDelayMs?: number;
}
