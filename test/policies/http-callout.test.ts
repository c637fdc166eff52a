// http-callout through a compiled gateway against a real service: variables from the response
// (#calloutResponse, #jsonPath) as attributes read by a later step, the request's values in the
// call, exitOnError with the default and a custom condition, a service that cannot be reached, the
// response phase, and a published message's attributes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EchoBackend,
  type HttpBackend,
  startEchoBackend,
  startHttpBackend,
} from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";

const seen: Array<{ method?: string; url?: string; token?: string; body: string }> = [];

const flow = (phase: string, steps: string) => `  flows:
    - name: callout
      ${phase}:
${steps}
`;

// The service's address is written into the spec: a value mixing an environment reference and EL
// is not compiled as a template.
const callout = (extra: string, base = service.url) => `        - policy: http-callout
          configuration:
            method: POST
            url: "${base}/lookup/{#request.headers['x-user'][0]}"
            headers:
              - name: X-Token
                value: "t-{#request.headers['x-user'][0]}"
            body: '{"path":"{#request.pathInfo}"}'
${extra}`;

const stamp = `        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tier
                value: "{#context.attributes['tier']}"
              - name: X-Status
                value: "{#context.attributes['status']}"`;

let service: HttpBackend;
let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  service = await startHttpBackend((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, token: req.headers["x-token"] as string, body });
      const user = (req.url ?? "").split("/").pop();
      res.statusCode = user === "ghost" ? 404 : user === "banned" ? 403 : 200;
      res.setHeader("content-type", "application/json");
      res.setHeader("x-region", "eu");
      res.end(JSON.stringify({ tier: user === "gold" ? "premium" : "basic" }));
    });
  });
  echo = await startEchoBackend();
  const variables = `            variables:
              - name: tier
                value: "{#jsonPath(#calloutResponse.content, '$.tier')}"
              - name: status
                value: "{#calloutResponse.status}-{#calloutResponse.headers['x-region'][0]}"`;
  gateway = await startTestGateway(
    {
      "vars.yaml": proxyApi("vars", "/vars", "${ECHO}", flow("request", `${callout(variables)}\n${stamp}`)),
      "exit.yaml": proxyApi(
        "exit",
        "/exit",
        "${ECHO}",
        flow(
          "request",
          callout(`            exitOnError: true
            errorStatusCode: "502"
            errorContent: "lookup said {#calloutResponse.status}"`),
        ),
      ),
      "custom.yaml": proxyApi(
        "custom",
        "/custom",
        "${ECHO}",
        flow(
          "request",
          callout(`            exitOnError: true
            errorCondition: "{#calloutResponse.status == 403}"
            errorStatusCode: "401"
            errorContent: denied`),
        ),
      ),
      "down.yaml": proxyApi(
        "down",
        "/down",
        "${ECHO}",
        flow("request", callout("            exitOnError: true", "http://127.0.0.1:1")),
      ),
      "late.yaml": proxyApi("late", "/late", "${ECHO}", flow("response", `${callout(variables)}\n${stamp}`)),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints:
          "        - type: http-post\n          configuration:\n            requestHeadersToMessage: true",
        mock: "            messageContent: x",
        extra: `  flows:
    - name: callout
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - policy: http-callout
          configuration:
            url: "${service.url}/lookup/{#message.headers['x-user'][0]}"
            variables:
              - name: tier
                value: "{#calloutResponse.jsonContent.tier}"
`,
      }),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
  await service?.close();
});

const get = (path: string, user: string) =>
  fetch(`${gateway.url}${path}`, { headers: { "x-user": user, accept: "application/json" } });

describe("http-callout", () => {
  it("calls the service with the request's values and keeps values of its response as attributes", async () => {
    const res = await get("/vars/a/b", "gold");
    expect(res.status).toBe(200);
    const received = echo.received.at(-1)!;
    expect(received.headers["x-tier"]).toBe("premium");
    expect(received.headers["x-status"]).toBe("200-eu");
    expect(seen.at(-1)).toEqual({
      method: "POST",
      url: "/lookup/gold",
      token: "t-gold",
      body: '{"path":"/a/b"}',
    });
  });

  it("without exitOnError goes on whatever the service answered", async () => {
    expect((await get("/vars", "ghost")).status).toBe(200);
    expect(echo.received.at(-1)!.headers["x-status"]).toBe("404-eu");
  });

  it("ends the exchange on a 4xx/5xx with exitOnError, with the templated content", async () => {
    const hits = echo.received.length;
    const res = await get("/exit", "ghost");
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ message: "lookup said 404", http_status_code: 502 });
    expect(echo.received.length).toBe(hits);
    expect((await get("/exit", "gold")).status).toBe(200);
  });

  it("uses a custom errorCondition", async () => {
    expect((await get("/custom", "ghost")).status).toBe(200);
    const res = await get("/custom", "banned");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "denied", http_status_code: 401 });
  });

  it("answers 500 when the service cannot be reached", async () => {
    const res = await get("/down", "gold");
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toBe(
      "An error occurred while invoking the callout",
    );
  });

  it("runs in the response phase", async () => {
    const res = await get("/late", "gold");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-tier")).toBe("premium");
  });

  it("sets a published message's attributes", async () => {
    await waitReady(gateway);
    const res = await fetch(`${gateway.url}/events`, {
      method: "POST",
      headers: { "x-user": "gold" },
      body: "m",
    });
    expect(res.status).toBe(202);
    expect(mockOf(gateway, "events").published.at(-1)?.attributes).toEqual({ tier: "premium" });
  });
});
