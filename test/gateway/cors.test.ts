// Listener CORS through a compiled gateway (runtime/server/cors.ts): preflights answered by the
// gateway with Gravitee's headers and its 400 on failure, allowed origins echoed with the default
// exposed ids, regex origins, refused origins answered 403 with no CORS header before the
// entrypoint consumes or publishes anything, message APIs without CORS refusing cross-origin
// requests, and a proxy API whose backend's CORS headers the gateway's replace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { mockOf, waitReady } from "../message/message-api.ts";

const messageApi = (name: string, path: string, cors: string) => `apiVersion: gravitee.io/v1alpha1
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
        - path: ${path}
      entrypoints:
        - type: http-get
          configuration:
            messagesLimitDurationMs: 300
        - type: http-post
${cors}
  endpointGroups:
    - name: g
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
            messageInterval: 5
            messageCount: 3
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

const CORS = `      cors:
        enabled: true
        allowOrigin: ["http://app.example", "https://.*\\\\.partner\\\\.example"]
        allowMethods: [GET, POST]
        allowHeaders: [content-type, x-api-key]
        allowCredentials: true
        maxAge: 600`;

describe("listener CORS", () => {
  let gateway: TestGateway;
  let backend: HttpBackend;

  beforeAll(async () => {
    backend = await startHttpBackend((_req, res) => {
      res.setHeader("access-control-allow-origin", "*");
      res.setHeader("x-backend", "yes");
      res.end("from backend");
    });
    gateway = await startTestGateway({
      "cors.yaml": messageApi("with-cors", "/cors", CORS),
      "none.yaml": messageApi("no-cors", "/none", ""),
      "proxy.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: proxied
spec:
  name: proxied
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /proxied
      entrypoints:
        - type: http-proxy
      cors:
        enabled: true
        allowOrigin: ["*"]
        allowMethods: [GET]
        exposeHeaders: [x-backend]
        runPolicies: true
  flows:
    - name: mark
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      response:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Flow
                value: ran
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints:
        - name: b
          type: http-proxy
          configuration:
            target: ${backend.url}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`,
      "legacy.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: passthrough
spec:
  name: passthrough
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /passthrough
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints:
        - name: b
          type: http-proxy
          configuration:
            target: ${backend.url}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`,
    });
    await waitReady(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const preflight = (path: string, origin: string, method: string, headers?: string) =>
    fetch(`${gateway.url}${path}`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": method,
        ...(headers ? { "access-control-request-headers": headers } : {}),
      },
    });

  it("answers an accepted preflight itself with Gravitee's headers", async () => {
    const res = await preflight("/cors", "http://app.example", "POST", "Content-Type,X-Api-Key");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://app.example");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type, x-api-key");
    expect(res.headers.get("access-control-max-age")).toBe("600");
    expect(res.headers.get("vary")).toBe("Origin");
    expect(await res.text()).toBe("");
  });

  it.each([
    ["an origin not listed", "http://evil.example", "POST", undefined],
    ["a method not allowed", "http://app.example", "DELETE", undefined],
    ["a header not allowed", "http://app.example", "POST", "x-other"],
  ])("fails a preflight with %s: 400, no CORS header", async (_what, origin, method, headers) => {
    const res = await preflight("/cors", origin, method, headers);
    expect(res.status).toBe(400);
    expect([...res.headers.keys()].filter((h) => h.startsWith("access-control-"))).toEqual([]);
  });

  it("matches allowOrigin entries with regex characters as whole-origin patterns", async () => {
    expect((await preflight("/cors", "https://shop.partner.example", "GET")).status).toBe(200);
    expect((await preflight("/cors", "https://shop.partner.example.evil", "GET")).status).toBe(400);
    expect((await preflight("/cors", "http://shop.partner.example", "GET")).status).toBe(400);
  });

  it("echoes an allowed origin on the request and exposes the request ids by default", async () => {
    const res = await fetch(`${gateway.url}/cors?limit=1`, {
      headers: { origin: "http://app.example", accept: "application/json" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://app.example");
    expect(res.headers.get("access-control-expose-headers")).toBe(
      "X-Gravitee-Request-Id, X-Gravitee-Transaction-Id",
    );
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it("refuses a request from a refused origin before it consumes or publishes", async () => {
    const mock = mockOf(gateway, "with-cors");
    const acked = mock.acknowledged.length;
    const published = mock.published.length;
    const get = await fetch(`${gateway.url}/cors?limit=3`, { headers: { origin: "http://evil.example" } });
    expect(get.status).toBe(403);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    const post = await fetch(`${gateway.url}/cors`, {
      method: "POST",
      headers: { origin: "http://evil.example", "content-type": "text/plain" },
      body: "should not be published",
    });
    expect(post.status).toBe(403);
    await new Promise((r) => setTimeout(r, 100));
    expect(mock.acknowledged.length).toBe(acked);
    expect(mock.published.length).toBe(published);
  });

  it("serves requests without Origin and same-origin requests as before", async () => {
    const mock = mockOf(gateway, "with-cors");
    const host = new URL(gateway.url).host;
    const post = await fetch(`${gateway.url}/cors`, {
      method: "POST",
      headers: { origin: `http://${host}` },
      body: "same origin",
    });
    expect(post.status).toBe(202);
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
    expect(mock.published.at(-1)?.content.toString()).toBe("same origin");
    expect((await fetch(`${gateway.url}/cors`, { method: "POST", body: "curl" })).status).toBe(202);
  });

  it("refuses cross-origin requests to a message API without CORS", async () => {
    const mock = mockOf(gateway, "no-cors");
    const res = await fetch(`${gateway.url}/none`, {
      method: "POST",
      headers: { origin: "http://app.example" },
      body: "x",
    });
    expect(res.status).toBe(403);
    expect(mock.published).toHaveLength(0);
    expect((await preflight("/none", "http://app.example", "POST")).status).toBe(403);
  });

  it("replaces a backend's CORS headers on a proxy API with CORS", async () => {
    const res = await fetch(`${gateway.url}/proxied/x`, { headers: { origin: "http://app.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://app.example");
    expect(res.headers.get("access-control-expose-headers")).toBe("x-backend");
    expect(await res.text()).toBe("from backend");
    const noOrigin = await fetch(`${gateway.url}/proxied/x`);
    expect(noOrigin.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("runs the API's flows on a preflight with runPolicies, without reaching the backend", async () => {
    const hits = backend.hits;
    const res = await preflight("/proxied/x", "http://app.example", "GET");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-flow")).toBe("ran");
    expect(res.headers.get("access-control-allow-origin")).toBe("http://app.example");
    expect(backend.hits).toBe(hits);
    const plain = await preflight("/cors", "http://app.example", "GET");
    expect(plain.headers.get("x-flow")).toBeNull();
  });

  it("leaves CORS to the backend on a proxy API without it", async () => {
    const res = await fetch(`${gateway.url}/passthrough/x`, { headers: { origin: "http://app.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
