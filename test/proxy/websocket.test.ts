// WebSocket through a compiled gateway (`ws` as client and server): the handshake runs the API's
// request phase (here an API_KEY plan), subprotocols are negotiated with the backend, text and
// binary frames come back as they went, close codes cross both ways, the server can push, and a
// large echo completes under backpressure.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { group, v4Proxy } from "./specs.ts";

describe("WebSocket proxying", () => {
  let server: Server;
  let wss: WebSocketServer;
  let gateway: TestGateway;
  const closes: Array<{ code: number; reason: string }> = [];
  const upgrades: Array<Record<string, string | string[] | undefined>> = [];

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.statusCode = 426;
      res.end("upgrade required");
    });
    wss = new WebSocketServer({
      noServer: true,
      handleProtocols: (protocols) => (protocols.has("chat.v2") ? "chat.v2" : false),
    });
    server.on("upgrade", (req, socket, head) => {
      upgrades.push(req.headers);
      if (!req.url?.startsWith("/ws")) {
        socket.end("HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\n\r\nnot here!");
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    });
    wss.on("connection", (ws, req) => {
      ws.on("close", (code, reason) => closes.push({ code, reason: reason.toString() }));
      if (req.url?.startsWith("/ws/push")) {
        let n = 0;
        const timer = setInterval(() => {
          n++;
          ws.send(`push-${n}`);
          if (n === 3) {
            clearInterval(timer);
            ws.close(4001, "pushed enough");
          }
        }, 20);
        return;
      }
      ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    gateway = await startTestGateway(
      {
        "chat.yaml": v4Proxy("chat", "/chat", [
          group({ endpoints: [{ name: "ws", target: `ws://127.0.0.1:${port}/ws` }] }),
        ]),
        "secured.yaml": v4Proxy(
          "secured",
          "/secured",
          [group({ endpoints: [{ name: "ws", target: `ws://127.0.0.1:${port}/ws` }] })],
          { plans: { keyed: { name: "Keyed", security: { type: "API_KEY" } } } },
        ),
        "nowhere.yaml": v4Proxy("nowhere", "/nowhere", [
          group({ endpoints: [{ name: "ws", target: `ws://127.0.0.1:${port}/other` }] }),
        ]),
      },
      { SLUICE_API_KEYS_SECURED: "k-123" },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    wss?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const connect = (path: string, protocols?: string[], headers?: Record<string, string>) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${gateway.httpPort}${path}`, protocols, { headers });
      ws.once("open", () => resolve(ws));
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    });

  const next = (ws: WebSocket) =>
    new Promise<{ data: Buffer; isBinary: boolean }>((resolve) =>
      ws.once("message", (data, isBinary) => resolve({ data: data as Buffer, isBinary })),
    );

  it("echoes text and binary frames and negotiates the subprotocol", async () => {
    const ws = await connect("/chat", ["chat.v1", "chat.v2"]);
    expect(ws.protocol).toBe("chat.v2");
    const text = next(ws);
    ws.send("héllo");
    expect(await text).toEqual({ data: Buffer.from("héllo"), isBinary: false });
    const binary = next(ws);
    ws.send(Buffer.from([0, 1, 2, 255]));
    expect(await binary).toEqual({ data: Buffer.from([0, 1, 2, 255]), isBinary: true });
    const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
    ws.close(4002, "client done");
    expect(await closed).toBe(4002);
    await new Promise((r) => setTimeout(r, 50));
    expect(closes.at(-1)).toEqual({ code: 4002, reason: "client done" });
    expect(upgrades.at(-1)?.["x-gravitee-request-id"]).toBeDefined();
  });

  it("relays server pushes and the server's close code", async () => {
    const ws = await connect("/chat/push");
    const got: string[] = [];
    ws.on("message", (d) => got.push(String(d)));
    const [code, reason] = await new Promise<[number, string]>((r) =>
      ws.once("close", (c, why) => r([c, why.toString()])),
    );
    expect(got).toEqual(["push-1", "push-2", "push-3"]);
    expect([code, reason]).toEqual([4001, "pushed enough"]);
  });

  it("completes a 16 MB echo under backpressure", async () => {
    const ws = await connect("/chat");
    const frame = Buffer.alloc(64 * 1024, 9);
    const frames = 256;
    let received = 0;
    const done = new Promise<void>((resolve) =>
      ws.on("message", (d) => {
        received += (d as Buffer).length;
        if (received === frame.length * frames) resolve();
      }),
    );
    for (let i = 0; i < frames; i++) ws.send(frame);
    await done;
    ws.close();
    expect(received).toBe(frame.length * frames);
  });

  it("runs the request phase on the handshake: the plan's API key is required", async () => {
    await expect(connect("/secured")).rejects.toThrow("status 401");
    await expect(connect("/secured", undefined, { "x-gravitee-api-key": "wrong" })).rejects.toThrow(
      "status 401",
    );
    const ws = await connect("/secured", undefined, { "x-gravitee-api-key": "k-123" });
    const echoed = next(ws);
    ws.send("in");
    expect(String((await echoed).data)).toBe("in");
    ws.close();
  });

  it("passes the backend's refusal of the handshake back to the client", async () => {
    await expect(connect("/nowhere")).rejects.toThrow("status 404");
  });
});
