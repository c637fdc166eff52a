// dynamic-routing through a compiled gateway, with real backends: rules routing to endpoints and
// groups by name (`#endpoints['name']`), to an absolute URL and to a path of the default group, the
// pattern's groups in the URL, no rule matching (Gravitee's 400), an unknown reference (503), and
// Gravitee's own plugin test APIs (v2, imported unchanged) — plus the located compile error of an
// unknown `#endpoints` name.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importApis } from "../../compiler/import/import-apis.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { diagnose, summary } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "gravitee-plugins");

/** A v4 PROXY API on /dr with three endpoint groups and one dynamic-routing step. */
const routedApi = (
  main: string,
  stores: string,
  catalog: string,
  absolute: string,
) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: routed
spec:
  name: routed
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /dr
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: default-group
      type: http-proxy
      endpoints:
        - name: default
          type: http-proxy
          configuration:
            target: ${main}/main
    - name: stores-group
      type: http-proxy
      endpoints:
        - name: stores
          type: http-proxy
          configuration:
            target: ${stores}/stores-base
    - name: catalog
      type: http-proxy
      endpoints:
        - name: catalog-1
          type: http-proxy
          configuration:
            target: ${catalog}
  flows:
    - name: route
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
        - policy: dynamic-routing
          configuration:
            rules:
              - pattern: /v1/stores/(.*)
                url: "{#endpoints['stores']}/{#group[0]}"
              - pattern: /catalog/(?<item>[a-z]+)/(\\d+)
                url: "{#endpoints['catalog']}/items/{#groupName['item']}/{#group[1]}"
              - pattern: /abs/(.*)
                url: "${absolute}/direct/{#group[0]}"
              - pattern: /rel/(.*)
                url: /relative/{#group[0]}?from=rule
              - pattern: /ghost
                url: ghost:/x
              - pattern: (?i)/UPPER/(\\p{Digit}+)
                url: "{#endpoints['catalog']}/upper/{#group[0]}"
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Routed-To
                value: "{#context.attributes['request.endpoint']}"
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

let main: EchoBackend;
let stores: EchoBackend;
let catalog: EchoBackend;
let absolute: EchoBackend;
let gateway: TestGateway;

/** What `backend` received last, after one call through the gateway. */
async function call(backend: EchoBackend, path: string, init?: RequestInit): Promise<Received> {
  const before = backend.received.length;
  const res = await fetch(`${gateway.url}${path}`, init);
  expect(res.status).toBe(200);
  expect(res.headers.get("x-backend")).toBe(String(backend.port));
  await res.arrayBuffer();
  expect(backend.received.length).toBe(before + 1);
  return backend.received.at(-1)!;
}

beforeAll(async () => {
  [main, stores, catalog, absolute] = await Promise.all([
    startEchoBackend(),
    startEchoBackend(),
    startEchoBackend(),
    startEchoBackend(),
  ]);
  // Gravitee's own test APIs, imported as they are; only their backends are pointed at ours.
  const imported = async (file: string, replace: Record<string, string>) => {
    let text = readFileSync(join(FIXTURES, file), "utf8");
    for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
    const result = await importApis([{ path: file, text }]);
    expect(result.failures).toEqual([]);
    return Object.fromEntries(result.apis.map((a) => [a.file, a.text]));
  };
  gateway = await startTestGateway({
    "routed.yaml": routedApi(main.url, stores.url, catalog.url, absolute.url),
    ...(await imported("dynamic-routing_v2_with-endpoint.json", {
      "http://localhost:8080/endpoint": `${main.url}/endpoint`,
      "http://endpoint1:8080": stores.url,
    })),
    ...(await imported("dynamic-routing_v2_with-absolute-url.json", {
      "http://localhost:8080/": `${main.url}/`,
      "https://example.com": absolute.url,
    })),
  });
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all([main, stores, catalog, absolute].map((b) => b?.close()));
});

describe("dynamic-routing (v4)", () => {
  it("routes to an endpoint by name, the first group after its target path, with the query", async () => {
    const got = await call(stores, "/dr/v1/stores/my-store?x=1");
    expect(got.url).toBe("/stores-base/my-store?x=1");
    expect(got.headers.host).toBe(`127.0.0.1:${stores.port}`);
  });

  it("routes to a group by name, with named and numbered groups", async () => {
    expect((await call(catalog, "/dr/catalog/books/42")).url).toBe("/items/books/42");
  });

  it("routes to an absolute URL, with its Host and the client's query, the request path not appended", async () => {
    const got = await call(absolute, "/dr/abs/a/b?q=2");
    expect(got.url).toBe("/direct/a/b?q=2");
    expect(got.headers.host).toBe(`127.0.0.1:${absolute.port}`);
  });

  it("sends a relative URL to the default group, after its target path", async () => {
    expect((await call(main, "/dr/rel/z")).url).toBe("/main/relative/z?from=rule");
  });

  it("sends the method and body to the routed endpoint, and the route is the request.endpoint attribute", async () => {
    const got = await call(stores, "/dr/v1/stores/orders", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "a body",
    });
    expect([got.method, got.url, got.body]).toEqual(["POST", "/stores-base/orders", "a body"]);
    expect(got.headers["x-routed-to"]).toBe("stores:/orders");
  });

  it("answers Gravitee's 400 when no rule matches, without calling any backend", async () => {
    const before = [main, stores, catalog, absolute].map((b) => b.received.length);
    const res = await fetch(`${gateway.url}/dr/nothing/here`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("No routing rule is matching path");
    expect([main, stores, catalog, absolute].map((b) => b.received.length)).toEqual(before);
  });

  it("reads a pattern with Java's syntax: a leading (?i), POSIX classes", async () => {
    expect((await call(catalog, "/dr/upper/42")).url).toBe("/upper/42");
    const res = await fetch(`${gateway.url}/dr/upper/abc`);
    expect(res.status).toBe(400);
    await res.arrayBuffer();
  });

  it("answers 503 when a reference names no endpoint", async () => {
    const res = await fetch(`${gateway.url}/dr/ghost`);
    expect(res.status).toBe(503);
  });
});

describe("dynamic-routing (v2, Gravitee's own test APIs)", () => {
  it("routes to the group `group1` by `{#endpoints['group1']}/{#group[0]}`", async () => {
    expect((await call(stores, "/with_endpoint/v1/stores/my-store")).url).toBe("/my-store");
  });

  it("answers 400 when no rule matches", async () => {
    const res = await fetch(`${gateway.url}/with_endpoint/unknown`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("No routing rule is matching path");
  });

  it("routes every path to the absolute URL", async () => {
    expect((await call(absolute, "/with_absolute_url/")).url).toBe("/");
  });
});

describe("compile-time errors", () => {
  it("a pattern JavaScript cannot express (a possessive quantifier) is an error at its position", async () => {
    const text = routedApi("http://a", "http://b", "http://c", "http://d").replace(
      "- pattern: /ghost",
      "- pattern: /gh++ost",
    );
    await expect(startTestGateway({ "routed.yaml": text })).rejects.toThrow(
      /routed\.yaml:\d+:\d+ policy\/invalid-regex .*possessive/i,
    );
  });

  it("an unknown #endpoints name is a compile error on its line and column, with the known names", () => {
    const text = routedApi("http://a", "http://b", "http://c", "http://d").replace(
      "{#endpoints['catalog']}/items",
      "{#endpoints['catalgo']}/items",
    );
    const found = diagnose({ "routed.yaml": text }).filter((d) => d.code === "endpoint/unknown-reference");
    expect(summary(found)).toEqual(["endpoint/unknown-reference@50:36"]);
    expect(found[0]!.hint).toContain("catalog");
  });
});
