// The http-post entrypoint over the mock endpoint through a compiled gateway: the body is one
// message, request headers copied when asked, 202 with an empty body, 503 (never a silent loss) when
// the endpoint is not connected; and entrypoint selection when http-get and http-post share a path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { bare } from "./http-client.ts";
import { messageApi, mockOf, waitReady } from "./message-api.ts";

const mock = `            messageInterval: 5
            messageContent: tick
            messageCount: 3`;

describe("http-post entrypoint over the mock endpoint", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      "both.yaml": messageApi({
        name: "both",
        path: "/events",
        entrypoints: `        - type: http-get
          configuration:
            messagesLimitDurationMs: 2000
        - type: http-post
          qos: AUTO
          configuration:
            requestHeadersToMessage: true`,
        mock,
      }),
      "plain.yaml": messageApi({
        name: "plain",
        path: "/plain",
        entrypoints: `        - type: http-post
          qos: NONE`,
        mock,
      }),
      "down.yaml": messageApi({
        name: "down",
        path: "/down",
        entrypoints: "        - type: http-post",
        mock,
      }),
      "get-only.yaml": messageApi({
        name: "get-only",
        path: "/get-only",
        entrypoints: "        - type: http-get",
        mock,
      }),
    });
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("publishes the raw body as one message and answers 202 with an empty body", async () => {
    const body = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x41]);
    const res = await bare(`${gateway.url}/events`, {
      method: "POST",
      headers: { "x-tenant": "acme", "content-type": "application/octet-stream" },
      body,
    });
    expect(res.status).toBe(202);
    expect(res.body).toBe("");
    expect(res.headers["content-length"]).toBe("0");
    const published = mockOf(gateway, "both").published.at(-1);
    expect(published?.content.equals(body)).toBe(true);
    expect(published?.headers["x-tenant"]).toEqual(["acme"]);
    expect(published?.headers["content-type"]).toEqual(["application/octet-stream"]);
  });

  it("keeps request headers out of the message unless requestHeadersToMessage", async () => {
    const res = await bare(`${gateway.url}/plain`, {
      method: "POST",
      headers: { "x-tenant": "acme" },
      body: "payload ✓",
    });
    expect(res.status).toBe(202);
    const published = mockOf(gateway, "plain").published.at(-1);
    expect(published?.content.toString("utf8")).toBe("payload ✓");
    expect(published?.headers).toEqual({});
  });

  it("takes GET with http-get and POST with http-post on the same path", async () => {
    const get = await bare(`${gateway.url}/events`, { headers: { accept: "application/json" } });
    expect(get.status).toBe(200);
    expect(JSON.parse(get.body)).toEqual({
      items: [
        { id: "0", content: "tick" },
        { id: "1", content: "tick" },
        { id: "2", content: "tick" },
      ],
      pagination: { nextCursor: "2" },
    });
    const before = mockOf(gateway, "both").published.length;
    const post = await bare(`${gateway.url}/events`, { method: "POST", body: "x" });
    expect(post.status).toBe(202);
    expect(mockOf(gateway, "both").published.length).toBe(before + 1);
  });

  it("answers 404 for a method no entrypoint takes", async () => {
    const res = await bare(`${gateway.url}/get-only`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: "x",
    });
    expect(res.status).toBe(404);
    expect(res.body).toBe("No context-path matches the request URI.");
  });

  it("answers 503 with Gravitee's error body when the endpoint is not connected", async () => {
    const endpoint = mockOf(gateway, "down");
    await endpoint.close();
    const before = endpoint.published.length;
    const res = await bare(`${gateway.url}/down`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: "lost?",
    });
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ message: "No endpoint available", http_status_code: 503 });
    expect(endpoint.published.length).toBe(before);
    const ready = await fetch(`${gateway.adminUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toContain("down");
    await endpoint.connect();
    const again = await bare(`${gateway.url}/down`, { method: "POST", body: "now" });
    expect(again.status).toBe(202);
  });
});
