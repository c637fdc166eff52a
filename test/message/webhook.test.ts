// The webhook entrypoint against a real receiver (a plain node:http server written for these
// tests) and the real Kafka: messages POSTed in order with message headers, subscription headers,
// basic auth and a verifiable HMAC signature; each subscription gets every message; a receiver
// answering 500, or down for seconds, gets everything once it is back (0 lost, duplicates counted);
// a 4xx goes to the DLQ; a drained gateway leaves undelivered messages uncommitted for the next one;
// the delivery state is on /subscriptions and in /metrics. Then in order over mqtt5, solace and
// rabbitmq too.
// Every subscription is a GKO Subscription resource compiled with the API (test/helpers/webhook.ts):
// the bundle is the compiler's, unchanged.
import { createHmac, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import type { Qos, SubscriptionDeliveryState } from "../../runtime/contract.ts";
import type { MockMessageEndpoint } from "../../runtime/endpoints/mock/index.ts";
import type { WebhookEntrypointInput } from "../../runtime/entrypoints/webhook/index.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { webhookSubscriptions } from "../helpers/webhook.ts";
import { kafkaBootstrap } from "../setup/env.ts";
import { BROKERS, brokerGroup } from "./brokers.ts";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver: records every call; `respond` picks the status of each. */
class Receiver {
  readonly received: Received[] = [];
  respond: (r: Received, n: number) => number = () => 204;
  private server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        this.received.push(r);
        res.statusCode = this.respond(r, this.received.length);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/orders?token=secret-in-query`;
  }

  /** Bodies answered 2xx, in arrival order. */
  get delivered(): string[] {
    return this.received.filter((_, i) => this.accepted[i]).map((r) => r.body);
  }

  private readonly accepted: boolean[] = [];
  track(): void {
    const respond = this.respond;
    this.respond = (r, n) => {
      const status = respond(r, n);
      this.accepted[n - 1] = status >= 200 && status < 300;
      return status;
    };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const receivers: Receiver[] = [];
const gateways: TestGateway[] = [];
const secretDirs: string[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
  await Promise.all(secretDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A secrets directory in a Kubernetes Secret volume's layout: `{ secret: { key: value } }`. */
async function secretsDir(secrets: Record<string, Record<string, string>>): Promise<string> {
  const dir = join(PROJECT_DIR, ".tmp", "tests", `secrets-${randomUUID()}`);
  for (const [name, data] of Object.entries(secrets)) {
    await mkdir(join(dir, name), { recursive: true });
    for (const [key, value] of Object.entries(data)) await writeFile(join(dir, name, key), value);
  }
  secretDirs.push(dir);
  return dir;
}

async function receiver(respond?: Receiver["respond"]): Promise<Receiver> {
  const r = new Receiver();
  if (respond) r.respond = respond;
  r.track();
  await r.start();
  receivers.push(r);
  return r;
}

const api = (
  name: string,
  bootstrap = kafkaBootstrap(),
  qos: Qos = "AT_LEAST_ONCE",
  dlq = false,
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
          configuration:
            requestHeadersToMessage: true
    - type: SUBSCRIPTION
      entrypoints:
        - type: webhook
          qos: ${qos}
${dlq ? "          dlq:\n            endpoint: dead-letters\n" : ""}  endpointGroups:
    - name: events
      type: kafka
      endpoints:
        - name: broker
          type: kafka
          configuration:
            bootstrapServers: "${bootstrap}"
          sharedConfigurationOverride:
            consumer: { enabled: true, topics: ["${name}"], autoOffsetReset: earliest }
            producer: { enabled: true, topics: ["${name}"] }
    - name: dead-letters
      type: mock
      endpoints:
        - name: dlq
          type: mock
          configuration:
            messageCount: 0
  plans:
    publishers:
      name: Publishers
      security:
        type: KEY_LESS
    webhooks:
      name: Webhooks
      mode: PUSH
`;

/** Compiles the API with a Subscription resource for each of `input.subscriptions`, and starts it. */
async function start(
  name: string,
  input: WebhookEntrypointInput,
  options: { qos?: Qos; env?: Record<string, string>; bootstrap?: string; application?: string } = {},
): Promise<TestGateway> {
  const g = await startTestGateway(
    {
      [`${name}.yaml`]: api(name, options.bootstrap, options.qos, input.dlq !== undefined),
      [`${name}-subscriptions.yaml`]: webhookSubscriptions(
        name,
        input.subscriptions ?? [],
        options.application,
      ),
    },
    options.env ?? {},
  );
  gateways.push(g);
  if (options.bootstrap) return g;
  // http-post publishes to the first ready endpoint: wait for Kafka, not just the DLQ's mock.
  await until(() => g.apis[0]!.groups[0]!.endpoints[0]!.health().ready);
  return g;
}

const post = async (g: TestGateway, name: string, body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${g.url}/${name}`, { method: "POST", body, headers });
  expect(res.status).toBe(202);
};

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(50);
  }
}

async function states(g: TestGateway): Promise<SubscriptionDeliveryState[]> {
  const res = await fetch(`${g.adminUrl}/subscriptions`);
  return ((await res.json()) as { subscriptions: SubscriptionDeliveryState[] }).subscriptions;
}

const bodies = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);
const fastRetry = { retryOption: "Retry On Fail", retryStrategy: "LINEAR", initialDelaySeconds: 1 } as const;

describe("webhook entrypoint over kafka", () => {
  it("POSTs every message in order with headers, basic auth and a verifiable HMAC signature, credentials from a Secret", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver();
    const secrets = await secretsDir({ "partner-hooks": { password: "s3cret\n", signing: "signing-key" } });
    const g = await start(
      name,
      {
        subscriptions: [
          {
            id: "partner-orders",
            plan: "webhooks",
            configuration: {
              callbackUrl: r.url,
              headers: [{ name: "X-Partner", value: "acme" }],
              auth: {
                type: "basic",
                basic: {
                  username: "gateway",
                  password: { $secret: { name: "partner-hooks", key: "password" } },
                },
              },
            },
            signingSecret: { $secret: { name: "partner-hooks", key: "signing" } },
          },
        ],
      },
      { env: { SLUICE_SECRETS_DIR: secrets } },
    );
    // The generated module holds references only.
    const { readFile } = await import("node:fs/promises");
    const module = await readFile(join(g.dir, "generated", "apis", `${name}.ts`), "utf8");
    expect(module).toContain('name: "partner-hooks"');
    expect(module).not.toContain("s3cret");
    const sent = bodies(10, "order");
    for (const b of sent) await post(g, name, b, { "x-trace": b });
    await until(() => r.delivered.length >= sent.length);
    expect(r.delivered).toEqual(sent);
    const first = r.received[0]!;
    expect(first.headers["x-trace"]).toBe("order-0");
    expect(first.headers["x-partner"]).toBe("acme");
    expect(first.headers.authorization).toBe(`Basic ${Buffer.from("gateway:s3cret").toString("base64")}`);
    // The receiver checks the signature as docs/message-apis.md says.
    for (const call of r.received) {
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call.headers["x-sluice-signature"]));
      expect(m).not.toBeNull();
      const expected = createHmac("sha256", "signing-key").update(`${m![1]}.${call.body}`).digest("hex");
      expect(m![2]).toBe(expected);
      expect(Math.abs(Date.now() / 1000 - Number(m![1]))).toBeLessThan(60);
    }
    await until(() => r.delivered.length === sent.length);
    const [state] = await states(g);
    expect(state).toMatchObject({
      api: name,
      subscription: "partner-orders",
      state: "running",
      delivered: 10,
      failedAttempts: 0,
      callback: `http://127.0.0.1:${r.port}/hooks/orders`,
    });
    expect(state!.lastDelivered?.id).toMatch(new RegExp(`^${name}@0#9$`));
    const metrics = await (await fetch(`${g.adminUrl}/metrics`)).text();
    expect(metrics).toContain(
      `sluice_webhook_messages_total{api="${name}",subscription="partner-orders",outcome="delivered"} 10`,
    );
    // Nothing secret on the admin port or in the logs.
    const shown = JSON.stringify(await states(g)) + g.logs.join("\n");
    expect(shown).not.toContain("s3cret");
    expect(shown).not.toContain("secret-in-query");
    expect(shown).not.toContain("signing-key");
  }, 60_000);

  it("gives each subscription every message (one application, two channels)", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const a = await receiver();
    const b = await receiver();
    const g = await start(
      name,
      {
        subscriptions: [
          { id: "sub-a", plan: "webhooks", channel: "eu", configuration: { callbackUrl: a.url } },
          { id: "sub-b", plan: "webhooks", channel: "us", configuration: { callbackUrl: b.url } },
        ],
      },
      { application: "partner" },
    );
    const sent = bodies(8, "event");
    for (const m of sent) await post(g, name, m);
    await until(() => a.delivered.length >= 8 && b.delivered.length >= 8);
    expect(a.delivered).toEqual(sent);
    expect(b.delivered).toEqual(sent);
  }, 60_000);

  it("retries a receiver that answers 500, then delivers, in order", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver((_, n) => (n <= 2 ? 500 : 200));
    const g = await start(name, {
      subscriptions: [
        { id: "flaky", plan: "webhooks", configuration: { callbackUrl: r.url, retry: fastRetry } },
      ],
    });
    const sent = bodies(3, "retry");
    for (const m of sent) await post(g, name, m);
    await until(() => r.delivered.length >= 3);
    expect(r.delivered).toEqual(sent);
    expect(r.received.map((x) => x.body)).toEqual(["retry-0", "retry-0", ...sent]);
    const [state] = await states(g);
    expect(state).toMatchObject({ delivered: 3, failedAttempts: 2, lastFailure: { status: 500 } });
  }, 60_000);

  it("loses nothing while the receiver is down: everything arrives once it is back", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver();
    const port = r.port;
    const g = await start(name, {
      subscriptions: [
        { id: "sleepy", plan: "webhooks", configuration: { callbackUrl: r.url, retry: fastRetry } },
      ],
    });
    const sent = bodies(12, "down");
    for (const m of sent.slice(0, 4)) await post(g, name, m);
    await until(() => r.delivered.length >= 4);
    await r.stop();
    for (const m of sent.slice(4)) await post(g, name, m);
    await sleep(3_000);
    expect((await states(g))[0]).toMatchObject({ state: "retrying" });
    await r.start(port);
    await until(() => r.delivered.length >= sent.length);
    await sleep(500);
    const duplicates = r.delivered.length - new Set(r.delivered).size;
    console.log(
      `webhook receiver down 3 s: ${new Set(r.delivered).size}/${sent.length} delivered, ${duplicates} duplicates`,
    );
    expect([...new Set(r.delivered)]).toEqual(sent);
    expect((await states(g))[0]).toMatchObject({ state: "running", delivered: 12 });
  }, 60_000);

  it("with the default retry (exponential from 5 s, unlimited), a receiver down for 30 s gets everything after it returns", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver();
    const port = r.port;
    const g = await start(name, {
      subscriptions: [{ id: "patient", plan: "webhooks", configuration: { callbackUrl: r.url } }],
    });
    const sent = bodies(10, "outage");
    await post(g, name, sent[0]!);
    await until(() => r.delivered.length >= 1);
    await r.stop();
    const downAt = Date.now();
    for (const m of sent.slice(1)) await post(g, name, m);
    await sleep(30_000 - (Date.now() - downAt));
    const during = (await states(g))[0]!;
    await r.start(port);
    await until(() => r.delivered.length >= sent.length, 60_000);
    const duplicates = r.delivered.length - new Set(r.delivered).size;
    console.log(
      `webhook receiver down 30 s: ${new Set(r.delivered).size}/${sent.length} delivered, ${duplicates} duplicates, ${during.failedAttempts} failed attempts while down, back after ${Date.now() - downAt} ms`,
    );
    expect(during).toMatchObject({ state: "retrying" });
    expect(during.failedAttempts).toBeGreaterThanOrEqual(3);
    expect([...new Set(r.delivered)]).toEqual(sent);
  }, 120_000);

  it("sends a message the receiver refuses (4xx) to the DLQ without retrying, and goes on", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver((x) => (x.body === "poison" ? 422 : 200));
    const g = await start(name, {
      dlq: { endpoint: "dead-letters" },
      subscriptions: [
        { id: "strict", plan: "webhooks", configuration: { callbackUrl: r.url, retry: fastRetry } },
      ],
    });
    for (const m of ["ok-1", "poison", "ok-2"]) await post(g, name, m);
    await until(() => r.delivered.length >= 2);
    expect(r.delivered).toEqual(["ok-1", "ok-2"]);
    expect(r.received.filter((x) => x.body === "poison")).toHaveLength(1);
    const dlq = g.apis[0]!.groups.find((x) => x.name === "dead-letters")!.endpoints[0] as MockMessageEndpoint;
    expect(dlq.published.map((m) => m.content.toString())).toEqual(["poison"]);
    expect((await states(g))[0]).toMatchObject({ delivered: 2, deadLettered: 1, dropped: 0 });
  }, 60_000);

  it("a drained gateway leaves what it could not deliver uncommitted: the next gateway delivers it", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver(() => 503);
    const input: WebhookEntrypointInput = {
      subscriptions: [
        { id: "durable", plan: "webhooks", configuration: { callbackUrl: r.url, retry: fastRetry } },
      ],
    };
    const g1 = await start(name, input);
    for (const m of ["kept-1", "kept-2"]) await post(g1, name, m);
    await until(() => r.received.length >= 2);
    await g1.close();
    gateways.splice(gateways.indexOf(g1), 1);
    r.respond = () => 200;
    r.track();
    const g2 = await start(name, input);
    await until(() => r.delivered.length >= 2);
    expect(r.delivered).toEqual(["kept-1", "kept-2"]);
    expect((await states(g2))[0]).toMatchObject({ delivered: 2 });
  }, 60_000);

  it("shows its subscriptions as starting while the broker is unreachable", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const closed = await receiver();
    const port = closed.port;
    await closed.stop();
    const g = await start(
      name,
      {
        subscriptions: [
          { id: "waiting", plan: "webhooks", configuration: { callbackUrl: "http://127.0.0.1:9/x" } },
        ],
      },
      { bootstrap: `127.0.0.1:${port}` },
    );
    await sleep(500);
    expect(await states(g)).toEqual([
      expect.objectContaining({
        subscription: "waiting",
        state: "starting",
        delivered: 0,
        detail: "waiting for the API's endpoints to connect",
      }),
    ]);
  }, 60_000);

  it("a subscription with an unusable callback fails, visibly, without stopping the others", async () => {
    const name = `webhook-${randomUUID().slice(0, 8)}`;
    const r = await receiver();
    // `sluice check` refuses an ftp:// callbackUrl written in the spec; from the environment it
    // is seen at start.
    const g = await start(
      name,
      {
        subscriptions: [
          { id: "bad", plan: "webhooks", configuration: { callbackUrl: "${BAD_CALLBACK}" } },
          { id: "good", plan: "webhooks", configuration: { callbackUrl: r.url } },
        ],
      },
      { env: { BAD_CALLBACK: "ftp://example.com/x" } },
    );
    await post(g, name, "hello");
    await until(() => r.delivered.length >= 1);
    const all = await states(g);
    expect(all.find((s) => s.subscription === "bad")).toMatchObject({ state: "failed" });
    expect(all.find((s) => s.subscription === "bad")?.detail).toContain("callbackUrl must be http");
    expect(all.find((s) => s.subscription === "good")).toMatchObject({ state: "running", delivered: 1 });
  }, 60_000);
});

const brokerApi = (name: string, type: string, endpoint: string) => `apiVersion: gravitee.io/v1alpha1
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
    - type: SUBSCRIPTION
      entrypoints:
        - type: webhook
          qos: AT_LEAST_ONCE
${brokerGroup(type, endpoint, "events")}  plans:
    publishers:
      name: Publishers
      security:
        type: KEY_LESS
    webhooks:
      name: Webhooks
      mode: PUSH
`;

for (const b of BROKERS.filter((x) => x.type !== "kafka")) {
  describe(`webhook entrypoint over ${b.type}`, () => {
    it("delivers every message in order at AT_LEAST_ONCE", async () => {
      const name = `webhook-${b.type}-${randomUUID().slice(0, 8)}`;
      const r = await receiver();
      const input: WebhookEntrypointInput = {
        subscriptions: [
          { id: "sub", plan: "webhooks", configuration: { callbackUrl: r.url, retry: fastRetry } },
        ],
      };
      const g = await startTestGateway({
        [`${name}.yaml`]: brokerApi(name, b.type, b.endpoint(name)),
        [`${name}-subscriptions.yaml`]: webhookSubscriptions(name, input.subscriptions ?? []),
      });
      gateways.push(g);
      await until(() => g.apis[0]!.groups[0]!.endpoints[0]!.health().ready);
      // These brokers keep nothing for a consumer that has not subscribed yet: warm up first.
      for (let i = 0; r.received.length === 0; i++) {
        if (i > 100) throw new Error("the webhook never received anything");
        await post(g, name, `warm-${i}`);
        await sleep(200);
      }
      const sent = bodies(10, b.type);
      for (const m of sent) await post(g, name, m);
      await until(() => sent.every((m) => r.delivered.includes(m)));
      expect(r.delivered.filter((m) => !m.startsWith("warm-"))).toEqual(sent);
      expect((await states(g))[0]).toMatchObject({ state: "running", failedAttempts: 0 });
    }, 60_000);
  });
}
