// The gateway process: instantiate every API (resolving the environment once), serve API traffic on
// SLUICE_HTTP_PORT and the admin endpoints on SLUICE_ADMIN_PORT, connect message endpoints with
// retries (a broker that is down makes its API not ready, never crashes the gateway), and drain on
// SIGTERM: stop accepting, let in-flight exchanges finish, close connections, exit 0.
import { type IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
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
import { createAdminServer, type Readiness } from "./admin.ts";
import { ApiRuntime } from "./api-runtime.ts";
import { NO_CONTEXT_PATH, sendError } from "./errors.ts";
import { GatewayExchange, REQUEST_ID_HEADER, TRANSACTION_ID_HEADER } from "./exchange.ts";
import { ENTRYPOINT_ATTRIBUTE } from "./flows.ts";
import { startHealthChecks } from "./health-check.ts";
import { createDualServer } from "./listen.ts";
import { createLogger } from "./log.ts";
import { Metrics } from "./metrics.ts";
import { Router } from "./router.ts";

export interface GatewayOptions {
  env?: Readonly<Record<string, string | undefined>>;
  log?: Logger;
  /** Install SIGTERM/SIGINT handlers and exit the process when drained (true for `sluice start`). */
  manageProcess?: boolean;
}

export interface RunningGateway {
  httpPort: number;
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
  const log = options.log ?? createLogger();
  const manage = options.manageProcess ?? true;
  let apis: ApiRuntime[];
  try {
    apis = instantiate(bundle, log, env);
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

  const metrics = new Metrics();
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
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const host = (req.headers.host ?? req.headers[":authority"]) as string | undefined;
    const match = router.match(host, q >= 0 ? url.slice(0, q) : url);
    let apiId = "";
    res.once("close", () => metrics.finished(apiId, res.statusCode, (performance.now() - started) / 1000));
    if (!match) {
      sendError(req, res, 404, NO_CONTEXT_PATH);
      return;
    }
    const api = match.target;
    apiId = api.definition.id;
    const exchange = new GatewayExchange(api, req, res, match.contextPath, match.pathInfo);
    res.setHeader(REQUEST_ID_HEADER, exchange.requestId);
    res.setHeader(TRANSACTION_ID_HEADER, exchange.transactionId);
    const entrypoint = api.entrypoints.find((e) => e.matches(req));
    if (!entrypoint) {
      sendError(req, res, 404, NO_CONTEXT_PATH);
      return;
    }
    exchange.attributes[ENTRYPOINT_ATTRIBUTE] = entrypoint.type;
    entrypoint.handle(exchange, api).catch((error: unknown) => fail(exchange, error, api.log));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const match = router.match(req.headers.host, q >= 0 ? url.slice(0, q) : url);
    const entrypoint = match?.target.entrypoints.find((e) => e.upgrade && e.matches(req));
    if (!match || !entrypoint?.upgrade || draining) {
      socket.end(
        `HTTP/1.1 ${draining ? 503 : 404} ${draining ? "Service Unavailable" : "Not Found"}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
      );
      return;
    }
    // The exchange needs a response object for headers and errors; upgrades write to the socket.
    const res = new ServerResponse(req);
    const exchange = new GatewayExchange(match.target, req, res, match.contextPath, match.pathInfo);
    exchange.attributes[ENTRYPOINT_ATTRIBUTE] = entrypoint.type;
    entrypoint.upgrade(req, socket, head, exchange, match.target);
  };

  const server = createDualServer(handler, onUpgrade);
  const host = env.SLUICE_HOST ?? "0.0.0.0";
  const requestedPort = Number(env.SLUICE_HTTP_PORT ?? 8082);
  const httpPort = await listen(server.net, requestedPort, host).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `cannot listen on ${host}:${requestedPort} (SLUICE_HTTP_PORT): ${error.code ?? error.message}`,
    );
  });
  const deliveries = () => apis.flatMap((a) => a.entrypoints.flatMap((e) => e.deliveries?.() ?? []));
  const admin = createAdminServer({ bundle, metrics, readiness, deliveries, draining: () => draining });
  const requestedAdminPort = Number(env.SLUICE_ADMIN_PORT ?? 18082);
  await admin.listen({ port: requestedAdminPort, host }).catch(async (error: NodeJS.ErrnoException) => {
    server.net.close();
    throw new Error(
      `cannot listen on ${host}:${requestedAdminPort} (SLUICE_ADMIN_PORT): ${error.code ?? error.message}`,
    );
  });
  const adminAddress = admin.server.address();
  const adminPort = typeof adminAddress === "object" && adminAddress ? adminAddress.port : 0;

  const endpoints = apis.flatMap((a) => a.groups.flatMap((g) => g.endpoints));
  for (const api of apis) {
    const connecting = api.groups
      .flatMap((g) => g.endpoints)
      .filter(isMessageEndpoint)
      .map((e) => connectWithRetry(e, log, () => draining));
    // Push entrypoints (webhook) start delivering once the API's endpoints are connected.
    if (api.entrypoints.some((e) => e.start)) {
      void Promise.all(connecting).then(() => {
        if (!draining) for (const e of api.entrypoints) e.start?.(api);
      });
    }
  }
  const healthChecks = startHealthChecks(apis, env);
  log.info("gateway started", { httpPort, adminPort, apis: apis.length, version: bundle.version });

  const close = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    log.info("draining", { inFlight: metrics.active });
    server.net.close();
    healthChecks.stop();
    await Promise.allSettled(apis.flatMap((a) => a.entrypoints.map((e) => e.close?.())));
    const deadline = Date.now() + Number(env.SLUICE_DRAIN_TIMEOUT_MS ?? 10_000);
    while (metrics.active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    for (const s of server.sockets) s.destroy();
    await Promise.allSettled(endpoints.map((e) => e.close()));
    await admin.close();
    log.info("stopped", { unfinished: metrics.active });
  };
  if (manage) {
    const stop = (signal: string) => {
      log.info("signal received", { signal });
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  }
  return { httpPort, adminPort, apis, close };
}

function instantiate(
  bundle: GatewayBundle,
  log: Logger,
  env: Readonly<Record<string, string | undefined>>,
): ApiRuntime[] {
  const problems: string[] = [];
  const apis: ApiRuntime[] = [];
  for (const def of bundle.apis) {
    try {
      apis.push(new ApiRuntime(def, log, env));
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
    sendError(exchange.request, exchange.response, error.status, error.message, error.headers, error.body);
    return;
  }
  log.error("exchange failed", {
    error: error instanceof Error ? error.message : String(error),
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
