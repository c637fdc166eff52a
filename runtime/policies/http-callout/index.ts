// `http-callout`: calls an HTTP service in the phase it sits in, then sets `variables` — EL templates
// reading the call's response as `#calloutResponse` — as attributes of the exchange (or of the
// message). With `exitOnError`, an `errorCondition` that holds (default: status 4xx/5xx) ends the
// exchange with `errorStatusCode` and `errorContent` (CALLOUT_EXIT_ON_ERROR); a call that fails
// ends it with 500 (CALLOUT_HTTP_ERROR). The client is Node.js's fetch (undici).
// https://documentation.gravitee.io/apim/policies/http-callout
import { type Exchange, GatewayError, type Message } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { type ElContext, elMultiMap } from "../../el.ts";
import type { HttpCalloutPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageEl, render, type Templated } from "../lib/el.ts";

export type HttpCalloutConfig = Omit<
  HttpCalloutPolicyConfiguration,
  "url" | "headers" | "body" | "variables" | "errorCondition" | "errorContent"
> & {
  url: Templated;
  headers?: ReadonlyArray<{ name: string; value: Templated }>;
  body?: Templated;
  variables?: ReadonlyArray<{ name: string; value: Templated }>;
  errorCondition?: string | ((el: ElContext) => boolean);
  errorContent?: Templated;
};

export const connector = definePolicy<HttpCalloutConfig>({
  id: "http-callout",
  create(config, ctx) {
    const method = config.method ?? "GET";
    const failed = (status: number) => status >= 400 && status <= 599;
    const call = async (el: ElContext, signal: AbortSignal, attributes: Record<string, unknown>) => {
      const headers = new Headers();
      for (const h of config.headers ?? []) headers.append(h.name, render(h.value, el));
      const body =
        config.body !== undefined && method !== "GET" && method !== "HEAD"
          ? render(config.body, el)
          : undefined;
      const request = fetch(render(config.url, el), {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal,
      });
      if (config.fireAndForget === true) {
        request
          .then((r) => r.body?.cancel())
          .catch((error: unknown) => {
            ctx.log.warn("http-callout (fire and forget) failed", { error: String(error) });
          });
        return;
      }
      let response: Response;
      let content: string;
      try {
        response = await request;
        content = await response.text();
      } catch (error) {
        ctx.log.warn("http-callout failed", { error: String(error) });
        throw new GatewayError(500, "An error occurred while invoking the callout", {
          key: "CALLOUT_HTTP_ERROR",
        });
      }
      const callout = {
        status: response.status,
        headers: elMultiMap(Object.fromEntries([...response.headers].map(([k, v]) => [k, v])), true),
        content,
      };
      const withCallout: ElContext = { ...el, callout };
      const condition = config.errorCondition;
      const isError = typeof condition === "function" ? condition(withCallout) : failed(response.status);
      if (config.exitOnError === true && isError) {
        const message = config.errorContent === undefined ? "" : render(config.errorContent, withCallout);
        throw new GatewayError(Number(config.errorStatusCode ?? "500"), message, {
          key: "CALLOUT_EXIT_ON_ERROR",
        });
      }
      for (const v of config.variables ?? []) attributes[v.name] = render(v.value, withCallout);
    };
    return {
      onRequest: (exchange: Exchange) => call(exchange.el(), exchange.signal, exchange.attributes),
      onResponse: (exchange: Exchange) => call(exchange.el(), exchange.signal, exchange.attributes),
      async onMessage(message: Message, exchange: Exchange) {
        message.attributes ??= {};
        await call(messageEl(exchange, message), exchange.signal, message.attributes);
        return message;
      },
    };
  },
});
