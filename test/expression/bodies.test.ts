// Bodies on demand: an API whose expressions read `#request.content` / `#response.content` gets
// those bodies buffered before the phase runs (so the expression sees the text, as in Gravitee),
// within SLUICE_EL_BODY_LIMIT; past the limit the request fails with a clear error instead of
// holding the body in memory. APIs whose expressions read no body keep streaming (the compiler
// emits no `bodies` for them).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const flows = (request: string, response: string) => `  flows:
    - name: read
      selectors:
        - type: HTTP
          path: /
      request:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Seen
                value: "${request}"
      response:
        - policy: transform-headers
          configuration:
            scope: RESPONSE
            addHeaders:
              - name: X-Answer
                value: "${response}"
`;

let backend: Server;
let gateway: TestGateway;

beforeAll(async () => {
  backend = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const size = Number(req.headers["x-answer-size"] ?? 2);
      res.setHeader("x-request-seen", String(req.headers["x-seen"] ?? ""));
      res.setHeader("x-upstream-body", Buffer.concat(chunks).toString("utf8"));
      res.end("o".repeat(size));
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  gateway = await startTestGateway(
    {
      "reads.yaml": proxyApi(
        "reads",
        "/reads",
        target,
        flows("{#request.content.length()}", "{#response.content}"),
      ),
      "guarded.yaml": proxyApi(
        "guarded",
        "/guarded",
        target,
        `  flows:
    - name: guard
      selectors:
        - type: HTTP
          path: /
      request:
        - policy: json-threat-protection
          configuration:
            maxDepth: 10
`,
      ),
      "streams.yaml": proxyApi(
        "streams",
        "/streams",
        target,
        flows("{#request.method}", "{#response.status}"),
      ),
    },
    { SLUICE_EL_BODY_LIMIT: "16" },
  );
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
});

describe("bodies read by expressions", () => {
  test("the request and response bodies are buffered and seen as text; the body still goes upstream", async () => {
    const response = await fetch(`${gateway.url}/reads`, {
      method: "POST",
      body: "hello",
      headers: { "x-answer-size": "3" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-seen")).toBe("5");
    expect(response.headers.get("x-upstream-body")).toBe("hello");
    expect(response.headers.get("x-answer")).toBe("ooo");
    expect(await response.text()).toBe("ooo");
  });

  test("a request body past SLUICE_EL_BODY_LIMIT is refused with 413", async () => {
    const response = await fetch(`${gateway.url}/reads`, {
      method: "POST",
      body: "x".repeat(100),
      headers: { accept: "application/json" },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: "Request content too large", http_status_code: 413 });
    expect(gateway.logs.some((line) => line.includes("SLUICE_EL_BODY_LIMIT"))).toBe(true);
  });

  test("a response body past the limit fails with 502", async () => {
    const response = await fetch(`${gateway.url}/reads`, {
      method: "POST",
      body: "hi",
      headers: { "x-answer-size": "100" },
    });
    expect(response.status).toBe(502);
  });

  test("a policy that reads the body holds no more than the limit either: 413, the body is not buffered", async () => {
    const small = await fetch(`${gateway.url}/guarded`, {
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    expect(small.status).toBe(200);
    expect(small.headers.get("x-upstream-body")).toBe('{"a":1}');
    const large = await fetch(`${gateway.url}/guarded`, {
      method: "POST",
      body: JSON.stringify({ a: "x".repeat(100) }),
      headers: { "content-type": "application/json", accept: "application/json" },
    });
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ message: "Request content too large", http_status_code: 413 });
  });

  test("an API whose expressions read no body is not limited: its bodies stream", async () => {
    const response = await fetch(`${gateway.url}/streams`, {
      method: "POST",
      body: "x".repeat(100),
      headers: { "x-answer-size": "100" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-seen")).toBe("POST");
    expect((await response.text()).length).toBe(100);
  });
});
