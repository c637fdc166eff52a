// Where a routed PROXY call goes, through a compiled gateway with real backends: the target an
// `assign-attributes` step sets in Gravitee's attribute `gravitee.attribute.request.endpoint` (read
// when the endpoint is called, the last writer against dynamic-routing winning; the short name
// `request.endpoint` does not route, as in Gravitee), failover on a call routed by name (each retry
// to the same target), and WebSocket handshakes that follow a route (by name and to an absolute URL).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import {
  type EchoBackend,
  type HttpBackend,
  startEchoBackend,
  startHttpBackend,
} from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

/** A v4 PROXY API on `/${name}`: endpoints `main` (group `default`) and `other` (group `others`), request steps `steps`. */
const api = (
  name: string,
  main: string,
  other: string,
  steps: string,
  head = "",
) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
${head}  listeners:
    - type: HTTP
      paths:
        - path: /${name}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: default
      type: http-proxy
      endpoints:
        - name: main
          type: http-proxy
          configuration:
            target: ${main}
    - name: others
      type: http-proxy
      endpoints:
        - name: other
          type: http-proxy
          configuration:
            target: ${other}
  flows:
    - name: route
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${steps}  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

const assign = (name: string, value: string) => `        - policy: assign-attributes
          configuration:
            attributes:
              - name: ${name}
                value: "${value}"
`;
const route = (url: string) => `        - policy: dynamic-routing
          configuration:
            rules:
              - pattern: /(.*)
                url: "${url}"
`;
const FULL = "gravitee.attribute.request.endpoint";

let main: EchoBackend;
let other: EchoBackend;
/** Resets the connection of its first request of each path, then answers: one failure per path. */
let flaky: HttpBackend;
const flakySeen = new Map<string, number>();
let wsServer: Server;
let wss: WebSocketServer;
const wsUrls: string[] = [];
/** A plain HTTP server where no WebSocket is accepted: the endpoints' own target in the WebSocket APIs. */
let wrong: HttpBackend;
let gateway: TestGateway;

beforeAll(async () => {
  [main, other] = await Promise.all([startEchoBackend(), startEchoBackend()]);
  flaky = await startHttpBackend((req, res) => {
    const n = (flakySeen.get(req.url ?? "") ?? 0) + 1;
    flakySeen.set(req.url ?? "", n);
    if (n === 1) {
      req.socket.destroy();
      return;
    }
    res.end(`flaky answered ${req.url}`);
  });
  wrong = await startHttpBackend((_req, res) => {
    res.statusCode = 404;
    res.end("no websocket here");
  });
  wrong.server.on("upgrade", (_req, socket) =>
    socket.end("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"),
  );
  wsServer = createServer();
  wss = new WebSocketServer({ noServer: true });
  wsServer.on("upgrade", (req, socket, head) => {
    wsUrls.push(req.url ?? "");
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on("message", (data) => ws.send(`${req.url} ${data.toString()}`));
    });
  });
  await new Promise<void>((resolve) => wsServer.listen(0, "127.0.0.1", resolve));
  const wsPort = (wsServer.address() as AddressInfo).port;
  const failover = `  failover:
    enabled: true
    maxRetries: 2
    slowCallDuration: 2000
    maxFailures: 5
    openStateDuration: 1000
    perSubscription: false
`;
  gateway = await startTestGateway({
    "assigned.yaml": api(
      "assigned",
      `${main.url}/main`,
      `${other.url}/other`,
      assign(FULL, "{#endpoints['other']}/from-attr"),
    ),
    "short.yaml": api(
      "short",
      `${main.url}/main`,
      `${other.url}/other`,
      assign("request.endpoint", "{#endpoints['other']}/x"),
    ),
    "absolute.yaml": api(
      "absolute",
      `${main.url}/main`,
      `${other.url}/other`,
      assign(FULL, `${other.url}/abs?from=attr`),
    ),
    "route-then-assign.yaml": api(
      "route-then-assign",
      `${main.url}/main`,
      `${other.url}/other`,
      route("{#endpoints['main']}/routed/{#group[0]}") + assign(FULL, "{#endpoints['other']}/assigned"),
    ),
    "assign-then-route.yaml": api(
      "assign-then-route",
      `${main.url}/main`,
      `${other.url}/other`,
      assign(FULL, "{#endpoints['other']}/assigned") + route("{#endpoints['main']}/routed/{#group[0]}"),
    ),
    "failover.yaml": api(
      "failover",
      `${main.url}/main`,
      flaky.url,
      route("{#endpoints['other']}/{#group[0]}"),
      failover,
    ),
    "ws-named.yaml": api(
      "ws-named",
      wrong.url,
      `ws://127.0.0.1:${wsPort}/ws`,
      route("{#endpoints['other']}/routed/{#group[0]}"),
    ),
    "ws-failover.yaml": api(
      "ws-failover",
      wrong.url,
      `ws://127.0.0.1:${wsPort}/ws`,
      route("{#endpoints['other']}/fo/{#group[0]}"),
      failover,
    ),
    "ws-absolute.yaml": api(
      "ws-absolute",
      wrong.url,
      wrong.url,
      route(`ws://127.0.0.1:${wsPort}/abs/{#group[0]}`),
    ),
  });
});
afterAll(async () => {
  await gateway?.close();
  wss?.close();
  wsServer?.closeAllConnections();
  await new Promise((resolve) => wsServer?.close(resolve));
  await Promise.all([main, other, flaky, wrong].map((b) => b?.close()));
});

/** The URL the backend `to` received for one call through the gateway (it must be the one answering). */
async function urlAt(to: EchoBackend, path: string): Promise<string> {
  const before = to.received.length;
  const res = await fetch(`${gateway.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("x-backend")).toBe(String(to.port));
  await res.arrayBuffer();
  expect(to.received.length).toBe(before + 1);
  return to.received.at(-1)!.url;
}

describe("gravitee.attribute.request.endpoint (assign-attributes)", () => {
  it("routes to the endpoint it names, the path after that endpoint's target path", async () => {
    expect(await urlAt(other, "/assigned/ignored?q=1")).toBe("/other/from-attr?q=1");
  });

  it("routes to an absolute URL, its query before the client's", async () => {
    expect(await urlAt(other, "/absolute/p?q=1")).toBe("/abs?from=attr&q=1");
  });

  it("the short name `request.endpoint` does not route (Gravitee reads the full name only)", async () => {
    expect(await urlAt(main, "/short/p")).toBe("/main/p");
  });

  it("set after dynamic-routing, it wins: the target is read when the endpoint is called", async () => {
    expect(await urlAt(other, "/route-then-assign/p")).toBe("/other/assigned");
  });

  it("set before dynamic-routing, the route wins", async () => {
    expect(await urlAt(main, "/assign-then-route/p")).toBe("/main/routed/p");
  });
});

describe("failover on a call routed by name", () => {
  it("retries the named endpoint (not the default group) after a failure", async () => {
    const mainBefore = main.received.length;
    const res = await fetch(`${gateway.url}/failover/orders`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("flaky answered /orders");
    expect(flakySeen.get("/orders")).toBe(2);
    expect(main.received.length).toBe(mainBefore);
  });
});

describe("WebSocket handshakes follow a dynamic route", () => {
  const echo = (path: string) =>
    new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(`${gateway.url.replace("http", "ws")}${path}`);
      ws.on("open", () => ws.send("hello"));
      ws.on("message", (data) => {
        resolve(data.toString());
        ws.close();
      });
      ws.on("unexpected-response", (_req, res) => reject(new Error(`handshake answered ${res.statusCode}`)));
      ws.on("error", reject);
    });

  it("to an endpoint by name", async () => {
    expect(await echo("/ws-named/chat?room=1")).toBe("/ws/routed/chat?room=1 hello");
  });

  it("to an endpoint by name with the API's failover on", async () => {
    expect(await echo("/ws-failover/chat")).toBe("/ws/fo/chat hello");
  });

  it("to an absolute ws:// URL on another host and port", async () => {
    expect(await echo("/ws-absolute/feed")).toBe("/abs/feed hello");
  });
});
