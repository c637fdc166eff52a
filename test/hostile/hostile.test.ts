// Hostile requests against a compiled gateway (cases.ts: one row a case; harness.ts: the rig),
// then the HTTP/2 attacks that need a live connection (rapid reset, reset mid-upload, stream
// limits, idle sessions), abandoned exchanges in /metrics, and the admin port's exposure.

import { connect as connectHttp2 } from "node:http2";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { ROWS, type Row } from "./cases.ts";
import {
  h2,
  h2Exchange,
  h2RawExchange,
  type RecordingBackend,
  rawExchange,
  type Seen,
  startHostileGateway,
  startRecordingBackend,
} from "./harness.ts";

let backend: RecordingBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startRecordingBackend();
  gateway = await startHostileGateway(backend);
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What arrived for this row, once the backend has had a moment to record it. */
async function arrived(row: string, expectSome: boolean): Promise<Seen[]> {
  for (let i = 0; i < (expectSome ? 40 : 4); i++) {
    const got = backend.seen.filter((s) => s.row === row);
    if (expectSome && got.length > 0) return got;
    await sleep(25);
  }
  return backend.seen.filter((s) => s.row === row);
}

async function send(row: Row, tag: string) {
  if (row.h1) {
    const parts = row.h1.map((p, i) => {
      if (i !== 0 || typeof p !== "string") return p;
      const eol = p.indexOf("\n");
      // Each row is its own client for the rate limit, unless it says otherwise.
      const client = /x-client:/i.test(p) ? "" : `X-Client: ${tag}\r\n`;
      return eol < 0 ? p : `${p.slice(0, eol + 1)}X-Row: ${tag}\r\n${client}${p.slice(eol + 1)}`;
    });
    const r = await rawExchange(gateway.httpPort!, parts, row.waitMs ?? 1500);
    return { status: r.status, headers: r.headers, body: r.body, closedAfterMs: r.closedAfterMs };
  }
  if (row.h2raw) {
    const r = await h2RawExchange(gateway.httpPort!, row.h2raw(tag), row.waitMs ?? 1500);
    return {
      status: r.status,
      headers: {} as Record<string, string>,
      body: "",
      closedAfterMs: r.closedAfterMs,
    };
  }
  const r = await h2Exchange(
    gateway.httpPort!,
    { "x-client": tag, ...row.h2!.headers, "x-row": tag },
    row.h2!.body,
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) headers[k] = String(v);
  return { status: r.status, headers, body: r.body, closedAfterMs: undefined };
}

describe(`hostile table (${ROWS.length} rows)`, () => {
  ROWS.forEach((row, index) => {
    const run = row.todo ? it.todo : it;
    run(row.id, async () => {
      const tag = `row-${index}`;
      const got = await send(row, tag);
      if (row.status === "closed") expect(got.status, "no response expected").toBeUndefined();
      else expect(got.status).toBe(row.status);
      if (row.closesWithinMs !== undefined) {
        expect(got.closedAfterMs, "the gateway closes the connection").toBeDefined();
        expect(got.closedAfterMs!).toBeLessThanOrEqual(row.closesWithinMs);
      }
      for (const name of row.response?.lacks ?? []) expect(got.headers, name).not.toHaveProperty(name);
      for (const [name, value] of Object.entries(row.response?.has ?? {}))
        expect(got.headers[name]).toBe(value);
      if (row.response?.body !== undefined) expect(got.body).toBe(row.response.body);

      const expectation =
        row.backend ?? (row.status === "closed" || row.status >= 400 ? ("none" as const) : undefined);
      if (expectation === undefined) return;
      const seen = await arrived(tag, expectation !== "none");
      if (expectation === "none") {
        expect(
          seen.map((s) => s.url),
          "nothing reaches the backend",
        ).toEqual([]);
        return;
      }
      if (expectation.optional && seen.length === 0) return;
      expect(seen).toHaveLength(1);
      const s = seen[0]!;
      if (expectation.url !== undefined) expect(s.url).toBe(expectation.url);
      if (expectation.flow !== undefined) expect(s.headers["x-admin-flow"] === "ran").toBe(expectation.flow);
      for (const name of expectation.lacks ?? []) expect(s.headers, name).not.toHaveProperty(name);
      for (const [name, value] of Object.entries(expectation.has ?? {})) expect(s.headers[name]).toBe(value);
      if (expectation.outcome !== undefined) {
        await sleep(50);
        expect(s.outcome).toBe(expectation.outcome);
      }
      if (expectation.abandoned !== undefined) expect(s.abandoned).toBe(expectation.abandoned);
    });
  });
});

describe("HTTP/2 attacks on a live connection", () => {
  it("rapid reset: streams reset right after their HEADERS are not forwarded, and the connection gets GOAWAY", async () => {
    const session = connectHttp2(gateway.url);
    session.on("error", () => {});
    let goaway: number | undefined;
    session.on("goaway", (code: number) => {
      goaway = code;
    });
    await new Promise((r) => session.once("connect", r));
    let sent = 0;
    for (let i = 0; i < 200 && !session.closed && !session.destroyed; i++) {
      const stream = session.request({ ":path": `/public/rapid/${i}`, "x-row": "rapid-reset" });
      stream.on("error", () => {});
      // HEADERS on the wire, then RST_STREAM(CANCEL) at once.
      stream.close(h2.NGHTTP2_CANCEL);
      sent++;
      if (i % 20 === 19) await sleep(5);
    }
    await sleep(500);
    session.destroy();
    expect(sent).toBeGreaterThan(50);
    expect(goaway).toBe(h2.NGHTTP2_ENHANCE_YOUR_CALM);
    const forwarded = backend.seen.filter((s) => s.row === "rapid-reset").length;
    // The gateway sees the reset before it looks at the stream; only a stream whose RST arrived in
    // a later read can have started upstream, and then it was aborted.
    expect(forwarded).toBeLessThan(sent / 4);
  });

  it("a client reset mid-upload aborts the upstream request (as on HTTP/1.1)", async () => {
    const session = connectHttp2(gateway.url);
    session.on("error", () => {});
    const stream = session.request({
      ":path": "/public/upload",
      ":method": "POST",
      "x-row": "h2-reset-upload",
    });
    stream.on("error", () => {});
    stream.write("x".repeat(1000));
    const seen = (async () => {
      for (let i = 0; i < 80; i++) {
        const s = backend.seen.find((x) => x.row === "h2-reset-upload");
        if (s) return s;
        await sleep(25);
      }
      return undefined;
    })();
    await sleep(300);
    stream.destroy(); // RST_STREAM without END_STREAM: the body is incomplete
    const s = await seen;
    session.destroy();
    expect(s?.outcome).toBe("aborted");
  });

  it("a client reset while the backend is slow aborts the upstream request", async () => {
    const session = connectHttp2(gateway.url);
    session.on("error", () => {});
    const stream = session.request({ ":path": "/public/answer/no-answer", "x-row": "h2-reset-wait" });
    stream.on("error", () => {});
    await sleep(300);
    stream.close(h2.NGHTTP2_CANCEL);
    await sleep(300);
    session.destroy();
    const s = backend.seen.find((x) => x.row === "h2-reset-wait");
    expect(s?.abandoned).toBe(true);
  });

  it("streams beyond SETTINGS_MAX_CONCURRENT_STREAMS are refused", async () => {
    const session = connectHttp2(gateway.url);
    session.on("error", () => {});
    await new Promise((r) => session.once("remoteSettings", r));
    expect(session.remoteSettings.maxConcurrentStreams).toBe(20);
    session.destroy();
  });

  it("an idle HTTP/2 connection is closed", async () => {
    const started = Date.now();
    const session = connectHttp2(gateway.url);
    session.on("error", () => {});
    await new Promise((r) => session.once("close", r));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("connections per client IP", () => {
  it("past SLUICE_MAX_CONNECTIONS_PER_IP, a new connection is closed at once", async () => {
    const g = await startTestGateway(
      { "a.yaml": (await import("../helpers/specs.ts")).proxyApi("a", "/a", "http://127.0.0.1:1") },
      { SLUICE_MAX_CONNECTIONS_PER_IP: "2" },
    );
    try {
      const open = () =>
        new Promise<{ closed: Promise<void>; end(): void }>((resolve) => {
          const s = connect(g.httpPort!, "127.0.0.1");
          s.on("error", () => {});
          s.resume();
          const closed = new Promise<void>((r) => s.once("close", () => r()));
          s.once("connect", () => resolve({ closed, end: () => s.destroy() }));
        });
      const first = await open();
      const second = await open();
      const third = await open();
      const closedSoon = (c: { closed: Promise<void> }) =>
        Promise.race([c.closed.then(() => true), sleep(300).then(() => false)]);
      expect(await closedSoon(third)).toBe(true);
      expect(await closedSoon(first)).toBe(false);
      expect(await closedSoon(second)).toBe(false);
      // A connection that closes gives its place back.
      first.end();
      await first.closed;
      await sleep(100);
      const fourth = await open();
      expect(await closedSoon(fourth)).toBe(false);
      fourth.end();
    } finally {
      await g.close();
    }
  });
});

describe("metrics and the admin port", () => {
  it("an exchange the client abandoned is counted as 499, not 200", async () => {
    const socket = connect(gateway.httpPort!, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write("GET /public/answer/no-answer HTTP/1.1\r\nHost: gw\r\n\r\n");
    await sleep(300);
    socket.destroy();
    await sleep(200);
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/sluice_requests_total\{api="public",status="499"\} [1-9]/);
  });

  it("binds 127.0.0.1 unless SLUICE_ADMIN_HOST says otherwise; a token guards /metrics and /info", async () => {
    const g = await startTestGateway(
      {
        "a.yaml": (await import("../helpers/specs.ts")).proxyApi("a", "/a", "http://127.0.0.1:1"),
      },
      { SLUICE_HOST: "0.0.0.0", SLUICE_ADMIN_HOST: "", SLUICE_ADMIN_TOKEN: "s3cret-admin" },
    );
    try {
      // Without SLUICE_ADMIN_HOST ("" is unset here) the admin port is loopback only.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
      if (external) {
        const reach = (port: number) =>
          new Promise<boolean>((resolve) => {
            const s = connect(port, external);
            s.once("connect", () => {
              s.destroy();
              resolve(true);
            });
            s.once("error", () => resolve(false));
          });
        expect(await reach(g.httpPort!)).toBe(true);
        expect(await reach(g.adminPort)).toBe(false);
      }
      expect((await fetch(`${g.adminUrl}/health/live`)).status).toBe(200);
      expect((await fetch(`${g.adminUrl}/metrics`)).status).toBe(401);
      expect((await fetch(`${g.adminUrl}/info`, { headers: { authorization: "Bearer wrong" } })).status).toBe(
        401,
      );
      const ok = await fetch(`${g.adminUrl}/metrics`, { headers: { authorization: "Bearer s3cret-admin" } });
      expect(ok.status).toBe(200);
      expect(g.logs.join("\n")).not.toContain("s3cret-admin");
    } finally {
      await g.close();
    }
  });
});
