// `data-logging-masking`: masks data in what the access log writes of an exchange — headers by
// name, body values by JSONPath (jsonpath-plus) or XPath (xpath over @xmldom/xmldom), and
// patterns (Gravitee's CREDIT_CARD, EMAIL, IP, URI, or a regex). As in Gravitee v4 the masking is
// applied when the log line is written, so the step's place in the flow does not matter; the
// step's phase decides which side (request or response) of the log it masks. The data the client
// and the backend see is never changed.
// https://documentation.gravitee.io/apim/policies/data-logging-masking
import { isIPv6 } from "node:net";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { JSONPath } from "jsonpath-plus";
import * as xpath from "xpath";
import { definePolicy } from "../../define.ts";
import { addLogMask, type LogMask } from "../../observability/log-masking.ts";
import type { DataLoggingMaskingPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

type BodyRule = NonNullable<DataLoggingMaskingPolicyConfiguration["bodyRules"]>[number];

/** Gravitee's built-in patterns (global regular expressions; IP candidates are checked by node:net). */
const PATTERNS: Record<string, RegExp> = {
  EMAIL: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  CREDIT_CARD:
    /\b(?:4[0-9]{12}(?:[0-9]{3})?|(?:5[1-5][0-9]{2}|222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|3[47][0-9]{13})\b/g,
  IP: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b|(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}/g,
  URI: /\b(?:(?:https?|ftp|file):\/\/[^\s"'<>]+|mailto:[^\s"'<>]+)/g,
};

/** What is masked becomes the replacer repeated (one character) or the replacer itself. */
export function replaceWith(replacer: string | undefined, text: string): string {
  const r = replacer ?? "*";
  return r.length === 1 ? r.repeat(text.length) : r;
}

interface CompiledRule {
  path?: string;
  pattern?: RegExp;
  replacer: string;
}

function compileRule(rule: BodyRule): CompiledRule {
  const out: CompiledRule = { replacer: rule.replacer ?? "*" };
  if (rule.path) out.path = rule.path;
  if (rule.type && rule.type !== "CUSTOM") out.pattern = PATTERNS[rule.type];
  else if (rule.regex) out.pattern = new RegExp(rule.regex, "g");
  return out;
}

/** `text` with the pattern's matches masked, or all of it without a pattern. */
export function maskText(text: string, pattern: RegExp | undefined, replacer: string): string {
  if (!pattern) return replaceWith(replacer, text);
  const ip = pattern === PATTERNS.IP;
  return text.replace(pattern, (match) =>
    match === "" || (ip && match.includes(":") && !isIPv6(match)) ? match : replaceWith(replacer, match),
  );
}

function maskJson(text: string, rules: readonly CompiledRule[]): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const rule of rules) {
    if (!rule.path) continue;
    const found = JSONPath({
      path: rule.path,
      json: json as object,
      resultType: "all",
      eval: false,
    }) as Array<{
      parent: Record<string | number, unknown> | null;
      parentProperty: string | number | null;
      value: unknown;
    }>;
    for (const hit of found) {
      const value = typeof hit.value === "string" ? hit.value : JSON.stringify(hit.value);
      const masked = maskText(value, rule.pattern, rule.replacer);
      if (hit.parent && hit.parentProperty !== null) hit.parent[hit.parentProperty] = masked;
      else json = masked;
    }
  }
  return JSON.stringify(json);
}

function maskXml(text: string, rules: readonly CompiledRule[]): string | undefined {
  let errors = 0;
  const doc = new DOMParser({
    onError: (level) => {
      if (level !== "warning") errors++;
    },
  }).parseFromString(text, "text/xml");
  if (errors > 0 || !doc.documentElement) return undefined;
  for (const rule of rules) {
    if (!rule.path) continue;
    const found = xpath.select(rule.path, doc as unknown as Node);
    for (const node of Array.isArray(found) ? found : []) {
      const n = node as Node;
      n.textContent = maskText(n.textContent ?? "", rule.pattern, rule.replacer);
    }
  }
  return new XMLSerializer().serializeToString(doc);
}

/** The log mask of one step's configuration. */
export function logMask(config: DataLoggingMaskingPolicyConfiguration): LogMask {
  const headerRules = (config.headerRules ?? []).map((r) => ({
    name: r.path.toLowerCase(),
    replacer: r.replacer ?? "*",
  }));
  const bodyRules = (config.bodyRules ?? []).map(compileRule);
  const pathRules = bodyRules.filter((r) => r.path);
  const rawRules = bodyRules.filter((r) => !r.path && r.pattern);
  return {
    headers(headers) {
      if (headerRules.length === 0) return headers;
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(headers)) {
        const rule = headerRules.find((r) => r.name === name.toLowerCase());
        out[name] = !rule
          ? value
          : Array.isArray(value)
            ? value.map((v) => replaceWith(rule.replacer, String(v)))
            : replaceWith(rule.replacer, String(value));
      }
      return out;
    },
    body(text, contentType) {
      let out = text;
      if (pathRules.length > 0) {
        const type = (contentType ?? "").toLowerCase();
        const xml = type.includes("xml") || (!type.includes("json") && out.trimStart().startsWith("<"));
        out = (xml ? maskXml(out, pathRules) : maskJson(out, pathRules)) ?? out;
      }
      for (const rule of rawRules) out = maskText(out, rule.pattern, rule.replacer);
      return out;
    },
  };
}

export const connector = definePolicy<DataLoggingMaskingPolicyConfiguration>({
  id: "data-logging-masking",
  create(config) {
    const mask = logMask(config);
    return {
      onRequest(exchange) {
        addLogMask(exchange, "request", mask);
      },
      onResponse(exchange) {
        addLogMask(exchange, "response", mask);
      },
    };
  },
});
