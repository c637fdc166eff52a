// rate-limit, quota and spike-arrest counted in Redis shared by two gateways (SLUICE_REDIS_URL),
// through compiled gateways against a test-owned redis-server (so the test can kill it): one limit
// enforced together, and a Redis outage handled as each policy's errorStrategy says, visible in
// /health/ready and /metrics.
import { type ChildProcess, spawn } from "node:child_process";
import { connect, createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

interface OwnRedis {
  port: number;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", () => resolve(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
}

async function startRedis(port?: number): Promise<OwnRedis> {
  const p = port ?? (await freePort());
  const child = spawn(
    "redis-server",
    ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(p))) {
    if (Date.now() > deadline) throw new Error(`redis-server did not start on ${p}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port: p,
    url: `redis://127.0.0.1:${p}/0`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

const limited = (name: string, path: string, policy: string) =>
  proxyApi(
    name,
    path,
    "${ECHO}",
    `  flows:
    - name: limits
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${policy}
`,
  );

async function statuses(urls: string[], total: number, inFlight = 16): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const res = await fetch(urls[i % urls.length]!);
      await res.arrayBuffer();
      counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return counts;
}

let echo: EchoBackend;
const redises: OwnRedis[] = [];
const gateways: TestGateway[] = [];
beforeAll(async () => {
  echo = await startEchoBackend();
});
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
  await Promise.all(redises.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await echo.close();
});

const rateLimit = (limit: number, extra = "") => `        - policy: rate-limit
          configuration:${extra}
            rate:
              key: shared
              useKeyOnly: true
              limit: ${limit}
              periodTime: 1
              periodTimeUnit: HOURS`;

describe("counters shared through Redis", () => {
  it("two gateways sharing one Redis enforce one rate limit together (1,000 requests, limit 500)", async () => {
    const redis = await startRedis();
    redises.push(redis);
    const files = { "limited.yaml": limited("limited", "/limited", rateLimit(500)) };
    const env = { ECHO: echo.url, SLUICE_REDIS_URL: redis.url };
    gateways.push(await startTestGateway(files, env), await startTestGateway(files, env));
    const [a, b] = gateways as [TestGateway, TestGateway];
    const counts = await statuses([`${a.url}/limited`, `${b.url}/limited`], 1000);
    expect([...counts.keys()].sort()).toEqual([200, 429]);
    expect(Math.abs((counts.get(200) ?? 0) - 500)).toBeLessThanOrEqual(1);
    // Both gateways took part: each answered some 429s and some 200s from its own side.
    expect((await fetch(`${a.url}/limited`)).status).toBe(429);
    expect((await fetch(`${b.url}/limited`)).status).toBe(429);
  });

  it("without SLUICE_REDIS_URL each gateway counts alone (the limit is per process)", async () => {
    const files = { "limited.yaml": limited("limited", "/limited", rateLimit(50)) };
    gateways.push(await startTestGateway(files, { ECHO: echo.url, SLUICE_REDIS_URL: "" }));
    gateways.push(await startTestGateway(files, { ECHO: echo.url, SLUICE_REDIS_URL: "" }));
    const [a, b] = gateways as [TestGateway, TestGateway];
    const counts = await statuses([`${a.url}/limited`, `${b.url}/limited`], 200);
    expect(counts.get(200)).toBe(100);
  });

  it("async (non-strict) mode counts locally at once and converges through Redis", async () => {
    const redis = await startRedis();
    redises.push(redis);
    const files = {
      "limited.yaml": limited("limited", "/limited", rateLimit(100, "\n            async: true")),
    };
    const env = { ECHO: echo.url, SLUICE_REDIS_URL: redis.url };
    gateways.push(await startTestGateway(files, env), await startTestGateway(files, env));
    const [a, b] = gateways as [TestGateway, TestGateway];
    // One at a time: each gateway's estimate has caught up with Redis before its next request.
    const counts = await statuses([`${a.url}/limited`, `${b.url}/limited`], 300, 1);
    expect(counts.get(200) ?? 0).toBeGreaterThanOrEqual(100);
    expect(counts.get(200) ?? 0).toBeLessThanOrEqual(102);
  });

  it("a Redis killed mid-test: BLOCK_ON_INTERNAL_ERROR rejects, FALLBACK_PASS_TROUGH passes; both recover", async () => {
    const redis = await startRedis();
    redises.push(redis);
    const files = {
      "block.yaml": limited(
        "block",
        "/block",
        `        - policy: rate-limit
          configuration:
            errorStrategy: BLOCK_ON_INTERNAL_ERROR
            rate: { limit: 1000, periodTimeUnit: MINUTES }
        - policy: quota
          configuration:
            errorStrategy: BLOCK_ON_INTERNAL_ERROR
            quota: { limit: 1000, periodTime: 1, periodTimeUnit: HOURS }`,
      ),
      "pass.yaml": limited(
        "pass",
        "/pass",
        `        - policy: rate-limit
          configuration:
            addHeaders: true
            rate: { limit: 1000, periodTimeUnit: MINUTES }
        - policy: spike-arrest
          configuration:
            errorStrategy: FALLBACK_PASS_TROUGH
            addHeaders: true
            spike: { limit: 1000, periodTimeUnit: SECONDS }`,
      ),
    };
    const gateway = await startTestGateway(files, {
      ECHO: echo.url,
      SLUICE_REDIS_URL: redis.url,
      SLUICE_REDIS_TIMEOUT_MS: "300",
    });
    gateways.push(gateway);
    const up = await fetch(`${gateway.url}/pass`);
    expect(up.status).toBe(200);
    expect(up.headers.get("x-rate-limit-remaining")).toBe("999");
    expect((await fetch(`${gateway.url}/block`)).status).toBe(200);
    expect((await fetch(`${gateway.adminUrl}/health/ready`)).status).toBe(200);

    await redis.stop();
    const blocked = await fetch(`${gateway.url}/block`, { headers: { accept: "application/json" } });
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({
      message: "Rate limit blocked the query due to internal error",
      http_status_code: 429,
    });
    const passed = await fetch(`${gateway.url}/pass`);
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-rate-limit-remaining")).toBe("1000");
    expect(passed.headers.get("x-rate-limit-reset")).toBe("-1");
    expect(passed.headers.get("x-spike-arrest-reset")).toBe("-1");
    const ready = await fetch(`${gateway.adminUrl}/health/ready`);
    expect(ready.status).toBe(503);
    const readyBody = (await ready.json()) as { components?: Array<{ component: string; detail: string }> };
    expect(readyBody.components?.[0]?.component).toBe("shared-counters");
    expect(readyBody.components?.[0]?.detail).toContain(`127.0.0.1:${redis.port}`);
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toContain("sluice_shared_counters_up 0");
    expect(metrics).toMatch(/sluice_shared_counters_failures_total [1-9]/);

    // Back on the same port: the client reconnects, counting and readiness resume.
    redises.push(await startRedis(redis.port));
    const deadline = Date.now() + 10_000;
    while ((await fetch(`${gateway.adminUrl}/health/ready`)).status !== 200) {
      if (Date.now() > deadline) throw new Error("not ready again after Redis came back");
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await fetch(`${gateway.url}/block`)).status).toBe(200);
    const again = await fetch(`${gateway.url}/pass`);
    // A fresh Redis: the window starts again.
    expect(again.headers.get("x-rate-limit-remaining")).toBe("999");
    expect(await (await fetch(`${gateway.adminUrl}/metrics`)).text()).toContain(
      "sluice_shared_counters_up 1",
    );
  });

  it("with only FALLBACK_PASS_TROUGH policies an outage leaves the gateway ready, listed as degraded", async () => {
    const redis = await startRedis();
    redises.push(redis);
    const gateway = await startTestGateway(
      { "pass.yaml": limited("pass", "/pass", rateLimit(10)) },
      { ECHO: echo.url, SLUICE_REDIS_URL: redis.url },
    );
    gateways.push(gateway);
    expect((await fetch(`${gateway.url}/pass`)).status).toBe(200);
    await redis.stop();
    const statusesAfter = await statuses([`${gateway.url}/pass`], 20, 1);
    expect(statusesAfter.get(200)).toBe(20); // the limit of 10 is not applied while Redis is away
    const ready = await fetch(`${gateway.adminUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { degraded?: unknown[] }).degraded).toHaveLength(1);
  });

  it("a gateway started before its Redis: not ready (BLOCK_ON_INTERNAL_ERROR), and the first request waits for the connection and is counted", async () => {
    const port = await freePort();
    const gateway = await startTestGateway(
      {
        "limited.yaml": limited(
          "limited",
          "/limited",
          `        - policy: rate-limit
          configuration:
            errorStrategy: BLOCK_ON_INTERNAL_ERROR
            addHeaders: true
            rate: { limit: 10, periodTimeUnit: MINUTES }`,
        ),
      },
      { ECHO: echo.url, SLUICE_REDIS_URL: `redis://127.0.0.1:${port}/0`, SLUICE_REDIS_TIMEOUT_MS: "4000" },
    );
    gateways.push(gateway);
    expect((await fetch(`${gateway.adminUrl}/health/ready`)).status).toBe(503);
    const pending = fetch(`${gateway.url}/limited`);
    await new Promise((r) => setTimeout(r, 300));
    redises.push(await startRedis(port));
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get("x-rate-limit-remaining")).toBe("9");
    expect((await fetch(`${gateway.adminUrl}/health/ready`)).status).toBe(200);
  });
});
