// Flow paths read as Gravitee reads them — Java regular expressions (PathPatterns) — through a
// compiled gateway: v4 API and plan flows, a v2 flow, `:name` next to the path's own groups, and a
// crafted 8 KB request path against a pattern `sluice check` accepts, answered without delay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

/** A flow that adds `x-<header>: <value>` to the request sent upstream. */
const flow = (header: string, path: string, operator: string, value = "yes", indent = "    ") =>
  `
- name: ${header}
  selectors:
    - type: HTTP
      path: '${path}'
      pathOperator: ${operator}
  request:
    - policy: transform-headers
      configuration:
        addHeaders:
          - name: x-${header}
            value: "${value}"`.replaceAll("\n", `\n${indent}`);

const v4 = `
apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: regex
spec:
  name: regex
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /regex
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: \${BACKEND}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
      flows:${flow("plan", "/v[0-9]+/admin", "STARTS_WITH", "yes", "        ")}
  flows:${[
    flow("products", "/(.*)/products", "STARTS_WITH"),
    flow("version", "/v1.0", "STARTS_WITH"),
    flow("exact", "/orders|/carts", "EQUALS"),
    flow("item", "/(?:shop|store)/items/:id", "EQUALS", "{#request.pathParams['id']}"),
    flow("json", "/files/[^/]+\\.json", "EQUALS"),
  ].join("")}
`;

const v2 = `
apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default
        endpoints:
          - name: e
            target: \${BACKEND}
  flows:
    - name: digits
      path-operator:
        path: /items/\\d+
        operator: EQUALS
      pre:
        - policy: transform-headers
          configuration:
            scope: REQUEST
            addHeaders:
              - name: x-digits
                value: "yes"
  plans:
    - name: Open
      security: KEY_LESS
`;

const FLOW_HEADERS = ["x-plan", "x-products", "x-version", "x-exact", "x-item", "x-json", "x-digits"];

describe("flow paths as regular expressions", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway({ "regex.yaml": v4, "legacy.yaml": v2 }, { BACKEND: backend.url });
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const upstream = async (path: string): Promise<Record<string, string>> => {
    const res = await fetch(`${gateway.url}${path}`);
    expect(res.status).toBe(200);
    const headers = ((await res.json()) as { headers: Record<string, string> }).headers;
    return Object.fromEntries(Object.entries(headers).filter(([k]) => FLOW_HEADERS.includes(k)));
  };

  it.each([
    ["/regex/shop/products", { "x-products": "yes" }],
    ["/regex/a/b/products/7", { "x-products": "yes" }],
    ["/regex/products", {}],
    ["/regex/v1.0/x", { "x-version": "yes" }],
    ["/regex/v1x0/x", { "x-version": "yes" }],
    ["/regex/carts/", { "x-exact": "yes" }],
    ["/regex/carts/1", {}],
    ["/regex/store/items/42", { "x-item": "42" }],
    ["/regex/files/a.json", { "x-json": "yes" }],
    ["/regex/files/a/b.json", {}],
    ["/regex/v12/admin/users", { "x-plan": "yes" }],
    ["/regex/vX/admin", {}],
    ["/legacy/items/123", { "x-digits": "yes" }],
    ["/legacy/items/12a", {}],
  ])("%s sends %j upstream", async (path, expected) => {
    expect(await upstream(path)).toEqual(expected);
  });

  it("answers a crafted 8 KB path at once: the accepted patterns do not backtrack", async () => {
    const crafted = `/regex/${"/".repeat(4000)}${"a/".repeat(2000)}x`;
    expect(crafted.length).toBeGreaterThan(8000);
    const started = performance.now();
    const res = await fetch(`${gateway.url}${crafted}`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
