// xml-validation through a compiled gateway, with the plugin's own test schema and documents
// (fixtures/xml-validation, copied from gravitee-policy-xml-validation): a valid document reaches
// the backend unchanged; an invalid or malformed one is Gravitee's 400 with `errorMessage` (EL) or
// `Bad Request`, no key, in v4 and v2 APIs; the response phase is not run (the plugin has none);
// an external entity is never read and refused; bodies past the bound are 413; a bad XSD is an
// error at its line; the bundled gateway carries libxml2 only when an API uses the policy.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRepository } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "fixtures/xml-validation", name), "utf8");
const XSD = fixture("schema.xsd");
const VALID = fixture("valid.xml");
const INVALID = fixture("invalid.xml");
const ERROR_MESSAGE = fixture("error-message.xml");

/** `text` as a YAML block scalar, `indent` spaces in. */
const block = (text: string, indent: number) =>
  `|-\n${text
    .split("\n")
    .map((l) => (l === "" ? "" : `${" ".repeat(indent)}${l}`))
    .join("\n")}`;

const v4Flows = (phase: "request" | "response", configuration: string) => `  flows:
    - name: validate
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      ${phase}:
        - policy: xml-validation
          configuration:
${configuration}
`;

const v4Config = (xsd = XSD) => `            errorMessage: "invalid for {#request.headers['x-who'][0]}"
            xsdSchema: ${block(xsd, 14)}`;

/** A v2 API with the plugin test's configuration verbatim in a `pre` step. */
const v2Api = (name: string, target: string) =>
  JSON.stringify({
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiDefinition",
    metadata: { name },
    spec: {
      name,
      version: "1",
      proxy: {
        virtual_hosts: [{ path: `/${name}` }],
        groups: [{ name: "g", endpoints: [{ name: "e", target }] }],
      },
      plans: [{ name: "Free", security: "KEY_LESS" }],
      flows: [
        {
          name: "validate",
          "path-operator": { path: "/", operator: "STARTS_WITH" },
          pre: [{ policy: "xml-validation", configuration: { errorMessage: ERROR_MESSAGE, xsdSchema: XSD } }],
        },
      ],
    },
  });

let backend: HttpBackend;
let gateway: TestGateway;
let secretDir: string;
const received: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  secretDir = await mkdtemp(join(tmpdir(), "sluice-xxe-"));
  await writeFile(join(secretDir, "secret.txt"), "TOP-SECRET-VALUE");
  // Echoes the request body; `x-answer` replaces the response body.
  backend = await startHttpBackend((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push(body);
      res.setHeader("content-type", "application/xml");
      res.end(req.headers["x-answer"] ?? body);
    });
  });
  gateway = await startTestGateway(
    {
      "xsd.yaml": proxyApi("xsd", "/xsd", "${BACKEND}", v4Flows("request", v4Config())),
      "xsd-response.yaml": proxyApi("xsdres", "/xsdres", "${BACKEND}", v4Flows("response", v4Config())),
      "legacy.yaml": v2Api("legacy", "${BACKEND}"),
    },
    { BACKEND: backend.url, SLUICE_EL_BODY_LIMIT: "65536" },
  );
});

afterAll(async () => {
  await gateway?.close();
  await backend?.close();
  if (secretDir) await rm(secretDir, { recursive: true, force: true });
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/xml", accept: "application/json", ...headers },
    body,
  });

describe("xml-validation on a v4 PROXY API", () => {
  it("passes a valid document to the backend unchanged", async () => {
    const res = await post("/xsd/companies", VALID);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(VALID);
    expect(received.at(-1)).toBe(VALID);
  });

  it("answers 400 with the templated errorMessage, no key, when the document is not valid", async () => {
    const hits = backend.hits;
    const res = await post("/xsd/companies", INVALID, { "x-who": "bob" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: "invalid for bob", http_status_code: 400 });
    // A type error deep inside (sales is xs:long) is caught too.
    const typed = VALID.replace("<sales>10451541505</sales>", "<sales>lots</sales>");
    expect((await post("/xsd/companies", typed, { "x-who": "eve" })).status).toBe(400);
    expect(backend.hits).toBe(hits);
  });

  it("answers 400 for a malformed document (the plugin test's JSON) and for an empty body", async () => {
    const hits = backend.hits;
    const res = await post("/xsd/companies", '{"name"', { accept: "text/plain", "x-who": "ann" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(await res.text()).toBe("invalid for ann");
    const empty = await fetch(`${gateway.url}/xsd/companies`, { headers: { "x-who": "nobody" } });
    expect(empty.status).toBe(400);
    expect(backend.hits).toBe(hits);
  });

  it("never reads an external entity: the XXE document is refused and the file stays unread", async () => {
    const hits = backend.hits;
    const secret = `file://${join(secretDir, "secret.txt")}`;
    const xxe = VALID.replace("<root>", `<!DOCTYPE root [<!ENTITY x SYSTEM "${secret}">]>\n<root>`).replace(
      "<CEO>John Doo</CEO>",
      "<CEO>&x;</CEO>",
    );
    const res = await post("/xsd/companies", xxe, { "x-who": "mallory" });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain("TOP-SECRET");
    // A parameter entity fetched over the network, and an expansion bomb.
    const pe = VALID.replace(
      "<root>",
      '<!DOCTYPE root [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n<root>',
    );
    expect((await post("/xsd/companies", pe, { "x-who": "m" })).status).toBe(400);
    const levels = ["<!ENTITY a0 'aaaaaaaaaa'>"];
    for (let i = 1; i < 9; i++) levels.push(`<!ENTITY a${i} '${`&a${i - 1};`.repeat(10)}'>`);
    const bomb = VALID.replace("<root>", `<!DOCTYPE root [${levels.join("")}]>\n<root>`).replace(
      "<CEO>John Doo</CEO>",
      "<CEO>&a8;</CEO>",
    );
    expect((await post("/xsd/companies", bomb, { "x-who": "m" })).status).toBe(400);
    expect(backend.hits).toBe(hits);
    // An internal entity is substituted as Gravitee's parser does: the document is valid.
    const internal = VALID.replace("<root>", '<!DOCTYPE root [<!ENTITY boss "John Doo">]>\n<root>').replace(
      "<CEO>John Doo</CEO>",
      "<CEO>&boss;</CEO>",
    );
    expect((await post("/xsd/companies", internal)).status).toBe(200);
    expect(gateway.logs.some((l) => l.includes("refused a body referencing external content"))).toBe(true);
  });

  it("answers 413 for a body past SLUICE_EL_BODY_LIMIT, before parsing it", async () => {
    const hits = backend.hits;
    const company = VALID.slice(VALID.indexOf("<company>"), VALID.indexOf("</companies>"));
    const big = VALID.replace("</companies>", `${company.repeat(400)}</companies>`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(65536);
    const res = await post("/xsd/companies", big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: "Request content too large", http_status_code: 413 });
    // Under the bound, the same structure is validated and passes.
    const fits = VALID.replace("</companies>", `${company.repeat(100)}</companies>`);
    expect((await post("/xsd/companies", fits)).status).toBe(200);
    expect(backend.hits).toBe(hits + 1);
  });

  it("does not run in the response phase, as Gravitee's plugin (request content only)", async () => {
    const res = await post("/xsdres/x", VALID, { "x-answer": "not xml at all" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("not xml at all");
  });
});

describe("xml-validation on a v2 API (the plugin test's configuration)", () => {
  it("passes the valid document and refuses the invalid one with the XML errorMessage", async () => {
    const ok = await post("/legacy/x", VALID);
    expect(ok.status).toBe(200);
    expect(received.at(-1)).toBe(VALID);
    const bad = await post("/legacy/x", INVALID, { accept: "application/xml" });
    expect(bad.status).toBe(400);
    // Gravitee's failure body ignores the plugin's application/xml: text/plain unless JSON is accepted.
    expect(bad.headers.get("content-type")).toBe("text/plain");
    expect(await bad.text()).toBe(ERROR_MESSAGE);
    const malformed = await post("/legacy/x", '{"name"');
    expect(await malformed.json()).toEqual({ message: ERROR_MESSAGE, http_status_code: 400 });
  });
});

describe("the XSD at compile time", () => {
  const compile = async (files: Record<string, string>, emitOnly = true) => {
    const dir = await writeRepository(files);
    dirs.push(dir);
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
      emitOnly,
    });
    return { dir, result };
  };
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("a schema that is not valid, not XML, or names another document is policy/invalid-xml-schema on its line", async () => {
    const badType = XSD.replace('type="xs:long" name="sales"', 'type="xs:money" name="sales"');
    const typo = proxyApi("typo", "/typo", "http://127.0.0.1:1", v4Flows("request", v4Config(badType)));
    const notXml = proxyApi(
      "notxml",
      "/notxml",
      "http://127.0.0.1:1",
      v4Flows("request", `            xsdSchema: '"msg":"error"}'`),
    );
    const include = proxyApi(
      "include",
      "/include",
      "http://127.0.0.1:1",
      v4Flows(
        "request",
        v4Config(
          XSD.replace(
            '<xs:element name="root"',
            '<xs:include schemaLocation="http://127.0.0.1:9/more.xsd"/>\n    <xs:element name="root"',
          ),
        ),
      ),
    );
    const { result } = await compile({ "typo.yaml": typo, "notxml.yaml": notXml, "include.yaml": include });
    const errors = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d))
      .map((d) => [d.file.split("/").pop(), d.code, d.line, d.message]);
    expect(errors.map((e) => e.slice(0, 3))).toEqual([
      ["include.yaml", "policy/invalid-xml-schema", lineOf(include, "xs:include")],
      ["notxml.yaml", "policy/invalid-xml-schema", lineOf(notXml, "xsdSchema:")],
      ["typo.yaml", "policy/invalid-xml-schema", lineOf(typo, "xs:money")],
    ]);
    expect(errors[0]?.[3]).toContain("http://127.0.0.1:9/more.xsd");
    expect(errors[2]?.[3]).toContain("money");
  });

  it("a response-phase step is the warning exposure/policy-phase", async () => {
    const spec = proxyApi("res", "/res", "http://127.0.0.1:1", v4Flows("response", v4Config()));
    const { result } = await compile({ "res.yaml": spec });
    const found = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    expect(found.filter((d) => d.severity === "error")).toEqual([]);
    expect(found.map((d) => [d.code, d.line])).toContainEqual([
      "exposure/policy-phase",
      lineOf(spec, "policy: xml-validation"),
    ]);
  });

  it("the bundled gateway validates, and links libxml2 only when an API uses the policy", async () => {
    const { dir, result } = await compile(
      { "xsd.yaml": proxyApi("xsd", "/xsd", backend.url, v4Flows("request", v4Config())) },
      false,
    );
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const dist = join(dir, "generated", "dist");
    expect(await readFile(join(dist, "link.js"), "utf8")).toContain("xmlSchemaValidateDoc");
    const plain = await compile({ "p.yaml": proxyApi("p", "/p", backend.url) }, false);
    const plainDist = join(plain.dir, "generated", "dist");
    const plainFiles = readdirSync(plainDist, { recursive: true }).map(String);
    const plainText = await Promise.all(
      plainFiles
        .filter((f) => f.endsWith(".js") || f.endsWith(".mjs"))
        .map((f) => readFile(join(plainDist, f), "utf8")),
    );
    expect(plainText.join("\n")).not.toContain("xmlSchemaValidateDoc");

    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [join(dist, "gateway.mjs")], {
        cwd: "/",
        env: {
          PATH: process.env.PATH ?? "",
          SLUICE_HTTP_PORT: "0",
          SLUICE_ADMIN_PORT: "0",
          SLUICE_HOST: "127.0.0.1",
        },
      });
      const started = child;
      const port = await new Promise<number>((resolve, reject) => {
        let logs = "";
        started.stdout?.on("data", (c: Buffer) => {
          logs += c.toString();
          const m = /"httpPort":(\d+)/.exec(logs);
          if (m) resolve(Number(m[1]));
        });
        started.once("exit", (code) => reject(new Error(`gateway exited with ${code}: ${logs}`)));
      });
      const send = (body: string) =>
        fetch(`http://127.0.0.1:${port}/xsd/x`, { method: "POST", body, headers: { "x-who": "z" } });
      expect((await send(VALID)).status).toBe(200);
      const bad = await send(INVALID);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ message: "invalid for z", http_status_code: 400 });
    } finally {
      child?.kill("SIGKILL");
    }
  }, 120_000);
});
