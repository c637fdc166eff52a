// Policies on the request path build the exchange's EL context (exchange.el(), not free: headers,
// query, addresses, attributes) only when a value of their configuration is an expression. Each
// row runs the policy's request phase on a real exchange, counts the el() calls, and checks that
// the policy still did its work.
import { describe, expect, it } from "vitest";
import type { Exchange } from "../../runtime/contract.ts";
import type { ElContext } from "../../runtime/el.ts";
import { connector as quota } from "../../runtime/policies/quota/index.ts";
import { connector as rateLimit } from "../../runtime/policies/rate-limit/index.ts";
import { connector as spikeArrest } from "../../runtime/policies/spike-arrest/index.ts";
import { connector as transformHeaders } from "../../runtime/policies/transform-headers/index.ts";
import { contextOf, runtimeApi, withMessageExchange } from "./harness.ts";

/** The request's `X-Tenant` (withMessageExchange sends `acme`), as a compiled template. */
const tenant = (el: ElContext) => el.request.headers("x-tenant")?.[0] ?? "";

interface Row {
  name: string;
  run: (exchange: Exchange) => unknown;
  /** What the step left on the exchange. */
  effect: (exchange: Exchange) => unknown;
  expected: unknown;
  elCalls: "none" | "some";
}

function policyRow<C>(
  name: string,
  connector: { create(config: C, ctx: ReturnType<typeof contextOf>): { onRequest?(e: Exchange): unknown } },
  config: C,
  effect: Row["effect"],
  expected: unknown,
  elCalls: Row["elCalls"],
): Row {
  const instance = connector.create(config, contextOf(runtimeApi(`hot-path-${name}`)));
  return { name, run: (exchange) => instance.onRequest?.(exchange), effect, expected, elCalls };
}

const upstream = (name: string) => (exchange: Exchange) => exchange.upstreamHeaders[name];
const response = (name: string) => (exchange: Exchange) => exchange.response.getHeader(name);

const rows: Row[] = [
  policyRow(
    "transform-headers, plain value",
    transformHeaders,
    { addHeaders: [{ name: "X-Plan", value: "gold" }], removeHeaders: ["x-tenant"] },
    (e) => [e.upstreamHeaders["x-plan"], e.upstreamHeaders["x-tenant"]],
    ["gold", null],
    "none",
  ),
  policyRow(
    "transform-headers, expression",
    transformHeaders,
    { addHeaders: [{ name: "X-Who", value: tenant }] },
    upstream("x-who"),
    "acme",
    "some",
  ),
  policyRow(
    "rate-limit, static rate",
    rateLimit,
    { addHeaders: true, rate: { limit: 5, periodTime: 1, periodTimeUnit: "MINUTES" } },
    response("x-rate-limit-remaining"),
    "4",
    "none",
  ),
  policyRow(
    "rate-limit, key expression",
    rateLimit,
    { addHeaders: true, rate: { key: tenant, limit: 5, periodTime: 1, periodTimeUnit: "MINUTES" } },
    response("x-rate-limit-remaining"),
    "4",
    "some",
  ),
  policyRow(
    "rate-limit, dynamic limit",
    rateLimit,
    { addHeaders: true, rate: { dynamicLimit: () => "3", periodTime: 1, periodTimeUnit: "MINUTES" } },
    response("x-rate-limit-remaining"),
    "2",
    "some",
  ),
  policyRow(
    "quota, static rate",
    quota,
    { quota: { limit: 10, periodTime: 1, periodTimeUnit: "DAYS" } },
    response("x-quota-remaining"),
    "9",
    "none",
  ),
  policyRow(
    "spike-arrest, static rate",
    spikeArrest,
    { addHeaders: true, spike: { limit: 1, periodTime: 1, periodTimeUnit: "SECONDS" } },
    response("x-spike-arrest-limit"),
    "1",
    "none",
  ),
];

describe("request-path policies build the EL context only for expressions", () => {
  it.each(rows)("$name: el() $elCalls", async ({ run, effect, expected, elCalls }) => {
    const { calls, result } = await withMessageExchange(async (exchange) => {
      const el = exchange.el.bind(exchange);
      let count = 0;
      (exchange as { el: () => ElContext }).el = () => {
        count++;
        return el();
      };
      await run(exchange);
      return { calls: count, result: effect(exchange) };
    });
    expect(result).toEqual(expected);
    if (elCalls === "none") expect(calls).toBe(0);
    else expect(calls).toBeGreaterThan(0);
  });
});
