// `resource-filtering`: a whitelist (only matching requests pass) and a blacklist (matching requests
// are refused) of Ant-style path patterns with methods — Gravitee's 403 RESOURCE_FILTERING_FORBIDDEN,
// and 405 RESOURCE_FILTERING_METHOD_NOT_ALLOWED when a path is listed but not for this method.
// Patterns match the path after the context path, empty segments ignored (as Spring's
// AntPathMatcher); the path was normalised by the gateway before routing (docs/security.md).
// https://documentation.gravitee.io/apim/policies/resource-filtering
import { type Exchange, GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ResourceFilteringPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

/** Spring's AntPathMatcher as a regular expression over a path with empty segments removed. */
export function antPattern(pattern: string): RegExp {
  let source = "";
  for (const segment of pattern.split("/").filter((s) => s !== "")) {
    if (segment === "**") {
      source += "(?:/[^/]+)*";
      continue;
    }
    source += "/";
    for (const part of segment.split(/(\{[^}]*\}|\*|\?)/).filter((p) => p !== "")) {
      if (part === "*") source += "[^/]*";
      else if (part === "?") source += "[^/]";
      else if (part.startsWith("{") && part.endsWith("}")) {
        const custom = part.slice(1, -1).split(":").slice(1).join(":");
        source += custom ? `(?:${custom})` : "[^/]+";
      } else source += part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

export const connector = definePolicy<ResourceFilteringPolicyConfiguration>({
  id: "resource-filtering",
  create(config) {
    const compile = (rules: typeof config.whitelist) =>
      (rules ?? []).map((r) => ({ path: antPattern(r.pattern), methods: new Set<string>(r.methods ?? []) }));
    const whitelist = compile(config.whitelist);
    const blacklist = compile(config.blacklist);
    const verdict = (exchange: Exchange): GatewayError | undefined => {
      const path = `/${exchange.pathInfo
        .split("/")
        .filter((s) => s !== "")
        .join("/")}`.replace(/^\/$/, "");
      const method = exchange.request.method ?? "GET";
      const onPath = (rules: typeof whitelist) => rules.filter((r) => r.path.test(path));
      const forMethod = (rules: typeof whitelist) =>
        rules.some((r) => r.methods.size === 0 || r.methods.has(method));
      if (whitelist.length > 0) {
        const listed = onPath(whitelist);
        if (listed.length === 0) return forbidden();
        if (!forMethod(listed)) return notAllowed();
      }
      if (forMethod(onPath(blacklist))) return forbidden();
      return undefined;
    };
    return {
      onRequest(exchange) {
        const refusal = verdict(exchange);
        if (refusal) throw refusal;
      },
    };
  },
});

const forbidden = () =>
  new GatewayError(403, "You're not allowed to access this resource", {
    key: "RESOURCE_FILTERING_FORBIDDEN",
  });
const notAllowed = () =>
  new GatewayError(405, "Method not allowed while accessing this resource", {
    key: "RESOURCE_FILTERING_METHOD_NOT_ALLOWED",
  });
