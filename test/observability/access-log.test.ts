// The access log and the metrics of one gateway, end to end: a keyed request (API-key plan with a
// Subscription) to a real echo backend, the same client over its rate limit (429), a request no API
// takes (404), and a message session (http-get over the mock endpoint, message lines sampled).
// Each exchange's line is asserted field by field, and /metrics for the same exchanges.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { messageApi, waitReady } from "../message/message-api.ts";

const KEY = randomBytes(24).toString("hex");

const SHOP = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: shop
spec:
  name: Shop
  version: "1"
  type: PROXY
  analytics:
    enabled: true
    logging:
      mode: { entrypoint: true, endpoint: false }
      phase: { request: true, response: true }
      content: { headers: true, payload: false }
      condition: "{#request.headers['x-debug'] != null}"
  listeners:
    - type: HTTP
      paths:
        - path: /shop
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: echo
          type: http-proxy
          configuration:
            target: \${ECHO_URL}
  plans:
    partners:
      name: Partners
      security:
        type: API_KEY
      flows:
        - name: limit
          selectors:
            - type: HTTP
              path: /
              pathOperator: STARTS_WITH
          request:
            - policy: rate-limit
              configuration:
                rate:
                  limit: 1
                  periodTime: 1
                  periodTimeUnit: HOURS
---
apiVersion: gravitee.io/v1alpha1
kind: Application
metadata:
  name: portal
spec:
  name: Partner portal
  settings:
    app:
      type: backend
---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata:
  name: portal-shop
spec:
  api:
    name: shop
  application:
    name: portal
  plan: partners
  apiKeys:
    - key: \${SHOP_KEY}
`;

const TICKER = messageApi({
  name: "ticker",
  path: "/ticker",
  entrypoints: "        - type: http-get\n",
  mock: "            messageInterval: 5\n            messageContent: tick\n            messageCount: 4\n",
  extra: `  analytics:
    sampling:
      type: COUNT
      value: "2"
    logging:
      content: { messagePayload: true }
`,
});

type Line = Record<string, unknown>;

describe("access log and metrics through a compiled gateway", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;
  let file: string;

  const lines = async (count: number): Promise<Line[]> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const text = await readFile(file, "utf8").catch(() => "");
      const all = text.split("\n").filter((l) => l !== "");
      if (all.length >= count || Date.now() > deadline) return all.map((l) => JSON.parse(l) as Line);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    backend = await startEchoBackend();
    file = join(process.cwd(), ".tmp", "tests", `access-${randomBytes(6).toString("hex")}`, "access.log");
    gateway = await startTestGateway(
      { "shop.yaml": SHOP, "ticker.yaml": TICKER },
      { ECHO_URL: backend.url, SHOP_KEY: KEY, SLUICE_ACCESS_LOG: file },
    );
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close(); // a second close does nothing
    await backend?.close();
  });

  it("writes one line per exchange with Gravitee's fields, secrets masked", async () => {
    const keyed = await fetch(`${gateway.url}/shop/items?api-key=${KEY}&page=2`, {
      headers: { "user-agent": "obs-test/1", "x-debug": "1", cookie: "session=s3cr3t" },
    });
    expect(keyed.status).toBe(200);
    await keyed.text();
    const limited = await fetch(`${gateway.url}/shop/items`, {
      headers: {
        "x-gravitee-api-key": KEY,
        "x-gravitee-transaction-id": "tx-42",
        "user-agent": "obs-test/1",
      },
    });
    expect(limited.status).toBe(429);
    await limited.text();
    const missing = await fetch(`${gateway.url}/nowhere`, { headers: { "user-agent": "obs-test/1" } });
    expect(missing.status).toBe(404);
    await missing.text();

    const [ok, tooMany, notFound] = await lines(3);
    const id = keyed.headers.get("x-gravitee-request-id");
    expect(ok).toMatchObject({
      type: "request",
      requestId: id,
      transactionId: id,
      apiId: "shop",
      apiName: "Shop",
      apiType: "PROXY",
      planId: "partners",
      applicationId: "portal",
      subscriptionId: "portal-shop",
      securityType: "API_KEY",
      clientIdentifier: "portal-shop",
      entrypointId: "http-proxy",
      httpMethod: "GET",
      uri: "/shop/items?api-key=***&page=2",
      pathInfo: "/items",
      host: `127.0.0.1:${gateway.httpPort}`,
      status: 200,
      remoteAddress: "127.0.0.1",
      localAddress: "127.0.0.1",
      userAgent: "obs-test/1",
      endpoint: "echo",
      responseContentLength: Number(keyed.headers.get("content-length")),
    });
    expect(ok!.errorKey).toBeUndefined();
    expect(Date.parse(String(ok!.timestamp))).toBeGreaterThan(Date.now() - 60_000);
    const total = ok!.gatewayResponseTimeMs as number;
    const endpoint = ok!.endpointResponseTimeMs as number;
    expect(endpoint).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(endpoint);
    expect(ok!.gatewayLatencyMs).toBeCloseTo(total - endpoint, 2);
    // The logging condition held (x-debug): the client's headers, secrets masked.
    const log = ok!.log as {
      entrypointRequest: { headers: Record<string, string> };
      entrypointResponse: { status: number };
    };
    expect(log.entrypointRequest.headers["user-agent"]).toBe("obs-test/1");
    expect(log.entrypointRequest.headers.cookie).toBe("***");
    expect(log.entrypointResponse.status).toBe(200);
    expect(JSON.stringify(ok)).not.toContain(KEY);

    expect(tooMany).toMatchObject({
      requestId: limited.headers.get("x-gravitee-request-id"),
      transactionId: "tx-42",
      apiId: "shop",
      planId: "partners",
      applicationId: "portal",
      subscriptionId: "portal-shop",
      status: 429,
      errorKey: "RATE_LIMIT_TOO_MANY_REQUESTS",
      uri: "/shop/items",
    });
    // Refused before the endpoint: no endpoint, no endpoint time, no content log (no x-debug).
    expect(tooMany!.endpoint).toBeUndefined();
    expect(tooMany!.endpointResponseTimeMs).toBeUndefined();
    expect(tooMany!.log).toBeUndefined();
    expect(JSON.stringify(tooMany)).not.toContain(KEY);

    expect(notFound).toMatchObject({ type: "request", httpMethod: "GET", uri: "/nowhere", status: 404 });
    expect(notFound!.apiId).toBeUndefined();
    expect(notFound!.requestId).toBeUndefined();

    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    const value = (series: string) =>
      Number(
        metrics
          .split("\n")
          .find((l) => l.startsWith(`${series} `))
          ?.slice(series.length + 1),
      );
    expect(
      value('sluice_plan_requests_total{api="shop",plan="partners",application="portal",status="200"}'),
    ).toBe(1);
    expect(
      value('sluice_plan_requests_total{api="shop",plan="partners",application="portal",status="429"}'),
    ).toBe(1);
    expect(value('sluice_requests_total{api="",status="404"}')).toBe(1);
    expect(value('sluice_endpoint_duration_seconds_count{api="shop"}')).toBe(1);
    expect(value('sluice_gateway_latency_seconds_count{api="shop"}')).toBe(1);
    expect(value('sluice_request_duration_seconds_count{api="shop"}')).toBe(2);
    expect(value('sluice_endpoint_up{api="shop",group="backend",endpoint="echo"}')).toBe(1);
    expect(value("sluice_access_log_lines_total")).toBe(3);
    expect(value("sluice_access_log_dropped_lines_total")).toBe(0);
  });

  it("writes a message session's line with its counts, and the sampled messages' lines", async () => {
    const before = (await lines(3)).length;
    const res = await fetch(`${gateway.url}/ticker?limit=4`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: unknown[] };
    expect(body.items).toHaveLength(4);
    const id = res.headers.get("x-gravitee-request-id");
    // COUNT 2: messages 1 and 3 get their own line; then the session's line.
    const all = (await lines(before + 3)).slice(before);
    const messages = all.filter((l) => l.type === "message");
    expect(messages).toEqual([
      expect.objectContaining({ requestId: id, apiId: "ticker", operation: "subscribe", payload: "tick" }),
      expect.objectContaining({ requestId: id, apiId: "ticker", operation: "subscribe", payload: "tick" }),
    ]);
    const session = all.find((l) => l.type === "request");
    expect(session).toMatchObject({
      requestId: id,
      apiId: "ticker",
      apiType: "MESSAGE",
      planId: "free",
      applicationId: "1",
      entrypointId: "http-get",
      endpoint: "mock",
      status: 200,
      subscribeCount: 4,
      publishCount: 0,
      messageErrors: 0,
    });
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toContain(
      'sluice_messages_total{api="ticker",entrypoint="http-get",endpoint="mock",operation="subscribe"} 4\n',
    );
    expect(metrics).toContain('sluice_endpoint_up{api="ticker",group="mock-group",endpoint="mock"} 1\n');
  });

  it("writes every pending line when the gateway stops (SIGTERM's drain)", async () => {
    const before = (await readFile(file, "utf8")).split("\n").filter((l) => l !== "").length;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${gateway.url}/nowhere/${i}`);
      await res.text();
      ids.push(`/nowhere/${i}`);
    }
    await gateway.close();
    // Read at once: the lines waiting for the next batch were written by close().
    const after = (await readFile(file, "utf8")).split("\n").filter((l) => l !== "");
    expect(after.slice(before).map((l) => (JSON.parse(l) as Line).uri)).toEqual(ids);
  });
});
