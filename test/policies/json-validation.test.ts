// json-validation through a compiled gateway: the schema compiled at build time into a standalone
// validator beside the API module (no ajv in the bundle), Gravitee's statuses, messages and keys in
// the request and response phases and on published and subscribed messages, and located errors for
// a schema that cannot be compiled.
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRepository } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";

const schema = JSON.stringify({
  $schema: "http://json-schema.org/draft-04/schema#",
  type: "object",
  required: ["name"],
  properties: { name: { type: "string", minLength: 2 }, tags: { type: "array", uniqueItems: true } },
});

const flows = (phase: "request" | "response", extra = "") => `  flows:
    - name: validate
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      ${phase}:
        - policy: json-validation
          configuration:
            scope: ${phase === "request" ? "REQUEST_CONTENT" : "RESPONSE_CONTENT"}
            schema: '${schema}'
${extra}`;

let backend: HttpBackend;
let gateway: TestGateway;
const dirs: string[] = [];

beforeAll(async () => {
  // Echoes the request body, or answers the `x-answer` header as the response body.
  backend = await startHttpBackend((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(req.headers["x-answer"] ?? Buffer.concat(chunks));
    });
  });
  gateway = await startTestGateway(
    {
      "req.yaml": proxyApi(
        "req",
        "/req",
        "${BACKEND}",
        flows(
          "request",
          `            errorMessage: '{"error":"invalid {#request.headers[''x-who''][0]}"}'\n`,
        ),
      ),
      "res.yaml": proxyApi("res", "/res", "${BACKEND}", flows("response")),
      "straight.yaml": proxyApi(
        "straight",
        "/straight",
        "${BACKEND}",
        flows("response", "            straightRespondMode: true\n"),
      ),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: `        - type: http-post
        - type: http-get
          configuration:
            messagesLimitCount: 1
            messagesLimitDurationMs: 1500`,
        mock: `            messageInterval: 100
            messageContent: '{"name":"x"}'`,
        extra: `  flows:
    - name: validate
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - policy: json-validation
          configuration:
            schemaSource:
              sourceType: STATIC_SCHEMA
              staticSchema: '${schema}'
      subscribe:
        - policy: json-validation
          configuration:
            schema: '${schema}'
`,
      }),
    },
    { BACKEND: backend.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body,
  });

describe("json-validation on the request", () => {
  it("passes a valid body to the endpoint unchanged", async () => {
    const res = await post("/req", '{"name":"ok","tags":[1,2]}');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"name":"ok","tags":[1,2]}');
  });

  it("answers 400 with the templated errorMessage when the body does not match", async () => {
    const hits = backend.hits;
    for (const body of ['{"name":"x"}', '{"tags":[]}', '{"name":"ok","tags":[1,1]}']) {
      const res = await post("/req", body, { "x-who": "bob" });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: '{"error":"invalid bob"}', http_status_code: 400 });
    }
    expect(backend.hits).toBe(hits);
  });

  it("answers 400 when the body is not JSON", async () => {
    const res = await post("/req", "{nope", { "x-who": "eve" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: '{"error":"invalid eve"}', http_status_code: 400 });
  });
});

describe("json-validation on the response", () => {
  it("sends a valid response, and 500 Internal Error for one that does not match or is not JSON", async () => {
    expect((await post("/res", "", { "x-answer": '{"name":"fine"}' })).status).toBe(200);
    for (const answer of ['{"name":1}', "not json"]) {
      const res = await post("/res", "", { "x-answer": answer });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ message: "Internal Error", http_status_code: 500 });
    }
  });

  it("straightRespondMode sends a response that does not match, but not one that is not JSON", async () => {
    const res = await post("/straight", "", { "x-answer": '{"name":1}' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"name":1}');
    expect((await post("/straight", "", { "x-answer": "{" })).status).toBe(500);
  });
});

describe("json-validation on messages", () => {
  it("publishes valid messages and refuses others with 400", async () => {
    await waitReady(gateway);
    expect((await post("/events", '{"name":"order"}')).status).toBe(202);
    const bad = await post("/events", '{"name":"o"}');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Bad request", http_status_code: 400 });
    expect(mockOf(gateway, "events").published.map((m) => m.content.toString())).toEqual([
      '{"name":"order"}',
    ]);
  });

  it("refuses a subscribed message that does not match", async () => {
    const res = await fetch(`${gateway.url}/events`, { headers: { accept: "application/json" } });
    const text = await res.text();
    expect(text).toContain("Bad request");
    expect(text).not.toContain('"name":"x"');
  });
});

describe("the compiled schema", () => {
  it("is standalone code beside the API module, and ajv is not in the bundle", async () => {
    const dir = await writeRepository({
      "req.yaml": proxyApi("req", "/req", "http://127.0.0.1:1", flows("request")),
    });
    dirs.push(dir);
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const validators = await readFile(join(dir, "generated", "validators", "req.js"), "utf8");
    expect(validators).toMatch(/export const schema_[0-9a-f]{16} = validate\d+;/);
    expect(validators).not.toMatch(/require\(|from "ajv/);
    // The validator is bundled with its API; ajv's code generator is not (fastify's ajv, of the
    // admin port, is in link.js either way).
    const chunksDir = join(dir, "generated", "dist", "chunks");
    const chunks = await Promise.all(
      (await readdir(chunksDir)).map((f) => readFile(join(chunksDir, f), "utf8")),
    );
    expect(chunks.join("\n")).toContain("must have required property");
    expect(chunks.join("\n")).not.toContain("node_modules/ajv");
  });

  it("a schema that is not JSON, or none at all, is an error on its line", async () => {
    const spec = proxyApi("req", "/req", "http://127.0.0.1:1", flows("request")).replace(
      `schema: '${schema}'`,
      `schema: '{"type": "object",'`,
    );
    const none = proxyApi("none", "/none", "http://127.0.0.1:1", flows("request")).replace(
      `schema: '${schema}'`,
      "errorMessage: x",
    );
    const dir = await writeRepository({ "req.yaml": spec, "none.yaml": none });
    dirs.push(dir);
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
      emitOnly: true,
    });
    const errors = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d))
      .map((d) => [d.file.split("/").pop(), d.code, d.line]);
    expect(errors).toEqual([
      [
        "none.yaml",
        "policy/invalid-json-schema",
        none.split("\n").findIndex((l) => l.includes("scope: REQUEST_CONTENT")) + 1,
      ],
      [
        "req.yaml",
        "policy/invalid-json-schema",
        spec.split("\n").findIndex((l) => l.includes("schema: ")) + 1,
      ],
    ]);
  });
});
