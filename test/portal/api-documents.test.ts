// The OpenAPI 3.1 and AsyncAPI 3.0 documents `sluice docs` generates for the example repository,
// validated by the maintained validators of each format (@apidevtools/swagger-parser, and
// @asyncapi/parser), and what they say about the example APIs' plans and entrypoints.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Parser } from "@asyncapi/parser";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { type ApiDocs, collectApiDocs } from "../../compiler/docs/build-site.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { writeRepository } from "../helpers/gateway.ts";

let apis: ApiDocs[];

beforeAll(async () => {
  const result = await checkRepository({ target: join(PROJECT_DIR, "apis"), allowEmpty: false });
  if (!result.model) throw new Error("the example repository does not check");
  apis = collectApiDocs(result.model, result.valid, { gatewayUrl: "http://localhost:8082" });
});

const byId = (id: string) => {
  const found = apis.find((a) => a.api.id === id);
  if (!found) throw new Error(`no API ${id}`);
  return found;
};

describe("generated API documents", () => {
  it("every PROXY API has an OpenAPI 3.1 document swagger-parser validates", async () => {
    const proxies = apis.filter((a) => a.api.type === "PROXY");
    expect(proxies.length).toBeGreaterThan(3);
    for (const d of proxies) {
      expect(d.document.file).toBe("openapi.json");
      const copy = structuredClone(d.document.value);
      await expect(SwaggerParser.validate(copy as never), d.api.id).resolves.toBeTruthy();
      expect(d.document.value.openapi).toBe("3.1.0");
    }
  });

  it("every MESSAGE API has an AsyncAPI 3.0 document @asyncapi/parser accepts without errors", async () => {
    const parser = new Parser();
    const messages = apis.filter((a) => a.api.type === "MESSAGE");
    expect(messages.length).toBeGreaterThan(2);
    for (const d of messages) {
      expect(d.document.file).toBe("asyncapi.json");
      const { document, diagnostics } = await parser.parse(JSON.stringify(d.document.value));
      const errors = diagnostics
        .filter((x) => x.severity === 0)
        .map((x) => `${x.path.join("/")}: ${x.message}`);
      expect(errors, d.api.id).toEqual([]);
      expect(document?.version()).toBe("3.0.0");
    }
  });

  it("the orders plans are security schemes: API key (header, query), JWT, mTLS, and keyless", () => {
    const doc = byId("orders").document.value as {
      components: { securitySchemes: Record<string, Record<string, unknown>> };
      security: Array<Record<string, unknown>>;
      paths: Record<string, Record<string, unknown>>;
      servers: Array<{ url: string }>;
    };
    const schemes = doc.components.securitySchemes;
    expect(schemes.apiKeyHeader).toMatchObject({ type: "apiKey", in: "header", name: "X-Gravitee-Api-Key" });
    expect(schemes.apiKeyQuery).toMatchObject({ type: "apiKey", in: "query", name: "api-key" });
    expect(schemes.jwt).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    expect(schemes.mtls).toMatchObject({ type: "mutualTLS" });
    // The descriptions are shared with the AsyncAPI document (describe-api.ts).
    expect(schemes.jwt!.description).toMatch(/^A signed JWT\. Plans: \S/);
    expect(schemes.mtls!.description).toMatch(
      /^A client certificate of a subscribed application\. Plans: \S/,
    );
    expect(doc.security).toContainEqual({}); // the keyless plan
    expect(Object.keys(doc.paths)).toEqual(["/orders"]);
    expect(Object.keys(doc.paths["/orders"]!)).toEqual(["get", "post", "put", "patch", "delete"]);
    expect(doc.servers).toEqual([{ url: "http://localhost:8082" }]);
  });

  it("the demo-mock entrypoints are operations with their bindings", () => {
    const doc = byId("demo-mock").document.value as {
      channels: Record<string, { address: string; bindings?: unknown }>;
      operations: Record<string, { action: string; bindings?: { http?: { method: string } } }>;
      servers: Record<string, { host: string; protocol: string }>;
    };
    expect(doc.channels.messages).toMatchObject({
      address: "/demo/events",
      bindings: { ws: { method: "GET" } },
    });
    expect(doc.operations["messages-http-get-receive"]).toMatchObject({
      action: "receive",
      bindings: { http: { method: "GET" } },
    });
    expect(doc.operations["messages-http-post-send"]).toMatchObject({
      action: "send",
      bindings: { http: { method: "POST" } },
    });
    expect(doc.operations["messages-sse-receive"]).toMatchObject({ action: "receive" });
    expect(Object.keys(doc.operations)).toContain("messages-websocket-send");
    expect(doc.servers.gateway).toEqual({ host: "localhost:8082", protocol: "http" });
    expect(doc.servers["gateway-ws"]).toEqual({ host: "localhost:8082", protocol: "ws" });
  });
});

describe("documents of APIs with hosts and bearer plans", () => {
  it("servers come from the listeners' hosts; OAuth2 and JWT plans are bearer schemes", async () => {
    const dir = await writeRepository({
      "a.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata: { name: a }
spec:
  name: A
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths: [{ host: api.example.com, path: /a }, { host: eu.example.com, path: /a }]
      entrypoints: [{ type: http-proxy }]
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints: [{ name: e, type: http-proxy, configuration: { target: "http://127.0.0.1:9" } }]
  flows:
    - name: orders
      selectors: [{ type: HTTP, path: /orders/:id, pathOperator: EQUALS, methods: [GET, DELETE] }]
  plans:
    tokens:
      name: Tokens
      security:
        type: OAUTH2
        configuration: { oauthResource: idp }
    jwt:
      name: JWT
      security:
        type: JWT
        configuration: { signature: HMAC_HS256, publicKeyResolver: GIVEN_KEY, resolverParameter: "\${JWT_KEY:-0123456789abcdef0123456789abcdef}" }
  resources:
    - name: idp
      type: oauth2
      configuration: { introspectionEndpoint: "http://127.0.0.1:9/introspect", clientId: c, clientSecret: "\${IDP_SECRET:-s}" }
`,
    });
    try {
      const result = await checkRepository({ target: join(dir, "apis"), allowEmpty: false });
      const errors = result.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code} ${d.message}`);
      expect(errors).toEqual([]);
      const [docs] = collectApiDocs(result.model!, result.valid, { gatewayUrl: "https://gw.internal:8443" });
      const doc = docs!.document.value as {
        servers: Array<{ url: string }>;
        paths: Record<string, Record<string, unknown>>;
        components: { securitySchemes: Record<string, Record<string, unknown>> };
        security: unknown[];
      };
      expect(doc.servers).toEqual([{ url: "https://api.example.com" }, { url: "https://eu.example.com" }]);
      expect(Object.keys(doc.paths)).toEqual(["/a/orders/{id}"]);
      expect(Object.keys(doc.paths["/a/orders/{id}"]!)).toEqual(["parameters", "get", "delete"]);
      expect(doc.components.securitySchemes.oauth2).toMatchObject({ type: "http", scheme: "bearer" });
      expect(doc.components.securitySchemes.jwt).toMatchObject({ bearerFormat: "JWT" });
      expect(doc.security).toEqual([{ oauth2: [] }, { jwt: [] }]); // in plan order
      await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
