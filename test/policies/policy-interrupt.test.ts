// policy-interrupt through a compiled gateway: Gravitee's error body with the configured status and
// templated message, the API's response template for its error key, the response phase (after the
// endpoint answered), a conditional step, and a MESSAGE API's request phase.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi } from "../message/message-api.ts";

const interrupting = (name: string, phase: string, step: string, extra = "") =>
  proxyApi(
    name,
    `/${name}`,
    "${BACKEND}",
    `  flows:
    - name: stop
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      ${phase}:
${step}
${extra}`,
  );

let backend: HttpBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startHttpBackend((_req, res) => res.end("backend"));
  gateway = await startTestGateway(
    {
      "req.yaml": interrupting(
        "req",
        "request",
        `        - policy: policy-interrupt
          condition: "{#request.headers['x-stop'] != null}"
          configuration:
            statusCode: 403
            errorKey: STOPPED
            message: "stopped {#request.headers['x-stop'][0]}"`,
      ),
      "templated.yaml": interrupting(
        "templated",
        "request",
        `        - policy: policy-interrupt
          configuration:
            errorKey: CUSTOM_KEY
            message: never shown
            variables:
              - name: reason
                value: "{#request.path}"`,
        `  responseTemplates:
    CUSTOM_KEY:
      application/json:
        status: 418
        body: '{"teapot":"{#request.path}"}'
`,
      ),
      "res.yaml": interrupting(
        "res",
        "response",
        `        - policy: policy-interrupt
          configuration:
            scope: RESPONSE
            errorKey: LATE
            message: too late`,
      ),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: "        - type: http-post",
        mock: "            messageContent: x",
        extra: `  flows:
    - name: closed
      selectors:
        - type: CHANNEL
          channel: /
      request:
        - policy: policy-interrupt
          configuration:
            statusCode: 503
            errorKey: CLOSED
            message: closed for maintenance
`,
      }),
    },
    { BACKEND: backend.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { headers: { accept: "application/json", ...headers } });

describe("policy-interrupt", () => {
  it("ends the request with the status and the templated message, when its condition holds", async () => {
    const hits = backend.hits;
    const res = await get("/req", { "x-stop": "now" });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: "stopped now", http_status_code: 403 });
    expect(backend.hits).toBe(hits);
    const passed = await get("/req");
    expect(passed.status).toBe(200);
    expect(await passed.text()).toBe("backend");
  });

  it("is answered with the API's response template for its error key", async () => {
    const res = await get("/templated/a");
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ teapot: "/templated/a" });
  });

  it("in the response phase replaces the endpoint's response (status 500 by default)", async () => {
    const hits = backend.hits;
    const res = await get("/res");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: "too late", http_status_code: 500 });
    expect(backend.hits).toBe(hits + 1);
  });

  it("refuses a MESSAGE API's request", async () => {
    const res = await fetch(`${gateway.url}/events`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: "m",
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ message: "closed for maintenance", http_status_code: 503 });
  });
});
