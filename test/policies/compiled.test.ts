// Every policy, with EL-templated values where the schema allows them, compiled by `sluice compile`
// with strict tsc over the output (the generated configuration must match each policy's runtime
// type), and message policies end to end on a MESSAGE API (http-post → mock endpoint).
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileRepository } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { startTestGateway, writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";

const header = "{#request.headers['x-tenant'][0]}";

const proxyFlows = `  flows:
    - name: every-request-policy
      selectors:
        - type: HTTP
          path: /
      request:
        - policy: rate-limit
          configuration:
            rate:
              key: "${header}"
              limit: 0
              dynamicLimit: "{#request.headers['x-limit'][0]}"
              dynamicPeriodTime: "{#api.properties['period']}"
        - policy: quota
          configuration:
            quota:
              key: "${header}"
              limit: 100
              periodTimeUnit: WEEKS
        - policy: spike-arrest
          configuration:
            spike:
              limit: 0
              dynamicLimit: "{#api.properties['spike']}"
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tenant
                value: "tenant-${header}"
            removeHeaders: [X-Secret]
            whitelistHeaders: [X-Tenant, Accept]
        - policy: assign-attributes
          configuration:
            scope: REQUEST_CONTENT
            attributes:
              - name: body
                value: "{#request.content}"
        - policy: assign-content
          configuration:
            body: '{"wrapped": {#request.content}}'
        - policy: json-xml
          configuration:
            rootElement: doc
        - policy: xml-json
          configuration: {}
        - policy: rest-to-soap
          configuration:
            envelope: "<Envelope><Body>{#request.params['q'][0]}</Body></Envelope>"
            soapAction: "urn:{#request.pathInfo}"
            charset: UTF-8
            preserveQueryParams: true
            stripPath: true
            responseFormat: AUTO
        - policy: graphql-guard
          configuration:
            maxDepth: 5
            maxComplexity: 100
            allowlist: [GetUser]
            allowIntrospection: false
        - policy: graphql-rate-limit
          configuration:
            limit: 100
            maxCost: 50
      response:
        - policy: transform-headers
          configuration:
            scope: RESPONSE
            addHeaders:
              - name: X-Status
                value: "{#response.status}"
        - policy: assign-content
          configuration:
            scope: RESPONSE
            body: "{#response.content}"
`;

const v2Api = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  properties:
    - key: period
      value: "1"
  plans:
    - name: free
      security: KEY_LESS
      flows:
        - path-operator:
            path: /
            operator: STARTS_WITH
          pre:
            - policy: rate-limit
              configuration:
                addHeaders: true
                rate:
                  key: "${header}"
                  limit: 5
                  periodTimeUnit: MINUTES
            - policy: transform-headers
              configuration:
                addHeaders:
                  - name: X-V2
                    value: "{#request.method}"
            - policy: dynamic-routing
              configuration:
                rules:
                  - pattern: (?i)/v(\\d+)/(?<rest>.*)
                    url: "{#endpoints['default']}/{#group[0]}/{#groupName['rest']}"
                  - pattern: "{#request.headers['x-pattern'][0]}"
                    url: http://127.0.0.1:1/absolute
            - policy: traffic-shadowing
              configuration:
                scope: REQUEST_CONTENT
                target: "{#endpoints['default']}"
                headers:
                  - name: X-Shadow
                    value: "{#request.id}"
          post:
            - policy: xml-json
              configuration:
                scope: RESPONSE
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default
        endpoints:
          - name: default
            target: http://127.0.0.1:1
`;

const publishFlows = `  flows:
    - name: publish
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - policy: message-filtering
          configuration:
            filter: "{#message.headers['x-kind'][0] == 'order'}"
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Size
                value: "{#message.content.length()}"
            removeHeaders: [x-drop]
        - policy: assign-attributes
          configuration:
            attributes:
              - name: kind
                value: "{#message.headers['x-kind'][0]}"
        - policy: json-xml
          configuration:
            rootElement: order
        - policy: rate-limit
          configuration:
            rate:
              limit: 1000
      subscribe:
        - policy: assign-content
          configuration:
            body: "{#message.content}!"
        - policy: xml-json
          configuration: {}
`;

const messageSpec = messageApi({
  name: "events",
  path: "/events",
  entrypoints: `        - type: http-post
          configuration:
            requestHeadersToMessage: true`,
  mock: `            messageInterval: 1000
            messageContent: tick`,
  extra: publishFlows,
});

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("every policy compiled", () => {
  it("type-checks the generated gateway with strict tsc and bundles it", async () => {
    const dir = await writeRepository({
      "proxy.yaml": proxyApi("all-policies", "/all", "http://127.0.0.1:1", proxyFlows),
      "legacy.yaml": v2Api,
      "events.yaml": messageSpec,
    });
    dirs.push(dir);
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    const problems = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d))
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(problems).toEqual([]);
    expect(result.internalErrors).toEqual([]);
    expect(result.bundle?.bytes).toBeGreaterThan(0);
    const proxy = result.modules.find((m) => m.path === "apis/all-policies.ts")?.text ?? "";
    // Templates became functions of the EL context; the filter a predicate, not a string template.
    expect(proxy).toMatch(/value: \(ctx: ElContext\): string =>/);
    const events = result.modules.find((m) => m.path === "apis/events.ts")?.text ?? "";
    expect(events).toMatch(/filter: \(ctx: ElContext\): boolean =>/);
  });

  it("a filter that is not a condition is a diagnostic on its line", async () => {
    const dir = await writeRepository({
      "events.yaml": messageSpec.replace(
        "{#message.headers['x-kind'][0] == 'order'}",
        "{#message.content.length() +}",
      ),
    });
    dirs.push(dir);
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
      emitOnly: true,
    });
    const errors = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d));
    expect(errors.map((e) => [e.code.startsWith("expression/"), e.line])).toEqual([
      [true, messageSpec.split("\n").findIndex((l) => l.includes("filter:")) + 1],
    ]);
  });
});

describe("message policies on a running MESSAGE API", () => {
  it("filters, transforms and converts published messages", async () => {
    const gateway = await startTestGateway({ "events.yaml": messageSpec });
    try {
      await waitReady(gateway);
      const post = (kind: string, body: string) =>
        fetch(`${gateway.url}/events`, { method: "POST", headers: { "x-kind": kind, "x-drop": "1" }, body });
      expect((await post("order", '{"id":1}')).status).toBe(202);
      expect((await post("ping", '{"id":2}')).status).toBe(202);
      expect((await post("order", '{"id":3}')).status).toBe(202);
      const published = mockOf(gateway, "events").published;
      expect(published.map((m) => m.content.toString())).toEqual([
        "<order><id>1</id></order>",
        "<order><id>3</id></order>",
      ]);
      const first = published[0];
      expect(first?.headers["X-Size"]).toEqual(["8"]);
      expect(Object.keys(first?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain("x-drop");
      expect(first?.attributes).toEqual({ kind: "order" });
    } finally {
      await gateway.close();
    }
  });
});
