// MessageSubscription.next(graceMs), which the sse entrypoint uses to send its head after a grace
// without racing the pull: NOT_YET when nothing came within the grace, and what the endpoint brings
// afterwards — a message, its end or its failure — goes to the next call, whether it arrives while
// that call waits or before it is made. An in-process endpoint whose pulls the test settles.
import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Exchange, Message, MessageEndpoint, Pipeline } from "../../runtime/contract.ts";
import { MessageSubscription, NOT_YET } from "../../runtime/message/message-flow.ts";

/** An endpoint whose subscription yields what the test pushes (a message, an end, a failure). */
function controlledEndpoint() {
  const waiting: Array<(next: { message?: Message; end?: true; failure?: Error }) => void> = [];
  const queued: Array<{ message?: Message; end?: true; failure?: Error }> = [];
  let pulls = 0;
  const endpoint = {
    name: "controlled",
    type: "mock",
    capabilities: { resume: false },
    health: () => ({ ready: true }),
    connect: async () => undefined,
    close: async () => undefined,
    publish: async () => undefined,
    async *subscribe() {
      for (;;) {
        pulls++;
        const next = await new Promise<{ message?: Message; end?: true; failure?: Error }>((resolve) => {
          const ready = queued.shift();
          if (ready) resolve(ready);
          else waiting.push(resolve);
        });
        if (next.failure) throw next.failure;
        if (next.end) return;
        yield next.message!;
      }
    },
  } as unknown as MessageEndpoint;
  const push = (next: { message?: Message; end?: true; failure?: Error }) => {
    const w = waiting.shift();
    if (w) w(next);
    else queued.push(next);
  };
  return { endpoint, push, pulls: () => pulls };
}

function subscriptionOver(endpoint: MessageEndpoint): MessageSubscription {
  const pipeline = {
    messageEndpoints: () => [endpoint],
    passesMessagesThrough: () => true,
  } as unknown as Pipeline;
  const response = Object.assign(new EventEmitter(), { destroyed: false, writableFinished: false });
  const exchange = {
    api: { info: { id: "api" } },
    requestId: "r",
    transactionId: "t",
    response,
  } as unknown as Exchange;
  return new MessageSubscription(pipeline, exchange, { qos: "AT_MOST_ONCE" });
}

const message = (id: string): Message => ({ id, content: Buffer.from(id), headers: {}, metadata: {} });

describe("MessageSubscription.next(graceMs)", () => {
  it("answers the message when it comes within the grace", async () => {
    const c = controlledEndpoint();
    const s = subscriptionOver(c.endpoint);
    const pending = s.next(1000);
    c.push({ message: message("a") });
    const first = await pending;
    expect(first === NOT_YET ? "not yet" : first?.message?.id).toBe("a");
    s.stop();
  });

  it("answers NOT_YET after the grace; the next call gets the message the same pull brings", async () => {
    const c = controlledEndpoint();
    const s = subscriptionOver(c.endpoint);
    expect(await s.next(30)).toBe(NOT_YET);
    const next = s.next();
    c.push({ message: message("b") });
    expect((await next)?.message?.id).toBe("b");
    // One pull of the endpoint for both calls: the grace did not start another.
    expect(c.pulls()).toBe(1);
    s.stop();
  });

  it("keeps what arrived between NOT_YET and the next call", async () => {
    const c = controlledEndpoint();
    const s = subscriptionOver(c.endpoint);
    expect(await s.next(30)).toBe(NOT_YET);
    c.push({ message: message("c") });
    await sleep(20);
    expect((await s.next())?.message?.id).toBe("c");
    s.stop();
  });

  it("hands a failure after the grace to the next call, and the end as undefined", async () => {
    const c = controlledEndpoint();
    const s = subscriptionOver(c.endpoint);
    expect(await s.next(30)).toBe(NOT_YET);
    c.push({ failure: new Error("broker gone") });
    await sleep(20);
    await expect(s.next()).rejects.toThrow("broker gone");

    const d = controlledEndpoint();
    const t = subscriptionOver(d.endpoint);
    expect(await t.next(30)).toBe(NOT_YET);
    d.push({ end: true });
    expect(await t.next()).toBeUndefined();
    expect(t.active).toBe(false);
  });

  it("settles a waiting pull with undefined on stop()", async () => {
    const c = controlledEndpoint();
    const s = subscriptionOver(c.endpoint);
    const pending = s.next();
    s.stop();
    expect(await pending).toBeUndefined();
    expect(await s.next()).toBeUndefined();
  });
});
