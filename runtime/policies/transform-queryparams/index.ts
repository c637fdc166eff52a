// `transform-queryparams`: changes the query string sent to the endpoint — `clearAll`, then the
// removals, then the additions (values may contain EL; a parameter set again replaces its values
// unless `appendToExistingArray`). Request phase of PROXY and v2 APIs.
// https://documentation.gravitee.io/apim/policies/transform-query-parameters
import { definePolicy } from "../../define.ts";
import type { TransformQueryParamsPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

export type TransformQueryParamsConfig = Omit<
  TransformQueryParamsPolicyConfiguration,
  "addQueryParameters"
> & {
  addQueryParameters?: ReadonlyArray<{ name?: string; value?: Templated }>;
};

export const connector = definePolicy<TransformQueryParamsConfig>({
  id: "transform-queryparams",
  create(config) {
    const removals = (config.removeQueryParameters ?? []).filter((n) => n !== "");
    const additions = (config.addQueryParameters ?? []).filter((p) => p.name !== undefined && p.name !== "");
    return {
      onRequest(exchange) {
        const url = exchange.request.url ?? "";
        const q = url.indexOf("?");
        const current = exchange.upstreamRequest.query ?? (q >= 0 ? url.slice(q) : "");
        const params = new URLSearchParams(config.clearAll ? "" : current);
        for (const name of removals) params.delete(name);
        if (additions.length > 0) {
          const el = exchange.el();
          for (const p of additions) {
            const value = render(p.value ?? "", el);
            if (config.appendToExistingArray) params.append(p.name!, value);
            else params.set(p.name!, value);
          }
        }
        const query = params.toString();
        exchange.upstreamRequest.query = query === "" ? "" : `?${query}`;
      },
    };
  },
});
