// url-rewriting through a compiled gateway: the backend's own URLs in the response headers and body
// rewritten to the gateway's, with the match's groups (`#group`, `#groupName`) in the replacement,
// and the two switches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const withResponse = (name: string, steps: string) =>
  proxyApi(
    name,
    `/${name}`,
    "${BACKEND}",
    `  flows:
    - name: rewrite
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      response:
${steps}
`,
  );

let backend: HttpBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startHttpBackend((req, res) => {
    res.setHeader("location", `http://backend.internal:8080/orders/42?from=${req.url}`);
    res.setHeader("content-type", "application/json");
    res.end(
      '{"self":"http://backend.internal:8080/orders/42","next":"http://backend.internal:8080/orders/43"}',
    );
  });
  gateway = await startTestGateway(
    {
      "both.yaml": withResponse(
        "both",
        `        - policy: url-rewriting
          configuration:
            fromRegex: 'https?://backend\\.internal:8080/(?<rest>[a-z]+)/(\\d+)'
            toReplacement: "https://gw.example.com/both/{#groupName['rest']}/{#group[2]}?h={#request.headers['x-h'][0]}"`,
      ),
      "headers.yaml": withResponse(
        "headers",
        `        - policy: policy-url-rewriting
          configuration:
            rewriteResponseBody: false
            fromRegex: 'http://backend\\.internal:8080'
            toReplacement: https://gw.example.com/headers`,
      ),
    },
    { BACKEND: backend.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

describe("url-rewriting", () => {
  it("rewrites every match in the headers and the body, with the match's groups", async () => {
    const res = await fetch(`${gateway.url}/both/x`, { headers: { "x-h": "1" }, redirect: "manual" });
    expect(res.headers.get("location")).toBe("https://gw.example.com/both/orders/42?h=1?from=/x");
    expect(await res.json()).toEqual({
      self: "https://gw.example.com/both/orders/42?h=1",
      next: "https://gw.example.com/both/orders/43?h=1",
    });
  });

  it("leaves the body alone with rewriteResponseBody: false (under Gravitee's plugin id)", async () => {
    const res = await fetch(`${gateway.url}/headers`, { redirect: "manual" });
    expect(res.headers.get("location")).toBe("https://gw.example.com/headers/orders/42?from=/");
    expect((await res.json()).self).toBe("http://backend.internal:8080/orders/42");
  });
});
