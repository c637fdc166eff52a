// One Notification's webhook: events are POSTed as JSON, in order, from a bounded queue (the oldest
// is dropped, and counted, when it is full), each retried with exponential backoff on a network
// error, a timeout, a 5xx or a 429; any other answer is final. Nothing here runs on the request
// path: events come from the notifier's timers, and a slow receiver only delays other events.
// The URL (which may carry a token) is resolved when each event is sent — a secret file may
// change — and never logged: logs name the Notification.
import type { Logger, SecretValue, WebhookNotificationSettings } from "../contract.ts";
import type { NotificationPayload } from "./events.ts";

export interface ResolvedWebhook {
  readonly name: string;
  /** The URL now (a secret is re-read): undefined when its secret is missing. */
  url(): string | undefined;
  headers(): Record<string, string>;
  readonly events: ReadonlySet<string>;
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
  readonly queueSize: number;
  readonly expiringWithinMs: number;
}

/** Defaults of the schema (compiler/validate/schemas/notification.schema.json). */
export const DEFAULTS = {
  maxAttempts: 6,
  initialDelayMs: 1000,
  maxDelayMs: 60_000,
  timeoutMs: 5000,
  queueSize: 1000,
  expiringWithinDays: 7,
} as const;

/** A Notification's webhook with its environment references already resolved. */
export function webhookOf(
  name: string,
  webhook: WebhookNotificationSettings,
  readSecret: (ref: SecretValue["$secret"]) => string | undefined,
): ResolvedWebhook {
  const value = (v: string | SecretValue): string | undefined =>
    typeof v === "string" ? v : readSecret(v.$secret);
  const num = (v: unknown, fallback: number): number => (typeof v === "number" ? v : fallback);
  const retry = webhook.retry ?? {};
  return {
    name,
    url: () => value(webhook.url),
    headers: () => {
      const out: Record<string, string> = {};
      for (const h of webhook.headers ?? []) {
        const v = value(h.value);
        if (v !== undefined) out[h.name.toLowerCase()] = v;
      }
      return out;
    },
    events: new Set(webhook.apiEvents),
    maxAttempts: num(retry.maxAttempts, DEFAULTS.maxAttempts),
    initialDelayMs: num(retry.initialDelayMs, DEFAULTS.initialDelayMs),
    maxDelayMs: num(retry.maxDelayMs, DEFAULTS.maxDelayMs),
    timeoutMs: num(webhook.timeoutMs, DEFAULTS.timeoutMs),
    queueSize: num(webhook.queueSize, DEFAULTS.queueSize),
    expiringWithinMs: num(webhook.expiringWithinDays, DEFAULTS.expiringWithinDays) * 86_400_000,
  };
}

export interface TargetState {
  readonly notification: string;
  readonly queued: number;
  readonly sent: number;
  /** Events given up after their last attempt (or refused by the receiver). */
  readonly failed: number;
  /** Events dropped because the queue was full. */
  readonly dropped: number;
  readonly retries: number;
  readonly lastFailure?: { readonly status?: number; readonly error?: string; readonly at: string };
}

export class WebhookTarget {
  private readonly queue: NotificationPayload[] = [];
  private sending = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly abort = new AbortController();
  private state = { sent: 0, failed: 0, dropped: 0, retries: 0 };
  private lastFailure: TargetState["lastFailure"];

  readonly webhook: ResolvedWebhook;
  private readonly log: Logger;

  constructor(webhook: ResolvedWebhook, log: Logger) {
    this.webhook = webhook;
    this.log = log;
  }

  enqueue(payload: NotificationPayload): void {
    if (this.closed) return;
    // The bound is on waiting events; the one being sent stays at the head until it is done.
    const head = this.sending ? 1 : 0;
    if (this.queue.length - head >= this.webhook.queueSize) {
      this.queue.splice(head, 1);
      this.state.dropped++;
      this.log.warn("notification queue full, oldest event dropped", { notification: this.webhook.name });
    }
    this.queue.push(payload);
    if (!this.sending) void this.pump();
  }

  snapshot(): TargetState {
    return {
      notification: this.webhook.name,
      queued: this.queue.length,
      ...this.state,
      ...(this.lastFailure ? { lastFailure: this.lastFailure } : {}),
    };
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
  }

  private async pump(): Promise<void> {
    this.sending = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const payload = this.queue[0]!;
        await this.deliver(payload);
        this.queue.shift();
      }
    } finally {
      this.sending = false;
    }
  }

  private async deliver(payload: NotificationPayload): Promise<void> {
    const w = this.webhook;
    let delay = w.initialDelayMs;
    for (let attempt = 1; attempt <= w.maxAttempts && !this.closed; attempt++) {
      const outcome = await this.attempt(payload);
      if (outcome === "sent") {
        this.state.sent++;
        return;
      }
      if (outcome === "final" || attempt === w.maxAttempts) break;
      this.state.retries++;
      await this.sleep(delay);
      delay = Math.min(delay * 2, w.maxDelayMs);
    }
    if (this.closed) return;
    this.state.failed++;
    this.log.warn("notification not delivered", {
      notification: w.name,
      event: payload.event,
      ...(this.lastFailure?.status !== undefined ? { status: this.lastFailure.status } : {}),
      ...(this.lastFailure?.error !== undefined ? { error: this.lastFailure.error } : {}),
    });
  }

  private async attempt(payload: NotificationPayload): Promise<"sent" | "retry" | "final"> {
    const url = this.webhook.url();
    const at = new Date().toISOString();
    if (url === undefined) {
      this.lastFailure = { error: "the webhook URL's secret is missing", at };
      return "final";
    }
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { ...this.webhook.headers(), "content-type": "application/json" },
        body: JSON.stringify(payload),
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.webhook.timeoutMs)]),
        redirect: "manual",
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return "sent";
      this.lastFailure = { status: response.status, at };
      return response.status >= 500 || response.status === 429 ? "retry" : "final";
    } catch (error) {
      // fetch's messages name no URL ("fetch failed", the cause's code): safe to log.
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      this.lastFailure = { error: cause ?? (error instanceof Error ? error.name : String(error)), at };
      return "retry";
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
      this.timer.unref();
    });
  }
}
