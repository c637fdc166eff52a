// traffic-shadowing through a compiled gateway, with real backends: the shadow endpoint gets a copy
// of the request (method, path, query, body, the step's headers) while the client gets the main
// endpoint's answer; a slow, failing or dead shadow neither slows nor fails the client; Gravitee's
// own plugin test APIs (v2 and v4, imported unchanged) run as they are.

import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importApis } from "../../compiler/import/import-apis.ts";
import {
  type EchoBackend,
  type HttpBackend,
  type Received,
  startEchoBackend,
  startHttpBackend,
} from "../helpers/backends.ts";
import { diagnose, summary } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "gravitee-plugins");

/** A v4 PROXY API on `/${name}`: the main endpoint `main`, the shadow endpoint `shadow` (its own group). */
const shadowedApi = (
  name: string,
  main: string,
  shadow: string,
  target = "{#endpoints['shadow']}",
) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /${name}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: default
      type: http-proxy
      endpoints:
        - name: main
          type: http-proxy
          configuration:
            target: ${main}
    - name: shadowGroup
      type: http-proxy
      endpoints:
        - name: shadow
          type: http-proxy
          configuration:
            target: ${shadow}
  flows:
    - name: shadowing
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
        - policy: traffic-shadowing
          configuration:
            target: "${target}"
            headers:
              - name: X-Shadow-Id
                value: id-{#request.id}
              - name: X-Empty
                value: "{#request.headers['x-absent'][0]}"
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits until `check` holds (the shadow copy arrives after the client's answer). */
async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let main: EchoBackend;
let shadow: EchoBackend;
let plugin: EchoBackend;
let slow: HttpBackend;
let failing: HttpBackend;
let slowReceived: Received[];
let gateway: TestGateway;
/** Backends that count the bytes of each body they read and answer with the count. */
let counting: HttpBackend;
let countingShadow: HttpBackend;
const shadowBytes: number[] = [];
/** A shadow that takes the request's head and then reads nothing more: it falls behind at once. */
let stalled: HttpBackend;
/** A shadow that answers its head at once, then reads nothing of the body. */
let early: HttpBackend;
/** Resets its first request's connection once it has read the body, then counts bodies like `counting`. */
let flakyOnce: HttpBackend;
const stalledRequests: IncomingMessage[] = [];
const accessLog = join(tmpdir(), `sluice-shadow-access-${process.pid}.log`);

/** Reads a body to its end and counts its bytes. */
function countBody(req: IncomingMessage): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    req.on("data", (c: Buffer) => {
      n += c.length;
    });
    req.on("end", () => resolve(n));
    req.on("error", reject);
  });
}

/** Waits until `check` resolves true, for 3 s. */
async function eventuallyAsync(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 3000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls `shadowCount` until it reaches `expected` (the copy ends after the client's answer), for 3 s. */
async function countBecomes(api: string, outcome: string, expected: number): Promise<number> {
  const until = Date.now() + 3000;
  let now = await shadowCount(api, outcome);
  while (now < expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    now = await shadowCount(api, outcome);
  }
  return now;
}

/** This API's shadow copies with `outcome`, from the admin port's /metrics. */
async function shadowCount(api: string, outcome: string): Promise<number> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  const line = text
    .split("\n")
    .find((l) =>
      l.startsWith(`sluice_shadow_requests_total{api="${api}",endpoint="shadow",outcome="${outcome}"}`),
    );
  return line ? Number(line.split(" ").at(-1)) : 0;
}

beforeAll(async () => {
  slowReceived = [];
  [main, shadow, plugin] = await Promise.all([startEchoBackend(), startEchoBackend(), startEchoBackend()]);
  slow = await startHttpBackend((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      slowReceived.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      setTimeout(() => res.end("late"), 3000);
    });
  });
  failing = await startHttpBackend((_req, res) => {
    res.statusCode = 500;
    res.end("shadow broke");
  });
  counting = await startHttpBackend(async (req, res) => res.end(String(await countBody(req))));
  countingShadow = await startHttpBackend(async (req, res) => {
    shadowBytes.push(await countBody(req));
    res.end("copied");
  });
  let flakyCalls = 0;
  flakyOnce = await startHttpBackend(async (req, res) => {
    const n = await countBody(req);
    flakyCalls++;
    if (flakyCalls === 1) {
      req.socket.destroy();
      return;
    }
    res.end(`retried ${n}`);
  });
  early = await startHttpBackend((req, res) => {
    stalledRequests.push(req);
    req.pause();
    res.writeHead(200);
    res.flushHeaders();
  });
  stalled = await startHttpBackend((req) => {
    stalledRequests.push(req);
    req.pause();
  });
  const dead = await deadPort();
  const imported = async (file: string) => {
    const text = readFileSync(join(FIXTURES, file), "utf8").replaceAll("http://localhost:8080", plugin.url);
    const result = await importApis([{ path: file, text }]);
    expect(result.failures).toEqual([]);
    return Object.fromEntries(result.apis.map((a) => [a.file, a.text]));
  };
  gateway = await startTestGateway(
    {
      "shadowed.yaml": shadowedApi("shadowed", `${main.url}/api`, `${shadow.url}/copy`),
      "slow.yaml": shadowedApi("slow", main.url, slow.url),
      "failing.yaml": shadowedApi("failing", main.url, failing.url),
      "dead.yaml": shadowedApi("dead", main.url, `http://127.0.0.1:${dead}`),
      "big.yaml": shadowedApi("big", counting.url, countingShadow.url),
      "stalled.yaml": shadowedApi("stalled", counting.url, stalled.url),
      "early.yaml": shadowedApi("early", counting.url, early.url),
      // A mock answers before the copy's invoker calls the endpoint: the copy still gets the whole body.
      "mocked.yaml": shadowedApi("mocked", counting.url, countingShadow.url).replace(
        "      request:\n",
        `      request:
        - policy: mock
          configuration:
            status: 201
            content: mocked
`,
      ),
      // Failover reads the streamed half of the body to replay it on its retry (to the group's other endpoint).
      "failing-over.yaml": shadowedApi("failing-over", flakyOnce.url, countingShadow.url)
        .replace(
          "    - name: shadowGroup\n",
          `        - name: main2
          type: http-proxy
          configuration:
            target: ${flakyOnce.url}
    - name: shadowGroup
`,
        )
        .replace(
          "  flows:\n",
          `  failover:
    enabled: true
    maxRetries: 2
    slowCallDuration: 2000
    perSubscription: false
  flows:
`,
        ),
      "by-group.yaml": shadowedApi("by-group", main.url, `${shadow.url}/group`, "shadowGroup:"),
      // dynamic-routing before the copy: the endpoint follows the route, the shadow does not.
      "routed.yaml": shadowedApi("routed", main.url, `${shadow.url}/own`).replace(
        "      request:\n",
        `      request:
        - policy: dynamic-routing
          configuration:
            rules:
              - pattern: /(.*)
                url: "{#endpoints['main']}/routed/{#group[0]}"
`,
      ),
      ...(await imported("traffic-shadowing_v2_plain.json")),
      ...(await imported("traffic-shadowing_v4_plain.json")),
      ...(await imported("traffic-shadowing_v4_el.json")),
      ...(await imported("traffic-shadowing_v4_bad-endpoint.json")),
    },
    { SLUICE_ACCESS_LOG: accessLog },
  );
});
afterAll(async () => {
  await gateway?.close();
  for (const req of stalledRequests) req.socket.destroy();
  await Promise.all(
    [main, shadow, plugin, slow, failing, counting, countingShadow, stalled, flakyOnce, early].map((b) =>
      b?.close(),
    ),
  );
});

/** Calls the gateway; the answer must be the main backend's. */
async function callMain(path: string, init?: RequestInit): Promise<{ ms: number; echoed: Received }> {
  const started = performance.now();
  const res = await fetch(`${gateway.url}${path}`, init);
  expect(res.status).toBe(200);
  expect(res.headers.get("x-backend")).toBe(String(main.port));
  const echoed = (await res.json()) as Received;
  return { ms: performance.now() - started, echoed };
}

describe("traffic-shadowing", () => {
  it("sends the shadow a copy (method, path, query, body, headers) while the client gets the main answer", async () => {
    const before = shadow.received.length;
    const { echoed } = await callMain("/shadowed/orders?x=1", {
      method: "POST",
      headers: { "content-type": "text/plain", "x-client": "c" },
      body: "A request",
    });
    expect([echoed.method, echoed.url, echoed.body]).toEqual(["POST", "/api/orders?x=1", "A request"]);
    expect(echoed.headers["x-shadow-id"]).toBeUndefined();
    await eventually(() => shadow.received.length > before);
    const copy = shadow.received.at(-1)!;
    expect([copy.method, copy.url, copy.body]).toEqual(["POST", "/copy/orders?x=1", "A request"]);
    expect(copy.headers["x-client"]).toBe("c");
    expect(copy.headers["x-shadow-id"]).toMatch(/^id-[0-9a-f-]{36}$/);
    expect(copy.headers["x-empty"]).toBeUndefined();
    expect(copy.headers.host).toBe(`127.0.0.1:${shadow.port}`);
  });

  it("a shadow slower than the client's call does not slow it", async () => {
    const before = slowReceived.length;
    const { ms, echoed } = await callMain("/slow/x", { method: "PUT", body: "payload" });
    expect(echoed.body).toBe("payload");
    expect(ms).toBeLessThan(1500);
    await eventually(() => slowReceived.length > before);
    expect(slowReceived.at(-1)!.body).toBe("payload");
  });

  it("a shadow answering 500 does not change the client's answer", async () => {
    const hits = failing.hits;
    await callMain("/failing/x");
    await eventually(() => failing.hits > hits);
  });

  it("a dead shadow neither fails nor slows the client, and the failure is logged", async () => {
    const { ms } = await callMain("/dead/x", { method: "POST", body: "b" });
    expect(ms).toBeLessThan(1500);
    await eventually(() =>
      gateway.logs.some((l) => l.includes("traffic-shadowing: the shadow request failed")),
    );
  });

  it("the copy keeps the shadow endpoint's own path when dynamic-routing routed the request", async () => {
    const before = shadow.received.length;
    const { echoed } = await callMain("/routed/r?k=v");
    expect(echoed.url).toBe("/routed/r?k=v");
    await eventually(() => shadow.received.length > before);
    expect(shadow.received.at(-1)!.url).toBe("/own/r?k=v");
  });

  it("streams a body larger than the API's body limit to both the endpoint and the shadow", async () => {
    const size = 24 * 1024 * 1024; // SLUICE_EL_BODY_LIMIT is 10 MiB: a buffered copy would be refused
    const sent = await shadowCount("big", "sent");
    const res = await fetch(`${gateway.url}/big/upload`, { method: "POST", body: Buffer.alloc(size, 7) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(String(size));
    await eventually(() => shadowBytes.length > 0, 10_000);
    expect(shadowBytes.at(-1)).toBe(size);
    expect(await countBecomes("big", "sent", sent + 1)).toBe(sent + 1);
  });

  it("a shadow that stops reading is abandoned and counted; the client's upload goes through", async () => {
    const size = 48 * 1024 * 1024; // past the socket buffers and the shadow's 1 MiB bound
    const started = performance.now();
    const res = await fetch(`${gateway.url}/stalled/upload`, { method: "POST", body: Buffer.alloc(size, 1) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(String(size));
    expect(performance.now() - started).toBeLessThan(8000);
    expect(stalledRequests.length).toBeGreaterThan(0);
    expect(await shadowCount("stalled", "abandoned")).toBe(1);
    expect(await shadowCount("stalled", "sent")).toBe(0);
    expect(gateway.logs.some((l) => l.includes("the shadow copy fell behind and was abandoned"))).toBe(true);
  });

  it("a shadow that answers before reading the body is counted sent once, its copy not fed further", async () => {
    const size = 48 * 1024 * 1024;
    const res = await fetch(`${gateway.url}/early/upload`, { method: "POST", body: Buffer.alloc(size, 5) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(String(size));
    expect(await countBecomes("early", "sent", 1)).toBe(1);
    expect(await shadowCount("early", "abandoned")).toBe(0);
  });

  it("an answer that does not call the endpoint (mock) still lets the copy have the whole body", async () => {
    const size = 256 * 1024;
    const copies = shadowBytes.length;
    const res = await fetch(`${gateway.url}/mocked/m`, { method: "POST", body: Buffer.alloc(size, 2) });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("mocked");
    await eventually(() => shadowBytes.length > copies);
    expect(shadowBytes.at(-1)).toBe(size);
  });

  it("with the API's failover, the streamed body is replayed on the retry and copied once", async () => {
    const size = 200 * 1024;
    const copies = shadowBytes.length;
    const res = await fetch(`${gateway.url}/failing-over/f`, { method: "PUT", body: Buffer.alloc(size, 3) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`retried ${size}`);
    await eventually(() => shadowBytes.length > copies);
    expect(shadowBytes.slice(copies)).toEqual([size]);
  });

  it("counts a shadow that cannot be reached as failed", async () => {
    const failed = await shadowCount("dead", "failed");
    await callMain("/dead/counted", { method: "POST", body: "b" });
    expect(await countBecomes("dead", "failed", failed + 1)).toBe(failed + 1);
    // A large body: the copy fails or falls behind first, and is counted once, not both.
    const res = await fetch(`${gateway.url}/dead/large`, { method: "POST", body: Buffer.alloc(8 << 20, 4) });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const outcomes = async () =>
      (await shadowCount("dead", "failed")) + (await shadowCount("dead", "abandoned"));
    await eventuallyAsync(async () => (await outcomes()) >= failed + 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await outcomes()).toBe(failed + 2);
  });

  it("records the endpoint's time in the access log when the copy wraps the call", async () => {
    await callMain("/shadowed/timed");
    let line: Record<string, unknown> | undefined;
    await eventually(() => {
      const text = readFileSync(accessLog, { encoding: "utf8", flag: "a+" });
      line = text
        .split("\n")
        .filter((l) => l.includes("/shadowed/timed"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)[0];
      return line !== undefined;
    });
    expect(typeof line!.endpointResponseTimeMs).toBe("number");
    expect(line!.gatewayLatencyMs as number).toBeLessThanOrEqual(line!.gatewayResponseTimeMs as number);
  });

  it("a target naming a group (`shadowGroup:`) copies to its next endpoint", async () => {
    const before = shadow.received.length;
    await callMain("/by-group/g");
    await eventually(() => shadow.received.length > before);
    expect(shadow.received.at(-1)!.url).toBe("/group/g");
  });
});

describe("traffic-shadowing (Gravitee's own test APIs)", () => {
  for (const path of ["/v2", "/v4", "/v4-el"]) {
    it(`${path}: the endpoint and the shadow both get the body; the shadow gets the step's header`, async () => {
      const seen = plugin.received.length;
      const res = await fetch(`${gateway.url}${path}`, { method: "POST", body: "A request" });
      expect(res.status).toBe(200);
      expect(((await res.json()) as Received).url).toBe("/endpoint");
      await eventually(() => plugin.received.length >= seen + 2);
      const calls = plugin.received.slice(seen);
      expect(calls.map((c) => [c.url, c.body]).sort()).toEqual([
        ["/endpoint", "A request"],
        ["/shadow-endpoint", "A request"],
      ]);
      const copy = calls.find((c) => c.url === "/shadow-endpoint")!;
      expect(copy.headers["custom-request-id-header"]).toMatch(/^id-/);
    });
  }

  it("/v4-shadow-ko: a shadow that cannot be reached leaves the call alone", async () => {
    const res = await fetch(`${gateway.url}/v4-shadow-ko`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Received).url).toBe("/endpoint");
  });

  it("a bare target naming no endpoint is a compile error on its line", () => {
    const text = shadowedApi("typo", "http://a", "http://b", "shadw");
    const found = diagnose({ "typo.yaml": text }).filter((d) => d.code === "endpoint/unknown-reference");
    expect(summary(found)).toEqual(["endpoint/unknown-reference@39:21"]);
    expect(found[0]!.hint).toContain("shadow");
  });
});
