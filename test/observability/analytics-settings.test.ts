// What an API's settings change in the access log, through a compiled gateway: v2 `proxy.logging`
// (client hop, request scope, headers and payloads), v4 `analytics.enabled: false` (no line), v4
// payload logging cut at SLUICE_ACCESS_LOG_MAX_PAYLOAD, and a publishing session's counts
// (http-post over the mock endpoint).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, waitReady } from "../message/message-api.ts";

const v2 = (name: string, proxy: Record<string, unknown>) =>
  JSON.stringify({
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiDefinition",
    metadata: { name },
    spec: { name, version: "1", proxy, plans: [{ name: "Free", security: "KEY_LESS" }] },
  });

const v4 = (name: string, path: string, analytics: string) =>
  proxyApi(name, path, "${ECHO_URL}", "", { endpoint: "echo", head: `  analytics:\n${analytics}\n` });

type Line = Record<string, unknown>;

describe("an API's analytics settings in the access log", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;
  let file: string;

  const lineOf = async (requestId: string | null): Promise<Line | undefined> => {
    const deadline = Date.now() + 3000;
    for (;;) {
      const text = await readFile(file, "utf8").catch(() => "");
      const found = text
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Line)
        .find((l) => l.requestId === requestId && l.type === "request");
      if (found || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    backend = await startEchoBackend();
    file = join(process.cwd(), ".tmp", "tests", `analytics-${randomBytes(6).toString("hex")}`, "access.log");
    gateway = await startTestGateway(
      {
        "legacy.yaml": v2("legacy", {
          virtual_hosts: [{ path: "/legacy" }],
          logging: { mode: "CLIENT", scope: "REQUEST", content: "HEADERS_PAYLOADS" },
          groups: [{ name: "g", endpoints: [{ name: "e", target: "${ECHO_URL}" }] }],
        }),
        "quiet.yaml": v4("quiet", "/quiet", "    enabled: false"),
        "bodies.yaml": v4(
          "bodies",
          "/bodies",
          "    logging:\n      mode: { entrypoint: true }\n      phase: { request: true, response: true }\n      content: { payload: true }",
        ),
        "inbox.yaml": messageApi({
          name: "inbox",
          path: "/inbox",
          entrypoints: "        - type: http-post\n",
          mock: "            messageCount: 0\n",
        }),
      },
      { ECHO_URL: backend.url, SLUICE_ACCESS_LOG: file, SLUICE_ACCESS_LOG_MAX_PAYLOAD: "10" },
    );
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  it("v2 proxy.logging: the client's request headers and payload, masked; no response part", async () => {
    const res = await fetch(`${gateway.url}/legacy/x`, {
      method: "POST",
      headers: { authorization: "Bearer s3cr3t", "x-trace": "t1" },
      body: "hello",
    });
    expect(res.status).toBe(200);
    await res.text();
    const line = await lineOf(res.headers.get("x-gravitee-request-id"));
    expect(line).toMatchObject({ apiId: "legacy", httpMethod: "POST", status: 200, requestContentLength: 5 });
    const log = line!.log as { entrypointRequest: { headers: Record<string, string>; body: string } };
    expect(log.entrypointRequest.headers.authorization).toBe("***");
    expect(log.entrypointRequest.headers["x-trace"]).toBe("t1");
    expect(log.entrypointRequest.body).toBe("hello");
    expect(Object.keys(log)).toEqual(["entrypointRequest"]);
    expect(JSON.stringify(line)).not.toContain("s3cr3t");
  });

  it("analytics.enabled: false writes no line for the API", async () => {
    const quiet = await fetch(`${gateway.url}/quiet/`);
    expect(quiet.status).toBe(200);
    await quiet.text();
    // A later request's line is there, the quiet one's is not.
    const later = await fetch(`${gateway.url}/legacy/after`);
    await later.text();
    expect(await lineOf(later.headers.get("x-gravitee-request-id"))).toBeDefined();
    expect(await lineOf(quiet.headers.get("x-gravitee-request-id"))).toBeUndefined();
  });

  it("payloads are cut at SLUICE_ACCESS_LOG_MAX_PAYLOAD", async () => {
    const res = await fetch(`${gateway.url}/bodies/`, { method: "POST", body: "0123456789abcdef" });
    expect(res.status).toBe(200);
    const echoed = await res.text();
    const line = await lineOf(res.headers.get("x-gravitee-request-id"));
    const log = line!.log as { entrypointRequest: { body: string }; entrypointResponse: { body: string } };
    expect(log.entrypointRequest.body).toBe("0123456789");
    expect(log.entrypointResponse.body).toBe(echoed.slice(0, 10));
  });

  it("a publishing session counts the messages it published", async () => {
    const res = await fetch(`${gateway.url}/inbox`, { method: "POST", body: "one message" });
    expect(res.status).toBe(202);
    const line = await lineOf(res.headers.get("x-gravitee-request-id"));
    expect(line).toMatchObject({
      apiId: "inbox",
      entrypointId: "http-post",
      endpoint: "mock",
      status: 202,
      publishCount: 1,
      subscribeCount: 0,
      messageErrors: 0,
    });
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toContain(
      'sluice_messages_total{api="inbox",entrypoint="http-post",endpoint="mock",operation="publish"} 1\n',
    );
  });
});
