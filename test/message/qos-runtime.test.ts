// The runtime's QoS backstop reads the same table as the compiler (runtime/message/connectors.ts):
// an endpoint whose type the table limits answers Gravitee's 400 for a QoS it cannot honour, the
// same QoS over an endpoint the table allows is served. The mock endpoint instance stands in for
// each endpoint type (its `type` is what the runtime looks up), since the compiler refuses to build
// the limited combination in the first place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { messageApi, mockOf, waitReady } from "./message-api.ts";

describe("QoS at run time", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      "feed.yaml": messageApi({
        name: "feed",
        path: "/feed",
        entrypoints:
          "        - type: http-get\n          qos: AT_LEAST_ONCE\n          configuration:\n            messagesLimitDurationMs: 100",
        mock: "            messageInterval: 10\n            messageCount: 1",
      }),
    });
    await waitReady(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it.each([
    ["mqtt5", 400],
    ["solace", 400],
    ["rabbitmq", 200],
    ["kafka", 200],
  ])("http-get AT_LEAST_ONCE over a %s endpoint answers %i", async (type, status) => {
    (mockOf(gateway, "feed") as { type: string }).type = type;
    const res = await fetch(`${gateway.url}/feed`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(status);
    const body = await res.text();
    if (status === 400)
      expect(JSON.parse(body)).toEqual({
        message: "Incompatible Qos capabilities between entrypoint requirements and endpoint supports",
        http_status_code: 400,
      });
  });
});
