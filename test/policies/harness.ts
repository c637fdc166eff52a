// Runs one policy instance against real exchanges: a node:http server wraps each request in the
// gateway's own GatewayExchange, runs the given phase, and answers like the gateway would (Gravitee's
// error body for a GatewayError, else a summary of what the policy did, as JSON).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  ApiDefinition,
  ConnectorContext,
  Exchange,
  Message,
  PolicyConnector,
  RuntimeApi,
} from "../../runtime/contract.ts";
import { GatewayError } from "../../runtime/contract.ts";
import { sendError } from "../../runtime/server/errors.ts";
import { GatewayExchange } from "../../runtime/server/exchange.ts";
import { createLogger } from "../../runtime/server/log.ts";

export function runtimeApi(id = "test-api", properties: Record<string, string> = {}): RuntimeApi {
  const definition: ApiDefinition = {
    id,
    name: id,
    version: "1",
    type: "PROXY",
    source: "test",
    hash: "",
    paths: [{ path: "/api/" }],
    entrypoints: [],
    endpointGroups: [],
    plans: [],
    flows: [],
    flowExecution: { mode: "DEFAULT", matchRequired: false },
    properties: {},
  };
  return { definition, info: { id, name: id, type: "PROXY", properties } };
}

export function contextOf(api: RuntimeApi): ConnectorContext {
  return { api: api.info, log: createLogger({}, () => {}), env: {} };
}

export interface PhaseResult {
  status: number;
  headers: Headers;
  body: string;
  /** What the exchange would send upstream. */
  upstream: { headers: Record<string, string | null>; body?: string; request: Exchange["upstreamRequest"] };
  attributes: Record<string, unknown>;
}

export interface PolicyHarness {
  /** Sends a request through the policy's request phase (and, with `response`, its response phase). */
  call(
    init: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
    response?: { status?: number; headers?: Record<string, string>; body: string; both?: boolean },
  ): Promise<PhaseResult>;
  close(): Promise<void>;
}

/** A server whose every request runs through `connector` created with `config`. */
export async function policyHarness<C>(
  connector: PolicyConnector<C>,
  config: C,
  api = runtimeApi(),
): Promise<PolicyHarness> {
  const instance = connector.create(config, contextOf(api));
  let pending:
    | { status?: number; headers?: Record<string, string>; body: string; both?: boolean }
    | undefined;
  let last: { exchange: GatewayExchange } | undefined;
  const server = createServer(async (req, res) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    const exchange = new GatewayExchange(api, req, res, "/api/", path.replace(/^\/api/, ""));
    exchange.plan = "free";
    last = { exchange };
    try {
      // A step lives in one phase: with a response given, only the response phase runs (`both`
      // runs the request phase first, for policies that defer work to the response).
      if (!pending || pending.both) await instance.onRequest?.(exchange);
      const upstreamBody = exchange.requestBody.buffered
        ? (await exchange.requestBody.read()).toString()
        : undefined;
      const upstream = {
        headers: exchange.upstreamHeaders,
        request: exchange.upstreamRequest,
        ...(upstreamBody === undefined ? {} : { body: upstreamBody }),
      };
      if (pending) {
        // The response phase over a real stream, as the http-proxy entrypoint runs it.
        const { Readable } = await import("node:stream");
        res.statusCode = pending.status ?? 200;
        for (const [k, v] of Object.entries(pending.headers ?? {})) res.setHeader(k, v);
        exchange.responseBody.attach(Readable.from([Buffer.from(pending.body)]));
        await instance.onResponse?.(exchange);
        for (const deferred of exchange.deferredResponse) await deferred(exchange);
        const body = exchange.responseBody.buffered
          ? await exchange.responseBody.read()
          : Buffer.from(pending.body);
        res.setHeader("x-upstream", JSON.stringify(upstream));
        res.end(body);
        return;
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ upstream, attributes: exchange.attributes }));
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      sendError(req, res, error.status, error.message, error.headers, error.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async call(init, response) {
      pending = response;
      const res = await fetch(`${base}${init.path ?? "/api/x"}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers: init.headers ?? {},
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      const body = await res.text();
      const summary = response
        ? {
            upstream: JSON.parse(res.headers.get("x-upstream") ?? "{}"),
            attributes: last?.exchange.attributes ?? {},
          }
        : res.headers.get("content-type") === "application/json" && res.status === 200
          ? (JSON.parse(body) as { upstream: PhaseResult["upstream"]; attributes: Record<string, unknown> })
          : { upstream: { headers: {}, request: {} }, attributes: {} };
      return { status: res.status, headers: res.headers, body, ...summary };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function message(content: string, headers: Record<string, string[]> = {}): Message {
  return { content: Buffer.from(content), headers, metadata: {} };
}

/** An exchange for message phases: a real request that is never answered. */
export async function withMessageExchange<T>(
  run: (exchange: Exchange) => Promise<T>,
  api = runtimeApi(),
): Promise<T> {
  let result: { value: T } | { error: unknown } | undefined;
  const server = createServer(async (req, res) => {
    const exchange = new GatewayExchange(api, req, res, "/api/", "/");
    try {
      result = { value: await run(exchange) };
    } catch (error) {
      result = { error };
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await (
      await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, {
        headers: { "x-tenant": "acme" },
      })
    ).text();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (!result) throw new Error("no exchange ran");
  if ("error" in result) throw result.error;
  return result.value;
}

export type { IncomingHttpHeaders };
