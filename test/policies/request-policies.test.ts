// transform-queryparams, request-content-limit (under Gravitee's plugin id) and
// policy-override-request-method through a compiled gateway: what the endpoint receives, and
// Gravitee's statuses, messages and keys when a request is refused.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const withSteps = (name: string, steps: string) =>
  proxyApi(
    name,
    `/${name}`,
    "${ECHO}",
    `  flows:
    - name: steps
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${steps}
`,
  );

let echo: EchoBackend;
let gateway: TestGateway;
const json = { accept: "application/json" };

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "query.yaml": withSteps(
        "query",
        `        - policy: transform-queryparams
          configuration:
            removeQueryParameters: [secret]
            addQueryParameters:
              - name: tenant
                value: "{#request.headers['x-tenant'][0]}"
              - name: page
                value: "1"`,
      ),
      "query-clear.yaml": withSteps(
        "query-clear",
        `        - policy: transform-queryparams
          configuration:
            clearAll: true
            appendToExistingArray: true
            addQueryParameters:
              - name: only
                value: "yes"`,
      ),
      "limit.yaml": withSteps(
        "limit",
        `        - policy: policy-request-content-limit
          configuration:
            limit: 10`,
      ),
      "method.yaml": withSteps(
        "method",
        `        - policy: policy-override-request-method
          configuration:
            method: PUT`,
      ),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

/** A POST with a chunked body (no Content-Length). */
function rawPost(path: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gateway.url}${path}`, { method: "POST", headers: json }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe("transform-queryparams", () => {
  it("removes, then sets parameters (EL values); the other parameters stay", async () => {
    await fetch(`${gateway.url}/query/items?secret=s&page=7&keep=a%20b`, { headers: { "x-tenant": "acme" } });
    const url = new URL(echo.received.at(-1)?.url ?? "", "http://x");
    expect(url.searchParams.get("secret")).toBeNull();
    expect(url.searchParams.getAll("page")).toEqual(["1"]);
    expect(url.searchParams.get("tenant")).toBe("acme");
    expect(url.searchParams.get("keep")).toBe("a b");
    expect(url.pathname).toBe("/items");
  });

  it("clearAll drops every parameter of the client", async () => {
    await fetch(`${gateway.url}/query-clear?a=1&b=2`);
    expect(echo.received.at(-1)?.url).toBe("/?only=yes");
  });
});

describe("request-content-limit (as policy-request-content-limit)", () => {
  it("a Content-Length within the limit passes; above it, Gravitee's 413", async () => {
    expect((await fetch(`${gateway.url}/limit`, { method: "POST", body: "0123456789" })).status).toBe(200);
    const res = await fetch(`${gateway.url}/limit`, { method: "POST", body: "0123456789X", headers: json });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      message: "The request is larger than the server is willing or able to process.",
      http_status_code: 413,
    });
  });

  it("a chunked body is measured", async () => {
    expect((await rawPost("/limit", ["01234", "567"])).status).toBe(200);
    expect((await rawPost("/limit", ["012345", "6789", "AB"])).status).toBe(413);
  });

  it("neither Content-Length nor Transfer-Encoding (a GET, as in Gravitee): 411", async () => {
    const res = await fetch(`${gateway.url}/limit`, { headers: json });
    expect(res.status).toBe(411);
    expect(((await res.json()) as { message: string }).message).toBe(
      "The request did not specify the length of its content, which is required by the requested resource.",
    );
  });
});

describe("policy-override-request-method", () => {
  it("the endpoint receives the configured method", async () => {
    await fetch(`${gateway.url}/method`, { method: "POST", body: "x" });
    expect(echo.received.at(-1)?.method).toBe("PUT");
  });
});
