// The gateway process: instantiate every API (resolving the environment once), serve API traffic on
// SLUICE_HTTP_PORT and the admin endpoints on SLUICE_ADMIN_PORT, connect message endpoints with
// retries (a broker that is down makes its API not ready, never crashes the gateway), and drain on
// SIGTERM: stop accepting, let in-flight exchanges finish, close connections, exit 0.
import cluster from "node:cluster";
import { type IncomingMessage, ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { SecretStore } from "../consumers/secrets.ts";
import type {
  GatewayBundle,
  GatewayRequest,
  GatewayResponse,
  Logger,
  MessageEndpoint,
  ProxyEndpoint,
} from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { EnvError } from "../env.ts";
import { createNotifier, type Notifier } from "../notifications/notifier.ts";
import { openAccessLog } from "../observability/access-log.ts";
import { DebugMode } from "../observability/debug.ts";
import { observeWith } from "../observability/observe.ts";
import { startTracing } from "../observability/tracing.ts";
import { openedSharedCounters } from "../policies/lib/shared-counters.ts";
import { createAdminServer, type Readiness } from "./admin.ts";
import { ApiRuntime, type ApiRuntimeOptions } from "./api-runtime.ts";
import { clientLimitsFrom } from "./client-limits.ts";
import {
  BAD_REQUEST,
  brokenOff,
  NO_CONTEXT_PATH,
  sendError,
  sendNoContextPath,
  sendTemplated,
  writeRawError,
} from "./errors.ts";
import { GatewayExchange, REQUEST_ID_HEADER, responseCompleted, TRANSACTION_ID_HEADER } from "./exchange.ts";
import { startHealthChecks } from "./health-check.ts";
import { createDualServer, createTlsListener, secureContextOptions } from "./listen.ts";
import { createLogger } from "./log.ts";
import { CLIENT_CLOSED, Metrics } from "./metrics.ts";
import { restartWithGatewayFlags, workerCount } from "./node-flags.ts";
import { admitRequest, BadTarget, pathHandlingFrom } from "./path.ts";
import { setOwnHeader } from "./response.ts";
import { applyResponseTemplate } from "./response-templates.ts";
import { Router } from "./router.ts";
import { readTlsSettings, watchTlsSettings } from "./tls-settings.ts";
import { reportStarted, runPrimary, serveAdminOverIpc, WORKER_INDEX } from "./workers.ts";

export interface GatewayOptions {
  env?: Readonly<Record<string, string | undefined>>;
  log?: Logger;
  /** Install SIGTERM/SIGINT handlers and exit the process when drained (true for `sluice start`). */
  manageProcess?: boolean;
  /** The bundle's folder (dist/), whose digest /info serves; the generated main module passes it. */
  bundleDir?: string;
}

export interface RunningGateway {
  /** The clear-text traffic port; undefined with `SLUICE_HTTP_PORT=off`. */
  httpPort: number | undefined;
  /** The HTTPS traffic port when TLS is on (SLUICE_TLS_CERT/SLUICE_TLS_KEY). */
  httpsPort: number | undefined;
  adminPort: number;
  apis: readonly ApiRuntime[];
  /** Stops accepting, drains in-flight exchanges (bounded), closes everything. */
  close(): Promise<void>;
}

export async function runGateway(
  bundle: GatewayBundle,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  if (options.manageProcess === false) return startGateway(bundle, options);
  try {
    // SLUICE_WORKERS > 1 (the default on several cores): this process forks the workers, each of
    // which runs startGateway, and serves the admin port for them (./workers.ts).
    const env = options.env ?? process.env;
    if (cluster.isPrimary) {
      const workers = workerCount(env);
      if (workers > 1) {
        const primary = await runPrimary({ env, log: options.log ?? createLogger(), workers });
        return { ...primary, apis: [] };
      }
      // A single process started for the gateway (its own environment) gets the workers' flags
      // by replacing itself once (./node-flags.ts); an embedding's process is left alone. Started
      // from the compiled bundle, its entry did it before loading the runtime: nothing left to do.
      if (options.env === undefined) restartWithGatewayFlags(options.log ?? createLogger());
    }
    return await startGateway(bundle, options);
  } catch (error) {
    // A start-up failure is an operator's problem (a port in use, a certificate file missing):
    // one line, exit 1, no stack trace (SLUICE_DEBUG=1 shows it).
    const message = error instanceof Error ? error.message : String(error);
    (options.log ?? createLogger()).error("gateway not started", { error: message });
    process.stderr.write(`sluice: cannot start: ${message}\n`);
    if (process.env.SLUICE_DEBUG && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
}

async function startGateway(bundle: GatewayBundle, options: GatewayOptions): Promise<RunningGateway> {
  const env = options.env ?? process.env;
  if (options.manageProcess !== false) tuneGarbageCollector(env);
  const log = options.log ?? createLogger();
  const manage = options.manageProcess ?? true;
  const secrets = new SecretStore(env.SLUICE_SECRETS_DIR, log, Number(env.SLUICE_SECRETS_POLL_MS ?? 1000));
  const metrics = new Metrics();
  // SLUICE_ACCESS_LOG: stdout (default), off, or a file (docs/operations.md).
  const accessLog = openAccessLog(env, log);
  let apis: ApiRuntime[];
  let notifier: Notifier;
  try {
    apis = instantiate(bundle, log, env, { secrets, metrics, accessLog });
    notifier = createNotifier({ apis, env, log, readSecret: (ref) => secrets.read(ref) });
  } catch (error) {
    if (error instanceof EnvError && manage) {
      log.error("the environment does not fit the compiled APIs; not starting", {
        problems: error.message.split("\n"),
      });
      process.stderr.write(`sluice: cannot start:\n  ${error.message.split("\n").join("\n  ")}\n`);
      process.exit(1);
    }
    throw error;
  }
  const byId = new Map(apis.map((a) => [a.definition.id, a]));
  const table =
    bundle.routes ??
    apis.flatMap((api) => api.definition.paths.map((p) => ({ ...p, api: api.definition.id })));
  const router = new Router(
    table.flatMap((r) => {
      const target = byId.get(r.api);
      return target ? [{ ...(r.host ? { host: r.host } : {}), path: r.path, target }] : [];
    }),
  );

  const limits = clientLimitsFrom(env);
  const pathHandling = pathHandlingFrom(env.SLUICE_PATH_HANDLING);
  if (pathHandling.unknown !== undefined)
    log.warn("unknown SLUICE_PATH_HANDLING, using NORMALIZE", {
      value: pathHandling.unknown,
      accepted: ["NORMALIZE", "REJECT", "RAW"],
    });
  // Traces and debug mode (runtime/observability/): `observe` is undefined unless one is configured.
  const tracing = await startTracing(
    env,
    log,
    apis.some((a) => a.definition.tracing !== undefined),
  );
  const debug = DebugMode.from(env, log);
  const observe = observeWith(tracing, debug);
  let draining = false;
  const readiness = (): Readiness[] =>
    apis.map((api) => {
      const notReady = api.groups.flatMap((g) =>
        g.endpoints
          .map((e) => {
            // An endpoint the health check took out of rotation is not ready either.
            const removed = g.balancer.downReason(e);
            return { e, h: removed === undefined ? e.health() : { ready: false, detail: removed } };
          })
          .filter((x) => !x.h.ready)
          .map((x) => ({ endpoint: `${g.name}:${x.e.name}`, ...(x.h.detail ? { detail: x.h.detail } : {}) })),
      );
      return { api: api.definition.id, ready: notReady.length === 0, notReady };
    });

  const handler = (req: GatewayRequest, res: GatewayResponse): void => {
    const started = performance.now();
    metrics.started();
    let apiId = "";
    let exchange: GatewayExchange | undefined;
    // `on`, not `once`: a response closes once, and Node's `once` wraps the listener in a closure
    // the response keeps for as long as it is open (an SSE stream: the whole session).
    res.on("close", () => {
      try {
        // A response that never finished was abandoned: by the gateway (502) or by the client (499).
        const status = responseCompleted(res) ? res.statusCode : brokenOff.has(res) ? 502 : CLIENT_CLOSED;
        const ended = performance.now();
        const reached = exchange !== undefined && exchange.endpointRespondedAt > 0;
        metrics.finished(
          apiId,
          status,
          (ended - started) / 1000,
          reached ? (exchange!.endpointRespondedAt - exchange!.endpointStartedAt) / 1000 : undefined,
        );
        exchange?.observer?.finish(status);
        if (exchange?.plan !== undefined)
          metrics.planFinished(apiId, exchange.plan, exchange.subscription?.application.id ?? "", status);
        accessLog?.exchange({ request: req, response: res, status, started, ended, exchange });
      } finally {
        // Its message subscription stops (the client went away unless the response completed).
        exchange?.responseWatcher?.responseClosed();
      }
    });
    const path = admitRequest(req, pathHandling.mode);
    if (path instanceof BadTarget) {
      refused(req, path);
      sendError(req, res, path.status, STATUS_CODES[path.status] ?? BAD_REQUEST);
      return;
    }
    const host = (req.headers.host ?? req.headers[":authority"]) as string | undefined;
    const match = router.match(host, path);
    if (!match) {
      sendNoContextPath(res);
      return;
    }
    const api = match.target;
    apiId = api.definition.id;
    exchange = new GatewayExchange(api, req, res, match.contextPath, match.pathInfo);
    exchange.relaysResponseClose = true;
    if (observe) exchange.observer = observe(exchange);
    setOwnHeader(res, REQUEST_ID_HEADER, exchange.requestId);
    setOwnHeader(res, TRANSACTION_ID_HEADER, exchange.transactionId);
    const cors = api.cors.apply(req, res);
    if (cors.kind === "refused") {
      api.log.info("cors refused", { reason: cors.reason, requestId: exchange.requestId });
      // Through fail(): a response template for the key (CORS_PREFLIGHT_FAILED, …) applies.
      fail(exchange, new GatewayError(cors.status, cors.message, { key: cors.key }), api.log);
      return;
    }
    if (cors.kind === "preflight") {
      const answer = () => {
        res.statusCode = 200;
        res.setHeader("content-length", 0);
        res.end();
      };
      const current = exchange;
      if (!cors.runPolicies) answer();
      else api.preflight(current).then(answer, (error: unknown) => fail(current, error, api.log));
      return;
    }
    if (api.cors.enabled) exchange.corsApplied = true;
    const entrypoint = api.entrypoints.find((e) => e.matches(req));
    if (!entrypoint) {
      sendNoContextPath(res);
      return;
    }
    exchange.entrypoint = entrypoint.type;
    const current = exchange;
    entrypoint.handle(current, api).catch((error: unknown) => fail(current, error, api.log));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = admitRequest(req, pathHandling.mode);
    if (path instanceof BadTarget) {
      refused(req, path);
      writeRawError(req, socket, path.status, STATUS_CODES[path.status] ?? BAD_REQUEST);
      return;
    }
    const match = router.match(req.headers.host, path);
    const entrypoint = match?.target.entrypoints.find((e) => e.upgrade && e.matches(req));
    if (!match || !entrypoint?.upgrade || draining) {
      if (draining) writeRawError(req, socket, 503, "Service Unavailable");
      else writeRawError(req, socket, 404, NO_CONTEXT_PATH);
      return;
    }
    // The exchange needs a response object for headers and errors; upgrades write to the socket.
    const res = new ServerResponse(req);
    const exchange = new GatewayExchange(match.target, req, res, match.contextPath, match.pathInfo);
    exchange.entrypoint = entrypoint.type;
    if (observe) {
      const observer = observe(exchange);
      exchange.observer = observer;
      // An upgraded exchange ends when its socket closes (101: the client got the handshake).
      if (observer) socket.on("close", () => observer.finish(101));
    }
    if (!match.target.cors.webSocketOriginAllowed(req, entrypoint.allowedOrigins)) {
      const reason = `Origin '${req.headers.origin}' is not allowed`;
      match.target.log.info("websocket origin refused", { reason, requestId: exchange.requestId });
      // The websocket entrypoint completes the handshake and closes 1008 with the reason, which a
      // browser's CloseEvent shows; other upgrades (http-proxy) get a 403.
      if (entrypoint.type !== "websocket") {
        writeRawError(req, socket, 403, "Forbidden");
        return;
      }
      exchange.originRefused = reason;
    }
    if (accessLog) {
      const started = performance.now();
      // A WebSocket session's line is written when its socket closes (101: the handshake succeeded).
      // `on`: a socket closes once (Node's `once` would keep a wrapping closure per session).
      socket.on("close", () => {
        accessLog.exchange({
          request: req,
          response: res,
          status: 101,
          started,
          ended: performance.now(),
          exchange,
        });
      });
    }
    entrypoint.upgrade(req, socket, head, exchange, match.target);
  };

  /** A refused target is logged without its query (which may hold a key). */
  const refused = (req: GatewayRequest, why: BadTarget): void => {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    log.info("request refused", { reason: why.reason, path: q >= 0 ? url.slice(0, q) : url });
  };

  const server = createDualServer(handler, onUpgrade, limits);
  const host = env.SLUICE_HOST ?? "0.0.0.0";
  const tls = readTlsSettings(env);
  const clearText = env.SLUICE_HTTP_PORT !== "off";
  if (!clearText && !tls)
    throw new Error("SLUICE_HTTP_PORT=off needs TLS: set SLUICE_TLS_CERT and SLUICE_TLS_KEY");
  const requestedPort = Number(env.SLUICE_HTTP_PORT ?? 8082);
  const httpPort = clearText
    ? await listen(server.net, requestedPort, host).catch((error: NodeJS.ErrnoException) => {
        throw new Error(
          `cannot listen on ${host}:${requestedPort} (SLUICE_HTTP_PORT): ${error.code ?? error.message}`,
        );
      })
    : undefined;
  const tlsServer = tls ? createTlsListener(server, tls) : undefined;
  const httpsPort =
    tls && tlsServer
      ? await listen(tlsServer, tls.port, host).catch((error: NodeJS.ErrnoException) => {
          server.net.close();
          throw new Error(
            `cannot listen on ${host}:${tls.port} (SLUICE_HTTPS_PORT): ${error.code ?? error.message}`,
          );
        })
      : undefined;
  const stopTlsWatch =
    tls && tlsServer
      ? watchTlsSettings(env, tls, (next) => tlsServer.setSecureContext(secureContextOptions(next)), log)
      : undefined;
  const deliveries = () => apis.flatMap((a) => a.entrypoints.flatMap((e) => e.deliveries?.() ?? []));
  // Opened by the counting policies of the APIs just created, when SLUICE_REDIS_URL is set.
  const sharedCounters = openedSharedCounters(env);
  const endpointStates = () =>
    apis.flatMap((api) =>
      api.groups.flatMap((g) =>
        g.endpoints.map((e) => ({
          api: api.definition.id,
          group: g.name,
          endpoint: e.name,
          up: g.balancer.downReason(e) === undefined && e.health().ready,
        })),
      ),
    );
  const consumerLag = () =>
    apis.flatMap((api) =>
      api.groups.flatMap((g) =>
        g.endpoints.flatMap((e) =>
          "consumerLag" in e && e.consumerLag
            ? e.consumerLag().map((l) => ({ api: api.definition.id, endpoint: e.name, ...l }))
            : [],
        ),
      ),
    );
  const admin = createAdminServer({
    bundle,
    metrics,
    readiness,
    endpoints: endpointStates,
    consumerLag,
    accessLog,
    ...(sharedCounters
      ? { components: () => [{ name: "shared-counters", ...sharedCounters.health() }] }
      : {}),
    ...(sharedCounters ? { extraMetrics: () => sharedCounters.metrics() } : {}),
    deliveries,
    draining: () => draining,
    ...(debug ? { debugRecord: (id: string) => debug.get(id) } : {}),
    bundleDir: options.bundleDir,
    token: env.SLUICE_ADMIN_TOKEN || undefined,
    portalDir: env.SLUICE_PORTAL_DIR || undefined,
    ...(notifier.enabled ? { notifications: () => notifier.state() } : {}),
  });
  const requestedAdminPort = Number(env.SLUICE_ADMIN_PORT ?? 18082);
  // Health, metrics and info are for the node and its probes, not for the traffic's clients.
  const adminHost = env.SLUICE_ADMIN_HOST || "127.0.0.1";
  // A worker's admin routes answer the primary, which serves the admin port for all workers.
  const workerIndex = cluster.isWorker ? env[WORKER_INDEX] : undefined;
  if (workerIndex !== undefined) {
    serveAdminOverIpc(admin);
    await admin.ready();
  } else
    await admin
      .listen({ port: requestedAdminPort, host: adminHost })
      .catch(async (error: NodeJS.ErrnoException) => {
        server.net.close();
        tlsServer?.close();
        stopTlsWatch?.();
        throw new Error(
          `cannot listen on ${adminHost}:${requestedAdminPort} (SLUICE_ADMIN_PORT, SLUICE_ADMIN_HOST): ${error.code ?? error.message}`,
        );
      });
  const adminAddress = workerIndex === undefined ? admin.server.address() : null;
  const adminPort = typeof adminAddress === "object" && adminAddress ? adminAddress.port : 0;

  const endpoints = apis.flatMap((a) => a.groups.flatMap((g) => g.endpoints));
  for (const api of apis) {
    const connecting = api.groups
      .flatMap((g) => g.endpoints)
      .filter(isMessageEndpoint)
      .map((e) => connectWithRetry(e, log, () => draining));
    // Push entrypoints (webhook) start delivering once the API's endpoints are connected — in one
    // worker only: one delivery per message.
    if (api.entrypoints.some((e) => e.start) && (workerIndex === undefined || workerIndex === "1")) {
      void Promise.all(connecting).then(() => {
        if (!draining) for (const e of api.entrypoints) e.start?.(api);
      });
    }
  }
  const healthChecks = startHealthChecks(apis, env);
  // Notifications from one worker only (or the single process): one message per event.
  if (workerIndex === undefined || workerIndex === "1") notifier.start({ readiness, deliveries });
  const startFields = {
    httpPort,
    httpsPort,
    apis: apis.length,
    version: bundle.version,
    pathHandling: pathHandling.mode,
  };
  // One "gateway started" line a gateway: a worker tells its primary, which logs it with the admin
  // port once every worker serves.
  if (workerIndex !== undefined) {
    reportStarted(startFields);
    log.info("worker started", { worker: Number(workerIndex), ...startFields });
  } else log.info("gateway started", { ...startFields, adminPort });

  const close = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    log.info("draining", { inFlight: metrics.active });
    server.net.close();
    tlsServer?.close();
    stopTlsWatch?.();
    server.drain();
    healthChecks.stop();
    notifier.stop();
    secrets.close();
    await Promise.allSettled(apis.flatMap((a) => a.entrypoints.map((e) => e.close?.())));
    const deadline = Date.now() + Number(env.SLUICE_DRAIN_TIMEOUT_MS ?? 10_000);
    while (metrics.active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    for (const s of server.sockets) s.destroy();
    await Promise.allSettled(endpoints.map((e) => e.close()));
    await sharedCounters?.close();
    // Spans still queued go out now, unless the collector takes longer than the drain allows.
    if (tracing)
      await Promise.race([
        tracing.shutdown().catch(() => undefined),
        new Promise((r) => setTimeout(r, 2000).unref()),
      ]);
    await Promise.allSettled(apis.map((a) => a.closePolicies()));
    await admin.close();
    // Every access-log line of the drained exchanges is written before the process exits.
    accessLog?.close();
    log.info("stopped", { unfinished: metrics.active });
  };
  if (manage) {
    let stopping = false;
    const stop = (signal: string) => {
      log.info("signal received", { signal });
      if (stopping) return;
      stopping = true;
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    // `on`, not `once`: Ctrl-C reaches the gateway both from the terminal and forwarded by
    // `sluice`; the repeat must not kill it mid-drain (the drain is bounded by its timeout).
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  }
  return { httpPort, httpsPort, adminPort, apis, close };
}

/**
 * The young generation is collected by the gateway's own thread (SLUICE_GC=parallel keeps V8's
 * default). A proxied request leaves only short-lived garbage, so a scavenge has little to copy;
 * V8's parallel scavenge wakes its helper threads for each one (four by default), and on a gateway
 * that already runs a worker per core those threads only compete with the workers (measured: less
 * CPU per request without them, docs/benchmarks.md). Set once per process, before the traffic
 * starts; V8 reads the flag at each scavenge.
 */
function tuneGarbageCollector(env: Readonly<Record<string, string | undefined>>): void {
  if (env.SLUICE_GC === "parallel") return;
  setFlagsFromString("--no-parallel-scavenge");
}

function instantiate(
  bundle: GatewayBundle,
  log: Logger,
  env: Readonly<Record<string, string | undefined>>,
  options: ApiRuntimeOptions,
): ApiRuntime[] {
  const problems: string[] = [];
  const apis: ApiRuntime[] = [];
  for (const def of bundle.apis) {
    try {
      apis.push(new ApiRuntime(def, log, env, options));
    } catch (error) {
      if (error instanceof EnvError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new EnvError(problems.join("\n"));
  return apis;
}

function fail(exchange: GatewayExchange, error: unknown, log: Logger): void {
  if (error instanceof GatewayError) {
    exchange.errorKey = error.key;
    if (error.status === 401 || error.status === 403) {
      // Who was refused, never with what: plan and application by name, no key or token.
      log.info("request refused", {
        status: error.status,
        errorKey: error.key ?? "",
        plan: exchange.plan ?? "",
        application: exchange.subscription?.application.id ?? "",
        requestId: exchange.requestId,
      });
    }
    const templated = applyResponseTemplate(exchange.api.definition.responseTemplates, error, exchange);
    if (templated) {
      sendTemplated(exchange.response, templated);
      return;
    }
    sendError(exchange.request, exchange.response, error.status, error.message, error.headers, error.body);
    return;
  }
  log.error("exchange failed", {
    error: error instanceof Error ? error.message : String(error),
    plan: exchange.plan ?? "",
    application: exchange.subscription?.application.id ?? "",
    requestId: exchange.requestId,
  });
  sendError(exchange.request, exchange.response, 500, "Internal Server Error");
}

function isMessageEndpoint(e: ProxyEndpoint | MessageEndpoint): e is MessageEndpoint {
  return "connect" in e;
}

/** Connects with exponential backoff (0.5 s → 30 s) until it works or the gateway drains. */
async function connectWithRetry(
  endpoint: MessageEndpoint,
  log: Logger,
  stopped: () => boolean,
): Promise<void> {
  let delay = 500;
  while (!stopped()) {
    try {
      await endpoint.connect();
      log.info("endpoint connected", { endpoint: endpoint.name });
      return;
    } catch (error) {
      log.warn("endpoint not reachable, retrying", {
        endpoint: endpoint.name,
        error: error instanceof Error ? error.message : String(error),
        retryInMs: delay,
      });
      await new Promise((r) => setTimeout(r, delay).unref());
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

function listen(server: import("node:net").Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
