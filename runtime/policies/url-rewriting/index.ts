// `url-rewriting`: rewrites the URLs an upstream puts in its response (a `Location` header, links in
// the body) by a regular expression, each match replaced by an EL template that sees the match's
// groups (`#group`, `#groupName`), as Gravitee's policy does. The replacement is inserted as text
// (Gravitee passes it to Java's appendReplacement, where `$` and `\` would be special).
// https://documentation.gravitee.io/apim/policies/url-rewriting
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { UrlRewritingPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

export type UrlRewritingConfig = Omit<UrlRewritingPolicyConfiguration, "toReplacement"> & {
  toReplacement: Templated;
};

export const connector = definePolicy<UrlRewritingConfig>({
  id: "url-rewriting",
  create(config) {
    const pattern = new RegExp(config.fromRegex, "g");
    const rewrite = (value: string, el: ElContext): string =>
      value.replace(pattern, (...args: unknown[]) => {
        // replace() passes the match, its groups, the offset, the string, and the named groups if any.
        const named = typeof args[args.length - 1] === "object" ? (args.pop() as Record<string, string>) : {};
        const groups = args.slice(0, -2).map((g) => (typeof g === "string" ? g : ""));
        const group = Object.fromEntries(groups.map((g, i) => [String(i), g]));
        const groupName = Object.fromEntries(Object.entries(named ?? {}).map(([k, v]) => [k, v ?? ""]));
        return render(config.toReplacement, { ...el, regex: { group, groupName } });
      });
    return {
      async onResponse(exchange) {
        const el = exchange.el();
        if (config.rewriteResponseHeaders !== false) {
          for (const name of exchange.response.getHeaderNames()) {
            const value = exchange.response.getHeader(name);
            if (value === undefined) continue;
            exchange.response.setHeader(
              name,
              Array.isArray(value) ? value.map((v) => rewrite(v, el)) : rewrite(String(value), el),
            );
          }
        }
        if (config.rewriteResponseBody !== false) {
          const body = (await exchange.responseBody.read()).toString("utf8");
          exchange.responseBody.replace(rewrite(body, el));
        }
      },
    };
  },
});
