// Runs `sluice test`'s cases against the compiled bundle: a stand-in HTTP backend (it also serves
// the JWKS of the runner's test keys), the gateway bundle started as a child process on free ports
// (exactly what production runs), requests per case; message cases publish through the gateway
// or straight to the real broker. The gateway's output is kept and shown only when it does not start.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { JWK } from "jose";
import { Agent, fetch as undiciFetch } from "undici";
import { INTROSPECTION_PATH } from "./stand-ins.ts";
import type { Publish, TestCase } from "./test-cases.ts";

export interface StandIn {
  url: string;
  /** The requests received, in order: the API (first path segment) and the headers. */
  received: Array<{ api: string; headers: IncomingHttpHeaders }>;
  /** JWKS documents to serve, by path. */
  jwks: Map<string, { keys: JWK[] }>;
  /** Token introspection answers (RFC 7662), by token, served at INTROSPECTION_PATH. */
  introspection: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const received: StandIn["received"] = [];
  const jwks = new Map<string, { keys: JWK[] }>();
  const introspection = new Map<string, Record<string, unknown>>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (url.pathname === INTROSPECTION_PATH) {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(introspection.get(url.searchParams.get("token") ?? "") ?? { active: false }));
      return;
    }
    const doc = jwks.get(req.url ?? "");
    if (doc) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(doc));
      return;
    }
    received.push({ api: (req.url ?? "").split("/")[1] ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "x-sluice-stand-in": "1" });
      res.end(JSON.stringify({ standIn: true, method: req.method, url: req.url }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    jwks,
    introspection,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Whether a TCP connection to `host:port` opens within a second. */
export function probe(hostPort: string): Promise<boolean> {
  const i = hostPort.lastIndexOf(":");
  const host = hostPort.slice(0, i).replace(/^\[|\]$/g, "");
  const port = Number(hostPort.slice(i + 1));
  if (i < 0 || !Number.isInteger(port)) return Promise.resolve(false);
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 1000 });
    const end = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.once("connect", () => end(true));
    socket.once("timeout", () => end(false));
    socket.once("error", () => end(false));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface RunningBundle {
  url: string;
  /** The HTTPS listener, when the bundle was started with TLS. */
  httpsUrl?: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node BUNDLE` and waits until its traffic port answers (any status). */
export async function startBundle(
  bundle: string,
  env: NodeJS.ProcessEnv,
  tls?: { certFile: string; keyFile: string; clientCaFile: string },
): Promise<RunningBundle> {
  const [http, admin, https] = [await freePort(), await freePort(), await freePort()];
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [bundle], {
    env: {
      ...env,
      SLUICE_HTTP_PORT: String(http),
      SLUICE_ADMIN_PORT: String(admin),
      SLUICE_HOST: "127.0.0.1",
      ...(tls
        ? {
            SLUICE_HTTPS_PORT: String(https),
            SLUICE_TLS_CERT: tls.certFile,
            SLUICE_TLS_KEY: tls.keyFile,
            SLUICE_TLS_CLIENT_CA: tls.clientCaFile,
          }
        : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${http}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null)
      throw new BundleError(`the gateway exited with code ${child.exitCode}`, output);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      // Ready: the admin port says so once every API's endpoints connected (brokers included).
      const readyBy = Date.now() + 15000;
      while (Date.now() < readyBy) {
        const res = await fetch(`http://127.0.0.1:${admin}/health/ready`, {
          signal: AbortSignal.timeout(1000),
        }).catch(() => undefined);
        await res?.body?.cancel();
        if (res?.ok) break;
        await sleep(200);
      }
      return { url, ...(tls ? { httpsUrl: `https://127.0.0.1:${https}` } : {}), output: () => output, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new BundleError("the gateway did not answer within 30 s", output);
      }
      await sleep(150);
    }
  }
}

export class BundleError extends Error {
  readonly output: string;
  constructor(message: string, output: string) {
    super(message);
    this.output = output;
  }
}

export interface Outcome {
  test: TestCase;
  ok: boolean;
  detail: string;
  ms: number;
}

export async function runCase(
  test: TestCase,
  bundle: RunningBundle,
  standIn: StandIn,
  ca?: string,
): Promise<Outcome> {
  const started = Date.now();
  const done = (ok: boolean, detail: string): Outcome => ({ test, ok, detail, ms: Date.now() - started });
  const gateway = bundle.url;
  const tls = test.request.tls;
  if (tls && (!bundle.httpsUrl || !ca)) return done(false, "the gateway has no HTTPS listener");
  // A client certificate: over HTTPS, through undici's Agent (global fetch takes no certificate).
  const agent = tls ? new Agent({ connect: { ca, cert: tls.cert, key: tls.key } }) : undefined;
  const send = (signal?: AbortSignal): Promise<Response> =>
    agent
      ? (undiciFetch(`${bundle.httpsUrl}${test.request.path}`, {
          method: test.request.method,
          headers: test.request.headers,
          dispatcher: agent,
          signal: signal ?? AbortSignal.timeout(10000),
        }) as unknown as Promise<Response>)
      : fetch(`${gateway}${test.request.path}`, {
          method: test.request.method,
          headers: test.request.headers,
          signal: signal ?? AbortSignal.timeout(10000),
        });
  try {
    const expect = test.expect;
    if (expect.kind === "rate-limit") return done(...(await rateLimit(send, expect.limit)));
    if (expect.kind === "delivery") return done(...(await delivery(test, expect.publish, gateway)));
    const before = standIn.received.length;
    const res = await send();
    const seen = standIn.received.slice(before).filter((r) => r.api === test.api);
    const reached = seen.length > 0;
    switch (expect.kind) {
      case "stand-in": {
        await res.body?.cancel();
        if (!reached || res.status >= 500)
          return done(false, `${res.status}, the backend was ${reached ? "" : "not "}called`);
        if (expect.header) {
          const got = seen[0]!.headers[expect.header.name.toLowerCase()];
          const problem = headerProblem(
            expect.header,
            Array.isArray(got) ? got.join(", ") : got,
            "the backend",
          );
          if (problem) return done(false, problem);
          return done(
            true,
            `${res.status}, the backend ${expect.header.absent ? "did not get" : "got"} ${expect.header.name}`,
          );
        }
        return done(true, `${res.status} from the stand-in`);
      }
      case "status": {
        await res.body?.cancel();
        const ok = res.status === expect.status && !reached;
        return done(
          ok,
          ok ? `${res.status}` : `${res.status}${reached ? ", and the backend was called" : ""}`,
        );
      }
      case "response": {
        const body = await res.text();
        if (expect.status !== undefined && res.status !== expect.status)
          return done(false, `${res.status}, not ${expect.status}`);
        if (expect.standIn === false && reached)
          return done(false, `${res.status}, and the backend was called`);
        if (expect.body !== undefined && body !== expect.body)
          return done(
            false,
            `${res.status} with ${JSON.stringify(body.slice(0, 80))}, not the mock's content`,
          );
        if (expect.header) {
          const problem = headerProblem(
            expect.header,
            res.headers.get(expect.header.name) ?? undefined,
            "the response",
          );
          if (problem) return done(false, problem);
        }
        return done(
          true,
          `${res.status}${expect.body !== undefined ? ", the mock's content" : ""}${expect.header ? `, ${expect.header.name} ${expect.header.absent ? "absent" : "present"}` : ""}`,
        );
      }
      case "messages": {
        const type = res.headers.get("content-type") ?? "";
        const first = await firstChunk(res);
        const ok = res.status === 200 && type.startsWith(expect.contentType) && first.length > 0;
        return done(ok, ok ? `200 ${expect.contentType}` : `${res.status} ${type || "no content type"}`);
      }
    }
  } catch (error) {
    return done(false, error instanceof Error ? error.message : String(error));
  } finally {
    await agent?.close();
  }
  return done(false, "no such expectation");
}

function headerProblem(
  check: { name: string; value?: string; absent?: boolean },
  got: string | undefined,
  who: string,
) {
  if (check.absent) return got === undefined ? undefined : `${who} got ${check.name}: ${got}`;
  if (got === undefined) return `${who} did not get ${check.name}`;
  if (check.value !== undefined && got !== check.value)
    return `${who} got ${check.name}: ${got}, not ${check.value}`;
  return undefined;
}

async function firstChunk(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunk = await reader.read();
  await reader.cancel();
  return chunk.value ? new TextDecoder().decode(chunk.value) : "";
}

/**
 * limit+1 requests at once. Counters run in fixed windows, so a burst can straddle a window's end
 * and pass whole: then it is sent again (three bursts at most), and the next window trips.
 */
async function rateLimit(send: () => Promise<Response>, limit: number): Promise<[boolean, string]> {
  let statuses: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const answers = await Promise.all(Array.from({ length: limit + 1 }, () => send()));
    statuses = answers.map((r) => r.status);
    await Promise.all(answers.map((r) => r.body?.cancel()));
    const refused = statuses.filter((s) => s === 429).length;
    if (refused > 0) return [true, `${statuses.length - refused} answered, ${refused} refused with 429`];
  }
  const counts = [...new Set(statuses)].map((s) => `${statuses.filter((x) => x === s).length}× ${s}`);
  return [false, `no 429 in three bursts of ${limit + 1} requests (the last: ${counts.join(", ")})`];
}

/**
 * Opens the reading request first (a subscription sees only messages published after it), then
 * publishes a unique message every half second until the reader has it or 20 s passed.
 */
async function delivery(test: TestCase, publish: Publish, gateway: string): Promise<[boolean, string]> {
  const marker = `sluice-test-${randomUUID()}`;
  const payload = JSON.stringify({ sluiceTest: marker });
  const deadline = Date.now() + 20000;
  const publisher = await publisherFor(publish, gateway);
  let published = 0;
  let lastError = "";
  const stop = new AbortController();
  const publishing = (async () => {
    await sleep(300);
    while (!stop.signal.aborted && Date.now() < deadline) {
      try {
        await publisher.send(payload);
        published++;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      await sleep(500, undefined, { signal: stop.signal }).catch(() => undefined);
    }
  })();
  try {
    let cursor = "";
    while (Date.now() < deadline) {
      const signal = AbortSignal.timeout(Math.max(1000, deadline - Date.now()));
      const url = cursor
        ? `${test.request.path}${test.request.path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`
        : test.request.path;
      const res = await fetch(`${gateway}${url}`, { headers: test.request.headers, signal });
      if (res.status !== 200) {
        await res.body?.cancel();
        return [false, `GET answered ${res.status}`];
      }
      if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
        const reader = res.body!.getReader();
        let text = "";
        while (Date.now() < deadline) {
          const chunk = await reader.read();
          if (chunk.done) break;
          text += new TextDecoder().decode(chunk.value);
          if (text.includes(marker)) {
            await reader.cancel();
            return [true, `arrived after ${published} publication${published === 1 ? "" : "s"}`];
          }
        }
        await reader.cancel();
        continue;
      }
      const text = await res.text();
      if (text.includes(marker))
        return [true, `arrived after ${published} publication${published === 1 ? "" : "s"}`];
      try {
        cursor = String(
          (JSON.parse(text) as { pagination?: { nextCursor?: string } }).pagination?.nextCursor ?? cursor,
        );
      } catch {}
    }
    return [
      false,
      `not delivered within 20 s (${published} published${lastError ? `; last publish error: ${lastError}` : ""})`,
    ];
  } finally {
    stop.abort();
    await publishing;
    await publisher.close();
  }
}

async function publisherFor(
  publish: Publish,
  gateway: string,
): Promise<{ send(payload: string): Promise<void>; close(): Promise<void> }> {
  if (publish.via === "http-post")
    return {
      async send(payload) {
        const res = await fetch(`${gateway}${publish.path}`, {
          method: "POST",
          headers: publish.headers,
          body: payload,
          signal: AbortSignal.timeout(5000),
        });
        await res.body?.cancel();
        if (res.status >= 300) throw new Error(`POST answered ${res.status}`);
      },
      async close() {},
    };
  if (publish.via === "mqtt5") {
    const { default: mqtt } = await import("mqtt");
    const client = await mqtt.connectAsync(publish.url, {
      protocolVersion: 5,
      connectTimeout: 5000,
      reconnectPeriod: 0,
      ...(publish.username !== undefined ? { username: publish.username } : {}),
      ...(publish.password !== undefined ? { password: publish.password } : {}),
    });
    return {
      async send(payload) {
        await client.publishAsync(publish.topic, payload, { qos: 1 });
      },
      close: () => client.endAsync(),
    };
  }
  const { Kafka, logLevel } = await import("kafkajs");
  const producer = new Kafka({
    clientId: "sluice-test",
    brokers: publish.brokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  return {
    async send(payload) {
      await producer.send({ topic: publish.topic, messages: [{ value: payload }] });
    },
    close: () => producer.disconnect(),
  };
}
