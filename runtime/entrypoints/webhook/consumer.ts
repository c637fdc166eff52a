// One webhook subscription's consumer: its own consumer on the API's endpoint (named after the
// subscription, docs/contract.md §4, so each subscription gets every message and gateway replicas share a
// subscription's work), the `subscribe` phase of the plan's and the API's flows, then one POST per
// message, in order, one at a time (so the order of a partition is kept, and under AT_LEAST_ONCE a
// message is acknowledged only once its callback took it).
//
// A delivery that fails is retried (retry.ts). A 4xx other than 408/429 is not retried. When a
// message cannot be delivered: with a `dlq`, it is published there and acknowledged; else, when
// the entrypoint says `interruptConsumptionOnServerError` (5xx) or `…OnException` (no answer), the
// subscription stops, `failed`, the message unacknowledged (the broker keeps it for a restart);
// else it is dropped (acknowledged) and counted. An endpoint that fails or is not connected yet is
// retried with the same backoff; stopping (gateway drain) interrupts any wait, and a message in
// flight is not acknowledged unless its callback answered.
import { setTimeout as sleep } from "node:timers/promises";
import type {
  Exchange,
  Logger,
  Message,
  MessageEndpoint,
  Pipeline,
  Qos,
  SubscriptionDeliveryState,
} from "../../contract.ts";
import { MessageSubscription } from "../../message/message-flow.ts";
import { Callback, type CallbackResult, displayUrl } from "./callback.ts";
import { type RetryPolicy, retryPolicy } from "./retry.ts";
import type { WebhookEntrypointInput, WebhookSubscription } from "./types.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface ConsumerOptions {
  qos: Qos;
  settings: WebhookEntrypointInput;
  dlq: MessageEndpoint | undefined;
  /** The gateway-wide signing secret (`SLUICE_WEBHOOK_SIGNING_SECRET`). */
  signingSecret: string | undefined;
  log: Logger;
}

class Interrupted extends Error {}

export class WebhookConsumer {
  private readonly pipeline: Pipeline;
  private readonly exchange: Exchange;
  private readonly subscription: WebhookSubscription;
  private readonly options: ConsumerOptions;
  private readonly stopper = new AbortController();
  private readonly retry: RetryPolicy | undefined;
  private readonly endpointRetry = retryPolicy(undefined)!;
  private callback: Callback | undefined;
  private current: MessageSubscription | undefined;
  private running: Promise<void> | undefined;
  private readonly status: Mutable<SubscriptionDeliveryState>;

  constructor(
    pipeline: Pipeline,
    exchange: Exchange,
    subscription: WebhookSubscription,
    options: ConsumerOptions,
  ) {
    this.pipeline = pipeline;
    this.exchange = exchange;
    this.subscription = subscription;
    this.options = options;
    this.retry = retryPolicy(subscription.configuration.retry);
    this.status = {
      api: pipeline.api.definition.id,
      subscription: subscription.id,
      plan: subscription.plan,
      callback: displayUrl(subscription.configuration.callbackUrl),
      state: "starting",
      delivered: 0,
      failedAttempts: 0,
      deadLettered: 0,
      dropped: 0,
    };
  }

  state(): SubscriptionDeliveryState {
    return { ...this.status };
  }

  start(): void {
    this.running ??= this.run().catch((error: unknown) => {
      this.fail(error instanceof Error ? error.message : String(error));
    });
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    this.current?.stop();
    await this.running;
    await this.callback?.close();
    if (this.status.state !== "failed" && this.status.state !== "completed") this.status.state = "stopped";
  }

  private get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  /** Marks the subscription failed (it will not consume). */
  fail(detail: string): void {
    this.status.state = "failed";
    this.status.detail = detail;
    this.options.log.error("webhook subscription failed", {
      subscription: this.subscription.id,
      callback: this.status.callback,
      detail,
    });
  }

  private async run(): Promise<void> {
    const s = this.subscription;
    try {
      this.callback = new Callback(s.configuration, {
        connectTimeoutMs: this.options.settings.http?.connectTimeout ?? 3_000,
        readTimeoutMs: this.options.settings.http?.readTimeout ?? 10_000,
        idleTimeoutMs: this.options.settings.http?.idleTimeout ?? 60_000,
        maxConnections: this.options.settings.http?.maxConcurrentConnections ?? 5,
        signingSecret: s.signingSecret ?? this.options.signingSecret,
      });
    } catch (error) {
      this.fail(`invalid webhook configuration: ${(error as Error).message}`);
      return;
    }
    let endpointFailures = 0;
    while (!this.stopped) {
      try {
        this.current = new MessageSubscription(this.pipeline, this.exchange, { qos: this.options.qos });
        this.status.state = "running";
        delete this.status.detail;
        for (;;) {
          const delivery = await this.current.next();
          if (!delivery) break;
          endpointFailures = 0;
          if (delivery.message) {
            const settled = await this.deliver(delivery.message);
            if (!settled) return; // stopping: leave it unacknowledged
          }
          await delivery.ack();
        }
        if (this.stopped) return;
        this.status.state = "completed";
        return;
      } catch (error) {
        if (error instanceof Interrupted) {
          this.fail(error.message);
          return;
        }
        if (this.stopped) return;
        endpointFailures++;
        const detail = error instanceof Error ? error.message : String(error);
        this.status.state = "retrying";
        this.status.detail = `endpoint: ${detail}`;
        const wait = this.endpointRetry.delayMs(endpointFailures);
        this.options.log.warn("webhook subscription cannot consume, retrying", {
          subscription: s.id,
          error: detail,
          retryInMs: wait,
        });
        if (!(await this.pause(wait))) return;
      } finally {
        this.current?.stop();
      }
    }
  }

  /** Waits unless stopped; false when stopped. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.stopper.signal });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Delivers one message, retrying as configured; true once it is settled (delivered, dead-lettered
   * or dropped), false when stopping interrupted it. Throws Interrupted to stop consuming.
   */
  private async deliver(message: Message): Promise<boolean> {
    let result: CallbackResult;
    for (let retry = 0; ; retry++) {
      result = await this.callback!.post(message, this.stopper.signal);
      if (this.stopped && result.outcome !== "delivered") return false;
      if (result.outcome === "delivered") {
        this.status.delivered++;
        this.status.state = "running";
        this.status.lastDelivered = { ...(message.id !== undefined ? { id: message.id } : {}), at: now() };
        return true;
      }
      this.status.failedAttempts++;
      this.status.lastFailure =
        result.outcome === "exception"
          ? { error: result.error, at: now() }
          : { status: result.status, at: now() };
      if (result.outcome === "rejected") break;
      if (!this.retry || retry >= this.retry.maxRetries) break;
      this.status.state = "retrying";
      if (!(await this.pause(this.retry.delayMs(retry + 1)))) return false;
    }
    return this.giveUp(message, result);
  }

  private async giveUp(message: Message, result: CallbackResult): Promise<boolean> {
    const why = result.outcome === "exception" ? result.error : `callback answered ${result.status}`;
    const dlq = this.options.dlq;
    if (dlq) {
      try {
        await dlq.publish(message, { qos: "AUTO" });
      } catch (error) {
        throw new Interrupted(`the DLQ refused a message (${(error as Error).message}) after: ${why}`);
      }
      this.status.deadLettered++;
      this.options.log.warn("webhook message sent to the DLQ", {
        subscription: this.subscription.id,
        reason: why,
      });
      return true;
    }
    const s = this.options.settings;
    if (
      (result.outcome === "server-error" && s.interruptConsumptionOnServerError) ||
      (result.outcome === "exception" && s.interruptConsumptionOnException)
    ) {
      throw new Interrupted(`consumption interrupted: ${why}`);
    }
    this.status.dropped++;
    this.options.log.warn("webhook message dropped", { subscription: this.subscription.id, reason: why });
    return true;
  }
}

const now = (): string => new Date().toISOString();
