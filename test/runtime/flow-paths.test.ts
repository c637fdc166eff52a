// A flow's HTTP path as Gravitee 4.10's PathPatterns and HttpSelectorConditionFilter read it, table-
// driven against runtime/server/flows.ts: STARTS_WITH looks at the start of the path character by
// character (`/admin` runs for `/administrator`), EQUALS matches the whole path with an optional
// trailing `/`, a trailing or doubled `/` in the flow's path changes nothing, `:name` is one segment
// of Gravitee's parameter characters.
import { describe, expect, it } from "vitest";
import type { Exchange, Flow, FlowSelector, Step } from "../../runtime/contract.ts";
import { compileFlow, flowPathPattern, matchFlows } from "../../runtime/server/flows.ts";

function flow(name: string, selectors: FlowSelector[]): Flow<Step> {
  return { name, selectors, request: [], response: [], publish: [], subscribe: [] };
}

const request = (pathInfo: string, method = "GET") =>
  ({ pathInfo, attributes: {}, request: { method }, el: () => ({}) }) as unknown as Exchange;

const runs = (path: string, operator: "STARTS_WITH" | "EQUALS", pathInfo: string): boolean => {
  const flows = [compileFlow(flow("f", [{ path, pathOperator: operator }]))];
  return matchFlows(flows, request(pathInfo), false, {}).length === 1;
};

describe("HTTP flow paths", () => {
  it.each([
    // STARTS_WITH: the start of the path, not whole segments.
    ["/admin", "STARTS_WITH", "/admin", true],
    ["/admin", "STARTS_WITH", "/admin/", true],
    ["/admin", "STARTS_WITH", "/admin/x/y", true],
    ["/admin", "STARTS_WITH", "/administrator", true],
    ["/admin", "STARTS_WITH", "/admin-old", true],
    ["/admin", "STARTS_WITH", "/admi", false],
    ["/admin", "STARTS_WITH", "/x/admin", false],
    ["/admin", "STARTS_WITH", "/Admin", false],
    // A trailing, doubled or missing `/` in the flow's path is the same pattern.
    ["/admin/", "STARTS_WITH", "/administrator", true],
    ["/admin/", "STARTS_WITH", "/admin", true],
    ["admin", "STARTS_WITH", "/admin/x", true],
    ["//admin//x", "STARTS_WITH", "/admin/x", true],
    ["/", "STARTS_WITH", "/anything", true],
    ["/", "STARTS_WITH", "/", true],
    // EQUALS: the whole path, one optional trailing `/`.
    ["/admin", "EQUALS", "/admin", true],
    ["/admin", "EQUALS", "/admin/", true],
    ["/admin/", "EQUALS", "/admin", true],
    ["/admin", "EQUALS", "/admin//", false],
    ["/admin", "EQUALS", "/administrator", false],
    ["/admin", "EQUALS", "/admin/x", false],
    ["/", "EQUALS", "/", true],
    ["/", "EQUALS", "/x", false],
    // `:name`: one segment (never `/`), then STARTS_WITH goes on character by character.
    ["/items/:id", "EQUALS", "/items/42", true],
    ["/items/:id", "EQUALS", "/items/42/", true],
    ["/items/:id", "EQUALS", "/items/42/x", false],
    ["/items/:id", "EQUALS", "/items/", false],
    ["/items/:id", "STARTS_WITH", "/items/42/parts", true],
    ["/items/:id/parts", "STARTS_WITH", "/items/42/partsX", true],
    ["/items/:id/parts", "STARTS_WITH", "/items/42/x/parts", false],
    ["/items/:id", "STARTS_WITH", "/itemsX/42", false],
    ["/items/:id", "EQUALS", "/items/a%20b", true],
    ["/items/:id", "EQUALS", "/items/a|b", true],
    // The path is a Java regular expression, as Gravitee reads it: `.` is any character.
    ["/v1.0", "STARTS_WITH", "/v1.0/x", true],
    ["/v1.0", "STARTS_WITH", "/v1x0/x", true],
    ["/v1\\.0", "STARTS_WITH", "/v1x0/x", false],
    ["/(.*)/products", "STARTS_WITH", "/shop/products", true],
    ["/(.*)/products", "STARTS_WITH", "/a/b/products/1", true],
    ["/(.*)/products", "STARTS_WITH", "/products", false],
    ["/(.*)/products", "EQUALS", "/shop/products/", true],
    ["/(.*)/products", "EQUALS", "/shop/products/1", false],
    ["/orders|/carts", "STARTS_WITH", "/carts/1", true],
    ["/orders|/carts", "EQUALS", "/orders", true],
    ["/orders|/carts", "EQUALS", "/x/carts", false],
    ["/v[0-9]+/items", "STARTS_WITH", "/v12/items", true],
    ["/v[0-9]+/items", "STARTS_WITH", "/vX/items", false],
    ["/items/\\d{3}", "EQUALS", "/items/123", true],
    ["/items/\\d{3}", "EQUALS", "/items/1234", false],
    ["/files/[^/]+\\.json", "EQUALS", "/files/a.json", true],
    ["/files/[^/]+\\.json", "EQUALS", "/files/a/b.json", false],
    ["/(?:a|b)/:id", "EQUALS", "/b/7", true],
    ["/\\Q(v1)\\E", "EQUALS", "/(v1)", true],
    ["/\\Q(v1)\\E", "EQUALS", "/v1", false],
    // Java's meaning, not JavaScript's: `.` never matches U+0085, `\s` is ASCII white space only.
    ["/a.b", "EQUALS", "/a\u0085b", false],
    ["/a\\sb", "EQUALS", "/a\u00a0b", false],
    // `$` also matches before a line terminator that ends the path (Java, without MULTILINE).
    ["/a$", "STARTS_WITH", "/a\u2028", true],
  ] as const)("%s %s runs for %s: %s", (path, operator, pathInfo, expected) => {
    expect(runs(path, operator, pathInfo)).toBe(expected);
  });

  it("builds Gravitee's pattern: `/`, each segment and `/`, the last `/` optional", () => {
    expect(flowPathPattern("/admin/", false).regex.source).toBe("^\\/admin\\/?");
    expect(flowPathPattern("/admin", true).regex.source).toBe("^\\/admin\\/?$");
    expect(flowPathPattern("/", false).regex.source).toBe("^\\/?");
    // A top-level `|` keeps both alternatives anchored, as Java's lookingAt and matches do.
    expect(flowPathPattern("/a|b", true).regex.source).toBe("^(?:\\/a|b\\/?)$");
  });

  it("captures only `:name` parameters: the path's own groups do not shift them", () => {
    const flows = [compileFlow(flow("f", [{ path: "/(v1|v2)/(?<kind>items)/:id", pathOperator: "EQUALS" }]))];
    const params: Record<string, string> = {};
    expect(matchFlows(flows, request("/v2/items/42"), false, params)).toHaveLength(1);
    expect(params).toEqual({ id: "42" });
  });

  it("captures `:name` parameters of a prefix match, decoded", () => {
    const flows = [compileFlow(flow("f", [{ path: "/items/:id/parts/:part", pathOperator: "STARTS_WITH" }]))];
    const params: Record<string, string> = {};
    expect(matchFlows(flows, request("/items/a%20b/parts/wheel/bolt"), false, params)).toHaveLength(1);
    expect(params).toEqual({ id: "a b", part: "wheel" });
  });

  it("runs the `/` flow and the `/admin` flow for /administrator, in order (DEFAULT mode)", () => {
    const flows = [
      flow("all", [{ path: "/", pathOperator: "STARTS_WITH" }]),
      flow("admin", [{ path: "/admin", pathOperator: "STARTS_WITH" }]),
      flow("admin-exact", [{ path: "/admin", pathOperator: "EQUALS" }]),
    ].map(compileFlow);
    const names = (p: string) => matchFlows(flows, request(p), false, {}).map((f) => f.flow.name);
    expect(names("/administrator")).toEqual(["all", "admin"]);
    expect(names("/admin/")).toEqual(["all", "admin", "admin-exact"]);
    expect(names("/public")).toEqual(["all"]);
  });
});
