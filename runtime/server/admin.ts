// The admin port (SPEC.md §4): /health/live, /health/ready (names what is not ready), /metrics
// (Prometheus), /info (bundle version and spec hashes) and /subscriptions (each webhook
// subscription's delivery state). Served by fastify: small, and off the
// traffic hot path.
import Fastify, { type FastifyInstance } from "fastify";
import type { GatewayBundle, SubscriptionDeliveryState } from "../contract.ts";
import type { Metrics } from "./metrics.ts";

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
}): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get("/health/live", async () => ({ status: "UP" }));
  app.get("/health/ready", async (_req, reply) => {
    const all = options.readiness();
    const notReady = all.filter((r) => !r.ready);
    const draining = options.draining();
    const ready = notReady.length === 0 && !draining;
    reply.code(ready ? 200 : 503);
    return {
      status: ready ? "UP" : "DOWN",
      ...(draining ? { draining: true } : {}),
      notReady: notReady.map((r) => ({ api: r.api, endpoints: r.notReady })),
    };
  });
  app.get("/metrics", async (_req, reply) => {
    reply.type("text/plain; version=0.0.4");
    return options.metrics.render(options.readiness(), options.deliveries?.() ?? []);
  });
  app.get("/subscriptions", async () => ({ subscriptions: options.deliveries?.() ?? [] }));
  app.get("/info", async () => ({
    version: options.bundle.version,
    apis: options.bundle.apis.map((a) => ({
      id: a.id,
      name: a.name,
      version: a.version,
      type: a.type,
      source: a.source,
      hash: a.hash,
    })),
  }));
  return app;
}
