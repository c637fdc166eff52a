// The websocket entrypoint of MESSAGE APIs through compiled gateways, with `ws` as the client
// (docs/contract.md §5): messages out as text or binary frames, frames in as published messages, the
// publisher/subscriber switches, message phases, security on the handshake, close codes 1000 / 1011
// / 1013, backpressure, and selection among http-get, http-post, sse and websocket on one path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Message, MessageEndpoint } from "../../runtime/contract.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { bare, readStream } from "./http-client.ts";
import { messageApi, mockOf, waitReady } from "./message-api.ts";

const KEYLESS_PLAN = `    free:
      name: Free
      security:
        type: KEY_LESS
`;
const KEYED_PLAN = `    keyed:
      name: Keyed
      security:
        type: API_KEY
`;

const mock = (interval: number, count?: number, content = "tick") =>
  `            messageInterval: ${interval}
            messageContent: ${JSON.stringify(content)}${count === undefined ? "" : `\n            messageCount: ${count}`}`;

interface Frame {
  data: Buffer;
  isBinary: boolean;
}

interface Client {
  ws: WebSocket;
  /** The 101 answer's headers. */
  headers: Record<string, string | string[] | undefined>;
  frames: Frame[];
  closed: Promise<{ code: number; reason: string }>;
}

class Refused extends Error {
  readonly status: number;
  readonly body: string;
  constructor(status: number, body: string) {
    super(`status ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Opens a WebSocket and records every frame from the start; rejects with Refused on an HTTP answer. */
function connect(gateway: TestGateway, path: string, headers: Record<string, string> = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${gateway.httpPort}${path}`, { headers });
    const frames: Frame[] = [];
    let upgradeHeaders: Client["headers"] = {};
    ws.on("message", (data, isBinary) => frames.push({ data: data as Buffer, isBinary }));
    ws.once("upgrade", (res) => {
      upgradeHeaders = res.headers;
    });
    const closed = new Promise<{ code: number; reason: string }>((r) =>
      ws.once("close", (code, reason) => r({ code, reason: reason.toString() })),
    );
    ws.once("open", () => resolve({ ws, headers: upgradeHeaders, frames, closed }));
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => reject(new Refused(res.statusCode ?? 0, body)));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(10);
  }
}

/** A message source of fixed contents, put in place of an API's mock endpoint instance. */
function fixedSource(contents: Buffer[]): MessageEndpoint {
  return {
    name: "fixed",
    type: "mock",
    capabilities: { resume: false },
    connect: async () => undefined,
    health: () => ({ ready: true }),
    async *subscribe() {
      for (const content of contents) {
        await sleep(5);
        yield { content, headers: {}, metadata: {} } satisfies Message;
      }
    },
    publish: async () => undefined,
    close: async () => undefined,
  };
}

describe("websocket entrypoint over the mock endpoint", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway(
      {
        "stream.yaml": messageApi({
          name: "stream",
          path: "/stream",
          entrypoints: `        - type: websocket
          qos: AUTO`,
          mock: mock(5, 3, "tick ✓"),
        }),
        "binary.yaml": messageApi({
          name: "binary",
          path: "/binary",
          entrypoints: "        - type: websocket",
          mock: mock(5, 1),
        }),
        "sub-only.yaml": messageApi({
          name: "sub-only",
          path: "/sub-only",
          entrypoints: `        - type: websocket
          configuration:
            publisher:
              enabled: false`,
          mock: mock(20),
        }),
        "pub-only.yaml": messageApi({
          name: "pub-only",
          path: "/pub-only",
          entrypoints: `        - type: websocket
          configuration:
            subscriber:
              enabled: false`,
          mock: mock(5),
          extra: `  flows:
    - name: stamp
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - name: stamp published messages
          policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Published
                value: "yes"
`,
        }),
        "filtered.yaml": messageApi({
          name: "filtered",
          path: "/filtered",
          entrypoints: "        - type: websocket",
          mock: mock(5, 5),
          extra: `  flows:
    - name: even-ids
      selectors:
        - type: CHANNEL
          channel: /
          operations: [SUBSCRIBE]
      subscribe:
        - name: drop odd ids
          policy: message-filtering
          configuration:
            filter: "{#message.id != '1' && #message.id != '3'}"
        - name: name the message
          policy: assign-content
          configuration:
            body: "message {#message.id}"
`,
        }),
        "secured.yaml": messageApi({
          name: "secured",
          path: "/secured",
          entrypoints: "        - type: websocket",
          mock: mock(5, 1),
        }).replace(KEYLESS_PLAN, KEYED_PLAN),
        "mixed.yaml": messageApi({
          name: "mixed",
          path: "/mixed",
          entrypoints: "        - type: websocket",
          mock: mock(5, 1),
        }).replace(KEYLESS_PLAN, KEYLESS_PLAN + KEYED_PLAN),
        "fragile.yaml": messageApi({
          name: "fragile",
          path: "/fragile",
          entrypoints: `        - type: websocket
          configuration:
            subscriber:
              enabled: false`,
          mock: mock(5),
        }),
        "flood.yaml": messageApi({
          name: "flood",
          path: "/flood",
          entrypoints: `        - type: websocket
          qos: AUTO`,
          mock: mock(0, undefined, "x".repeat(64 * 1024)),
        }),
        "all.yaml": messageApi({
          name: "all",
          path: "/all",
          entrypoints: `        - type: http-get
          configuration:
            messagesLimitDurationMs: 2000
        - type: http-post
        - type: sse
        - type: websocket`,
          mock: mock(5, 2),
        }),
      },
      { SLUICE_API_KEYS_SECURED: "k-123", SLUICE_API_KEYS_MIXED: "k-456" },
    );
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("sends each message as a text frame, acks it once sent, and closes 1000 after the last", async () => {
    const client = await connect(gateway, "/stream");
    expect(client.headers["x-gravitee-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.closed).toEqual({ code: 1000, reason: "" });
    expect(client.frames).toEqual([
      { data: Buffer.from("tick ✓"), isBinary: false },
      { data: Buffer.from("tick ✓"), isBinary: false },
      { data: Buffer.from("tick ✓"), isBinary: false },
    ]);
    expect(mockOf(gateway, "stream").acknowledged.slice(-3)).toEqual(["0", "1", "2"]);
  });

  it("sends content that is not valid UTF-8 as a binary frame", async () => {
    const groups = gateway.apis.find((a) => a.definition.id === "binary")!.groups;
    groups[0]!.endpoints[0] = fixedSource([
      Buffer.from([0x00, 0xff, 0x80, 0x41]),
      Buffer.from("héllo"),
      Buffer.from([0xc3]),
    ]);
    const client = await connect(gateway, "/binary");
    expect((await client.closed).code).toBe(1000);
    expect(client.frames).toEqual([
      { data: Buffer.from([0x00, 0xff, 0x80, 0x41]), isBinary: true },
      { data: Buffer.from("héllo"), isBinary: false },
      { data: Buffer.from([0xc3]), isBinary: true },
    ]);
  });

  it("publishes each text or binary frame as one message, after the publish phase", async () => {
    const endpoint = mockOf(gateway, "pub-only");
    const before = endpoint.published.length;
    const client = await connect(gateway, "/pub-only");
    client.ws.send("hello ✓");
    const bytes = Buffer.from([0x00, 0xff, 0x10]);
    client.ws.send(bytes);
    await until(() => endpoint.published.length === before + 2);
    const [text, binary] = endpoint.published.slice(-2);
    expect(text?.content.toString("utf8")).toBe("hello ✓");
    expect(binary?.content.equals(bytes)).toBe(true);
    expect(text?.headers).toEqual({ "X-Published": ["yes"] });
    // Subscriber disabled: the endless mock sends nothing to this client.
    await sleep(100);
    expect(client.frames).toEqual([]);
    client.ws.close();
    expect((await client.closed).code).toBe(1005);
  });

  it("does not publish frames when the publisher is disabled, and keeps streaming", async () => {
    const endpoint = mockOf(gateway, "sub-only");
    const before = endpoint.published.length;
    const client = await connect(gateway, "/sub-only");
    client.ws.send("ignored");
    client.ws.send(Buffer.from([1, 2, 3]));
    await until(() => client.frames.length >= 3);
    expect(endpoint.published.length).toBe(before);
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    client.ws.close(1000);
    await client.closed;
  });

  it("runs the subscribe phase on each message: filtered and rewritten", async () => {
    const client = await connect(gateway, "/filtered");
    expect((await client.closed).code).toBe(1000);
    expect(client.frames.map((f) => f.data.toString())).toEqual(["message 0", "message 2", "message 4"]);
  });

  it("runs security on the handshake: 401 without or with a wrong key, open with the key", async () => {
    const accept = { accept: "application/json" };
    await expect(connect(gateway, "/secured", accept)).rejects.toMatchObject({
      status: 401,
      body: JSON.stringify({ message: "Unauthorized", http_status_code: 401 }),
    });
    await expect(
      connect(gateway, "/secured", { "x-gravitee-api-key": "wrong", ...accept }),
    ).rejects.toMatchObject({ status: 401 });
    const byHeader = await connect(gateway, "/secured", { "x-gravitee-api-key": "k-123" });
    expect(await byHeader.closed).toEqual({ code: 1000, reason: "" });
    expect(byHeader.frames.map((f) => f.data.toString())).toEqual(["tick"]);
    const byQuery = await connect(gateway, "/secured?api-key=k-123");
    expect((await byQuery.closed).code).toBe(1000);
  });

  it("takes a keyless client through the keyless plan and checks a presented key", async () => {
    const keyless = await connect(gateway, "/mixed");
    expect((await keyless.closed).code).toBe(1000);
    expect(keyless.frames).toHaveLength(1);
    await expect(connect(gateway, "/mixed", { "x-gravitee-api-key": "wrong" })).rejects.toMatchObject({
      status: 401,
      body: "Unauthorized",
    });
    const keyed = await connect(gateway, "/mixed", { "x-gravitee-api-key": "k-456" });
    expect((await keyed.closed).code).toBe(1000);
  });

  it("answers 503 before upgrading when the endpoint is down, closes 1011 when a publish fails", async () => {
    const endpoint = mockOf(gateway, "fragile");
    await endpoint.close();
    await expect(connect(gateway, "/fragile", { accept: "application/json" })).rejects.toMatchObject({
      status: 503,
      body: JSON.stringify({ message: "No endpoint available", http_status_code: 503 }),
    });
    await endpoint.connect();
    const client = await connect(gateway, "/fragile");
    await endpoint.close();
    const before = endpoint.published.length;
    client.ws.send("lost");
    expect(await client.closed).toEqual({ code: 1011, reason: "No endpoint available" });
    expect(endpoint.published.length).toBe(before);
    await endpoint.connect();
  });

  it("reads the endpoint no faster than the client: acks stop while the client does not read", async () => {
    const endpoint = mockOf(gateway, "flood");
    const client = await connect(gateway, "/flood");
    client.ws.pause();
    const lastAcked = () => Number(endpoint.acknowledged.at(-1) ?? -1);
    await sleep(500);
    const stalled = lastAcked();
    await sleep(300);
    expect(lastAcked()).toBe(stalled);
    // Sent means written to the socket: what the kernel buffers hold, far from endless.
    expect(stalled).toBeLessThan(2000);
    client.ws.resume();
    await until(() => lastAcked() > stalled + 50);
    client.ws.close();
    await client.closed;
  });

  it("picks websocket, sse, http-get and http-post on one path by the request", async () => {
    const client = await connect(gateway, "/all");
    expect((await client.closed).code).toBe(1000);
    expect(client.frames).toEqual([
      { data: Buffer.from("tick"), isBinary: false },
      { data: Buffer.from("tick"), isBinary: false },
    ]);
    const get = await bare(`${gateway.url}/all`, { headers: { accept: "application/json" } });
    expect(get.status).toBe(200);
    expect(JSON.parse(get.body)).toEqual({
      items: [
        { id: "0", content: "tick" },
        { id: "1", content: "tick" },
      ],
      pagination: { nextCursor: "1" },
    });
    const sse = await readStream(`${gateway.url}/all`, { accept: "text/event-stream" });
    expect(sse.headers["content-type"]).toBe("text/event-stream;charset=UTF-8");
    expect(sse.body).toMatch(/^retry: \d+\n\nid: 0\nevent: message\ndata: tick\n\n/);
    const before = mockOf(gateway, "all").published.length;
    const post = await bare(`${gateway.url}/all`, { method: "POST", body: "posted" });
    expect(post.status).toBe(202);
    expect(mockOf(gateway, "all").published.length).toBe(before + 1);
  });

  it("leaves upgrades of an API without websocket unanswered by it: 404", async () => {
    const plain = await startTestGateway({
      "get-only.yaml": messageApi({
        name: "get-only",
        path: "/get-only",
        entrypoints: "        - type: http-get",
        mock: mock(5, 1),
      }),
    });
    try {
      await expect(connect(plain, "/get-only")).rejects.toMatchObject({ status: 404 });
    } finally {
      await plain.close();
    }
  });
});

describe("websocket entrypoint when the gateway drains", () => {
  it("closes open sockets with 1013 and lets the gateway stop", async () => {
    const gateway = await startTestGateway({
      "forever.yaml": messageApi({
        name: "forever",
        path: "/forever",
        entrypoints: "        - type: websocket",
        mock: mock(20),
      }),
    });
    await waitReady(gateway);
    const client = await connect(gateway, "/forever");
    await until(() => client.frames.length > 0);
    const started = Date.now();
    await gateway.close();
    expect(await client.closed).toEqual({ code: 1013, reason: "Stopping, please reconnect" });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
