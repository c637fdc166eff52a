// Flow selection for MESSAGE APIs, table-driven against runtime/server/flows.ts: CHANNEL selectors
// (STARTS_WITH from the start of the path, EQUALS, `:param` channels, regular expressions), operations against the entrypoint's modes and
// against the message phase, the entrypoints filter, CONDITION selectors, and BEST_MATCH.
import { describe, expect, it } from "vitest";
import type { Exchange, Flow, FlowSelector, Step } from "../../runtime/contract.ts";
import type { ElContext } from "../../runtime/el.ts";
import { compileFlow, flowRunsInPhase, matchFlows } from "../../runtime/server/flows.ts";

function flow(name: string, selectors: FlowSelector[]): Flow<Step> {
  return { name, selectors, request: [], response: [], publish: [], subscribe: [] };
}

/** The parts of an exchange flow selection reads: path info, entrypoint, method, EL. */
function exchange(
  pathInfo: string,
  entrypoint: string | undefined,
  headers: Record<string, string> = {},
): Exchange {
  const el = {
    request: { headers: (n: string) => (headers[n] ? [headers[n]] : undefined) },
  } as unknown as ElContext;
  return {
    pathInfo,
    attributes: {},
    entrypoint,
    request: { method: entrypoint === "http-post" ? "POST" : "GET" },
    el: () => el,
  } as unknown as Exchange;
}

const flows = [
  flow("all", [{ channel: "/", channelOperator: "STARTS_WITH" }]),
  flow("orders", [{ channel: "/orders", channelOperator: "STARTS_WITH" }]),
  flow("orders-exact", [{ channel: "/orders", channelOperator: "EQUALS" }]),
  flow("order-param", [{ channel: "/orders/:id", channelOperator: "EQUALS" }]),
  flow("subscribe", [{ channel: "/", operations: ["SUBSCRIBE"] }]),
  flow("publish", [{ channel: "/", operations: ["PUBLISH"] }]),
  flow("sse-only", [{ channel: "/", entrypoints: ["sse"] }]),
  flow("tenant", [{ channel: "/" }, { condition: (el) => el.request.headers("x-tenant")?.[0] === "acme" }]),
].map(compileFlow);

describe("CHANNEL flow selection", () => {
  it.each([
    ["", "http-get", {}, ["all", "subscribe"]],
    ["/orders", "http-get", {}, ["all", "orders", "orders-exact", "subscribe"]],
    ["/orders/", "http-get", {}, ["all", "orders", "orders-exact", "subscribe"]],
    ["/orders/42", "http-get", {}, ["all", "orders", "order-param", "subscribe"]],
    // STARTS_WITH compares characters from the start, as Gravitee does: `/orders` covers `/ordersX`.
    ["/ordersX", "http-get", {}, ["all", "orders", "subscribe"]],
    ["/order", "http-get", {}, ["all", "subscribe"]],
    ["/orders", "http-post", {}, ["all", "orders", "orders-exact", "publish"]],
    ["/x", "websocket", {}, ["all", "subscribe", "publish"]],
    ["/x", "sse", {}, ["all", "subscribe", "sse-only"]],
    ["/x", "http-get", { "x-tenant": "acme" }, ["all", "subscribe", "tenant"]],
    ["/x", undefined, {}, ["all", "subscribe", "publish", "sse-only"]],
  ] as const)("path %j via %s %j selects %j", (path, entrypoint, headers, expected) => {
    const params: Record<string, string> = {};
    const got = matchFlows(flows, exchange(path, entrypoint, headers), false, params);
    expect(got.map((f) => f.flow.name)).toEqual(expected);
  });

  it("reads a channel as Gravitee does, a regular expression (ChannelSelectorConditionFilter uses PathPatterns)", () => {
    const regex = [
      flow("regional", [{ channel: "/(eu|us)/orders", channelOperator: "STARTS_WITH" }]),
      flow("numbered", [{ channel: "/orders/\\d+", channelOperator: "EQUALS" }]),
    ].map(compileFlow);
    const names = (path: string) =>
      matchFlows(regex, exchange(path, "http-get"), false, {}).map((f) => f.flow.name);
    expect(names("/eu/orders/1")).toEqual(["regional"]);
    expect(names("/asia/orders")).toEqual([]);
    expect(names("/orders/42")).toEqual(["numbered"]);
    expect(names("/orders/4x")).toEqual([]);
  });

  it("captures channel parameters", () => {
    const params: Record<string, string> = {};
    matchFlows(flows, exchange("/orders/a%20b", "http-get"), false, params);
    expect(params).toEqual({ id: "a b" });
  });

  it("BEST_MATCH picks the best-scoring channel as Gravitee does (segments left to right, longer first, ties keep the earlier flow)", () => {
    const best = (path: string) =>
      matchFlows(flows, exchange(path, "http-get"), true, {}).map((f) => f.flow.name);
    // `/orders` STARTS_WITH and `/orders` EQUALS score alike: the operator only decides whether a
    // flow matches, so the earlier flow stays (Gravitee's AbstractBestMatchFlowSelector).
    expect(best("/orders")).toEqual(["orders"]);
    // `/orders/:id` is longer than `/orders`: a path parameter still beats no segment.
    expect(best("/orders/42")).toEqual(["order-param"]);
    expect(best("/orders/1/lines")).toEqual(["orders"]);
  });

  it.each([
    ["subscribe", "subscribe", true],
    ["subscribe", "publish", false],
    ["publish", "publish", true],
    ["publish", "subscribe", false],
    ["all", "publish", true],
    ["all", "subscribe", true],
  ] as const)("flow %s runs message steps in the %s phase: %s", (name, phase, runs) => {
    const f = flows.find((x) => x.flow.name === name)!;
    expect(flowRunsInPhase(f, phase)).toBe(runs);
  });
});
