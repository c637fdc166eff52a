// retry through a compiled gateway against a flaky backend: attempts until the condition no longer
// holds (the body sent every time), 502 without a body when every attempt fails, the last response
// with lastResponse, and a too-slow attempt retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const withRetry = (name: string, config: string) =>
  proxyApi(
    name,
    `/${name}`,
    "${BACKEND}",
    `  flows:
    - name: retry
      request:
        - policy: retry
          configuration:
            condition: "{#response.status >= 500}"
${config}
`,
  );

// Per key (x-key): fails with 503 the first `x-fail` times, or is slow the first `x-slow` times.
const attempts = new Map<string, number>();
const bodies: string[] = [];
let backend: HttpBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startHttpBackend((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      bodies.push(body);
      const key = String(req.headers["x-key"]);
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      const fail = Number(req.headers["x-fail"] ?? 0);
      const slow = Number(req.headers["x-slow"] ?? 0);
      const answer = () => {
        res.statusCode = n <= fail ? 503 : 200;
        res.end(`attempt ${n}`);
      };
      if (n <= slow) setTimeout(answer, 600);
      else answer();
    });
  });
  gateway = await startTestGateway(
    {
      "twice.yaml": withRetry(
        "twice",
        "            maxRetries: 2\n            delay: 20\n            timeout: 300",
      ),
      "last.yaml": withRetry("last", "            maxRetries: 1\n            lastResponse: true"),
    },
    { BACKEND: backend.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

let n = 0;
const call = async (path: string, headers: Record<string, string>, body?: string) => {
  const key = `k${n++}`;
  const res = await fetch(`${gateway.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-key": key, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, body: await res.text(), attempts: attempts.get(key) };
};

describe("retry", () => {
  it("calls again while the condition holds, sending the body each time", async () => {
    bodies.length = 0;
    expect(await call("/twice", { "x-fail": "2" }, "payload")).toEqual({
      status: 200,
      body: "attempt 3",
      attempts: 3,
    });
    expect(bodies).toEqual(["payload", "payload", "payload"]);
    expect(await call("/twice", {})).toEqual({ status: 200, body: "attempt 1", attempts: 1 });
  });

  it("answers 502 without a body when every attempt failed", async () => {
    expect(await call("/twice", { "x-fail": "5" })).toEqual({ status: 502, body: "", attempts: 3 });
  });

  it("sends the last attempt's response with lastResponse", async () => {
    expect(await call("/last", { "x-fail": "5" })).toEqual({ status: 503, body: "attempt 2", attempts: 2 });
  });

  it("retries an attempt that outlasts the timeout", async () => {
    const res = await call("/twice", { "x-slow": "1" });
    expect(res.status).toBe(200);
    expect(res.body).toBe("attempt 2");
  });
});
