// The message-flow runner that every message entrypoint shares: pick the endpoint, check that it can
// honour the entrypoint's QoS, then either consume (subscribe → `subscribe` phase → deliver → ack)
// or produce (`publish` phase → endpoint.publish). Entrypoints only translate their wire format.
//
// Acknowledgement (Gravitee's QoS, https://documentation.gravitee.io/apim/create-apis/quality-of-service):
//   AT_MOST_ONCE  — ack as soon as a message is received, before it is delivered (may be lost);
//   AT_LEAST_ONCE — ack only after the client has the message (may be delivered twice);
//   AUTO / NONE   — the endpoint decides; messages are acked after delivery like AT_LEAST_ONCE.
import type { Exchange, Message, MessageEndpoint, Pipeline, Qos } from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { GatewayExchange, responseCompleted } from "../server/exchange.ts";
import { supportedQos } from "./connectors.ts";
import { exchangeConsumerName } from "./consumer-name.ts";
import { flatten } from "./flatten.ts";

export const NO_ENDPOINT = "No endpoint available";
export const INCOMPATIBLE_QOS =
  "Incompatible Qos capabilities between entrypoint requirements and endpoint supports";

/**
 * The endpoint a message entrypoint talks to: the first ready endpoint, in group order then endpoint
 * order (Gravitee uses the default group's endpoint). None ready → 503, so nothing is lost silently;
 * a QoS that Gravitee's table (connectors.ts, which the compiler checks too) does not allow for this
 * entrypoint over this endpoint → 400.
 */
export function selectMessageEndpoint(pipeline: Pipeline, exchange: Exchange, qos: Qos): MessageEndpoint {
  const endpoints = pipeline.messageEndpoints();
  const endpoint = endpoints.find((e) => e.health().ready);
  if (!endpoint) throw new GatewayError(503, NO_ENDPOINT, { key: "NO_ENDPOINT_FOUND" });
  // The access log's `endpoint` and the message metrics' label.
  (exchange as { endpointName?: string }).endpointName = endpoint.name;
  const entrypoint = (exchange as { readonly entrypoint?: string }).entrypoint;
  if (typeof entrypoint === "string" && !supportedQos(entrypoint, endpoint.type).includes(qos)) {
    throw new GatewayError(400, INCOMPATIBLE_QOS, { key: "QOS_NOT_SUPPORTED" });
  }
  return endpoint;
}

/** One message out of a subscription, after the `subscribe` phase. */
export interface Delivery {
  /** The message to deliver; undefined when the phase dropped it. */
  message: Message | undefined;
  /**
   * Settles it with the endpoint once delivered (a no-op for AT_MOST_ONCE: acked on receipt, and for
   * a dropped message: the policy that dropped it decides).
   */
  ack(): Promise<void>;
  /**
   * Whether ack() settles anything with the endpoint. When it does not, an entrypoint need not wait
   * for the message to reach the socket before taking the next one (it only honours backpressure).
   */
  readonly settles: boolean;
}

/**
 * Who takes a pull's outcome without a promise (MessageSubscription.pull): an open stream, which
 * then keeps no suspended frame or pending promise of its own while it waits.
 */
export interface DeliveryReceiver {
  /** The next delivery, or undefined once the subscription ended. */
  delivered(delivery: Delivery | undefined): void;
  /** The endpoint (or the `subscribe` phase) failed. */
  failed(failure: unknown): void;
}

/** Hands a pull's outcome to its receiver, once a phase's delivery is ready. */
function hand(receiver: DeliveryReceiver, outcome: Delivery | undefined | Promise<Delivery>): void {
  if (outcome instanceof Promise)
    outcome.then(
      (delivery) => receiver.delivered(delivery),
      (failure: unknown) => receiver.failed(failure),
    );
  else receiver.delivered(outcome);
}

/** What `MessageSubscription.next(graceMs)` answers when nothing came within the grace. */
export const NOT_YET: unique symbol = Symbol("not yet");

function graceOver(subscription: MessageSubscription, settle: unknown): void {
  subscription.notYet(settle);
}

const ACK_ON_RECEIPT: readonly Qos[] = ["AT_MOST_ONCE"];
const NO_ACK = async (): Promise<void> => undefined;

/**
 * A running subscription of one client: the endpoint's messages through the API's `subscribe`
 * phase, until the endpoint ends, the client goes away (its response closes early) or `stop()`.
 * The endpoint is chosen (and a 503 / QoS 400 thrown) when it is created, before any response.
 */
export class MessageSubscription {
  /** Made when the endpoint reads its `signal` (an endpoint that ends on return() never does). */
  private stopper: AbortController | undefined;
  private stopped = false;
  private readonly iterator: AsyncIterator<Message>;
  private readonly pipeline: Pipeline;
  private readonly exchange: Exchange;
  private readonly ackOnReceipt: boolean;
  /** No `subscribe` message steps for this exchange: messages are delivered as they come. */
  private readonly passThrough: boolean;
  /** The pull a caller waits on: settles it (undefined once stopped). See next(). */
  private settle: ((delivery: Delivery | undefined | Promise<Delivery> | typeof NOT_YET) => void) | undefined;
  private fail: ((failure: unknown) => void) | undefined;
  /** The pull a receiver waits on (see pull()). */
  private receiver: DeliveryReceiver | undefined;
  /** The endpoint's iterator has a next() in progress. */
  private pulling = false;
  /** What the endpoint gave while no caller waited (after next(graceMs) answered NOT_YET). */
  private arrived: { next: IteratorResult<Message> } | { failure: unknown } | undefined;
  /** The listener on the response, when the gateway does not relay its close (see constructor). */
  private onClientGone: (() => void) | undefined;
  // The iterator's answers, one pair per subscription (not two closures per pull).
  private readonly pulled = (next: IteratorResult<Message>) => {
    this.pulling = false;
    const receiver = this.receiver;
    if (receiver !== undefined) {
      this.receiver = undefined;
      hand(receiver, this.outcome(next));
      return;
    }
    const settle = this.settle;
    if (settle === undefined) {
      if (this.active) this.arrived = { next };
      return;
    }
    this.settle = this.fail = undefined;
    settle(this.outcome(next));
  };
  private readonly failed = (failure: unknown) => {
    this.pulling = false;
    if (!this.active) return;
    this.pipeline.messageFailed?.(this.exchange);
    const receiver = this.receiver;
    if (receiver !== undefined) {
      this.receiver = undefined;
      receiver.failed(failure);
      return;
    }
    const fail = this.fail;
    if (fail === undefined) {
      this.arrived = { failure };
      return;
    }
    this.settle = this.fail = undefined;
    fail(failure);
  };

  /**
   * `stopsItself`: the entrypoint stops the subscription when its client leaves (a WebSocket's
   * close), so it does not listen to the exchange's response, which an upgrade never uses.
   */
  constructor(
    pipeline: Pipeline,
    exchange: Exchange,
    options: { qos: Qos; cursor?: string | undefined; stopsItself?: boolean },
  ) {
    const endpoint = selectMessageEndpoint(pipeline, exchange, options.qos);
    // The exchange lives as long as the session: its ids flat (crypto.randomUUID() concatenates).
    flatten(exchange.requestId);
    flatten(exchange.transactionId);
    if (exchange.clientIdentifier !== undefined) flatten(exchange.clientIdentifier);
    this.pipeline = pipeline;
    this.exchange = exchange;
    this.ackOnReceipt = ACK_ON_RECEIPT.includes(options.qos);
    this.passThrough = pipeline.passesMessagesThrough?.("subscribe", exchange) ?? false;
    // The client going away stops the subscription: one listener on the response, not the
    // exchange's signal (an AbortController and its listener more per idle stream).
    // It stops when the exchange's response closes before it completed (the client went away).
    const response = exchange.response;
    if (options.stopsItself !== true) {
      if (response.destroyed) this.stop();
      else if (
        exchange instanceof GatewayExchange &&
        exchange.relaysResponseClose &&
        exchange.responseWatcher === undefined
      )
        // The gateway's own `close` listener tells it: no closure or listener of its own.
        exchange.responseWatcher = this;
      else {
        this.onClientGone = () => this.responseClosed();
        // `on`: a response closes once (Node's `once` would wrap the listener in one more closure).
        response.on("close", this.onClientGone);
      }
    }
    this.iterator = endpoint
      .subscribe(
        new SubscribeOptions(
          this,
          options.qos,
          options.cursor !== undefined && endpoint.capabilities.resume ? options.cursor : undefined,
          exchangeConsumerName(exchange),
          exchange,
        ),
      )
      [Symbol.asyncIterator]();
  }

  /** The exchange's response closed: the client went away unless it completed. */
  responseClosed(): void {
    if (!responseCompleted(this.exchange.response)) this.stop();
  }

  get active(): boolean {
    return !this.stopped;
  }

  /** Aborts on stop(); made on first use (see SubscribeOptions). */
  get signal(): AbortSignal {
    this.stopper ??= new AbortController();
    if (this.stopped) this.stopper.abort();
    return this.stopper.signal;
  }

  /**
   * The next delivery, or undefined once the subscription ended. Rejects when the endpoint fails.
   * One pull at a time. With `graceMs`, answers NOT_YET when nothing came within it; the endpoint's
   * pull goes on, and the next call gets what it brings (or its failure).
   * Not an async function, and one pending promise per pull: while a stream is idle it keeps that
   * promise and the endpoint's pull, with no suspended frame or derived promise per client.
   */
  next(): Promise<Delivery | undefined>;
  next(graceMs: number): Promise<Delivery | undefined | typeof NOT_YET>;
  next(graceMs?: number): Promise<Delivery | undefined | typeof NOT_YET> {
    if (!this.active) return Promise.resolve(undefined);
    if (this.settle !== undefined || this.receiver !== undefined)
      return Promise.reject(new Error("one pull at a time"));
    const arrived = this.arrived;
    if (arrived !== undefined) {
      this.arrived = undefined;
      if ("failure" in arrived) return Promise.reject(arrived.failure);
      return Promise.resolve(this.outcome(arrived.next));
    }
    // Each pull also settles on stop(), so an endpoint that waits for its next message without
    // watching the signal cannot hold a response past its deadline.
    const pull = new Promise<Delivery | undefined | typeof NOT_YET>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    if (!this.pulling) {
      this.pulling = true;
      this.iterator.next().then(this.pulled, this.failed);
    }
    if (graceMs !== undefined) setTimeout(graceOver, graceMs, this, this.settle).unref();
    return pull;
  }

  /**
   * The next delivery to `receiver` (undefined once the subscription ended), or its failure: next()
   * without a promise. One pull at a time; the receiver may be called before pull() returns.
   */
  pull(receiver: DeliveryReceiver): void {
    if (!this.active) {
      receiver.delivered(undefined);
      return;
    }
    if (this.settle !== undefined || this.receiver !== undefined) throw new Error("one pull at a time");
    const arrived = this.arrived;
    if (arrived !== undefined) {
      this.arrived = undefined;
      if ("failure" in arrived) receiver.failed(arrived.failure);
      else hand(receiver, this.outcome(arrived.next));
      return;
    }
    this.receiver = receiver;
    if (!this.pulling) {
      this.pulling = true;
      this.iterator.next().then(this.pulled, this.failed);
    }
  }

  /** The grace of next(graceMs) is over: its pull answers NOT_YET unless it settled already. */
  notYet(settle: unknown): void {
    if (this.settle !== settle || this.settle === undefined) return;
    const resolve = this.settle;
    this.settle = this.fail = undefined;
    resolve(NOT_YET);
  }

  private outcome(next: IteratorResult<Message>): Delivery | undefined | Promise<Delivery> {
    if (next.done) {
      this.stop();
      return undefined;
    }
    return this.deliver(next.value);
  }

  private async deliver(received: Message): Promise<Delivery> {
    if (this.ackOnReceipt) await received.ack?.();
    let message: Message | undefined;
    if (this.passThrough) {
      message = received;
      this.pipeline.messageSeen?.("subscribe", received, this.exchange);
    } else message = await this.pipeline.message("subscribe", received, this.exchange);
    // A dropped message is the dropping policy's to settle (message-filtering's ackFilteredMessage).
    if (this.ackOnReceipt || !message || !received.ack) return { message, ack: NO_ACK, settles: false };
    return { message, ack: () => received.ack!(), settles: true };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopper?.abort();
    const settle = this.settle;
    const receiver = this.receiver;
    this.settle = this.fail = this.receiver = undefined;
    this.arrived = undefined;
    settle?.(undefined);
    receiver?.delivered(undefined);
    if (this.onClientGone !== undefined) this.exchange.response.off("close", this.onClientGone);
    else if (this.exchange instanceof GatewayExchange && this.exchange.responseWatcher === this)
      this.exchange.responseWatcher = undefined;
    // Not awaited: a generator busy in next() only returns once that pull settles.
    this.iterator?.return?.().catch(() => undefined);
  }
}

/**
 * What an endpoint's subscribe() gets: its `signal` is the subscription's, made when the endpoint
 * reads it — an AbortController, its signal and their listeners less per idle stream for an
 * endpoint that ends on its iterator's return() (the mock).
 */
class SubscribeOptions {
  readonly qos: Qos;
  readonly cursor?: string;
  readonly group: string;
  readonly exchange: Exchange;
  /** stop() calls the iterator's return(). */
  readonly returnsOnStop = true;
  private readonly subscription: MessageSubscription;

  constructor(
    subscription: MessageSubscription,
    qos: Qos,
    cursor: string | undefined,
    group: string,
    exchange: Exchange,
  ) {
    this.subscription = subscription;
    this.qos = qos;
    if (cursor !== undefined) this.cursor = cursor;
    this.group = group;
    this.exchange = exchange;
  }

  get signal(): AbortSignal {
    return this.subscription.signal;
  }
}

export interface ConsumeOptions {
  qos: Qos;
  /** Resume after this message id, where the endpoint can resume. */
  cursor?: string | undefined;
  /** Stop after this many delivered messages. */
  limit: number;
  /** Stop after this long (0: no time limit). */
  durationMs: number;
}

export interface Consumed {
  /** The messages to deliver, after the `subscribe` phase. */
  messages: Message[];
  /** The endpoint failed after some messages had arrived (earlier failures reject instead). */
  error?: string;
  /**
   * Settles the delivered messages with the endpoint; call once the client has them (a no-op for
   * AT_MOST_ONCE, which acked on receipt).
   */
  ack(): Promise<void>;
}

/**
 * Consumes up to `limit` messages within `durationMs` (a long poll), running the API's `subscribe`
 * phase on each. Ends early when the client goes away.
 */
export async function consumeMessages(
  pipeline: Pipeline,
  exchange: Exchange,
  options: ConsumeOptions,
): Promise<Consumed> {
  const subscription = new MessageSubscription(pipeline, exchange, options);
  const timer =
    options.durationMs > 0 ? setTimeout(() => subscription.stop(), options.durationMs).unref() : undefined;
  const messages: Message[] = [];
  const settle: Delivery[] = [];
  let error: string | undefined;
  try {
    while (messages.length < options.limit) {
      const delivery = await subscription.next();
      if (!delivery) break;
      settle.push(delivery);
      if (delivery.message) messages.push(delivery.message);
    }
  } catch (failure) {
    if (messages.length === 0) throw failure;
    error = failure instanceof Error ? failure.message : String(failure);
  } finally {
    if (timer) clearTimeout(timer);
    subscription.stop();
  }
  return {
    messages,
    ...(error !== undefined ? { error } : {}),
    ack: async () => {
      for (const d of settle) await d.ack();
    },
  };
}

/**
 * Produces one message: the API's `publish` phase, then the endpoint. Resolves once the endpoint has
 * it (a message the phase drops resolves too: Gravitee still answers success).
 */
export async function produceMessage(
  pipeline: Pipeline,
  exchange: Exchange,
  message: Message,
  qos: Qos,
): Promise<void> {
  const endpoint = selectMessageEndpoint(pipeline, exchange, qos);
  const processed = await pipeline.message("publish", message, exchange);
  if (!processed) return;
  try {
    await endpoint.publish(processed, { qos, exchange });
  } catch (failure) {
    pipeline.messageFailed?.(exchange);
    if (failure instanceof GatewayError) throw failure;
    throw new GatewayError(502, "Unable to publish the message to the endpoint", {
      key: "FAILURE_ENDPOINT_PUBLISH_FAILED",
    });
  }
}
