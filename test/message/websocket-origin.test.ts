// The websocket entrypoint's browser-facing checks through a compiled gateway, with `ws` as the
// client sending Origin as a browser does: the allow-list (defaulting to the listener's CORS
// origins), a refused handshake closed 1008 with its reason before anything is consumed, the
// gateway's own origin and non-browser clients accepted, and permessage-deflate when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { mockOf, waitReady } from "./message-api.ts";

const api = (name: string, websocket: string, cors: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /${name}
      entrypoints:
        - type: websocket
${websocket}
${cors}
  endpointGroups:
    - name: g
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
            messageInterval: 20
            messageContent: "${"tick ".repeat(40)}"
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

interface Outcome {
  opened: boolean;
  frames: number;
  close: { code: number; reason: string };
  extensions: string;
}

/** Connects, keeps the socket until `ms` passed or the server closed it, and reports. */
function attempt(gateway: TestGateway, path: string, origin?: string, ms = 300): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${gateway.httpPort}${path}`, {
      ...(origin ? { origin } : {}),
      perMessageDeflate: true,
    });
    let opened = false;
    let frames = 0;
    ws.on("open", () => {
      opened = true;
      setTimeout(() => ws.close(1000), ms);
    });
    ws.on("message", () => frames++);
    ws.on("close", (code, reason) =>
      resolve({ opened, frames, close: { code, reason: reason.toString() }, extensions: ws.extensions }),
    );
    ws.on("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on("error", reject);
  });
}

describe("websocket entrypoint: Origin and compression", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      "cors.yaml": api(
        "cors",
        "",
        `      cors:
        enabled: true
        allowOrigin: ["http://app.example"]
        allowMethods: [GET]`,
      ),
      "listed.yaml": api(
        "listed",
        `          configuration:
            allowedOrigins: ["http://ws.example"]
            perMessageDeflate: true`,
        `      cors:
        enabled: true
        allowOrigin: ["http://app.example"]
        allowMethods: [GET]`,
      ),
      "plain.yaml": api("plain", "", ""),
    });
    await waitReady(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it("accepts the listener's CORS origins by default", async () => {
    const ok = await attempt(gateway, "/cors", "http://app.example");
    expect(ok.opened).toBe(true);
    expect(ok.frames).toBeGreaterThan(0);
    expect(ok.close.code).toBe(1000);
  });

  it("closes a handshake from another origin with 1008 and the reason, consuming nothing", async () => {
    const acked = mockOf(gateway, "cors").acknowledged.length;
    const refused = await attempt(gateway, "/cors", "http://evil.example");
    expect(refused.frames).toBe(0);
    expect(refused.close).toEqual({ code: 1008, reason: "Origin 'http://evil.example' is not allowed" });
    expect(mockOf(gateway, "cors").acknowledged.length).toBe(acked);
  });

  it("uses allowedOrigins over the CORS origins when given", async () => {
    expect((await attempt(gateway, "/listed", "http://ws.example")).close.code).toBe(1000);
    expect((await attempt(gateway, "/listed", "http://app.example")).close.code).toBe(1008);
  });

  it("accepts clients without Origin and the gateway's own origin; refuses others without CORS", async () => {
    expect((await attempt(gateway, "/plain")).close.code).toBe(1000);
    expect((await attempt(gateway, "/plain", `http://127.0.0.1:${gateway.httpPort}`)).close.code).toBe(1000);
    expect((await attempt(gateway, "/plain", "http://app.example")).close.code).toBe(1008);
  });

  it("negotiates permessage-deflate only where configured", async () => {
    expect((await attempt(gateway, "/listed", "http://ws.example")).extensions).toContain(
      "permessage-deflate",
    );
    expect((await attempt(gateway, "/cors", "http://app.example")).extensions).toBe("");
  });
});
