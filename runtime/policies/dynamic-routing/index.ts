// `dynamic-routing`: the first rule whose `pattern` matches the whole path after the context path
// (Java's Matcher.matches(), on the path as sent or decoded; the groups are the sent path's) decides where the
// request goes: its `url`, an EL template in which `#group[n]` is the (n+1)-th capture group and
// `#groupName['name']` a named group, becomes the exchange's target (Gravitee's `request.endpoint`
// attribute): an absolute URL, or `{#endpoints['name']}/path` for an endpoint or group of the API
// (runtime/server/endpoint-target.ts reads both). No rule matching: 400 "No routing rule is
// matching path"; no rules: the request goes on unchanged.
// https://github.com/gravitee-io/gravitee-policy-dynamic-routing (DynamicRoutingPolicy)
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import { REQUEST_ENDPOINT_ATTRIBUTE as ASSIGNED_TARGET } from "../../server/endpoint-target.ts";
import { render, type Templated } from "../lib/el.ts";

/**
 * A rule's pattern: a literal is translated from Java's syntax at compile time (anchored, with its
 * flags); a template (or an environment reference) is rendered and compiled as JavaScript here.
 */
export type RulePattern = Templated | { source: string; flags: string };

export interface DynamicRoutingConfig {
  rules: ReadonlyArray<{ pattern: RulePattern; url: Templated }>;
}

/** The attribute Gravitee sets to the routed URL (`#context.attributes['request.endpoint']`). */
export const REQUEST_ENDPOINT_ATTRIBUTE = "request.endpoint";

/** Java's `matches()`: the whole input. Patterns are compiled as JavaScript expressions. */
export function wholeMatch(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** Java's URLDecoder.decode: `+` is a space; undefined when an escape is malformed. */
export function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path.replaceAll("+", " "));
  } catch {
    return undefined;
  }
}

/** `#group` (the capture groups from the first, by index from 0) and `#groupName` of a match. */
export function matchGroups(match: RegExpExecArray): NonNullable<ElContext["regex"]> {
  const group: Record<string, string> = {};
  for (let i = 1; i < match.length; i++) group[String(i - 1)] = match[i] ?? "";
  const groupName: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) groupName[name] = value ?? "";
  return { group, groupName };
}

export const connector = definePolicy<DynamicRoutingConfig>({
  id: "dynamic-routing",
  create(config, ctx) {
    // Patterns known now are compiled once, here.
    const rules = (config.rules ?? []).map((rule) => ({
      pattern:
        typeof rule.pattern === "string"
          ? wholeMatch(rule.pattern)
          : typeof rule.pattern === "function"
            ? rule.pattern
            : new RegExp(rule.pattern.source, rule.pattern.flags),
      url: rule.url,
    }));
    return {
      onRequest(exchange) {
        if (rules.length === 0) return;
        const original = exchange.pathInfo;
        const decoded = decodePath(original);
        const el = exchange.el();
        for (const rule of rules) {
          let pattern: RegExp;
          try {
            pattern = rule.pattern instanceof RegExp ? rule.pattern : wholeMatch(rule.pattern(el));
          } catch (error) {
            ctx.log.warn("dynamic-routing: invalid pattern", { error: String(error) });
            throw new GatewayError(500, "Invalid pattern syntax");
          }
          // Gravitee takes the groups from the path as sent (the decoded one only decides a match).
          const match = pattern.exec(original) ?? (decoded === undefined ? null : pattern.exec(decoded));
          if (!match) continue;
          const url = render(rule.url, { ...el, regex: matchGroups(match) });
          exchange.upstreamRequest.target = url;
          exchange.attributes[REQUEST_ENDPOINT_ATTRIBUTE] = url;
          // The route replaces a target assign-attributes set earlier (Gravitee: the same attribute).
          delete exchange.attributes[ASSIGNED_TARGET];
          return;
        }
        throw new GatewayError(400, "No routing rule is matching path");
      },
    };
  },
});
