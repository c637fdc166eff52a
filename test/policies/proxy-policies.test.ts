// Policies end to end through compiled gateways (YAML → generated TypeScript → running gateway),
// against real backends: EL templates compiled by the compiler, bodies rewritten on both sides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { type Backend, startRawEcho } from "./backends.ts";

const flows = (request: string, response = "") => `  flows:
    - name: policies
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${request}
      response:
${response || "        []"}
`;

describe("policies in compiled PROXY gateways", () => {
  let echo: EchoBackend;
  let raw: Backend;
  let gateway: TestGateway;

  beforeAll(async () => {
    echo = await startEchoBackend();
    raw = await startRawEcho();
    gateway = await startTestGateway(
      {
        "headers.yaml": proxyApi(
          "headers",
          "/headers",
          "${ECHO}",
          flows(
            `        - policy: assign-attributes
          configuration:
            attributes:
              - name: tenant
                value: "{#request.headers['x-tenant'][0]}"
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tenant-Copy
                value: "tenant={#context.attributes['tenant']}"
            removeHeaders:
              - X-Secret`,
            `        - policy: transform-headers
          configuration:
            scope: RESPONSE
            addHeaders:
              - name: X-Served-For
                value: "{#context.attributes['tenant']}"
              - name: X-Upstream-Status
                value: "{#response.status}"
            removeHeaders:
              - x-backend`,
          ),
        ),
        "limited.yaml": proxyApi(
          "limited",
          "/limited",
          "${ECHO}",
          flows(`        - policy: rate-limit
          configuration:
            addHeaders: true
            rate:
              limit: 2
              periodTime: 1
              periodTimeUnit: MINUTES`),
        ),
        "xml.yaml": proxyApi(
          "xml",
          "/xml",
          "${RAW}",
          flows(
            `        - policy: json-xml
          configuration:
            rootElement: order`,
            `        - policy: xml-json
          configuration: {}`,
          ),
        ),
        "content.yaml": proxyApi(
          "content",
          "/content",
          "${ECHO}",
          flows(
            `        - policy: assign-content
          configuration:
            body: '{"original": {#request.content}, "method": "{#request.method}"}'`,
            `        - policy: assign-content
          configuration:
            body: "status={#response.status} length={#response.content.length()}"`,
          ),
        ),
      },
      { ECHO: echo.url, RAW: raw.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await echo?.close();
    await raw?.close();
  });

  it("transform-headers rewrites request and response headers with compiled EL", async () => {
    const res = await fetch(`${gateway.url}/headers/a`, {
      headers: { "x-tenant": "acme", "x-secret": "s3" },
    });
    expect(res.status).toBe(200);
    const seen = (await res.json()) as Received;
    expect(seen.headers["x-tenant-copy"]).toBe("tenant=acme");
    expect(seen.headers["x-secret"]).toBeUndefined();
    expect(seen.headers["x-tenant"]).toBe("acme");
    expect(res.headers.get("x-served-for")).toBe("acme");
    expect(res.headers.get("x-upstream-status")).toBe("200");
    expect(res.headers.get("x-backend")).toBeNull();
  });

  it("rate-limit answers 429 with Gravitee's message and X-Rate-Limit-* headers", async () => {
    const call = () => fetch(`${gateway.url}/limited`, { headers: { accept: "application/json" } });
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-rate-limit-remaining")).toBe("1");
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual({
      message: "Rate limit exceeded! You reached the limit of 2 requests per 1 minutes",
      http_status_code: 429,
    });
    expect(third.headers.get("x-rate-limit-limit")).toBe("2");
    expect(third.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(Number(third.headers.get("x-rate-limit-reset"))).toBeGreaterThan(Date.now());
    expect(echo.received.filter((r) => r.url === "/").length).toBeLessThanOrEqual(2);
  });

  it("json-xml on the request and xml-json on the response round-trip a document", async () => {
    const before = raw.received.length;
    const res = await fetch(`${gateway.url}/xml`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: 7, items: ["a", "b"], note: "x < y" }),
    });
    expect(res.status).toBe(200);
    const upstream = raw.received[before];
    expect(upstream?.body).toBe(
      "<order><id>7</id><items>a</items><items>b</items><note>x &lt; y</note></order>",
    );
    expect(upstream?.headers["content-type"]).toBe("application/xml;charset=UTF-8");
    expect(upstream?.headers["content-length"]).toBe(String(Buffer.byteLength(upstream?.body ?? "")));
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(await res.json()).toEqual({ order: { id: 7, items: ["a", "b"], note: "x < y" } });
  });

  it("json-xml rejects a body that is not JSON with 400 before the backend", async () => {
    const before = raw.received.length;
    const res = await fetch(`${gateway.url}/xml`, {
      method: "POST",
      body: "{oops",
      headers: { accept: "application/json" },
    });
    expect(res.status).toBe(400);
    // Gravitee's message, without the parser's detail.
    expect(await res.json()).toEqual({
      message: "Unable to transform invalid JSON payload to XML",
      http_status_code: 400,
    });
    expect(raw.received.length).toBe(before);
  });

  it("assign-content rewrites both bodies from templates", async () => {
    const res = await fetch(`${gateway.url}/content`, { method: "PUT", body: '{"a":1}' });
    const text = await res.text();
    const sent = echo.received.at(-1);
    expect(sent?.body).toBe('{"original": {"a":1}, "method": "PUT"}');
    const upstreamLength = Buffer.byteLength(JSON.stringify(sent));
    expect(text).toMatch(/^status=200 length=\d+$/);
    expect(Number(text.split("length=")[1])).toBeGreaterThan(upstreamLength / 2);
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
  });
});
