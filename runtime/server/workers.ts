// Workers on every core (node:cluster). `SLUICE_WORKERS` (default: the cores this process may use,
// cgroup CPU quota included) gateway processes share the traffic ports; the primary owns no API:
// it forks the workers, serves the admin port for all of them, restarts a worker that dies, and
// on SIGTERM drains every worker before it exits. `SLUICE_WORKERS=1` is the single process, no
// primary.
//
// Connections are handed out by the primary round-robin (node:cluster's default on Linux): one
// accept in the primary per connection, none per request, so keep-alive traffic costs nothing
// extra, and each worker gets its share even when one client opens all connections at once.
//
// What is shared, and how (docs/runtime.md#workers):
// - the admin port: the primary asks each worker over IPC (the worker's own admin routes, run by
//   fastify's inject) — /health/ready is ready when every worker is, /metrics sums the counters
//   and histograms of all workers, /info, /subscriptions and /notifications come from worker 1,
//   /debug/<request-id> from the worker that recorded it, /portal/ is served by the primary;
// - webhook deliveries (push plans) run in worker 1 only: one delivery per message;
// - rate-limit, quota and spike-arrest counters are per worker unless SLUICE_REDIS_URL shares them.
//
// Each worker starts with the primary's node flags and a 16 MiB starting semi-space
// (SLUICE_SEMI_SPACE_MB, node-flags.ts): fewer young-generation collections per request. How many
// workers (workerCount) is decided there too: the bundle's entry asks before it loads anything.
import cluster, { type Worker } from "node:cluster";
import type { FastifyInstance, FastifyReply } from "fastify";
import Fastify from "fastify";
import type { Logger } from "../contract.ts";
import { servePortal } from "./admin.ts";
import { gatewayExecArgv } from "./node-flags.ts";

/** The worker's number (1…N) in its environment; worker 1 runs what must run once. */
export const WORKER_INDEX = "SLUICE_WORKER_INDEX";

// ── IPC between the primary and a worker ─────────────────────────────────────────────────────

interface AdminAsk {
  sluice: "admin";
  id: number;
  url: string;
  headers: Record<string, string>;
}
interface AdminAnswer {
  sluice: "admin-answer";
  id: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}
/** What a worker's start line says (the primary's "gateway started" repeats it). */
export interface StartFields {
  httpPort: number | undefined;
  httpsPort: number | undefined;
  apis: number;
  version: string;
  pathHandling: string;
}
interface Started {
  sluice: "started";
  fields: StartFields;
}
type FromWorker = AdminAnswer | Started;

/** In a worker: answer the primary's admin questions with the worker's own admin routes. */
export function serveAdminOverIpc(admin: FastifyInstance): void {
  process.on("message", (message: AdminAsk) => {
    if (message?.sluice !== "admin") return;
    admin.inject({ method: "GET", url: message.url, headers: message.headers }).then(
      (res) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k] = v;
        process.send?.({
          sluice: "admin-answer",
          id: message.id,
          status: res.statusCode,
          headers,
          body: res.body,
        });
      },
      () => process.send?.({ sluice: "admin-answer", id: message.id, status: 500, headers: {}, body: "" }),
    );
  });
}

/** In a worker: tell the primary the worker serves traffic. */
export function reportStarted(fields: StartFields): void {
  process.send?.({ sluice: "started", fields } satisfies Started);
}

// ── The primary ───────────────────────────────────────────────────────────────────────────────

export interface PrimaryOptions {
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  workers: number;
}

export interface RunningPrimary {
  httpPort: number | undefined;
  httpsPort: number | undefined;
  adminPort: number;
  close(): Promise<void>;
}

/** Forks the workers, serves the admin port for them, and drains them on SIGTERM. */
export async function runPrimary(options: PrimaryOptions): Promise<RunningPrimary> {
  const { env, log, workers: count } = options;
  cluster.setupPrimary({ execArgv: gatewayExecArgv(process.execArgv, env) });
  const slots = new Map<number, Worker>();
  const started = new Set<number>();
  let stopping = false;
  let nextAsk = 0;
  const pending = new Map<number, (a: AdminAnswer) => void>();
  let firstStart: ((s: Started) => void) | undefined;
  const firstStarted = new Promise<Started>((resolve) => {
    firstStart = resolve;
  });
  const recentCrashes: number[] = [];

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX]: String(index) });
    slots.set(index, worker);
    worker.on("message", (m: FromWorker) => {
      if (m?.sluice === "started") {
        started.add(index);
        // Worker 1 first: a start-up problem (the environment, a certificate, a port) is then
        // reported once, by it, before the others are forked.
        if (index === 1 && slots.size === 1) for (let i = 2; i <= count; i++) fork(i);
        if (started.size === count) firstStart?.(m);
      } else if (m?.sluice === "admin-answer") {
        pending.get(m.id)?.(m);
        pending.delete(m.id);
      }
    });
    worker.on("exit", (code, signal) => {
      if (slots.get(index) === worker) slots.delete(index);
      const wasStarted = started.delete(index);
      if (stopping) return;
      if (!wasStarted) {
        // A worker that never started (the environment does not fit, a port is taken): the
        // others would fail the same way. The worker printed why; its exit code is the gateway's.
        log.error("worker exited before it started", { worker: index, code, signal });
        void stopAll(typeof code === "number" && code !== 0 ? code : 1);
        return;
      }
      log.error("worker exited; starting another", { worker: index, code, signal });
      const now = Date.now();
      recentCrashes.push(now);
      while (recentCrashes.length > 0 && recentCrashes[0]! < now - 10_000) recentCrashes.shift();
      // A crash loop backs off; a single crash is replaced at once.
      setTimeout(
        () => {
          if (!stopping) fork(index);
        },
        recentCrashes.length > 3 ? 1000 : 0,
      );
    });
  };

  /** The admin answer of one worker, or undefined when it does not answer in time. */
  const ask = (worker: Worker, url: string, headers: Record<string, string>) =>
    new Promise<AdminAnswer | undefined>((resolve) => {
      const id = ++nextAsk;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(undefined);
      }, 2000);
      pending.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      try {
        worker.send({ sluice: "admin", id, url, headers } satisfies AdminAsk);
      } catch {
        clearTimeout(timer);
        pending.delete(id);
        resolve(undefined);
      }
    });
  const live = () => [...slots.entries()].filter(([i]) => started.has(i)).sort(([a], [b]) => a - b);

  const admin = Fastify({ logger: false });
  const forwarded = (headers: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    if (typeof headers.authorization === "string") out.authorization = headers.authorization;
    return out;
  };
  admin.get("/health/live", async () => ({ status: "UP", workers: live().length }));
  admin.get("/health/ready", async (_req, reply) => {
    const answers = await Promise.all(
      live().map(([i, w]) => ask(w, "/health/ready", {}).then((a) => [i, a] as const)),
    );
    const bodies = answers.map(
      ([i, a]): Record<string, unknown> => ({
        worker: i,
        ...(a ? safeJson(a.body) : { status: "DOWN", detail: "no answer" }),
      }),
    );
    const ready = !stopping && answers.length === count && answers.every(([, a]) => a?.status === 200);
    reply.code(ready ? 200 : 503);
    // Ready: the body a single process gives. Not ready: which workers, and why.
    return {
      status: ready ? "UP" : "DOWN",
      ...(stopping ? { draining: true } : {}),
      notReady: bodies.flatMap((b) => (Array.isArray(b.notReady) ? b.notReady : [])),
      ...(ready
        ? {}
        : {
            workers: { expected: count, started: answers.length },
            byWorker: bodies.filter((b) => b.status !== "UP"),
          }),
    };
  });
  admin.get("/metrics", async (req, reply) => {
    const answers = await Promise.all(live().map(([, w]) => ask(w, "/metrics", forwarded(req.headers))));
    const refused = answers.find((a) => a && a.status !== 200);
    if (refused) {
      reply.code(refused.status);
      for (const [k, v] of Object.entries(refused.headers)) if (k === "www-authenticate") reply.header(k, v);
      return safeJson(refused.body);
    }
    reply.type("text/plain; version=0.0.4");
    const texts = answers.flatMap((a) => (a ? [a.body] : []));
    return `${sumMetrics(texts)}# HELP sluice_workers Gateway worker processes serving traffic.\n# TYPE sluice_workers gauge\nsluice_workers ${live().length}\n`;
  });
  const relay = (reply: FastifyReply, answer: AdminAnswer | undefined) => {
    if (!answer) {
      reply.code(503);
      return { status: 503, message: "no worker answered" };
    }
    reply.code(answer.status);
    for (const [k, v] of Object.entries(answer.headers))
      if (k === "content-type" || k === "www-authenticate") reply.header(k, v);
    return answer.body;
  };
  for (const path of ["/info", "/subscriptions", "/notifications"]) {
    admin.get(path, async (req, reply) => {
      // Worker 1 runs the webhook deliveries and the notifications; every worker has the same bundle.
      const first = live()[0];
      return relay(reply, first ? await ask(first[1], path, forwarded(req.headers)) : undefined);
    });
  }
  // A debugged request was recorded by the worker that served it: the first that has the record.
  admin.get<{ Params: { id: string } }>("/debug/:id", async (req, reply) => {
    const url = `/debug/${encodeURIComponent(req.params.id)}`;
    const answers = await Promise.all(live().map(([, w]) => ask(w, url, forwarded(req.headers))));
    return relay(reply, answers.find((a) => a?.status === 200) ?? answers.find((a) => a !== undefined));
  });
  if (env.SLUICE_PORTAL_DIR) servePortal(admin, env.SLUICE_PORTAL_DIR);

  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info("draining workers", { workers: slots.size });
    const exits = [...slots.values()].map(
      (w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once("exit", () => resolve()))),
    );
    for (const w of slots.values()) w.process.kill("SIGTERM");
    await Promise.all(exits);
    await admin.close();
    log.info("stopped", { workers: 0 });
    process.exit(exitCode);
  };
  let signalled = false;
  const onSignal = (signal: string) => {
    log.info("signal received", { signal });
    if (signalled) return;
    signalled = true;
    void stopAll(0);
  };
  // `on`: a second Ctrl-C (terminal and `sluice` both forward it) must not kill the drain.
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));

  fork(1);
  const first = await firstStarted;
  const requestedAdminPort = Number(env.SLUICE_ADMIN_PORT ?? 18082);
  const adminHost = env.SLUICE_ADMIN_HOST || "127.0.0.1";
  await admin.listen({ port: requestedAdminPort, host: adminHost }).catch((error: NodeJS.ErrnoException) => {
    void stopAll(1);
    throw new Error(
      `cannot listen on ${adminHost}:${requestedAdminPort} (SLUICE_ADMIN_PORT, SLUICE_ADMIN_HOST): ${error.code ?? error.message}`,
    );
  });
  const address = admin.server.address();
  const adminPort = typeof address === "object" && address ? address.port : 0;
  log.info("gateway started", { ...first.fields, adminPort, workers: count });
  return {
    httpPort: first.fields.httpPort,
    httpsPort: first.fields.httpsPort,
    adminPort,
    close: () => stopAll(0),
  };
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Prometheus texts of the workers as one: counters, histograms and in-flight gauges summed per
 * series; other gauges (readiness, subscription up) take the lowest value — not ready anywhere is
 * not ready. Families keep the order in which they first appear.
 */
export function sumMetrics(texts: readonly string[]): string {
  const families = new Map<string, { head: string[]; type: string; samples: Map<string, number> }>();
  const familyOf = (name: string) => {
    for (const suffix of ["_bucket", "_sum", "_count"]) {
      if (name.endsWith(suffix) && families.get(name.slice(0, -suffix.length))?.type === "histogram")
        return name.slice(0, -suffix.length);
    }
    return name;
  };
  for (const text of texts) {
    for (const line of text.split("\n")) {
      if (line === "") continue;
      const meta = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
      if (meta) {
        const name = meta[2]!;
        let family = families.get(name);
        if (!family) {
          family = { head: [], type: "untyped", samples: new Map() };
          families.set(name, family);
        }
        if (!family.head.includes(line)) family.head.push(line);
        if (meta[1] === "TYPE") family.type = meta[3] ?? "untyped";
        continue;
      }
      if (line.startsWith("#")) continue;
      const space = line.lastIndexOf(" ");
      const series = line.slice(0, space);
      const value = Number(line.slice(space + 1));
      const brace = series.indexOf("{");
      const name = familyOf(brace >= 0 ? series.slice(0, brace) : series);
      let family = families.get(name);
      if (!family) {
        family = { head: [], type: "untyped", samples: new Map() };
        families.set(name, family);
      }
      const before = family.samples.get(series);
      const summed = family.type !== "gauge" || name.endsWith("_in_flight");
      family.samples.set(
        series,
        before === undefined ? value : summed ? before + value : Math.min(before, value),
      );
    }
  }
  let out = "";
  for (const family of families.values()) {
    for (const h of family.head) out += `${h}\n`;
    for (const [series, value] of family.samples) out += `${series} ${value}\n`;
  }
  return out;
}
