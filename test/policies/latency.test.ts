// latency through a compiled gateway: the request and response phases of a PROXY API and the
// publish phase of a MESSAGE API wait the configured time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";

const delayed = (name: string, phase: string, config: string) =>
  proxyApi(
    name,
    `/${name}`,
    "${ECHO}",
    `  flows:
    - name: slow
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      ${phase}:
        - policy: latency
          configuration:
${config}
`,
  );

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "req.yaml": delayed("req", "request", "            time: 300"),
      "res.yaml": delayed("res", "response", "            time: 1\n            timeUnit: SECONDS"),
      "none.yaml": delayed("none", "request", "            time: 0"),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: "        - type: http-post",
        mock: "            messageContent: x",
        extra: `  flows:
    - name: slow
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - policy: latency
          configuration:
            time: 250
`,
      }),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

async function timed(path: string, init?: RequestInit): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  const res = await fetch(`${gateway.url}${path}`, init);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - start };
}

describe("latency", () => {
  it("delays the request phase by `time` milliseconds", async () => {
    const slow = await timed("/req");
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(295);
    expect((await timed("/none")).ms).toBeLessThan(250);
  });

  it("delays the response phase in SECONDS", async () => {
    const slow = await timed("/res");
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(995);
  });

  it("delays each published message", async () => {
    await waitReady(gateway);
    const sent = await timed("/events", { method: "POST", body: "hello" });
    expect(sent.status).toBe(202);
    expect(sent.ms).toBeGreaterThanOrEqual(245);
    expect(mockOf(gateway, "events").published.map((m) => m.content.toString())).toEqual(["hello"]);
  });
});
