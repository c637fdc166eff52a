// `json-threat-protection`: refuses a JSON body (or a published message) that is not JSON or goes
// beyond the configured limits — 400 `Bad Request` with the limit's error key, as Gravitee. The body
// is parsed by JSON.parse (V8's parser is iterative: deep nesting cannot exhaust the stack) and then
// walked without recursion. Duplicate field names count once (JSON.parse keeps the last).
// https://documentation.gravitee.io/apim/policies/json-threat-protection
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { JsonThreatProtectionPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

type Limits = Required<JsonThreatProtectionPolicyConfiguration>;

/** The error key of the first limit `content` breaks, or undefined. */
export function jsonThreat(content: string, limits: Limits): string | undefined {
  let root: unknown;
  try {
    root = JSON.parse(content);
  } catch {
    return "JSON_THREAT_DETECTED";
  }
  const over = (limit: number, value: number) => limit >= 0 && value > limit;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (over(limits.maxValueLength, value.length)) return "JSON_THREAT_MAX_VALUE_LENGTH";
    } else if (Array.isArray(value)) {
      if (over(limits.maxDepth, depth + 1)) return "JSON_THREAT_MAX_DEPTH";
      if (over(limits.maxArraySize, value.length)) return "JSON_MAX_ARRAY_SIZE";
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else if (value !== null && typeof value === "object") {
      if (over(limits.maxDepth, depth + 1)) return "JSON_THREAT_MAX_DEPTH";
      const entries = Object.entries(value);
      if (over(limits.maxEntries, entries.length)) return "JSON_THREAT_MAX_ENTRIES";
      for (const [name, item] of entries) {
        if (over(limits.maxNameLength, name.length)) return "JSON_THREAT_MAX_NAME_LENGTH";
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

export const connector = definePolicy<JsonThreatProtectionPolicyConfiguration>({
  id: "json-threat-protection",
  create(config) {
    const limits: Limits = {
      maxEntries: config.maxEntries ?? -1,
      maxArraySize: config.maxArraySize ?? -1,
      maxDepth: config.maxDepth ?? -1,
      maxNameLength: config.maxNameLength ?? -1,
      maxValueLength: config.maxValueLength ?? -1,
    };
    const check = (content: Buffer) => {
      const key = jsonThreat(content.toString("utf8"), limits);
      if (key) throw new GatewayError(400, "Bad Request", { key });
    };
    return {
      async onRequest(exchange) {
        check(await exchange.requestBody.read());
      },
      onMessage(message) {
        check(message.content);
        return message;
      },
    };
  },
});
