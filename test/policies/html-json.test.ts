// html-json through a compiled gateway in front of a real backend serving an HTML page: the
// configuration of Gravitee's README (a text and an array), jsoup's text normalisation (block
// elements separated, whitespace collapsed, `pre` kept), jsoup's selector extensions (`:eq(n)` is
// the index among siblings, `:contains` ignores case — jQuery's differ), a v2 API's
// `post` phase, and a selector the compiler cannot parse as an error on its line.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { compileSelector, elementText, parseHtml } from "../../runtime/policies/html-json/html.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";

const PAGE = `<!DOCTYPE html>
<html><head><title>  Shop   </title></head>
<body>
  <div class="class"><h1>Spring
     sale</h1></div>
  <div class="container">
    <ul><li>Tea</li><li>Coffee <b>beans</b></li></ul>
    <ul><li>Cups</li></ul>
  </div>
  <table><tr><td>a</td><td>b</td></tr></table>
  <p class="price">12.50</p><p class="price">3.10</p>
  <pre>  keep
  this</pre>
</body></html>`;

const v4 = (target: string, selectors: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: html
spec:
  name: html
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /html
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: default-group
      type: http-proxy
      endpoints:
        - name: default
          type: http-proxy
          configuration:
            target: ${target}
  plans:
    free:
      name: free
      security:
        type: KEY_LESS
  flows:
    - name: html
      response:
        - name: html-json
          policy: html-json
          configuration:
            selectors:
${selectors}`;

const README_SELECTORS = `              - array: false
                jsonName: test
                selector: ".class h1"
              - array: true
                jsonName: testArray
                selector: ".container ul"
              - jsonName: prices
                selector: "p.price"
              - jsonName: first
                selector: "li:eq(0)"
              - jsonName: coffee
                selector: "li:contains(coffee)"
              - jsonName: later
                selector: "li:gt(0)"
              - jsonName: cents
                selector: 'p:matches(^\\d+\\.10$)'
              - jsonName: spring
                selector: 'h1:matches((?i)^spring)'
              - jsonName: table
                selector: table
              - jsonName: pre
                selector: pre
                array: true
              - jsonName: none
                selector: ".missing"
`;

const v2 = (target: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: html-v2
spec:
  name: html-v2
  version: "1"
  proxy:
    virtual_hosts:
      - path: /html-v2
    groups:
      - name: default
        endpoints:
          - name: default
            target: ${target}
  plans:
    - name: free
      security: KEY_LESS
  flows:
    - name: html
      path-operator:
        path: /
        operator: STARTS_WITH
      post:
        - name: html-json
          policy: html-json
          enabled: true
          configuration:
            selectors:
              - jsonName: title
                selector: h1
`;

let backend: Server;
let gateway: TestGateway;

beforeAll(async () => {
  backend = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/page`;
  gateway = await startTestGateway({ "html.yaml": v4(target, README_SELECTORS), "html-v2.yaml": v2(target) });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  backend?.closeAllConnections();
  await new Promise((resolve) => backend?.close(resolve));
});

describe("html-json", () => {
  it("turns the backend's page into JSON, fields in configuration order", async () => {
    const res = await fetch(`${gateway.url}/html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const text = await res.text();
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual({
      test: "Spring sale",
      testArray: ["Tea Coffee beans", "Cups"],
      prices: "12.50 3.10",
      first: "Tea Cups",
      coffee: "Coffee beans",
      later: "Coffee beans",
      cents: "3.10",
      spring: "Spring sale",
      table: "a b",
      pre: ["keep\n  this"],
      none: "",
    });
    expect(Object.keys(JSON.parse(text))).toEqual([
      "test",
      "testArray",
      "prices",
      "first",
      "coffee",
      "later",
      "cents",
      "spring",
      "table",
      "pre",
      "none",
    ]);
  });

  it("runs in a v2 API's post phase", async () => {
    const res = await fetch(`${gateway.url}/html-v2`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ title: "Spring sale" });
  });

  it.each([
    { html: "<div>One</div>Two", text: "One Two" },
    { html: "<p>a<br>b</p>", text: "a b" },
    { html: "<span> x </span><span> y </span>", text: "x y" },
    { html: "<div>\u00a0 a \u200b b </div>", text: "a b" },
  ])("text of $html is jsoup's: $text", ({ html, text }) => {
    const doc = parseHtml(`<body><section>${html}</section></body>`);
    expect(elementText(compileSelector("section")(doc)[0]!)).toBe(text);
  });

  it.each(["ul >> li[", "p:matches(a(b)"])(
    "a selector the compiler cannot parse (%s) is policy/invalid-selector on its line",
    async (selector) => {
      const text = v4(
        "http://127.0.0.1:1/",
        `              - jsonName: bad\n                selector: '${selector}'\n`,
      );
      const dir = await writeRepository({ "html.yaml": text });
      const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
      const found = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
      const line = text.split("\n").findIndex((l) => l.includes(selector)) + 1;
      expect(found.map((d) => `${d.code}@${d.line}`)).toEqual([`policy/invalid-selector@${line}`]);
    },
  );
});
