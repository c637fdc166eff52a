// The JSON a Notification's webhook receives: Slack-compatible (`text`, which Slack, Mattermost,
// Rocket.Chat and Teams' incoming webhooks show as the message) plus the event's structured fields
// for any other receiver. Never a secret: keys are named by their subscription, not their value.
import type { NotificationEvent } from "../contract.ts";

export interface NotificationPayload {
  readonly text: string;
  readonly event: NotificationEvent;
  /** When the gateway saw it (RFC 3339). */
  readonly at: string;
  readonly api: { readonly id: string; readonly name: string; readonly version: string };
  readonly endpoint?: string;
  readonly detail?: string;
  readonly subscription?: string;
  readonly application?: string;
  readonly plan?: string;
  /** SUBSCRIPTION_EXPIRING, APIKEY_EXPIRING: when it ends (RFC 3339). */
  readonly endsAt?: string;
  /** APIKEY_EXPIRING: which of the subscription's keys (0-based). */
  readonly key?: number;
  /** WEBHOOK_DELIVERY_*: the callback as /subscriptions shows it (no credentials, no query). */
  readonly callback?: string;
  readonly notReady?: readonly string[];
}

type Fields = Omit<NotificationPayload, "text" | "event" | "at" | "api">;

/** The event as a payload, its `text` written from its fields. */
export function payload(
  event: NotificationEvent,
  api: NotificationPayload["api"],
  fields: Fields,
  now: Date = new Date(),
): NotificationPayload {
  return { text: text(event, api, fields), event, at: now.toISOString(), api, ...fields };
}

function text(event: NotificationEvent, api: NotificationPayload["api"], f: Fields): string {
  const name = `API ${api.name} (${api.id})`;
  const detail = f.detail ? `: ${f.detail}` : "";
  switch (event) {
    case "API_READY":
      return `:large_green_circle: ${name} is ready`;
    case "API_NOT_READY":
      return `:red_circle: ${name} is not ready${f.notReady?.length ? ` (${f.notReady.join(", ")})` : ""}`;
    case "ENDPOINT_DOWN":
      return `:red_circle: ${name}: endpoint ${f.endpoint} is down${detail}`;
    case "ENDPOINT_UP":
      return `:large_green_circle: ${name}: endpoint ${f.endpoint} is up again`;
    case "SUBSCRIPTION_EXPIRING":
      return `:hourglass: ${name}: subscription ${f.subscription} of ${f.application} ends at ${f.endsAt}`;
    case "APIKEY_EXPIRING":
      return `:hourglass: ${name}: an API key of subscription ${f.subscription} (${f.application}) expires at ${f.endsAt}`;
    case "WEBHOOK_DELIVERY_FAILING":
      return `:warning: ${name}: webhook deliveries of subscription ${f.subscription} to ${f.callback} are failing${detail}`;
    case "WEBHOOK_DELIVERY_RECOVERED":
      return `:white_check_mark: ${name}: webhook deliveries of subscription ${f.subscription} are running again`;
  }
}
