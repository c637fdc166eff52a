// The client identifier (docs/contract.md §4): Gravitee's remote-address form, the response header on
// PROXY and MESSAGE APIs, a sent X-Gravitee-Client-Identifier echoed (header or query parameter),
// values that could not be echoed ignored, and no header when no plan applies.
import { createHash } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ApiDefinition, Exchange } from "../../runtime/contract.ts";
import { consumerName } from "../../runtime/message/consumer-name.ts";
import { identifyClient, javaHostAddress } from "../../runtime/server/client-identifier.ts";
import { GatewayExchange } from "../../runtime/server/exchange.ts";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi } from "../message/message-api.ts";

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

describe("javaHostAddress", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:10.1.2.3", "10.1.2.3"],
    ["::1", "0:0:0:0:0:0:0:1"],
    ["fe80::1%eth0", "fe80:0:0:0:0:0:0:1"],
    ["2001:db8::8a2e:370:7334", "2001:db8:0:0:0:8a2e:370:7334"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0:0:0:0:1"],
    ["::", "0:0:0:0:0:0:0:0"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0:0:0:c000:221"],
  ])("%s → %s", (input, expected) => {
    expect(javaHostAddress(input)).toBe(expected);
  });
});

describe("X-Gravitee-Client-Identifier on responses", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;
  const keyless = sha256("127.0.0.1");

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      {
        "orders.yaml": proxyApi("orders", "/orders", "${BACKEND}/v1"),
        "events.yaml": messageApi({
          name: "events",
          path: "/events",
          entrypoints:
            "        - type: http-get\n          configuration:\n            messagesLimitDurationMs: 50",
          mock: "            messageContent: hi\n            messageCount: 1",
        }),
        "keyed.yaml": proxyApi("keyed", "/keyed", "${BACKEND}/v1").replace("type: KEY_LESS", "type: API_KEY"),
        "chat.yaml": messageApi({
          name: "chat",
          path: "/chat",
          entrypoints: "        - type: websocket",
          mock: "            messageContent: hi\n            messageCount: 1",
        }),
      },
      { BACKEND: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  it("a keyless PROXY exchange carries the SHA-256 of the remote address", async () => {
    const res = await fetch(`${gateway.url}/orders/1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-gravitee-client-identifier")).toBe(keyless);
  });

  it("a MESSAGE exchange carries it too", async () => {
    const res = await fetch(`${gateway.url}/events`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-gravitee-client-identifier")).toBe(keyless);
  });

  it("a WebSocket handshake's 101 carries it", async () => {
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const socket = new WebSocket(`${gateway.url.replace("http", "ws")}/chat`, {
        headers: { "x-gravitee-client-identifier": "tab-ws" },
      });
      socket.once("upgrade", (response) => {
        resolve(response.headers);
        socket.close();
      });
      socket.once("error", reject);
    });
    expect(headers["x-gravitee-client-identifier"]).toBe("tab-ws");
  });

  it("echoes a value the client sent, as header or query parameter", async () => {
    const byHeader = await fetch(`${gateway.url}/orders/1`, {
      headers: { "x-gravitee-client-identifier": "tab-1" },
    });
    expect(byHeader.headers.get("x-gravitee-client-identifier")).toBe("tab-1");
    const byQuery = await fetch(`${gateway.url}/orders/1?X-Gravitee-Client-Identifier=tab-2`);
    expect(byQuery.headers.get("x-gravitee-client-identifier")).toBe("tab-2");
  });

  it("ignores a value it could not echo (control characters, blank, too long)", async () => {
    for (const query of ["%0d%0aset-cookie:%20x=1", "%20%20", "a".repeat(300)]) {
      const res = await fetch(`${gateway.url}/orders/1?X-Gravitee-Client-Identifier=${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-gravitee-client-identifier")).toBe(keyless);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("is absent when no plan applies (401 before plan selection ends)", async () => {
    const res = await fetch(`${gateway.url}/keyed/1`);
    expect(res.status).toBe(401);
    expect(res.headers.get("x-gravitee-client-identifier")).toBeNull();
  });
});

describe("identifyClient on a plan with subscriptions, and the consumer name", () => {
  const exchangeWith = (headers: Record<string, string>, subscription?: string, url = "/orders") => {
    const request = new IncomingMessage(new Socket());
    request.url = url;
    request.headers = headers;
    const exchange: Exchange = new GatewayExchange(
      {
        definition: {} as ApiDefinition,
        info: { id: "orders", name: "orders", type: "PROXY", properties: {} },
      },
      request,
      new ServerResponse(request),
      "/orders/",
      "",
    );
    if (subscription)
      exchange.subscription = { id: subscription, plan: "gold", application: { id: "app", name: "App" } };
    return exchange;
  };

  it.each([
    [{}, { header: "partner-orders", id: "partner-orders" }],
    [{ "x-gravitee-client-identifier": "tab-1" }, { header: "tab-1", id: "tab-1-partner-orders" }],
    [
      { "x-gravitee-client-identifier": "partner-orders" },
      { header: "partner-orders", id: "partner-orders" },
    ],
    [
      { "x-gravitee-client-identifier": "tab-1-partner-orders" },
      { header: "tab-1-partner-orders", id: "tab-1-partner-orders" },
    ],
    // Gravitee would keep this verbatim (it ends with the transaction id the client chose) and so
    // join the other subscription's consumers; here the subscription still ends it.
    [
      { "x-gravitee-client-identifier": "other-sub", "x-gravitee-transaction-id": "other-sub" },
      { header: "other-sub", id: "other-sub-partner-orders" },
    ],
  ])("sent %j → %j", (headers, expected) => {
    expect(identifyClient(exchangeWith(headers, "partner-orders"))).toEqual(expected);
  });

  it("names consumers per API, hashing identifiers a broker could misread", () => {
    expect(consumerName("orders", "partner-orders")).toBe("orders.partner-orders");
    const hashed = consumerName("orders", "evil/#");
    expect(hashed).toMatch(/^orders\.sha256-[0-9a-f]{40}$/);
    expect(consumerName("orders", "evil/+")).not.toBe(hashed);
    expect(consumerName("orders", "x".repeat(161))).toMatch(/^orders\.sha256-/);
    expect(consumerName("billing", "partner-orders")).not.toBe(consumerName("orders", "partner-orders"));
  });
});
