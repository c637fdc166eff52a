// `traffic-shadowing`: when the gateway calls the endpoint, a copy of the request — method, path,
// query, headers (the client's Host left out, `headers` added or replaced) and body — goes to the
// endpoint or group named by `target` (`{#endpoints['shadow']}`, or a bare name), as Gravitee's
// ShadowInvoker does. The copy is fire-and-forget: the client's answer never waits for it and never
// depends on it; its response is read and dropped, a failure is only logged. A target naming no
// endpoint of the API sends no copy. A dynamic route (dynamic-routing's target) is not followed by
// the copy: the shadow endpoint's own target is used. The body is buffered once so that the
// endpoint and the shadow get the same bytes.
// https://github.com/gravitee-io/gravitee-policy-traffic-shadowing (ShadowInvoker)
import type { Exchange, ProxyEndpoint } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { hasRequestBody } from "../../server/body.ts";
import { render, type Templated } from "../lib/el.ts";

export interface TrafficShadowingConfig {
  scope?: "REQUEST" | "REQUEST_CONTENT";
  target: Templated;
  headers?: ReadonlyArray<{ name: string; value: Templated }>;
}

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
    const shadow = async (exchange: Exchange, endpoint: ProxyEndpoint, body: Buffer | undefined) => {
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
          } else {
            const body =
              ex.requestBody.buffered || hasRequestBody(ex.request) ? await ex.requestBody.read() : undefined;
            shadow(ex, target, body).catch((error: unknown) => {
              ctx.log.warn("traffic-shadowing: the shadow request failed", {
                endpoint: target.name,
                error: error instanceof Error ? error.message : String(error),
              });
            });
          }
          return previous ? previous(ex, endpoint) : endpoint();
        };
      },
    };
  },
});
