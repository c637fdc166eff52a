// Notifications end to end: a gateway whose API references a webhook Notification, a receiver the
// test starts (a real HTTP server, failing its first calls with 500), and a backend the test stops
// and starts again while the endpoint's health check runs every second. The receiver gets
// API_READY after the retries, ENDPOINT_DOWN, ENDPOINT_UP and the expiring subscription and key,
// as Slack-compatible JSON; the token in the webhook URL is in no log line.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationPayload } from "../../runtime/notifications/events.ts";
import { WebhookTarget, webhookOf } from "../../runtime/notifications/webhook-target.ts";
import { createLogger } from "../../runtime/server/log.ts";
import { diagnose, summary } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { webhookSubscriptions } from "../helpers/webhook.ts";

interface Receiver {
  url: string;
  received: NotificationPayload[];
  /** Requests answered, with their status. */
  calls: Array<{ event: string; status: number; query: string }>;
  headers: IncomingHttpHeaders[];
  failNext: number;
  delayMs: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Omit<Receiver, "url" | "close"> = {
    received: [],
    calls: [],
    headers: [],
    failNext: 0,
    delayMs: 0,
  };
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as NotificationPayload;
      const status = receiver.failNext > 0 ? 500 : 200;
      if (receiver.failNext > 0) receiver.failNext--;
      const query = new URL(req.url ?? "/", "http://x").search;
      setTimeout(() => {
        receiver.calls.push({ event: body.event, status, query });
        receiver.headers.push(req.headers);
        if (status === 200) receiver.received.push(body);
        res.writeHead(status).end();
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/ops`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

/** A backend on a fixed port, which the test can stop and start again. */
class Backend {
  private server: Server | undefined;
  port = 0;
  async start(): Promise<void> {
    const server = createServer((_req, res) => res.writeHead(200).end("ok"));
    await new Promise<void>((r) => server.listen(this.port, "127.0.0.1", r));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

const TOKEN = "s3cr3t-t0ken";
const day = 86_400_000;

function specs(backendPort: number) {
  const endingAt = new Date(Date.now() + 2 * day).toISOString();
  const expireAt = new Date(Date.now() + day).toISOString();
  return {
    "books.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata: { name: books }
spec:
  name: Books
  version: "1.0"
  type: PROXY
  notificationsRefs: [{ name: ops }]
  listeners:
    - type: HTTP
      paths: [{ path: /books }]
      entrypoints: [{ type: http-proxy }]
  endpointGroups:
    - name: books-service
      type: http-proxy
      endpoints:
        - name: books-a
          type: http-proxy
          configuration: { target: "http://127.0.0.1:${backendPort}" }
          services:
            healthCheck:
              enabled: true
              type: http-health-check
              configuration:
                schedule: "*/1 * * * * *"
                target: /
                failureThreshold: 1
                successThreshold: 1
  plans:
    keys: { name: Keys, security: { type: API_KEY } }
`,
    "ops.yaml": `apiVersion: gravitee.io/v1alpha1
kind: Notification
metadata: { name: ops }
spec:
  target: webhook
  eventType: api
  webhook:
    url: \${OPS_WEBHOOK_URL}
    apiEvents: [API_READY, API_NOT_READY, ENDPOINT_DOWN, ENDPOINT_UP, SUBSCRIPTION_EXPIRING, APIKEY_EXPIRING]
    retry: { maxAttempts: 5, initialDelayMs: 50, maxDelayMs: 400 }
    expiringWithinDays: 3
`,
    "consumers.yaml": `apiVersion: gravitee.io/v1alpha1
kind: Application
metadata: { name: library }
spec: { name: Library app, settings: { app: { type: backend } } }
---
apiVersion: gravitee.io/v1alpha1
kind: Subscription
metadata: { name: library-books }
spec:
  api: { name: books }
  application: { name: library }
  plan: keys
  endingAt: "${endingAt}"
  apiKeys: [{ key: "\${LIBRARY_KEY}", expireAt: "${expireAt}" }]
`,
  };
}

async function until<T>(what: string, get: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("notifications to a webhook", () => {
  let receiver: Receiver;
  const backend = new Backend();
  let gateway: TestGateway;

  beforeAll(async () => {
    receiver = await startReceiver();
    receiver.failNext = 2;
    await backend.start();
    gateway = await startTestGateway(specs(backend.port), {
      OPS_WEBHOOK_URL: `${receiver.url}?token=${TOKEN}`,
      LIBRARY_KEY: "library-key-0123456789-abcdefghijklmnop",
      SLUICE_NOTIFICATIONS_POLL_MS: "100",
      SLUICE_NOTIFICATIONS_GRACE_MS: "500",
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await backend.stop();
    await receiver?.close();
  });

  const event =
    (name: string, after = 0) =>
    () =>
      receiver.received.slice(after).find((p) => p.event === name);

  it("sends API_READY after retrying two 500s, as Slack-compatible JSON with structured fields", async () => {
    const ready = await until("API_READY", event("API_READY"));
    expect(ready.text).toBe(":large_green_circle: API Books (books) is ready");
    expect(ready.api).toEqual({ id: "books", name: "Books", version: "1.0" });
    expect(Date.parse(ready.at)).toBeGreaterThan(Date.now() - 60_000);
    const readyCalls = receiver.calls.filter((c) => c.event === "API_READY");
    expect(readyCalls.map((c) => c.status)).toEqual([500, 500, 200]);
    expect(readyCalls[0]?.query).toBe(`?token=${TOKEN}`);
  });

  it("sends the subscription and the API key that end within expiringWithinDays, once each", async () => {
    const subscription = await until("SUBSCRIPTION_EXPIRING", event("SUBSCRIPTION_EXPIRING"));
    expect(subscription).toMatchObject({
      subscription: "library-books",
      application: "Library app",
      plan: "Keys",
    });
    const key = await until("APIKEY_EXPIRING", event("APIKEY_EXPIRING"));
    expect(key).toMatchObject({ subscription: "library-books", key: 0 });
    expect(JSON.stringify(key)).not.toContain("library-key-0123456789-abcdefghijklmnop");
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.filter((p) => p.event === "APIKEY_EXPIRING")).toHaveLength(1);
  });

  it("sends ENDPOINT_DOWN when the backend stops and ENDPOINT_UP when it is back", async () => {
    const before = receiver.received.length;
    await backend.stop();
    const down = await until("ENDPOINT_DOWN", event("ENDPOINT_DOWN", before));
    expect(down.endpoint).toBe("books-service:books-a");
    expect(down.text).toMatch(
      /^:red_circle: API Books \(books\): endpoint books-service:books-a is down: health check failed/,
    );
    const notReady = await until("API_NOT_READY", event("API_NOT_READY", before));
    expect(notReady.notReady).toEqual(["books-service:books-a"]);
    const mid = receiver.received.length;
    await backend.start();
    const up = await until("ENDPOINT_UP", event("ENDPOINT_UP", mid));
    expect(up.text).toBe(
      ":large_green_circle: API Books (books): endpoint books-service:books-a is up again",
    );
    await until("API_READY again", event("API_READY", mid));
  });

  it("shows each Notification's queue on the admin port, and never logs the URL's token", async () => {
    const state = (await (await fetch(`${gateway.adminUrl}/notifications`)).json()) as {
      notifications: Array<{ notification: string; sent: number; retries: number; failed: number }>;
    };
    expect(state.notifications).toHaveLength(1);
    expect(state.notifications[0]).toMatchObject({ notification: "ops", failed: 0, retries: 2 });
    expect(state.notifications[0]!.sent).toBeGreaterThanOrEqual(6);
    expect(gateway.logs.join("\n")).toContain('"notifications":["ops"]');
    expect(gateway.logs.join("\n")).not.toContain(TOKEN);
  });
});

describe("notifications of push deliveries", () => {
  it("sends WEBHOOK_DELIVERY_FAILING when a subscriber answers 500, and RECOVERED when it accepts again", async () => {
    const receiver = await startReceiver();
    let subscriberStatus = 500;
    const subscriber = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(subscriberStatus).end());
    });
    await new Promise<void>((r) => subscriber.listen(0, "127.0.0.1", r));
    const callback = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/in`;
    const gateway = await startTestGateway(
      {
        "ticks.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata: { name: ticks }
spec:
  name: Ticks
  version: "1"
  type: MESSAGE
  notificationsRefs: [{ name: ops }]
  listeners:
    - type: SUBSCRIPTION
      entrypoints: [{ type: webhook, qos: AT_LEAST_ONCE }]
  endpointGroups:
    - name: g
      type: mock
      endpoints: [{ name: m, type: mock, configuration: { messageInterval: 100, messageContent: tick } }]
  plans:
    push: { name: Push, mode: PUSH }
`,
        "ops.yaml": `apiVersion: gravitee.io/v1alpha1
kind: Notification
metadata: { name: ops }
spec:
  target: webhook
  webhook: { url: "${receiver.url}", apiEvents: [WEBHOOK_DELIVERY_FAILING, WEBHOOK_DELIVERY_RECOVERED] }
`,
        "subscriptions.yaml": webhookSubscriptions("ticks", [
          {
            id: "ticker",
            plan: "push",
            configuration: {
              callbackUrl: callback,
              retry: {
                retryOption: "Retry On Fail",
                retryStrategy: "LINEAR",
                initialDelaySeconds: 1,
                maxDelaySeconds: 1,
              },
            },
          },
        ]),
      },
      { SLUICE_NOTIFICATIONS_POLL_MS: "100" },
    );
    try {
      const failing = await until("WEBHOOK_DELIVERY_FAILING", () =>
        receiver.received.find((p) => p.event === "WEBHOOK_DELIVERY_FAILING"),
      );
      expect(failing).toMatchObject({ subscription: "ticker", plan: "Push", callback, detail: "status 500" });
      subscriberStatus = 204;
      const recovered = await until("WEBHOOK_DELIVERY_RECOVERED", () =>
        receiver.received.find((p) => p.event === "WEBHOOK_DELIVERY_RECOVERED"),
      );
      expect(recovered.text).toBe(
        ":white_check_mark: API Ticks (ticks): webhook deliveries of subscription ticker are running again",
      );
    } finally {
      await gateway.close();
      subscriber.closeAllConnections();
      await new Promise<void>((r) => subscriber.close(() => r()));
      await receiver.close();
    }
  });
});

describe("a webhook target's queue", () => {
  it("is bounded (the oldest waiting event is dropped) and gives up after maxAttempts", async () => {
    const receiver = await startReceiver();
    receiver.delayMs = 150;
    receiver.failNext = 100;
    const logs: string[] = [];
    const target = new WebhookTarget(
      webhookOf(
        "slow",
        {
          url: receiver.url,
          apiEvents: ["API_READY"],
          queueSize: 2,
          retry: { maxAttempts: 2, initialDelayMs: 10 },
        },
        () => undefined,
      ),
      createLogger({}, (line) => logs.push(line)),
    );
    const api = { id: "a", name: "A", version: "1" };
    for (let i = 0; i < 5; i++)
      target.enqueue({ text: `event ${i}`, event: "API_READY", at: new Date().toISOString(), api });
    // Event 0 is being sent; of the four that waited, the two oldest were dropped.
    expect(target.snapshot()).toMatchObject({ queued: 3, dropped: 2 });
    await until("the queue to drain", () => (target.snapshot().queued === 0 ? true : undefined), 10_000);
    expect(target.snapshot()).toMatchObject({ sent: 0, failed: 3, dropped: 2 });
    expect(receiver.calls).toHaveLength(6); // events 0, 3 and 4, two attempts each
    expect(logs.filter((l) => l.includes("notification not delivered"))).toHaveLength(3);
    target.close();
    await receiver.close();
  });
});

describe("notification references", () => {
  it("an unknown Notification is a located error", () => {
    const found = diagnose(`apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata: { name: a }
spec:
  name: A
  version: "1"
  type: PROXY
  notificationsRefs:
    - name: nobody
  listeners:
    - type: HTTP
      paths: [{ path: /a }]
      entrypoints: [{ type: http-proxy }]
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints: [{ name: e, type: http-proxy, configuration: { target: "http://127.0.0.1:9" } }]
  plans:
    open: { name: Open, security: { type: KEY_LESS } }
`);
    expect(summary(found)).toEqual(["notification/unknown-ref@9:13"]);
    expect(found[0]?.severity).toBe("error");
  });

  it("a webhook Notification without its webhook block is a located error", () => {
    const found = diagnose(`apiVersion: gravitee.io/v1alpha1
kind: Notification
metadata: { name: ops }
spec:
  target: webhook
`);
    expect(summary(found)).toEqual(["notification/webhook-required@5:11"]);
  });
});

describe("GKO's console Notification", () => {
  it("checks, with a warning that it sends nothing", () => {
    const found = diagnose(`apiVersion: gravitee.io/v1alpha1
kind: Notification
metadata: { name: api-notification-groups }
spec:
  target: console
  eventType: api
  console:
    apiEvents: [API_STARTED, API_STOPPED]
    groupRefs: [{ name: developers }]
    groups: [product]
`);
    expect(summary(found)).toEqual(["notification/console-target@5:11"]);
    expect(found[0]?.severity).toBe("warning");
  });
});

describe("a webhook URL from the environment", () => {
  it("stops the start when its variable is missing, naming it and the field", async () => {
    await expect(
      startTestGateway(
        specs(9),
        { LIBRARY_KEY: "library-key-0123456789-abcdefghijklmnop" },
        (bundle) => bundle,
      ),
    ).rejects.toThrow(
      /OPS_WEBHOOK_URL.*ops\.yaml#\/spec\/webhook\/url|ops\.yaml#\/spec\/webhook\/url.*OPS_WEBHOOK_URL/,
    );
  });
});

describe("a webhook URL from a secret", () => {
  it("is read from the secrets directory when sending, and never logged", async () => {
    const receiver = await startReceiver();
    const secrets = await mkdtemp(join(tmpdir(), "sluice-notify-secrets-"));
    await mkdir(join(secrets, "ops-webhook"));
    await writeFile(join(secrets, "ops-webhook", "url"), `${receiver.url}?token=${TOKEN}`);
    const gateway = await startTestGateway(
      {
        "a.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata: { name: a }
spec:
  name: A
  version: "1"
  type: PROXY
  notificationsRefs: [{ name: ops }]
  listeners: [{ type: HTTP, paths: [{ path: /a }], entrypoints: [{ type: http-proxy }] }]
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints: [{ name: e, type: http-proxy, configuration: { target: "http://127.0.0.1:9" } }]
  plans:
    open: { name: Open, security: { type: KEY_LESS } }
`,
        "ops.yaml": `apiVersion: gravitee.io/v1alpha1
kind: Notification
metadata: { name: ops }
spec:
  target: webhook
  webhook:
    url: "[[ secret \`ops-webhook/url\` ]]"
    apiEvents: [API_READY]
    headers: [{ name: X-Team, value: payments }]
`,
      },
      { SLUICE_SECRETS_DIR: secrets, SLUICE_NOTIFICATIONS_POLL_MS: "100" },
    );
    try {
      const ready = await until("API_READY", () => receiver.received.find((p) => p.event === "API_READY"));
      expect(ready.api.id).toBe("a");
      expect(receiver.calls[0]?.query).toBe(`?token=${TOKEN}`);
      expect(receiver.headers[0]?.["x-team"]).toBe("payments");
      expect(gateway.logs.join("\n")).not.toContain(TOKEN);
    } finally {
      await gateway.close();
      await receiver.close();
      await rm(secrets, { recursive: true, force: true });
    }
  });
});
