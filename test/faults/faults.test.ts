// Faults, counted: each row breaks something real — a backend that resets mid-response, one that
// is slow, one that is down and comes back, uploads that stall, a full upstream queue — and states
// what the client gets, that the other API keeps answering, and what /metrics counts. SIGTERM
// under load runs the gateway in its own process: every request that reached the backend gets its
// complete response.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { startGatewayProcess } from "../proxy/gateway-process.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A backend whose behaviour the rows switch: answer, hang, reset mid-body. */
interface FaultyBackend {
  port: number;
  mode: "ok" | "slow" | "reset-mid-body";
  received: number;
  server: Server;
}

async function startFaultyBackend(port = 0): Promise<FaultyBackend> {
  const backend: FaultyBackend = { port: 0, mode: "ok", received: 0, server: undefined as never };
  backend.server = createServer((req, res) => {
    backend.received++;
    req.resume();
    req.on("end", () => {
      if (backend.mode === "slow") return; // never answers
      if (backend.mode === "reset-mid-body") {
        res.writeHead(200, { "content-length": "1000" });
        res.write("partial", () => req.socket.resetAndDestroy());
        return;
      }
      res.end("ok");
    });
  });
  backend.server.listen(port, "127.0.0.1");
  await once(backend.server, "listening");
  backend.port = (backend.server.address() as AddressInfo).port;
  return backend;
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}

/** One GET; the status, or the error code when the exchange broke. */
async function get(url: string, timeoutMs = 5000): Promise<number | string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return res.status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
}

const shared = (extra: Record<string, unknown>) => `
      sharedConfigurationOverride:
        http: ${JSON.stringify({ readTimeout: 800, ...extra })}`;

/** A proxy API whose single endpoint has its own http options. */
const apiWith = (name: string, path: string, port: number, http: Record<string, unknown> = {}) =>
  proxyApi(name, path, `http://127.0.0.1:${port}`).replace(
    `            target: http://127.0.0.1:${port}\n`,
    `            target: http://127.0.0.1:${port}\n${shared(http).replace(/\n {6}/g, "\n          ")}\n`,
  );

describe("faults, counted", () => {
  let faulty: FaultyBackend;
  let healthy: FaultyBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    faulty = await startFaultyBackend();
    healthy = await startFaultyBackend();
    gateway = await startTestGateway(
      {
        "faulty.yaml": apiWith("faulty", "/faulty", faulty.port, { maxConcurrentConnections: 4 }),
        "healthy.yaml": apiWith("healthy", "/healthy", healthy.port),
      },
      { SLUICE_BODY_TIMEOUT_MS: "1000", SLUICE_UPSTREAM_QUEUE_LIMIT: "4" },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await stop(faulty.server);
    await stop(healthy.server);
  });

  const metric = async (api: string, status: number) => {
    const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    return Number(
      new RegExp(`sluice_requests_total\\{api="${api}",status="${status}"\\} (\\d+)`).exec(text)?.[1] ?? 0,
    );
  };

  it("backend resets mid-response: the client's response breaks off, counted as 502, the next request is fine", async () => {
    faulty.mode = "reset-mid-body";
    const before = await metric("faulty", 502);
    const results = await Promise.all(Array.from({ length: 5 }, () => get(`${gateway.url}/faulty/x`)));
    // The head (200) was already sent: the body breaks off, and the client sees an error, never a
    // short body taken for a whole one.
    for (const r of results) expect(typeof r).toBe("string");
    await sleep(100);
    expect((await metric("faulty", 502)) - before).toBe(5);
    faulty.mode = "ok";
    expect(await get(`${gateway.url}/faulty/x`)).toBe(200);
  });

  it("backend slow: 504 after readTimeout, the other API answers meanwhile", async () => {
    faulty.mode = "slow";
    const slow = Array.from({ length: 4 }, () => get(`${gateway.url}/faulty/x`));
    const slowDone = Promise.all(slow).then((statuses) => ({ statuses, at: Date.now() }));
    await sleep(100);
    expect(await get(`${gateway.url}/healthy/x`)).toBe(200);
    const healthyAt = Date.now();
    const { statuses, at } = await slowDone;
    expect(statuses).toEqual([504, 504, 504, 504]);
    expect(healthyAt).toBeLessThan(at);
    faulty.mode = "ok";
  });

  it("the pool is full: queued requests time out with readTimeout, past the queue limit 503 at once", async () => {
    faulty.mode = "slow";
    // 4 connections busy, 4 queued, the rest refused at once.
    const all = Array.from({ length: 12 }, () => {
      const t = Date.now();
      return get(`${gateway.url}/faulty/x`).then((s) => ({ s, ms: Date.now() - t }));
    });
    const results = await Promise.all(all);
    const refused = results.filter((r) => r.s === 503);
    const timedOut = results.filter((r) => r.s === 504);
    expect(refused.length).toBe(4);
    expect(timedOut.length).toBe(8);
    // Refused at once, before any readTimeout (800 ms) ran out.
    for (const r of refused) expect(r.ms).toBeLessThan(Math.min(...timedOut.map((x) => x.ms)));
    // Queued ones waited at most readTimeout for a connection, not readTimeout and then another.
    for (const r of timedOut) expect(r.ms).toBeLessThan(1600);
    faulty.mode = "ok";
    expect(await get(`${gateway.url}/faulty/x`)).toBe(200);
  });

  it("backend down, then back on the same port: 502 while down, 200 after", async () => {
    const port = faulty.port;
    await stop(faulty.server);
    expect(await get(`${gateway.url}/faulty/x`)).toBe(502);
    expect(await get(`${gateway.url}/healthy/x`)).toBe(200);
    faulty = await startFaultyBackend(port);
    let status: number | string = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = await get(`${gateway.url}/faulty/x`);
      if (status !== 200) await sleep(100);
    }
    expect(status).toBe(200);
  });

  it("100 stalled uploads: the other API answers, and the stalled API recovers after the body timeout", async () => {
    const sockets = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const s = connect(gateway.httpPort!, "127.0.0.1");
        s.on("error", () => {});
        await once(s, "connect");
        s.resume(); // read what comes back, so the gateway's close is seen
        s.write("POST /faulty/upload HTTP/1.1\r\nHost: gw\r\nContent-Length: 100000\r\n\r\nabc");
        return s;
      }),
    );
    await sleep(200);
    expect(await get(`${gateway.url}/healthy/x`)).toBe(200);
    // The stalled bodies are abandoned after SLUICE_BODY_TIMEOUT_MS (1 s) without a byte, which
    // frees the pool; those answered first (503, or 504 after readTimeout) get the same second
    // after their answer to send the rest, then are closed too.
    await sleep(2500);
    expect(await get(`${gateway.url}/faulty/x`)).toBe(200);
    expect(sockets.filter((s) => !s.destroyed).length).toBe(0);
  });
});

describe("SIGTERM under load", () => {
  let backend: Server;
  let port = 0;
  let received = 0;
  beforeAll(async () => {
    backend = createServer((req, res) => {
      received++;
      req.resume();
      setTimeout(() => res.end("done"), 30);
    });
    backend.listen(0, "127.0.0.1");
    await once(backend, "listening");
    port = (backend.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await stop(backend);
  });

  it("every request that reached the backend gets its complete response; the process exits 0", async () => {
    const gateway = await startGatewayProcess(
      { "a.yaml": proxyApi("alpha", "/alpha", `http://127.0.0.1:${port}`) },
      { SLUICE_TEST_SIGNALS: "1", SLUICE_DRAIN_TIMEOUT_MS: "5000" },
    );
    const pool = new Pool(gateway.url, { connections: 20 });
    let ok = 0;
    let broken = 0;
    let refused = 0;
    let stopped = false;
    const worker = async () => {
      while (!stopped) {
        try {
          const res = await pool.request({ path: "/alpha/x", method: "GET" });
          const body = await res.body.text();
          if (res.statusCode === 200 && body === "done") ok++;
          else broken++;
        } catch (error) {
          const code = (error as { code?: string }).code ?? "";
          // No connection, or a keep-alive connection the gateway closed before this request
          // reached it: never started. Anything else is a request lost mid-way.
          if (["ECONNREFUSED", "UND_ERR_SOCKET", "ECONNRESET"].includes(code)) refused++;
          else broken++;
          await sleep(20);
        }
      }
    };
    const workers = Array.from({ length: 20 }, worker);
    await sleep(800);
    const exited = new Promise<number | null>((r) => gateway.child.once("exit", r));
    gateway.child.kill("SIGTERM");
    const code = await exited;
    await sleep(200);
    stopped = true;
    await Promise.all(workers);
    await pool.destroy();
    expect(code).toBe(0);
    expect(ok).toBeGreaterThan(10);
    expect(broken).toBe(0);
    // Every request the backend saw was answered completely to its client.
    expect(ok).toBe(received);
    void refused;
  });
});
