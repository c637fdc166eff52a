// Turns a push-style broker client (MQTT `message` events, AMQP consumer callbacks) into the
// pull-style `AsyncIterable<Message>` of MessageEndpoint.subscribe: items wait in a FIFO until the
// consumer asks for them; the iteration ends when the signal aborts or the source ends (an error
// ends it by throwing). The broker's own flow control (AMQP prefetch, MQTT receive maximum with
// delayed acks) bounds how much can wait here; a source without one (MQTT QoS 0, or QoS 1 acked
// on arrival) gives a `flow`: past `high` waiting items it is paused (its socket is not read, so
// TCP slows the broker down), and resumed once the consumer has taken half of them.

/** Flow control of a source whose broker does not bound what it sends. */
export interface PushQueueFlow {
  readonly high: number;
  pause(): void;
  resume(): void;
}

export class PushQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;
  private readonly signal: AbortSignal;
  private readonly flow: PushQueueFlow | undefined;
  private paused = false;

  constructor(signal: AbortSignal, flow?: PushQueueFlow) {
    this.signal = signal;
    this.flow = flow;
    signal.addEventListener("abort", () => this.end(), { once: true });
  }

  get size(): number {
    return this.items.length;
  }

  get done(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    this.items.push(item);
    // Paused again on every item past the mark: something else may have resumed the source (a
    // pipe resumes its source when its destination drains).
    if (this.flow && this.items.length >= this.flow.high) {
      this.paused = true;
      this.flow.pause();
    }
    this.wake();
  }

  /** Ends the iteration once the queued items are taken; with an error, by throwing it instead. */
  end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    if (error) {
      this.failure = error;
      this.items.length = 0;
    }
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (true) {
      if (this.signal.aborted) return;
      const item = this.items.shift();
      if (this.paused && this.items.length <= this.flow!.high / 2) {
        this.paused = false;
        this.flow!.resume();
      }
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }
}

/** Adds a value to a multi-valued header (names keep the broker's case). */
export function addHeader(headers: Record<string, string[]>, name: string, value: string): void {
  const list = headers[name];
  if (list) list.push(value);
  else headers[name] = [value];
}

/** The reason an error gives, for health details and logs. */
export function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(reason))].join("; ");
  }
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    const cause = error.cause instanceof Error ? ` (${reason(error.cause)})` : "";
    return `${error.message}${typeof code === "string" && !error.message.includes(code) ? ` [${code}]` : ""}${cause}`;
  }
  return String(error);
}
