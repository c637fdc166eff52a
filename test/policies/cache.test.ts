// cache through compiled gateways: a memory `cache` resource and a `cache-redis` GKO ApiResource
// (the real Redis on 127.0.0.1:6379, shared by two gateways), hits without calling the endpoint,
// key scope, BY_PASS and REFRESH, methods, 2xx only, and Cache-Control as the time to live.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const cached = (name: string, step: string, resources: string) =>
  proxyApi(
    name,
    `/${name}`,
    "${BACKEND}",
    `${resources}  flows:
    - name: cached
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${step}
`,
  );

const memory = `  resources:
    - name: local-cache
      type: cache
      configuration:
        timeToIdleSeconds: 0
        maxEntriesLocalHeap: 100
`;

const redisResource = (run: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiResource
metadata:
  name: shared-cache
spec:
  name: shared-cache
  type: cache-redis
  configuration:
    name: shared-cache
    releaseCache: false
    useSsl: false
    timeToLiveSeconds: 60
    standalone:
      host: 127.0.0.1
      port: 6379
---
${cached(
  `redis${run}`,
  `        - policy: cache
          configuration:
            cacheName: shared-cache
            timeToLiveSeconds: 30
            scope: API`,
  `  resources:
    - ref:
        name: shared-cache
`,
)}`;

let backend: HttpBackend;
let gateway: TestGateway;
let calls = 0;
// Each run of the file gets fresh Redis keys (the API id is in them).
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  backend = await startHttpBackend((req, res) => {
    calls++;
    const url = new URL(req.url ?? "/", "http://x");
    res.statusCode = Number(url.searchParams.get("status") ?? 200);
    const control = url.searchParams.get("cc");
    if (control) res.setHeader("cache-control", control);
    res.setHeader("x-call", String(calls));
    res.end(`call ${calls} ${req.method} ${url.pathname}`);
  });
  gateway = await startTestGateway(
    {
      "memory.yaml": cached(
        "memory",
        `        - policy: cache
          configuration:
            cacheName: local-cache
            timeToLiveSeconds: 60
            scope: API`,
        memory,
      ),
      "keyed.yaml": cached(
        "keyed",
        `        - policy: cache
          configuration:
            cacheName: local-cache
            key: "{#request.headers['x-tenant'][0]}"
            useResponseCacheHeaders: true
            timeToLiveSeconds: 60`,
        memory,
      ),
      "redis.yaml": redisResource(run),
    },
    { BACKEND: backend.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

const get = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
  const res = await fetch(`${gateway.url}${path}`, { method, headers });
  return { status: res.status, body: await res.text(), call: res.headers.get("x-call") };
};

describe("cache in memory", () => {
  it("answers a repeated request from the cache, without calling the endpoint", async () => {
    const first = await get("/memory/a?x=1");
    expect(first.body).toMatch(/^call \d+ GET \/a$/);
    const before = calls;
    expect(await get("/memory/a?x=1")).toEqual(first);
    expect(calls).toBe(before);
    // Another path or query is another entry.
    expect((await get("/memory/a?x=2")).body).not.toBe(first.body);
    expect(calls).toBe(before + 1);
  });

  it("skips the cache with BY_PASS, replaces the entry with REFRESH", async () => {
    const first = await get("/memory/b");
    const bypassed = await get("/memory/b", { "x-gravitee-cache": "BY_PASS" });
    expect(bypassed.body).not.toBe(first.body);
    expect((await get("/memory/b")).body).toBe(first.body);
    const refreshed = await get("/memory/b?cache=REFRESH");
    expect(refreshed.body).not.toBe(first.body);
    expect((await get("/memory/b?cache=REFRESH")).body).not.toBe(refreshed.body);
    const again = await get("/memory/b", { "x-gravitee-cache": "REFRESH" });
    expect((await get("/memory/b")).body).toBe(again.body);
  });

  it("caches neither other methods nor non-2xx responses", async () => {
    const a = await get("/memory/c", {}, "POST");
    expect((await get("/memory/c", {}, "POST")).body).not.toBe(a.body);
    const failed = await get("/memory/d?status=503");
    expect(failed.status).toBe(503);
    expect((await get("/memory/d?status=503")).body).not.toBe(failed.body);
  });

  it("keys by the EL key and the application, and takes the time to live from Cache-Control", async () => {
    const a = await get("/keyed/e?cc=max-age%3D1", { "x-tenant": "a" });
    expect((await get("/keyed/other?cc=max-age%3D1", { "x-tenant": "a" })).body).toBe(a.body);
    expect((await get("/keyed/e?cc=max-age%3D1", { "x-tenant": "b" })).body).not.toBe(a.body);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await get("/keyed/e?cc=max-age%3D1", { "x-tenant": "a" })).body).not.toBe(a.body);
  });
});

describe("cache-redis", () => {
  it("shares entries between two gateways through Redis", async () => {
    const first = await get(`/redis${run}/shared`);
    expect(first.status).toBe(200);
    const before = calls;
    expect((await get(`/redis${run}/shared`)).body).toBe(first.body);
    const other = await startTestGateway({ "redis.yaml": redisResource(run) }, { BACKEND: backend.url });
    try {
      const res = await fetch(`${other.url}/redis${run}/shared`);
      expect(await res.text()).toBe(first.body);
      expect(calls).toBe(before);
    } finally {
      await other.close();
    }
  });
});
