// The mock endpoint's subscription (runtime/endpoints/mock/index.ts) is an iterator object, not an
// async generator: these check the ways it ends — return() and an abort while a pull waits, the
// endpoint closing, messageCount — and that ids resume after a cursor.
import { describe, expect, it } from "vitest";
import { connector } from "../../runtime/endpoints/mock/index.ts";
import { testContext } from "../conformance/message-endpoint.ts";

function mock(config: { messageInterval: number; messageCount?: number }) {
  const endpoint = connector.create(config, {}, { name: "default", group: "g" }, testContext().ctx);
  return endpoint;
}

describe("mock endpoint subscription", () => {
  it("delivers ids in order, resumes after a cursor and ends after messageCount ids", async () => {
    const endpoint = mock({ messageInterval: 1, messageCount: 4 });
    await endpoint.connect();
    const ids: string[] = [];
    for await (const m of endpoint.subscribe({
      qos: "AUTO",
      cursor: "1",
      signal: new AbortController().signal,
    }))
      ids.push(m.id!);
    expect(ids).toEqual(["2", "3"]);
  });

  it("return() while a pull waits ends that pull at once, not at the next interval", async () => {
    const endpoint = mock({ messageInterval: 60_000 });
    await endpoint.connect();
    const iterator = endpoint
      .subscribe({ qos: "AUTO", signal: new AbortController().signal })
      [Symbol.asyncIterator]();
    const pull = iterator.next();
    const started = Date.now();
    await expect(iterator.return!()).resolves.toEqual({ done: true, value: undefined });
    await expect(pull).resolves.toEqual({ done: true, value: undefined });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
  });

  it("ends a waiting pull when its signal aborts or the endpoint closes", async () => {
    const endpoint = mock({ messageInterval: 60_000 });
    await endpoint.connect();
    const controller = new AbortController();
    const first = endpoint.subscribe({ qos: "AUTO", signal: controller.signal })[Symbol.asyncIterator]();
    const second = endpoint
      .subscribe({ qos: "AUTO", signal: new AbortController().signal })
      [Symbol.asyncIterator]();
    const firstPull = first.next();
    const secondPull = second.next();
    controller.abort();
    await expect(firstPull).resolves.toMatchObject({ done: true });
    await endpoint.close();
    await expect(secondPull).resolves.toMatchObject({ done: true });
  });

  it("takes one pull at a time", async () => {
    const endpoint = mock({ messageInterval: 10 });
    await endpoint.connect();
    const iterator = endpoint
      .subscribe({ qos: "AUTO", signal: new AbortController().signal })
      [Symbol.asyncIterator]();
    const pull = iterator.next();
    await expect(iterator.next()).rejects.toThrow("one pull at a time");
    await expect(pull).resolves.toMatchObject({ done: false, value: { id: "0" } });
    await iterator.return!();
  });
});
