// The pipeline end to end through a compiled gateway: routing (longest context path first),
// path rewriting onto the target, method/query/headers/body intact, Gravitee's 404, request ids,
// environment references resolved at start-up, and the admin endpoints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

describe("PROXY pipeline end to end", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      {
        "orders.yaml": proxyApi("orders", "/orders", "${BACKEND}/v1/orders"),
        "nested/orders-admin.yaml": proxyApi("orders-admin", "/orders/admin", "${BACKEND}/admin/"),
        "root.yaml": proxyApi("root", "/", "${BACKEND:-http://127.0.0.1:1}/root"),
      },
      { BACKEND: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const echo = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${gateway.url}${path}`, init);
    return { res, body: (await res.json()) as Received };
  };

  it.each([
    ["/orders", "/v1/orders"],
    ["/orders/", "/v1/orders/"],
    ["/orders/42?expand=items&expand=customer", "/v1/orders/42?expand=items&expand=customer"],
    ["/orders/admin/users", "/admin/users"],
    ["/ordersX", "/root/ordersX"],
    ["/", "/root/"],
  ])("%s reaches %s", async (path, upstream) => {
    const { body } = await echo(path);
    expect(body.url).toBe(upstream);
  });

  it("keeps method, repeated headers and body; adds forwarding headers and ids", async () => {
    const headers = new Headers([
      ["x-tenant", "acme"],
      ["x-multi", "a"],
      ["x-multi", "b"],
      ["x-gravitee-transaction-id", "tx-123"],
      ["content-type", "text/plain"],
    ]);
    const { res, body } = await echo("/orders/7", { method: "PUT", headers, body: "payload ✓" });
    expect(res.status).toBe(200);
    expect(body.method).toBe("PUT");
    expect(body.body).toBe("payload ✓");
    expect(body.headers["x-tenant"]).toBe("acme");
    expect(body.headers["x-multi"]).toBe("a, b");
    // Nothing added upstream but the gateway's ids and its Accept-Encoding (Gravitee's defaults).
    expect(body.headers["x-forwarded-for"]).toBeUndefined();
    expect(body.headers.via).toBeUndefined();
    expect(body.headers["accept-encoding"]).toBe("deflate, gzip");
    expect(body.headers["x-gravitee-transaction-id"]).toBe("tx-123");
    expect(res.headers.get("x-gravitee-transaction-id")).toBe("tx-123");
    expect(res.headers.get("x-gravitee-request-id")).toBe(body.headers["x-gravitee-request-id"]);
    expect(res.headers.get("x-backend")).toBe(String(backend.port));
  });

  it("answers Gravitee's 404 when no context path matches, text/plain whatever Accept says", async () => {
    const only = await startTestGateway({ "a.yaml": proxyApi("a", "/a", "http://127.0.0.1:1") });
    try {
      const json = await fetch(`${only.url}/b`, { headers: { accept: "application/json" } });
      expect(json.status).toBe(404);
      expect(json.headers.get("content-type")).toBe("text/plain");
      expect(await json.text()).toBe("No context-path matches the request URI.");
      const text = await fetch(`${only.url}/b`, { headers: { accept: "text/html" } });
      expect(text.headers.get("content-type")).toBe("text/plain");
      expect(await text.text()).toBe("No context-path matches the request URI.");
    } finally {
      await only.close();
    }
  });

  it("answers 502 with an empty body when the backend is unreachable", async () => {
    const down = await startTestGateway({ "a.yaml": proxyApi("a", "/a", "http://127.0.0.1:1/x") });
    try {
      const res = await fetch(`${down.url}/a`, { headers: { accept: "application/json" } });
      expect(res.status).toBe(502);
      expect(res.headers.get("content-length")).toBe("0");
      expect(await res.text()).toBe("");
    } finally {
      await down.close();
    }
  });

  it("serves /health/live, /health/ready, /info and /metrics", async () => {
    expect((await fetch(`${gateway.adminUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${gateway.adminUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const info = (await (await fetch(`${gateway.adminUrl}/info`)).json()) as {
      version: string;
      apis: Array<{ id: string; hash: string; source: string }>;
    };
    expect(info.apis.map((a) => a.id)).toEqual(["orders", "orders-admin", "root"]);
    expect(info.apis[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    await echo("/orders/1");
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/sluice_requests_total\{api="orders",status="200"\} \d+/);
    expect(metrics).toContain('sluice_api_ready{api="orders"} 1');
  });
});
