// The `http-proxy` entrypoint (v4 PROXY APIs, and v2 APIs): every request on the context path runs
// the API's security and flows, goes to one endpoint of the group, and the upstream response is
// streamed back after the response phase — HTTP/2 trailers (gRPC's grpc-status) included. A
// WebSocket upgrade runs the request phase on the handshake only, then the client's and the
// backend's sockets are spliced: frames are relayed as bytes, never parsed.
// https://documentation.gravitee.io/apim/create-apis/proxy-apis
import type { Http2ServerResponse } from "node:http2";
import type { Duplex } from "node:stream";
import { pipeline as pump } from "node:stream/promises";
import type { Exchange, GatewayResponse, Pipeline, UpstreamResponse } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { defineEntrypoint } from "../../define.ts";
import { isCorsResponseHeader } from "../../server/cors.ts";
import { brokenOff, rawHead, writeRawError } from "../../server/errors.ts";
import type { GatewayExchange } from "../../server/exchange.ts";
import type { HttpProxyEntrypointConfiguration } from "../../spec-types/api-v4-definition.ts";

export const connector = defineEntrypoint<HttpProxyEntrypointConfiguration>({
  type: "http-proxy",
  priority: 0,
  create(_config, _qos, ctx) {
    return {
      type: "http-proxy",
      matches: () => true,
      async handle(exchange, pipeline) {
        // Awaited only when it returned a promise: no microtask for a request phase that did not wait.
        const requested = pipeline.request(exchange);
        if (requested) await requested;
        // A policy that answers instead of the endpoint (mock) sets the exchange's invoker.
        const invoker = exchange.invoker;
        const endpoint = invoker ? undefined : pipeline.proxyEndpoint(exchange);
        const timed = exchange as GatewayExchange;
        if (endpoint) timed.endpointStartedAt = performance.now();
        // Nothing reads or changes the response: the endpoint writes it straight to the client.
        // (With the gateway's CORS answer applied, the backend's CORS headers are filtered below.)
        if (
          endpoint?.forward &&
          !("stream" in exchange.response) &&
          !(exchange as GatewayExchange).corsApplied &&
          pipeline.passesResponseThrough?.(exchange) &&
          (await endpoint.forward(exchange))
        ) {
          return;
        }
        const upstream = await (invoker
          ? invoker(exchange, async (options) => {
              // The endpoint's time, when an invoker calls it (traffic-shadowing, retry, a cache miss).
              timed.endpointStartedAt = performance.now();
              const answer = await pipeline.proxyEndpoint(exchange).request(exchange, options);
              timed.endpointRespondedAt = performance.now();
              return answer;
            })
          : endpoint!.request(exchange));
        if (endpoint) timed.endpointRespondedAt = performance.now();
        const res = exchange.response;
        res.statusCode = upstream.status;
        const headers = upstream.headers;
        // The gateway's CORS answer wins over the backend's (Gravitee's simple-request processor).
        const gatewayCors = (exchange as GatewayExchange).corsApplied;
        for (const name in headers)
          if (!(gatewayCors && isCorsResponseHeader(name))) setHeader(res, name, headers[name]!);
        // Response policies may read or replace the body (contract.ts ExchangeBody); untouched, it streams.
        exchange.responseBody.attach(upstream.body);
        await pipeline.response(exchange);
        if (isBodiless(exchange.request.method, res.statusCode)) {
          // RFC 9110 §6.4.1: whatever a backend wrote after such a head is not a body.
          upstream.body.resume();
          if (res.statusCode === 204 || res.statusCode === 304) {
            res.removeHeader("content-length");
            res.removeHeader("transfer-encoding");
          }
          res.end();
          return;
        }
        if (exchange.responseBody.buffered) {
          const body = await exchange.responseBody.read();
          res.removeHeader("transfer-encoding");
          res.setHeader("content-length", body.length);
          res.end(body);
          return;
        }
        await sendBody(upstream, res);
      },
      upgrade(request, socket, head, exchange, pipeline) {
        socket.on("error", () => socket.destroy());
        proxyUpgrade(socket, head, exchange, pipeline).catch((error: unknown) => {
          if (!(error instanceof GatewayError)) {
            ctx.log.error("websocket handshake failed", {
              error: error instanceof Error ? error.message : String(error),
              requestId: exchange.requestId,
            });
          }
          const e = error instanceof GatewayError ? error : new GatewayError(500, "Internal Server Error");
          writeRawError(request, socket, e.status, e.message, e.headers);
        });
      },
    };
  },
});

/** HEAD responses, 204 and 304 never carry a body (1xx never reach here: they are interim). */
function isBodiless(method: string | undefined, status: number): boolean {
  return status === 204 || status === 304 || method === "HEAD" || status < 200;
}

/** Streams the body; on HTTP/2 the backend's trailers follow it (gRPC status travels there). */
async function sendBody(upstream: UpstreamResponse, res: GatewayResponse): Promise<void> {
  // The backend failed mid-body: marked before the pipe tears the response down, so the metrics
  // count it as the gateway's 502, not as a client that went away.
  upstream.body.once("error", () => brokenOff.add(res));
  if (upstream.trailers === undefined || !("stream" in res)) {
    await pump(upstream.body, res as NodeJS.WritableStream);
    return;
  }
  await pump(upstream.body, res as NodeJS.WritableStream, { end: false });
  const trailers = await upstream.trailers;
  let any = false;
  for (const _ in trailers) {
    any = true;
    break;
  }
  if (any) (res as Http2ServerResponse).addTrailers(trailers);
  res.end();
}

async function proxyUpgrade(
  socket: Duplex,
  head: Buffer,
  exchange: Exchange,
  pipeline: Pipeline,
): Promise<void> {
  await pipeline.request(exchange);
  const endpoint = pipeline.proxyEndpoint(exchange);
  if (!endpoint.upgrade) throw new GatewayError(502, "Bad Gateway");
  const answer = await endpoint.upgrade(exchange, head);
  if (socket.destroyed) {
    if (answer.upgraded) answer.socket.destroy();
    else answer.response.body.destroy();
    return;
  }
  const ids: Record<string, string> = {
    "x-gravitee-request-id": exchange.requestId,
    "x-gravitee-transaction-id": exchange.transactionId,
  };
  if (!answer.upgraded) {
    // The backend refused the handshake: its response goes back as it is.
    const { status, headers, body } = answer.response;
    socket.write(rawHead(status, { ...headers, ...ids, connection: "close" }));
    body.pipe(socket);
    return;
  }
  const upstream = answer.socket;
  socket.write(rawHead(101, { ...answer.headers, ...ids, connection: "Upgrade", upgrade: "websocket" }));
  if (answer.head.length > 0) socket.write(answer.head);
  if (head.length > 0) upstream.write(head);
  // pipe() gives backpressure both ways; either side ending or failing tears the other down.
  upstream.pipe(socket);
  socket.pipe(upstream);
  const teardown = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.once("close", teardown);
  socket.once("close", teardown);
  upstream.on("error", teardown);
  socket.on("error", teardown);
}

function setHeader(res: GatewayResponse, name: string, value: string | string[]): void {
  // Request/transaction ids are the gateway's own (already set).
  if (name === "x-gravitee-request-id" || name === "x-gravitee-transaction-id") return;
  try {
    res.setHeader(name, value);
  } catch {
    // An upstream header invalid for this protocol (e.g. connection-specific on HTTP/2): dropped.
  }
}
