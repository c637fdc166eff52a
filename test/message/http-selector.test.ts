// An HTTP selector on a MESSAGE API's flow (Gravitee's own integration tests deploy such APIs; its
// Management API refuses them): a warning, exposure/message-http-selector, and the flow runs for the
// entrypoint requests whose path (below the context path) and method the selector matches — through
// a compiled gateway, http-get and http-post over the mock endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { messageApi, waitReady } from "./message-api.ts";

const api = messageApi({
  name: "selected",
  path: "/selected",
  entrypoints: `        - type: http-get
          configuration:
            messagesLimitCount: 1
            messagesLimitDurationMs: 500
        - type: http-post`,
  mock: `            messageInterval: 5
            messageContent: hello
            messageCount: 1`,
  extra: `  flows:
    - name: orders
      selectors:
        - type: HTTP
          path: /orders
          pathOperator: STARTS_WITH
          methods: [GET]
      response:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: x-flow
                value: orders
`,
});

describe("HTTP selector on a MESSAGE API", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ "selected.yaml": api });
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("is a warning at the selector's type", () => {
    const found = diagnose({ "apis/selected.yaml": api })
      .filter((d) => d.code.startsWith("exposure/"))
      .map((d) => `${d.code}@${d.line}:${d.column} ${d.severity}`);
    expect(found).toEqual(["exposure/message-http-selector@37:17 warning"]);
  });

  it.each([
    ["GET", "/selected/orders", "orders"],
    ["GET", "/selected/orders/7", "orders"],
    ["GET", "/selected/other", null],
    ["GET", "/selected", null],
    ["POST", "/selected/orders", null],
  ])("%s %s runs the flow: %s", async (method, path, header) => {
    const res = await fetch(`${gateway.url}${path}`, {
      method,
      headers: { accept: "application/json" },
      ...(method === "POST" ? { body: "hi" } : {}),
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get("x-flow")).toBe(header);
    await res.arrayBuffer();
  });
});
