/// <reference lib="dom" />
// Browser clients against a compiled gateway, in headless Chromium from a page on another origin
// (no --disable-web-security): EventSource (messages with ids, resume after a gateway restart with
// Last-Event-ID and no gap, the end of a finished stream), WebSocket both ways, and fetch of
// http-get and http-post through CORS — and a refused origin whose requests neither consume nor
// publish. Skips, saying why, when no Chromium is installed.
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { mockOf, waitReady } from "../message/message-api.ts";
import {
  findChromium,
  type LaunchedBrowser,
  launchChromium,
  NO_CHROMIUM,
  type PageServer,
  servePage,
} from "./chromium.ts";

const chromium = findChromium();
if (!chromium) console.warn(NO_CHROMIUM);

const api = (name: string, mock: string, cors: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /${name}
      entrypoints:
        - type: http-get
          configuration:
            messagesLimitDurationMs: 1000
        - type: http-post
        - type: sse
          configuration:
            retryInMs: 200
        - type: websocket
${cors}
  endpointGroups:
    - name: g
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
${mock}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

const corsFor = (origin: string) => `      cors:
        enabled: true
        allowOrigin: ["${origin}"]
        allowMethods: [GET, POST]
        allowHeaders: [content-type]`;

declare global {
  interface Window {
    events: string[];
    states: number[];
  }
}

/** Runs in the page: an EventSource recording `id:data` and its readyState after each error. */
function openEventSource(url: string): void {
  window.events = [];
  window.states = [];
  const source = new EventSource(url);
  source.addEventListener("message", (e) => window.events.push(`${e.lastEventId}:${e.data}`));
  source.addEventListener("error", () => window.states.push(source.readyState));
}

async function until<T>(page: Page, read: () => T, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(read)) as T;
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!chromium)("from the browser (headless Chromium, page on another origin)", () => {
  let pageServer: PageServer;
  let gateway: TestGateway;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    pageServer = await servePage(() => "<!doctype html><title>sluice browser test</title><p>page</p>");
    gateway = await startTestGateway({
      "open.yaml": api(
        "open",
        `            messageInterval: 30
            messageContent: tick
            messageCount: 8`,
        corsFor(pageServer.origin),
      ),
      "closed.yaml": api(
        "closed",
        `            messageInterval: 10
            messageContent: secret`,
        "",
      ),
    });
    await waitReady(gateway);
    launched = await launchChromium(chromium!);
    page = await launched.browser.newPage();
    await page.goto(`${pageServer.origin}/`);
  });

  afterAll(async () => {
    await launched?.close();
    await gateway?.close();
    await pageServer?.close();
  });

  it("receives every SSE message once, and stops at the end of a finished stream", async () => {
    await page.evaluate(openEventSource, `${gateway.url}/open`);
    // After the 8th message the stream ends; the reconnect (Last-Event-ID: 7) gets 204: CLOSED (2).
    const states = await until(
      page,
      () => window.states,
      (s) => s.includes(2),
    );
    const events = await page.evaluate(() => window.events);
    expect(events).toEqual(["0:tick", "1:tick", "2:tick", "3:tick", "4:tick", "5:tick", "6:tick", "7:tick"]);
    expect(states.at(-1)).toBe(2);
  });

  it("exchanges WebSocket frames both ways", async () => {
    const received = await page.evaluate(
      (url) =>
        new Promise<{ frames: string[]; code: number }>((resolve, reject) => {
          const ws = new WebSocket(url);
          const frames: string[] = [];
          ws.onopen = () => ws.send("hello from the page");
          ws.onmessage = (e) => frames.push(String(e.data));
          ws.onclose = (e) => resolve({ frames, code: e.code });
          setTimeout(() => reject(new Error("no close")), 10_000);
        }),
      `${gateway.url.replace("http:", "ws:")}/open`,
    );
    // The mock ends after 8 messages: close 1000.
    expect(received).toEqual({ frames: Array(8).fill("tick"), code: 1000 });
    expect(mockOf(gateway, "open").published.map((m) => m.content.toString())).toContain(
      "hello from the page",
    );
  });

  it("fetches http-get and posts JSON through CORS, reading the exposed request id", async () => {
    const result = await page.evaluate(async (base) => {
      const get = await fetch(`${base}/open?limit=2`, { headers: { accept: "application/json" } });
      const post = await fetch(`${base}/open`, {
        method: "POST",
        headers: { "content-type": "application/json" }, // not CORS-safelisted: a preflight first
        body: JSON.stringify({ from: "page" }),
      });
      return {
        status: get.status,
        page: await get.json(),
        requestId: get.headers.get("x-gravitee-request-id"),
        cacheControl: get.headers.get("cache-control"),
        posted: post.status,
      };
    }, gateway.url);
    expect(result.status).toBe(200);
    expect(result.page.items.map((i: { content: string }) => i.content)).toEqual(["tick", "tick"]);
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.posted).toBe(202);
    expect(mockOf(gateway, "open").published.map((m) => m.content.toString())).toContain('{"from":"page"}');
  });

  it("refuses an origin without CORS: the page sees errors, nothing is consumed or published", async () => {
    const mock = mockOf(gateway, "closed");
    const outcome = await page.evaluate(async (base) => {
      const attempt = async (run: () => Promise<Response>) => {
        try {
          return `status ${(await run()).status}`;
        } catch (error) {
          return (error as Error).name;
        }
      };
      const ws = await new Promise<string>((resolve) => {
        const socket = new WebSocket(`${base.replace("http:", "ws:")}/closed`);
        socket.onclose = (e) => resolve(`${e.code} ${e.reason}`);
      });
      return {
        get: await attempt(() => fetch(`${base}/closed?limit=3`)),
        post: await attempt(() =>
          fetch(`${base}/closed`, {
            method: "POST",
            headers: { "content-type": "text/plain" },
            body: "leak",
          }),
        ),
        ws,
      };
    }, gateway.url);
    expect(outcome.get).toBe("TypeError");
    expect(outcome.post).toBe("TypeError");
    expect(outcome.ws).toBe(`1008 Origin '${pageServer.origin}' is not allowed`);
    expect(mock.published).toHaveLength(0);
    expect(mock.acknowledged).toHaveLength(0);
  });
});

describe.skipIf(!chromium)("EventSource across a gateway restart", () => {
  let pageServer: PageServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    pageServer = await servePage(() => "<!doctype html><title>restart</title>");
    launched = await launchChromium(chromium!);
  });
  afterAll(async () => {
    await launched?.close();
    await pageServer?.close();
  });

  it("resumes with Last-Event-ID after the goaway, without a gap or a repeat", async () => {
    const files = {
      "stream.yaml": api(
        "stream",
        `            messageInterval: 40
            messageContent: n
            messageCount: 40`,
        corsFor(pageServer.origin),
      ),
    };
    let gateway = await startTestGateway(files);
    await waitReady(gateway);
    const port = String(gateway.httpPort);
    const page = await launched.browser.newPage();
    await page.goto(`${pageServer.origin}/`);
    try {
      await page.evaluate(openEventSource, `${gateway.url}/stream`);
      await until(
        page,
        () => window.events.length,
        (n) => n >= 5,
      );
      await gateway.close(); // goaway, then the port is closed: the browser keeps retrying
      gateway = await startTestGateway(files, { SLUICE_HTTP_PORT: port });
      await waitReady(gateway);
      await until(
        page,
        () => window.states,
        (s) => s.includes(2),
        30_000,
      );
      const events = await page.evaluate(() => window.events);
      expect(events).toEqual(Array.from({ length: 40 }, (_, i) => `${i}:n`));
    } finally {
      await page.close();
      await gateway.close();
    }
  });
});
