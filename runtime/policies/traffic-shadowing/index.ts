// `traffic-shadowing`: when the gateway calls the endpoint, a copy of the request — method, path,
// query, headers (the client's Host left out, `headers` added or replaced) and body — goes to the
// endpoint or group named by `target` (`{#endpoints['shadow']}`, or a bare name), as Gravitee's
// ShadowInvoker does. The copy is fire-and-forget: the client's answer never waits for it and never
// depends on it; its response is read and dropped. A target naming no endpoint of the API sends no
// copy. A dynamic route (dynamic-routing's target) is not followed by the copy: the shadow
// endpoint's own target is used.
// The body is streamed to both (tee.ts): the endpoint's pace sets the client's, and a shadow that
// falls SHADOW_BUFFER bytes behind is abandoned. A body a policy already read goes to both as is.
// Each copy is counted by outcome (sluice_shadow_requests_total: sent, failed, abandoned).
// https://github.com/gravitee-io/gravitee-policy-traffic-shadowing (ShadowInvoker)
import type { Readable } from "node:stream";
import type { Exchange, ProxyEndpoint, ShadowOutcome } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { hasRequestBody } from "../../server/body.ts";
import { render, type Templated } from "../lib/el.ts";
import { teeRequestBody } from "./tee.ts";

export interface TrafficShadowingConfig {
  scope?: "REQUEST" | "REQUEST_CONTENT";
  target: Templated;
  headers?: ReadonlyArray<{ name: string; value: Templated }>;
}

/** How far (bytes) a shadow copy may fall behind the endpoint before it is abandoned. */
export const SHADOW_BUFFER = 1024 * 1024;

/** The shadow's view of the exchange: its own upstream headers, no dynamic route, no client signal. */
function shadowExchange(exchange: Exchange, headers: Record<string, string | null>): Exchange {
  const { target: _route, ...upstreamRequest } = exchange.upstreamRequest;
  return Object.create(exchange, {
    upstreamHeaders: { value: headers },
    upstreamRequest: { value: upstreamRequest },
    signal: { value: new AbortController().signal },
  }) as Exchange;
}

export const connector = definePolicy<TrafficShadowingConfig>({
  id: "traffic-shadowing",
  create(config, ctx) {
    const shadow = async (
      exchange: Exchange,
      endpoint: ProxyEndpoint,
      body: Buffer | Readable | undefined,
    ) => {
      const el = exchange.el();
      const headers: Record<string, string | null> = { ...exchange.upstreamHeaders };
      for (const h of config.headers ?? []) {
        if (!h.name) continue;
        const value = render(h.value, el);
        if (value !== "") headers[h.name.toLowerCase()] = value;
      }
      const response = await endpoint.request(
        shadowExchange(exchange, headers),
        body === undefined ? {} : { body },
      );
      // Read and dropped: the connection goes back to the pool.
      response.body.resume();
    };
    return {
      onRequest(exchange) {
        const previous = exchange.invoker;
        exchange.invoker = async (ex, endpoint) => {
          let name = render(config.target, ex.el());
          if (name.endsWith(":")) name = name.slice(0, -1);
          const target = ex.api.proxyEndpointNamed?.(name);
          if (!target) {
            ctx.log.info("traffic-shadowing: no shadow endpoint for this target", { target: name });
            return previous ? previous(ex, endpoint) : endpoint();
          }
          const count = (outcome: ShadowOutcome) => ex.api.shadowed?.(target.name, outcome);
          let body: Buffer | Readable | undefined;
          let abandoned = false;
          let called = false;
          let drainUnused = () => {};
          let call = endpoint;
          if (ex.requestBody.buffered) {
            body = await ex.requestBody.read();
          } else if (hasRequestBody(ex.request)) {
            const tee = teeRequestBody(ex.request as Readable, SHADOW_BUFFER, () => {
              abandoned = true;
              count("abandoned");
              ctx.log.warn("traffic-shadowing: the shadow copy fell behind and was abandoned", {
                endpoint: target.name,
              });
            });
            body = tee.shadow;
            call = (options) => {
              called = true;
              return endpoint({ ...options, body: options?.body ?? tee.main });
            };
            // An invoker that answers without calling the endpoint (a cache hit): the endpoint's half
            // is drained, so the shadow still gets the whole body.
            drainUnused = () => {
              if (!called) tee.main.resume();
            };
          }
          // Once the copy is settled, the rest of its body is not fed (nor counted as abandoned).
          const settle = () => {
            if (body && !Buffer.isBuffer(body) && !body.destroyed) body.destroy();
          };
          shadow(ex, target, body).then(
            () => {
              settle();
              if (!abandoned) count("sent");
            },
            (error: unknown) => {
              settle();
              if (abandoned) return;
              count("failed");
              ctx.log.warn("traffic-shadowing: the shadow request failed", {
                endpoint: target.name,
                error: error instanceof Error ? error.message : String(error),
              });
            },
          );
          try {
            return await (previous ? previous(ex, call) : call());
          } finally {
            drainUnused();
          }
        };
      },
    };
  },
});
