// `regex-threat-protection`: refuses a request when a header (name or value), the path, a query
// parameter (name or value, decoded) or the body matches `regex` whole — Java's `matches()`, as in
// Gravitee — with 400 `Bad Request` and the key of what matched.
// https://documentation.gravitee.io/apim/policies/regex-threat-protection
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { RegexThreatProtectionPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
};

export const connector = definePolicy<RegexThreatProtectionPolicyConfiguration>({
  id: "regex-threat-protection",
  create(config) {
    // `s`: the body may span lines; Java's `.` does not match line ends, but a whole-body match
    // of a multi-line body needs it to (Gravitee's users write `.*<script>.*`).
    const pattern = new RegExp(`^(?:${config.regex})$`, config.caseSensitive === true ? "s" : "is");
    const matches = (value: string) => pattern.test(value);
    const refuse = (key: string) => new GatewayError(400, "Bad Request", { key });
    return {
      async onRequest(exchange) {
        const { request } = exchange;
        if (config.checkHeaders !== false) {
          for (const [name, value] of Object.entries(request.headers)) {
            if (name.startsWith(":")) continue;
            const values = Array.isArray(value) ? value : [String(value ?? "")];
            if (matches(name) || values.some(matches)) throw refuse("REGEX_THREAT_HEADER_DETECTED");
          }
        }
        if (config.checkPath !== false) {
          const url = new URL(request.url ?? "/", "http://gateway");
          let found = matches(decode(exchange.pathInfo));
          for (const [name, value] of url.searchParams) found ||= matches(name) || matches(value);
          if (found) throw refuse("REGEX_THREAT_PATH_DETECTED");
        }
        if (config.checkBody !== false) {
          const body = await exchange.requestBody.read();
          if (body.length > 0 && matches(body.toString("utf8"))) throw refuse("REGEX_THREAT_BODY_DETECTED");
        }
      },
    };
  },
});
