// `policy-request-validation`: checks values of the request — each rule's `input`, an EL template —
// against a constraint, and refuses with `status` (400) and the key REQUEST_VALIDATION_INVALID when
// one fails; the message is Gravitee's JSON payload `{"message": …, "constraints": [violations]}`.
// Constraints and their default messages are Gravitee's (its validators: a number is parsed as a
// double and compared as a long; PATTERN finds, MAIL matches Gravitee's expression).
// https://documentation.gravitee.io/apim/policies/request-validation
import { type Exchange, GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { RequestValidationPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";
import { validDate } from "./date-format.ts";

type Rule = NonNullable<RequestValidationPolicyConfiguration["rules"]>[number];
export type RequestValidationConfig = Omit<RequestValidationPolicyConfiguration, "rules"> & {
  rules: ReadonlyArray<
    Omit<Rule, "input" | "constraint"> & {
      input: Templated;
      constraint: Omit<Rule["constraint"], "parameters"> & { parameters?: readonly Templated[] };
    }
  >;
};

const MAIL = /^[A-Z0-9._%+-]+(@|%40)[A-Z0-9.-]+\.[A-Z]{2,6}$/i;
const long = (s: string | undefined) =>
  s !== undefined && /^[-+]?\d+$/.test(s.trim()) ? Number(s) : undefined;
const number = (s: string) =>
  s.trim() !== "" && Number.isFinite(Number(s)) ? Math.trunc(Number(s)) : undefined;

/** Whether `value` satisfies the constraint, and its default message (Gravitee's). */
const CONSTRAINTS: Record<string, { valid: (value: string, p: string[]) => boolean; message: string }> = {
  NOT_NULL: { valid: (v) => v.trim().length > 0, message: "'%s' can not be null." },
  MIN: {
    valid: (v, [min]) => long(min) !== undefined && (number(v) ?? Number.NaN) >= long(min)!,
    message: "'%s' must be higher or equals to '%s'",
  },
  MAX: {
    valid: (v, [max]) => long(max) !== undefined && (number(v) ?? Number.NaN) <= long(max)!,
    message: "'%s' must be lower or equals to '%s'",
  },
  MAIL: { valid: (v) => MAIL.test(v), message: "%s is not a valid email." },
  DATE: {
    valid: (v, [format]) => format !== undefined && validDate(v, format),
    message: "'%s' is not valid (format: '%s')",
  },
  PATTERN: {
    valid: (v, [pattern]) => {
      try {
        return pattern !== undefined && new RegExp(pattern).test(v);
      } catch {
        return false;
      }
    },
    message: "'%s' is not valid (pattern: '%s')",
  },
  SIZE: {
    valid: (v, [min, max]) =>
      long(min) !== undefined && long(max) !== undefined && v.length >= long(min)! && v.length <= long(max)!,
    message: "'%s' length must be higher or equals to '%s' and lower or equals to '%s'",
  },
  ENUM: { valid: (v, values) => values.includes(v), message: "'%s' not included in ENUM" },
};

/** Java's String.format with `%s` only. */
const format = (template: string, args: string[]) => {
  let i = 0;
  return template.replace(/%s/g, () => args[i++] ?? "null");
};

export const connector = definePolicy<RequestValidationConfig>({
  id: "policy-request-validation",
  create(config) {
    const status = Number(config.status ?? "400");
    const violations = (exchange: Exchange): string[] => {
      const el = exchange.el();
      const found: string[] = [];
      for (const rule of config.rules) {
        const value = render(rule.input, el);
        if (rule.isRequired === false && value === "") continue;
        const parameters = (rule.constraint.parameters ?? []).map((p) => render(p, el));
        const constraint = CONSTRAINTS[rule.constraint.type ?? "NOT_NULL"]!;
        if (constraint.valid(value, parameters)) continue;
        const message = format(rule.constraint.message || constraint.message, [value, ...parameters]);
        if (!found.includes(message)) found.push(message);
      }
      return found;
    };
    return {
      async onRequest(exchange) {
        if (config.scope === "REQUEST_CONTENT") await exchange.requestBody.read();
        const found = violations(exchange);
        if (found.length === 0) return;
        const payload = JSON.stringify({
          message: "Request is not valid according to constraint rules",
          constraints: found,
        });
        throw new GatewayError(status, payload, { key: "REQUEST_VALIDATION_INVALID" });
      },
    };
  },
});
