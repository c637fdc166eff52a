// Endpoint groups through a compiled gateway: the four load balancers, the http-health-check
// service taking endpoints out of rotation and back (and /health/ready reporting them), secondary
// endpoints taking over when every primary is down, a backend killed mid-load (no request lost
// once the health check removed it; none at all with failover), and the failover circuit breaker.
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend, streamingHandler } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { everySecondHealthCheck, group, v4Proxy } from "./specs.ts";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.allSettled(open.splice(0).map((o) => o.close()));
});

async function backend(name: string, port = 0): Promise<HttpBackend> {
  const b = await startHttpBackend(streamingHandler(name), { port });
  open.push(b);
  return b;
}

async function gatewayFor(spec: string, env: Record<string, string> = {}): Promise<TestGateway> {
  const g = await startTestGateway({ "api.yaml": spec }, env);
  open.unshift(g);
  return g;
}

async function whoAnswers(gateway: TestGateway, path = "/lb/x"): Promise<string> {
  const res = await request(`${gateway.url}${path}`);
  const text = await res.body.text();
  if (res.statusCode !== 200) return `status ${res.statusCode}`;
  return (JSON.parse(text) as { backend: string }).backend;
}

async function tally(gateway: TestGateway, n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const who = await whoAnswers(gateway);
    out[who] = (out[who] ?? 0) + 1;
  }
  return out;
}

async function until(what: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function notReady(gateway: TestGateway): Promise<string[]> {
  const res = await request(`${gateway.adminUrl}/health/ready`);
  const body = (await res.body.json()) as { notReady: Array<{ endpoints: Array<{ endpoint: string }> }> };
  return body.notReady.flatMap((a) => a.endpoints.map((e) => e.endpoint));
}

describe("load balancing", () => {
  it("ROUND_ROBIN takes each endpoint in turn", async () => {
    const [a, b, c] = await Promise.all([backend("a"), backend("b"), backend("c")]);
    const g = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          loadBalancer: "ROUND_ROBIN",
          endpoints: [a, b, c].map((x, i) => ({ name: `e${i}`, target: x.url })),
        }),
      ]),
    );
    const order = [];
    for (let i = 0; i < 6; i++) order.push(await whoAnswers(g));
    expect(order.slice(3)).toEqual(order.slice(0, 3));
    expect(new Set(order.slice(0, 3))).toEqual(new Set(["a", "b", "c"]));
  });

  it("WEIGHTED_ROUND_ROBIN gives each endpoint exactly its weight per cycle", async () => {
    const [a, b] = await Promise.all([backend("a"), backend("b")]);
    const g = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          loadBalancer: "WEIGHTED_ROUND_ROBIN",
          endpoints: [
            { name: "a", target: a.url, weight: 3 },
            { name: "b", target: b.url, weight: 1 },
          ],
        }),
      ]),
    );
    expect(await tally(g, 40)).toEqual({ a: 30, b: 10 });
  });

  it("RANDOM spreads over every endpoint; WEIGHTED_RANDOM follows the weights", async () => {
    const [a, b] = await Promise.all([backend("a"), backend("b")]);
    const random = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          loadBalancer: "RANDOM",
          endpoints: [
            { name: "a", target: a.url },
            { name: "b", target: b.url },
          ],
        }),
      ]),
    );
    const r = await tally(random, 100);
    expect(r.a).toBeGreaterThan(20);
    expect(r.b).toBeGreaterThan(20);
    const weighted = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          loadBalancer: "WEIGHTED_RANDOM",
          endpoints: [
            { name: "a", target: a.url, weight: 9 },
            { name: "b", target: b.url, weight: 1 },
          ],
        }),
      ]),
    );
    const w = await tally(weighted, 200);
    expect(w.a).toBeGreaterThan(150);
    expect(w.b ?? 0).toBeGreaterThan(0);
  });
});

describe("health checks and secondary endpoints", () => {
  it("removes an endpoint that fails its check, reports it in /health/ready, restores it", async () => {
    let healthy = true;
    const a = await startHttpBackend((req, res) => {
      if (req.url === "/health") {
        res.statusCode = healthy ? 200 : 503;
        res.end();
      } else res.end(JSON.stringify({ backend: "a" }));
    });
    open.push(a);
    const b = await backend("b");
    const g = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          services: everySecondHealthCheck(),
          endpoints: [
            { name: "a", target: a.url },
            { name: "b", target: b.url },
          ],
        }),
      ]),
    );
    expect(await tally(g, 4)).toEqual({ a: 2, b: 2 });
    healthy = false;
    await until(async () => (await notReady(g)).includes("backend:a"));
    expect((await request(`${g.adminUrl}/health/ready`)).statusCode).toBe(503);
    expect(await tally(g, 6)).toEqual({ b: 6 });
    healthy = true;
    await until(async () => (await notReady(g)).length === 0);
    expect(await tally(g, 4)).toEqual({ a: 2, b: 2 });
  });

  it("sends traffic to the secondary only while every primary is down", async () => {
    const [a, b, spare] = await Promise.all([backend("a"), backend("b"), backend("spare")]);
    const g = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          services: everySecondHealthCheck(),
          endpoints: [
            { name: "a", target: a.url },
            { name: "b", target: b.url },
            { name: "spare", target: spare.url, secondary: true },
          ],
        }),
      ]),
    );
    expect(await tally(g, 4)).toEqual({ a: 2, b: 2 });
    await a.close();
    await until(async () => (await notReady(g)).includes("backend:a"));
    expect(await tally(g, 3)).toEqual({ b: 3 });
    await b.close();
    await until(async () => (await notReady(g)).includes("backend:b"));
    expect(await tally(g, 3)).toEqual({ spare: 3 });
    const back = await backend("a-again", a.port);
    expect(back.port).toBe(a.port);
    await until(async () => !(await notReady(g)).includes("backend:a"));
    expect(await tally(g, 3)).toEqual({ "a-again": 3 });
  });
});

/** A bounded loop of requests (concurrency 4) while `during` runs; returns each outcome. */
async function load(
  gateway: TestGateway,
  ms: number,
  during: () => Promise<void>,
): Promise<Array<{ at: number; ok: boolean }>> {
  const outcomes: Array<{ at: number; ok: boolean }> = [];
  const end = Date.now() + ms;
  const worker = async () => {
    while (Date.now() < end) {
      const at = Date.now();
      try {
        const res = await request(`${gateway.url}/lb/x`);
        await res.body.text();
        outcomes.push({ at, ok: res.statusCode === 200 });
      } catch {
        outcomes.push({ at, ok: false });
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker(), during()]);
  return outcomes;
}

describe("killing an endpoint mid-load", () => {
  it("loses no request once the health check has removed it", async () => {
    const [a, b] = await Promise.all([backend("a"), backend("b")]);
    const g = await gatewayFor(
      v4Proxy("lb", "/lb", [
        group({
          services: everySecondHealthCheck(),
          endpoints: [
            { name: "a", target: a.url },
            { name: "b", target: b.url },
          ],
        }),
      ]),
    );
    let removedAt = Number.POSITIVE_INFINITY;
    const outcomes = await load(g, 4000, async () => {
      await new Promise((r) => setTimeout(r, 800));
      await b.close();
      await until(async () => (await notReady(g)).includes("backend:b"));
      removedAt = Date.now();
    });
    expect(removedAt).toBeLessThan(Number.POSITIVE_INFINITY);
    const after = outcomes.filter((o) => o.at > removedAt);
    expect(after.length).toBeGreaterThan(50);
    expect(after.filter((o) => !o.ok)).toEqual([]);
  }, 20_000);

  it("loses no request at all with failover", async () => {
    const [a, b] = await Promise.all([backend("a"), backend("b")]);
    const g = await gatewayFor(
      v4Proxy(
        "lb",
        "/lb",
        [
          group({
            endpoints: [
              { name: "a", target: a.url },
              { name: "b", target: b.url },
            ],
          }),
        ],
        {
          failover: {
            enabled: true,
            maxRetries: 2,
            slowCallDuration: 1000,
            maxFailures: 3,
            openStateDuration: 500,
          },
        },
      ),
    );
    const outcomes = await load(g, 3000, async () => {
      await new Promise((r) => setTimeout(r, 800));
      await b.close();
    });
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  }, 20_000);
});

describe("failover circuit breaker", () => {
  it("opens after maxFailures, half-opens after openStateDuration, and answers 502 while open", async () => {
    const slow = await startHttpBackend((_req, res) => {
      setTimeout(() => res.end(JSON.stringify({ backend: "slow" })), 1000).unref();
    });
    open.push(slow);
    const fast = await backend("fast");
    const failover = {
      enabled: true,
      maxRetries: 1,
      slowCallDuration: 150,
      maxFailures: 2,
      openStateDuration: 800,
    };
    const g = await gatewayFor(
      [
        v4Proxy(
          "lb",
          "/lb",
          [
            group({
              endpoints: [
                { name: "slow", target: slow.url },
                { name: "fast", target: fast.url },
              ],
            }),
          ],
          { failover },
        ),
        v4Proxy("alone", "/alone", [group({ endpoints: [{ name: "slow", target: slow.url }] })], {
          failover: { ...failover, maxRetries: 0 },
        }),
      ].join("\n---\n"),
    );
    for (let i = 0; i < 8; i++) expect(await whoAnswers(g)).toBe("fast");
    expect(slow.hits).toBe(2);
    await new Promise((r) => setTimeout(r, 900));
    for (let i = 0; i < 4; i++) expect(await whoAnswers(g)).toBe("fast");
    // One trial call in half-open state, which failed: open again.
    expect(slow.hits).toBe(3);

    const before = slow.hits;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(`${g.url}/alone/x`)).statusCode);
    expect(statuses).toEqual([504, 504, 502]);
    expect(slow.hits - before).toBe(2);
  }, 20_000);
});
