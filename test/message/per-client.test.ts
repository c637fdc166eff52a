// Per-client consumption (docs/contract.md §4) through a compiled gateway against the real brokers: two
// clients (two X-Gravitee-Client-Identifier values) each get every message; two connections of
// one client share them (none twice, none lost), also when they reach two gateways (two instances in the test process, each with its own broker connections); on
// Kafka a new client reading from the earliest offset gets the history after another client
// committed, and so does an http-get client.
// The SSE clients are undici's WHATWG EventSource — what a browser tab does: it cannot send
// headers, so it names itself with the `X-Gravitee-Client-Identifier` query parameter.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { EventSource } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { BROKERS, brokerGroup } from "./brokers.ts";
import { messageApi } from "./message-api.ts";

const N = 20;

function api(name: string, type: string, endpoint: string): string {
  return messageApi({
    name,
    path: `/${name}`,
    entrypoints: `        - type: sse
          qos: AUTO
          configuration:
            heartbeatIntervalInMs: 2000
        - type: http-get
          qos: AUTO
          configuration:
            messagesLimitCount: 500
            messagesLimitDurationMs: 1500
        - type: http-post
          qos: AUTO
          configuration:
            requestHeadersToMessage: true`,
    endpointGroups: brokerGroup(type, endpoint),
  });
}

interface Client {
  readonly messages: string[];
  close(): void;
}

/** A browser-like SSE client; `id` goes into the X-Gravitee-Client-Identifier query parameter. */
function eventSource(g: TestGateway, name: string, id?: string): Client {
  const query = id === undefined ? "" : `?X-Gravitee-Client-Identifier=${encodeURIComponent(id)}`;
  const source = new EventSource(`${g.url}/${name}${query}`);
  const messages: string[] = [];
  source.onmessage = (event) => messages.push(String(event.data));
  return { messages, close: () => source.close() };
}

const post = async (g: TestGateway, name: string, body: string, key: string): Promise<void> => {
  const res = await fetch(`${g.url}/${name}`, { method: "POST", body, headers: { key } });
  expect(res.status).toBe(202);
};

/**
 * Publishes warm-up messages (keys cycling, so every Kafka partition gets some) until every
 * client received one: then every connection is subscribed and, on Kafka, owns its partitions.
 */
async function warmUp(g: TestGateway, name: string, clients: Client[]): Promise<void> {
  const deadline = Date.now() + 45_000;
  for (let i = 0; ; i++) {
    if (clients.every((c) => c.messages.some((m) => m.startsWith("warm-")))) return;
    if (Date.now() > deadline) throw new Error("the clients never all received a message");
    await post(g, name, `warm-${i}`, `k${i % 4}`);
    await sleep(250);
  }
}

/**
 * The test messages a client received. Each test publishes its own `m-<i>-<run>` (Kafka keeps the
 * messages of earlier tests, and a new client reading from the earliest offset gets them too).
 */
let run = "";
const tests = (c: Client): string[] =>
  c.messages
    .filter((m) => m.startsWith("m-") && m.endsWith(`-${run}`))
    .map((m) => m.slice(0, -run.length - 1));

/** Publishes m-0 … m-(N-1), waits until `done` holds (then a little longer, to see duplicates). */
async function publishAndCollect(g: TestGateway, name: string, done: () => boolean): Promise<void> {
  run = randomUUID().slice(0, 8);
  for (let i = 0; i < N; i++) await post(g, name, `m-${i}-${run}`, `key-${i}`);
  const deadline = Date.now() + 20_000;
  while (!done() && Date.now() < deadline) await sleep(100);
  await sleep(1_000);
}

const expected = Array.from({ length: N }, (_, i) => `m-${i}`);
const sorted = (list: string[]): string[] =>
  [...list].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));

async function ready(g: TestGateway): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await fetch(`${g.adminUrl}/health/ready`)).status !== 200) {
    if (Date.now() > deadline) throw new Error("gateway not ready");
    await sleep(100);
  }
}

for (const b of BROKERS) {
  describe(`per-client consumption on ${b.type}`, () => {
    const name = `per-client-${b.type}-${randomUUID().slice(0, 8)}`;
    let g: TestGateway;
    const clients: Client[] = [];
    const open = (id?: string): Client => {
      const c = eventSource(g, name, id);
      clients.push(c);
      return c;
    };

    beforeAll(async () => {
      await b.prepare?.(name);
      g = await startTestGateway({ [`${name}.yaml`]: api(name, b.type, b.endpoint(name)) });
      await ready(g);
    }, 60_000);
    afterEach(() => {
      for (const c of clients.splice(0)) c.close();
    });
    afterAll(async () => {
      await g?.close();
    });

    it("two clients each receive every message", async () => {
      const alice = open(`alice-${b.type}`);
      const bob = open(`bob-${b.type}`);
      await warmUp(g, name, [alice, bob]);
      await publishAndCollect(g, name, () => tests(alice).length >= N && tests(bob).length >= N);
      console.log(`${b.type}: alice got ${tests(alice).length}/${N}, bob ${tests(bob).length}/${N}`);
      expect(sorted(tests(alice))).toEqual(expected);
      expect(sorted(tests(bob))).toEqual(expected);
    }, 90_000);

    it("two connections of one client share the messages: none twice, none lost", async () => {
      const tab1 = open(`carol-${b.type}`);
      const tab2 = open(`carol-${b.type}`);
      await warmUp(g, name, [tab1, tab2]);
      await publishAndCollect(g, name, () => tests(tab1).length + tests(tab2).length >= N);
      console.log(
        `${b.type}: one client's two connections got ${tests(tab1).length} + ${tests(tab2).length} of ${N}`,
      );
      expect(sorted([...tests(tab1), ...tests(tab2)])).toEqual(expected);
      expect(tests(tab1).length).toBeGreaterThan(0);
      expect(tests(tab2).length).toBeGreaterThan(0);
    }, 90_000);
  });
}

for (const b of BROKERS) {
  describe(`per-client consumption on ${b.type} across two gateways (two instances, each with its own broker connections)`, () => {
    const name = `per-client-2gw-${b.type}-${randomUUID().slice(0, 8)}`;
    const gateways: TestGateway[] = [];
    const clients: Client[] = [];

    beforeAll(async () => {
      await b.prepare?.(name);
      for (let i = 0; i < 2; i++) {
        const g = await startTestGateway({ [`${name}.yaml`]: api(name, b.type, b.endpoint(name)) });
        gateways.push(g);
        await ready(g);
      }
    }, 90_000);
    afterAll(async () => {
      for (const c of clients) c.close();
      await Promise.all(gateways.map((g) => g.close()));
    });

    it("one client's connections spread over both share the work; another client gets everything", async () => {
      const [g1, g2] = gateways as [TestGateway, TestGateway];
      const onFirst = eventSource(g1, name, `dave-${b.type}`);
      const onSecond = eventSource(g2, name, `dave-${b.type}`);
      const erin = eventSource(g2, name, `erin-${b.type}`);
      clients.push(onFirst, onSecond, erin);
      await warmUp(g1, name, [onFirst, onSecond, erin]);
      await publishAndCollect(
        g1,
        name,
        () => tests(onFirst).length + tests(onSecond).length >= N && tests(erin).length >= N,
      );
      console.log(
        `${b.type}, two gateways: one client got ${tests(onFirst).length} + ${tests(onSecond).length} of ${N}, another ${tests(erin).length}/${N}`,
      );
      expect(sorted([...tests(onFirst), ...tests(onSecond)])).toEqual(expected);
      expect(tests(onFirst).length).toBeGreaterThan(0);
      expect(tests(onSecond).length).toBeGreaterThan(0);
      expect(sorted(tests(erin))).toEqual(expected);
    }, 90_000);
  });
}

describe("per-client consumption on kafka: history", () => {
  const name = `per-client-history-${randomUUID().slice(0, 8)}`;
  let g: TestGateway;

  beforeAll(async () => {
    g = await startTestGateway({ [`${name}.yaml`]: api(name, "kafka", BROKERS[0]!.endpoint(name)) });
    await ready(g);
  }, 60_000);
  afterAll(async () => {
    await g?.close();
  });

  it("a new client reading from the earliest offset, and an http-get client, get the history another client committed", async () => {
    run = "history";
    for (let i = 0; i < N; i++) await post(g, name, `m-${i}-${run}`, `key-${i}`);
    // The first client consumes (and commits) everything.
    const first = eventSource(g, name, "first");
    try {
      const deadline = Date.now() + 30_000;
      while (tests(first).length < N && Date.now() < deadline) await sleep(100);
      expect(sorted(tests(first))).toEqual(expected);
    } finally {
      first.close();
    }
    // A newcomer still starts from the earliest offset of its own group.
    const late = eventSource(g, name, "late");
    try {
      const deadline = Date.now() + 30_000;
      while (tests(late).length < N && Date.now() < deadline) await sleep(100);
      expect(sorted(tests(late))).toEqual(expected);
    } finally {
      late.close();
    }
    // So does a long-polling client; its second poll resumes where its first stopped.
    const poll = async (): Promise<string[]> => {
      const res = await fetch(`${g.url}/${name}?limit=${N / 2}`, {
        headers: { accept: "application/json", "x-gravitee-client-identifier": "poller" },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-gravitee-client-identifier")).toBe("poller");
      const page = (await res.json()) as { items: Array<{ content: string }> };
      return page.items.map((i) => i.content.slice(0, -run.length - 1));
    };
    const polled = [...(await poll()), ...(await poll())];
    expect(sorted(polled)).toEqual(expected);
  }, 120_000);
});
