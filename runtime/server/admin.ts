// The admin port (docs/contract.md §4): /health/live, /health/ready (names what is not ready),
// /metrics (Prometheus), /info (bundle version, the bundle's digest, spec hashes) and
// /subscriptions (each webhook subscription's delivery state), /notifications (each webhook
// Notification's queue, when some API references one). Served by fastify: small, and off
// the traffic hot path. It binds 127.0.0.1 unless SLUICE_ADMIN_HOST says otherwise (gateway.ts),
// and with SLUICE_ADMIN_TOKEN set, /metrics, /info, /subscriptions and /notifications need
// `Authorization: Bearer <token>`; the health endpoints stay open for probes. With debug mode on,
// /debug/<request-id> serves the record of a debugged request (same token). With SLUICE_PORTAL_DIR
// set, the developer portal `sluice docs` built is served at /portal/ (docs/portal.md), open like
// the health endpoints: it is public documentation.
import { createHash, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { bundleDigest, SOURCES_RECORD, type SourcesRecord } from "../bundle-digest.ts";
import type { GatewayBundle, SubscriptionDeliveryState } from "../contract.ts";
import type { EndpointState, Metrics, MetricsExtras } from "./metrics.ts";

export interface Readiness {
  api: string;
  ready: boolean;
  notReady: Array<{ endpoint: string; detail?: string }>;
}

export function createAdminServer(options: {
  bundle: GatewayBundle;
  metrics: Metrics;
  readiness: () => Readiness[];
  deliveries?: () => SubscriptionDeliveryState[];
  draining: () => boolean;
  /**
   * Gateway-wide components (the shared counters' Redis): one that is not ready makes the gateway not
   * ready; one that is down but not needed for readiness is listed as degraded.
   */
  components?: () => Array<{ name: string; ready: boolean; up: boolean; detail?: string }>;
  /** Every endpoint and whether it is up (sluice_endpoint_up). */
  endpoints?: () => EndpointState[];
  /** Message consumers' lag (sluice_consumer_lag_messages). */
  consumerLag?: () => NonNullable<MetricsExtras["consumerLag"]>;
  /** The access log's counters, when it is on. */
  accessLog?: { written: number; dropped: number } | undefined;
  /** More Prometheus lines for /metrics. */
  extraMetrics?: () => string[];
  /** Debug mode's record of a request (runtime/observability/debug.ts), served at /debug/<request-id>. */
  debugRecord?: (requestId: string) => unknown;
  /** The bundle's dist/ folder, when running from one: /info then serves its digest. */
  bundleDir?: string | undefined;
  /** Bearer token for /metrics and /info (undefined: open). */
  token?: string | undefined;
  /** Each webhook Notification's queue and counters: /notifications (docs/notifications.md). */
  notifications?: () => unknown[];
  /** A folder `sluice docs` wrote: served at /portal/. */
  portalDir?: string | undefined;
}): FastifyInstance {
  const app = Fastify({ logger: false });
  const expected = options.token ? digest(options.token) : undefined;
  app.addHook("onRequest", async (req, reply) => {
    if (!expected || req.url.startsWith("/health/") || req.url.startsWith("/portal/")) return;
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    // Compared as digests: constant time, whatever the lengths.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      reply.code(401).header("www-authenticate", 'Bearer realm="sluice-admin"').send({ status: 401 });
    }
  });
  // Computed on the first /info, once: the files of a running bundle do not change.
  let bundleDigestOnce: Promise<string | undefined> | undefined;
  const bundleDir = options.bundleDir;
  const digestOf = (dir: string) => {
    bundleDigestOnce ??= bundleDigest(dir).catch(() => undefined);
    return bundleDigestOnce;
  };
  // Each API's spec commit, recorded by the compiler beside the bundle (not part of it).
  let sourcesOnce: Promise<SourcesRecord["apis"]> | undefined;
  const sourcesOf = (dir: string | undefined) => {
    sourcesOnce ??= dir
      ? readFile(join(dir, SOURCES_RECORD), "utf8").then(
          (text) => (JSON.parse(text) as SourcesRecord).apis ?? {},
          () => ({}),
        )
      : Promise.resolve({});
    return sourcesOnce;
  };
  if (options.portalDir) servePortal(app, options.portalDir);
  app.get("/health/live", async () => ({ status: "UP" }));
  app.get("/health/ready", async (_req, reply) => {
    const all = options.readiness();
    const notReady = all.filter((r) => !r.ready);
    const components = options.components?.() ?? [];
    const draining = options.draining();
    const ready = notReady.length === 0 && !draining && components.every((c) => c.ready);
    const down = (c: { name: string; detail?: string }) => ({ component: c.name, detail: c.detail });
    reply.code(ready ? 200 : 503);
    return {
      status: ready ? "UP" : "DOWN",
      ...(draining ? { draining: true } : {}),
      notReady: notReady.map((r) => ({ api: r.api, endpoints: r.notReady })),
      ...(components.some((c) => !c.ready)
        ? { components: components.filter((c) => !c.ready).map(down) }
        : {}),
      ...(components.some((c) => c.ready && !c.up)
        ? { degraded: components.filter((c) => c.ready && !c.up).map(down) }
        : {}),
    };
  });
  app.get("/metrics", async (_req, reply) => {
    reply.type("text/plain; version=0.0.4");
    const text = options.metrics.render(options.readiness(), {
      deliveries: options.deliveries?.() ?? [],
      endpoints: options.endpoints?.() ?? [],
      consumerLag: options.consumerLag?.() ?? [],
      accessLog: options.accessLog,
    });
    const extra = options.extraMetrics?.() ?? [];
    return extra.length === 0 ? text : `${text.replace(/\n?$/, "\n")}${extra.join("\n")}\n`;
  });
  const debugRecord = options.debugRecord;
  if (debugRecord)
    app.get<{ Params: { id: string } }>("/debug/:id", async (req, reply) => {
      const record = debugRecord(req.params.id);
      if (record === undefined) reply.code(404);
      return record ?? { status: 404, message: "no debug record for this request id" };
    });
  app.get("/subscriptions", async () => ({ subscriptions: options.deliveries?.() ?? [] }));
  const notifications = options.notifications;
  if (notifications) app.get("/notifications", async () => ({ notifications: notifications() }));
  app.get("/info", async () => {
    const sources = await sourcesOf(bundleDir);
    return {
      version: options.bundle.version,
      ...(bundleDir ? { digest: await digestOf(bundleDir) } : {}),
      apis: options.bundle.apis.map((a) => ({
        id: a.id,
        name: a.name,
        version: a.version,
        type: a.type,
        source: a.source,
        hash: a.hash,
        ...sources[a.id],
      })),
    };
  });
  return app;
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/**
 * The developer portal `sluice docs` wrote, at /portal/ (open like the health endpoints: public
 * documentation). The static-file module is loaded only when the portal is on.
 */
export function servePortal(app: FastifyInstance, dir: string): void {
  const root = resolve(dir);
  app.get("/portal", async (_req, reply) => reply.redirect("/portal/"));
  app.register(async (scope) => {
    const { default: fastifyStatic } = await import("@fastify/static");
    await scope.register(fastifyStatic, { root, prefix: "/portal/", index: "index.html", redirect: true });
  });
}
