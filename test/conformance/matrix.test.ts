// The conformance matrix: every consuming entrypoint (http-get, sse, websocket, webhook) × every
// message endpoint (kafka, mqtt5, solace, rabbitmq, mock) × every QoS the entrypoint offers,
// against the real brokers. A cell Gravitee's table allows (runtime/message/connectors.ts, the one
// the compiler and the runtime read) must deliver a message end to end; a cell it does not allow
// must be refused by the compiler with `exposure/qos` — those are listed in the output with the
// diagnostic. Messages are produced through each API's own http-post entrypoint.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { EventSource } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Qos } from "../../runtime/contract.ts";
import { MESSAGE_ENTRYPOINTS, supportedQos } from "../../runtime/message/connectors.ts";
import { diagnose } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { webhookSubscriptions } from "../helpers/webhook.ts";
import { BROKERS, type Broker, brokerGroup } from "../message/brokers.ts";

const CONSUMERS = ["http-get", "sse", "websocket", "webhook"] as const;
type Consumer = (typeof CONSUMERS)[number];

const MOCK: Broker = {
  type: "mock",
  endpoint: () => `
configuration:
  messageInterval: 100
  messageContent: from-the-mock`,
};

interface Cell {
  entrypoint: Consumer;
  qos: Qos;
  api: string;
}

const tag = randomUUID().slice(0, 6);
const apiName = (type: string, e: Consumer, q: Qos) =>
  `mx-${type}-${e}-${q.toLowerCase().replaceAll("_", "")}-${tag}`.slice(0, 63);

/** The entrypoint under test (webhook: on a SUBSCRIPTION listener, see `spec`). */
function entrypointYaml(e: Consumer, q: Qos): string {
  switch (e) {
    case "http-get":
      return `        - type: http-get\n          qos: ${q}\n          configuration:\n            messagesLimitCount: 1\n            messagesLimitDurationMs: 3000`;
    case "sse":
      return `        - type: sse\n          qos: ${q}`;
    case "websocket":
      return `        - type: websocket\n          qos: ${q}\n          configuration:\n            publisher: { enabled: false }`;
    case "webhook":
      return "";
  }
}

const spec = (
  name: string,
  b: Broker,
  e: Consumer,
  q: Qos,
  webhookListener = false,
) => `apiVersion: gravitee.io/v1alpha1
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
        - type: http-post
${entrypointYaml(e, q)}
${webhookListener ? `    - type: SUBSCRIPTION\n      entrypoints:\n        - type: webhook\n          qos: ${q}\n` : ""}${brokerGroup(b.type, b.endpoint(name), "events")}  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
    push:
      name: Push
      mode: PUSH
`;

const rejectedCells: string[] = [];

for (const b of [...BROKERS, MOCK]) {
  const offered = CONSUMERS.flatMap((e) => (MESSAGE_ENTRYPOINTS.get(e)?.qos ?? []).map((q) => ({ e, q })));
  const cells: Cell[] = offered
    .filter(({ e, q }) => supportedQos(e, b.type).includes(q))
    .map(({ e, q }) => ({ entrypoint: e, qos: q, api: apiName(b.type, e, q) }));
  const refused = offered.filter(({ e, q }) => !supportedQos(e, b.type).includes(q));

  describe(`conformance matrix: ${b.type}`, () => {
    let gateway: TestGateway;
    let receiver: Server;
    const hooked = new Map<string, string[]>();

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const api = (req.url ?? "").slice(1);
          hooked.set(api, [...(hooked.get(api) ?? []), Buffer.concat(chunks).toString()]);
          res.end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      const port = (receiver.address() as AddressInfo).port;
      for (const c of cells) await b.prepare?.(c.api);
      // Each webhook cell: its API with a webhook entrypoint, and a Subscription to its PUSH plan.
      const files = Object.fromEntries(
        cells.flatMap((c) => {
          const api: [string, string] = [
            `${c.api}.yaml`,
            spec(c.api, b, c.entrypoint, c.qos, c.entrypoint === "webhook"),
          ];
          if (c.entrypoint !== "webhook") return [api];
          const id = `matrix-${c.qos.toLowerCase().replaceAll("_", "")}`;
          const subscription = webhookSubscriptions(c.api, [
            { id, plan: "push", configuration: { callbackUrl: `http://127.0.0.1:${port}/${c.api}` } },
          ]);
          return [api, [`${c.api}-subscription.yaml`, subscription]];
        }),
      );
      gateway = await startTestGateway(files);
      const deadline = Date.now() + 60_000;
      while ((await fetch(`${gateway.adminUrl}/health/ready`)).status !== 200) {
        if (Date.now() > deadline) throw new Error("not ready");
        await sleep(100);
      }
    }, 180_000);

    afterAll(async () => {
      await gateway?.close();
      await new Promise((r) => receiver?.close(r));
    });

    /** Posts a message every 300 ms until `got()` shows one arrived. */
    const deliverOne = async (c: Cell, got: () => string[]): Promise<string[]> => {
      const deadline = Date.now() + 30_000;
      const expected = b.type === "mock" ? "from-the-mock" : `for-${c.api}`;
      for (;;) {
        if (got().includes(expected)) return got();
        if (Date.now() > deadline)
          throw new Error(`${c.entrypoint} ${c.qos} over ${b.type}: nothing arrived`);
        if (b.type !== "mock") await fetch(`${gateway.url}/${c.api}`, { method: "POST", body: expected });
        await sleep(300);
      }
    };

    it.each(cells.map((c) => [c.entrypoint, c.qos, c] as const))(
      "%s at %s delivers",
      async (_e, _q, c) => {
        const received: string[] = [];
        const url = `${gateway.url}/${c.api}`;
        const stop: Array<() => void> = [];
        try {
          if (c.entrypoint === "sse") {
            const source = new EventSource(url);
            source.onmessage = (m) => received.push(String(m.data));
            stop.push(() => source.close());
          } else if (c.entrypoint === "websocket") {
            const socket = new WebSocket(url.replace("http", "ws"));
            socket.on("message", (data) => received.push(data.toString()));
            stop.push(() => socket.close());
          } else if (c.entrypoint === "http-get") {
            let polling = true;
            stop.push(() => {
              polling = false;
            });
            void (async () => {
              while (polling) {
                try {
                  const res = await fetch(url, { headers: { accept: "application/json" } });
                  const page = (await res.json()) as { items: Array<{ content: string }> };
                  received.push(...page.items.map((i) => i.content));
                } catch {
                  await sleep(100);
                }
              }
            })();
          }
          const got = await deliverOne(c, () =>
            c.entrypoint === "webhook" ? (hooked.get(c.api) ?? []) : received,
          );
          expect(got.length).toBeGreaterThan(0);
        } finally {
          for (const s of stop) s();
        }
      },
      60_000,
    );

    it.each(refused.map(({ e, q }) => [e, q] as const))("%s at %s is refused by the compiler", (e, q) => {
      const name = apiName(b.type, e, q);
      const found = diagnose({ [`${name}.yaml`]: spec(name, b, e, q, e === "webhook") }).filter(
        (d) => d.code === "exposure/qos",
      );
      expect(found).toHaveLength(1);
      rejectedCells.push(`${e} × ${b.type} × ${q}: ${found[0]!.code} — ${found[0]!.message}`);
    });
  });
}

afterAll(() => {
  console.log(
    `cells the compiler refuses (${rejectedCells.length}):\n  ${rejectedCells.sort().join("\n  ")}`,
  );
});
