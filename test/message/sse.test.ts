// The sse entrypoint over the mock endpoint through a compiled gateway (docs/contract.md §5): the event
// format, comments for headers/metadata, Last-Event-ID resume, 204 past the end, failures as an
// id-less `gateway-error`, the configured retry, heartbeats, the goaway event (with a short retry) on
// drain, and selection next to http-get on the same path; heartbeat spacing (one timer per entrypoint).
import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { bare, readStream } from "./http-client.ts";
import { messageApi, waitReady } from "./message-api.ts";

const EVENT_STREAM = { accept: "text/event-stream" };

const mockConfig = (
  interval: number,
  count?: number,
  content = "hello",
) => `            messageInterval: ${interval}
            messageContent: ${JSON.stringify(content)}
${count === undefined ? "" : `            messageCount: ${count}\n`}            headers:
              - name: X-Source
                value: mock
            metadata:
              - name: origin
                value: test`;

describe("sse entrypoint over the mock endpoint", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: `        - type: http-get
          configuration:
            messagesLimitDurationMs: 2000
        - type: sse
          qos: AT_LEAST_ONCE`,
        mock: mockConfig(10, 3),
      }),
      "comments.yaml": messageApi({
        name: "comments",
        path: "/comments",
        entrypoints: `        - type: sse
          configuration:
            headersAsComment: true
            metadataAsComment: true`,
        mock: mockConfig(10, 1, "line one\nline two"),
      }),
      "failing.yaml": messageApi({
        name: "failing",
        path: "/failing",
        entrypoints: `        - type: sse
          configuration:
            retryInMs: 750`,
        mock: mockConfig(10, 3, "not json"),
        extra: `  flows:
    - name: fail on the second message
      selectors:
        - type: CHANNEL
          channel: /
      subscribe:
        - name: json to xml
          policy: json-xml
          messageCondition: "{#message.id == '1'}"
`,
      }),
      "compat.yaml": messageApi({
        name: "compat",
        path: "/compat",
        entrypoints: `        - type: sse
          configuration:
            errorEventName: error`,
        mock: mockConfig(10, 3, "not json"),
        extra: `  flows:
    - name: fail at once
      selectors:
        - type: CHANNEL
          channel: /
      subscribe:
        - policy: json-xml
`,
      }),
      "gzipped.yaml": messageApi({
        name: "gzipped",
        path: "/gzipped",
        entrypoints: `        - type: sse
          configuration:
            compress: true`,
        mock: mockConfig(10, 3),
      }),
      "slow-gzip.yaml": messageApi({
        name: "slow-gzip",
        path: "/slow-gzip",
        entrypoints: `        - type: sse
          configuration:
            compress: true`,
        mock: mockConfig(400, 3),
      }),
      "quiet.yaml": messageApi({
        name: "quiet",
        path: "/quiet",
        entrypoints: `        - type: sse
          configuration:
            heartbeatIntervalInMs: 2000`,
        mock: mockConfig(60_000),
      }),
    });
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("streams a retry, then one `event: message` per message, and ends with the endpoint", async () => {
    const res = await readStream(`${gateway.url}/events`, EVENT_STREAM);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/event-stream;charset=UTF-8");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.ended).toBe(true);
    expect(res.body.startsWith("retry: 3000\n\n")).toBe(true);
    expect(res.body.slice("retry: 3000\n\n".length)).toBe(
      "id: 0\nevent: message\ndata: hello\n\n" +
        "id: 1\nevent: message\ndata: hello\n\n" +
        "id: 2\nevent: message\ndata: hello\n\n",
    );
  });

  it("ends a stream with its last chunk and keeps the connection for the next request", async () => {
    // The stream's head is let go once it is on the socket (releaseHead): the end of the stream
    // and the next response on the same keep-alive connection must not depend on it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; body: string; reused: boolean }>((resolve, reject) => {
        const req = httpRequest(`${gateway.url}/events`, { agent, headers: EVENT_STREAM }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, reused: req.reusedSocket }));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end();
      });
    try {
      const first = await get();
      const second = await get();
      for (const res of [first, second]) {
        expect(res.status).toBe(200);
        expect(res.body.endsWith("id: 2\nevent: message\ndata: hello\n\n")).toBe(true);
      }
      expect(first.reused).toBe(false);
      expect(second.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it("resumes after Last-Event-ID", async () => {
    const res = await readStream(`${gateway.url}/events`, { ...EVENT_STREAM, "last-event-id": "1" });
    expect(res.body.replace(/^retry: \d+\n\n/, "")).toBe("id: 2\nevent: message\ndata: hello\n\n");
  });

  it("answers 204 to a reconnect past the end of a finished stream (EventSource stops)", async () => {
    const res = await readStream(`${gateway.url}/events`, { ...EVENT_STREAM, "last-event-id": "2" });
    expect(res.status).toBe(204);
    expect(res.body).toBe("");
  });

  it("sends an endpoint failure as `gateway-error` without id, after the configured retry", async () => {
    const res = await readStream(`${gateway.url}/failing`, EVENT_STREAM);
    expect(res.status).toBe(200);
    expect(res.ended).toBe(true);
    expect(res.body).toMatch(
      /^retry: 750\n\nid: 0\nevent: message\ndata: not json\n\nevent: gateway-error\ndata: [^\n]+\n\n$/,
    );
  });

  it("keeps Gravitee's `error` event name with errorEventName: error", async () => {
    const res = await readStream(`${gateway.url}/compat`, EVENT_STREAM);
    expect(res.body).toMatch(/^retry: 3000\n\nevent: error\ndata: [^\n]+\n\n$/);
  });

  it("gzips the stream, flushed per event, only where configured and offered", async () => {
    const res = await fetch(`${gateway.url}/gzipped`, {
      headers: { ...EVENT_STREAM, "accept-encoding": "gzip, br" },
    });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    // fetch decodes gzip: the events read as sent.
    expect(await res.text()).toBe(
      "retry: 3000\n\nid: 0\nevent: message\ndata: hello\n\nid: 1\nevent: message\ndata: hello\n\nid: 2\nevent: message\ndata: hello\n\n",
    );
    const identity = await readStream(`${gateway.url}/gzipped`, EVENT_STREAM);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    const notConfigured = await fetch(`${gateway.url}/events`, {
      headers: { ...EVENT_STREAM, "accept-encoding": "gzip" },
    });
    expect(notConfigured.headers.get("content-encoding")).toBeNull();
    await notConfigured.text();
  });

  it("delivers each gzipped event when it happens, not at the end of the stream", async () => {
    const started = Date.now();
    const res = await fetch(`${gateway.url}/slow-gzip`, {
      headers: { ...EVENT_STREAM, "accept-encoding": "gzip" },
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("id: 0\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const firstAt = Date.now() - started;
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    const endAt = Date.now() - started;
    expect(text).toContain("id: 0\nevent: message\ndata: hello\n\n");
    // Messages every 400 ms: the first arrives long before the third and the end.
    expect(endAt - firstAt).toBeGreaterThan(600);
  });

  it("sends headers and metadata as comment lines, and multi-line content as several data lines", async () => {
    const res = await readStream(`${gateway.url}/comments`, EVENT_STREAM);
    expect(res.body.replace(/^retry: \d+\n\n/, "")).toMatch(
      /^id: 0\nevent: message\ndata: line one\ndata: line two\n:X-Source: mock\n:sourceTimestamp: \d+\n:origin: test\n\n$/,
    );
  });

  it("sends a heartbeat comment after heartbeatIntervalInMs without messages", async () => {
    const res = await readStream(
      `${gateway.url}/quiet`,
      EVENT_STREAM,
      (text) => text.split(":\n\n").length > 2,
      6000,
    );
    // Exactly two by then, one per idle interval (each write re-arms the one timer).
    expect(res.body).toMatch(/^retry: \d+\n\n:\n\n:\n\n$/);
  });

  it("spaces each stream's heartbeats by heartbeatIntervalInMs to 1⅛ of it, with streams sharing one timer", async () => {
    // Three streams opened 300 ms apart: each one's heartbeats follow its own last write, not a
    // common beat (the entrypoint's one timer ticks every 250 ms here).
    const arrivals = (delay: number): Promise<number[]> =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          const times: number[] = [];
          const req = httpRequest(`${gateway.url}/quiet`, { headers: EVENT_STREAM }, (res) => {
            res.setEncoding("utf8");
            let text = "";
            res.on("data", (chunk: string) => {
              text += chunk;
              // One time per complete event (`retry:` then each `:`).
              while (times.length < text.split("\n\n").length - 1) times.push(performance.now());
              if (times.length === 3) {
                req.destroy();
                resolve(times);
              }
            });
          });
          req.on("error", reject);
          req.end();
        }, delay);
      });
    const streams = await Promise.all([arrivals(0), arrivals(300), arrivals(600)]);
    for (const [retry, first, second] of streams) {
      expect(first! - retry!).toBeGreaterThanOrEqual(1900);
      expect(second! - first!).toBeGreaterThanOrEqual(1900);
      // 2,250 ms at most on an idle machine; loose for a busy one.
      expect(first! - retry!).toBeLessThan(4000);
      expect(second! - first!).toBeLessThan(4000);
    }
  });

  it("leaves other GETs on the same path to http-get", async () => {
    const res = await bare(`${gateway.url}/events?limit=1`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      '{"items":[{"id":"0","content":"hello"}],"pagination":{"nextCursor":"0","limit":"1"}}',
    );
  });

  it("sends `event: goaway` and ends the stream when the gateway drains", async () => {
    const draining = await startTestGateway({
      "forever.yaml": messageApi({
        name: "forever",
        path: "/forever",
        entrypoints: "        - type: sse",
        mock: mockConfig(50),
      }),
    });
    await waitReady(draining);
    const reading = readStream(`${draining.url}/forever`, EVENT_STREAM, () => false, 5000);
    await new Promise((r) => setTimeout(r, 300));
    const closing = draining.close();
    const res = await reading;
    await closing;
    expect(res.ended).toBe(true);
    expect(res.body).toMatch(/^retry: 3000\n\nid: 0\nevent: message\ndata: hello\n\n/);
    // A short jittered retry with the goaway: the client comes back within a second.
    const goaway = /retry: (\d+)\nevent: goaway\ndata: Stopping, please reconnect\n\n$/.exec(res.body);
    expect(Number(goaway?.[1])).toBeGreaterThanOrEqual(100);
    expect(Number(goaway?.[1])).toBeLessThanOrEqual(1000);
  });
});
