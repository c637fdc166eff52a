// javascript through a compiled gateway with a real backend: the script, compiled into the bundle
// and type-checked, changes headers and attributes, fails through `result`, reads and overrides
// content (v4 and v2 forms), rewrites messages; a script with a type or syntax error is a
// diagnostic on its own line inside the YAML block scalar.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRepository } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi } from "../message/message-api.ts";

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((l) => (l === "" ? l : " ".repeat(spaces) + l))
    .join("\n");

/** A PROXY API with `request` and `response` steps (YAML list items, 8 spaces in). */
const withSteps = (name: string, request: string, response = "") =>
  proxyApi(
    name,
    `/${name}`,
    "${ECHO}",
    `  flows:
    - name: scripts
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${request || "        []"}
      response:
${response || "        []"}
`,
  );

/** A `javascript` step: `configuration` lines (without the script) and the script as a block scalar. */
const jsStep = (script: string, configuration = "", field = "script") =>
  `        - policy: javascript
          configuration:
${configuration ? `${indent(configuration, 12)}\n` : ""}            ${field}: |
${indent(script, 14)}`;

const HEADERS_AND_ATTRIBUTES = `var team = request.headers.get('x-team');
request.headers.set('X-Script', 'seen-' + team);
request.headers.remove('x-secret');
context.attributes.team = team;
context.setAttribute('greeting', 'hello ' + context.properties()['who']);`;

const FAILURE = `if (request.headers.containsKey('x-break')) {
  result.state = State.FAILURE;
  result.code = 409;
  result.error = 'stopped by the script';
  result.key = 'SCRIPT_STOP';
}`;

const JSON_FAILURE = `result.state = State.FAILURE;
result.code = 400;
result.error = '{"error":"My specific error message","code":"MY_ERROR_CODE"}';
result.contentType = 'application/json';`;

const ATTRIBUTES_TO_RESPONSE = `response.headers.set('X-Team', context.attributes['team']);
response.headers.set('X-Greeting', context.getAttribute('greeting'));`;

// Gravitee's README example: the last expression is the new body.
const OVERRIDE_RESPONSE = `var content = JSON.parse(response.content);
content.firstname = 'Hacked ' + JSON.parse(content.body).firstname;
content.country = 'US';
JSON.stringify(content);`;

const OVERRIDE_REQUEST = `var body = JSON.parse(request.content);
if (body.n > 1) {
  JSON.stringify({ n: body.n * 10 });
} else {
  'small';
}`;

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  const head = `  properties:\n    - key: who\n      value: world\n`;
  gateway = await startTestGateway(
    {
      "headers.yaml": withSteps(
        "headers",
        jsStep(HEADERS_AND_ATTRIBUTES),
        jsStep(ATTRIBUTES_TO_RESPONSE),
      ).replace("  listeners:", `${head}  listeners:`),
      "fail.yaml": withSteps("fail", jsStep(FAILURE)),
      "keyed.yaml": `${withSteps("keyed", jsStep(FAILURE))}  responseTemplates:
    SCRIPT_STOP:
      application/json:
        status: 418
        body: '{"stopped":"{#request.path}"}'
`,
      "status.yaml": withSteps(
        "status",
        "",
        jsStep("response.headers.set('X-Upstream-Status', response.status);\nresponse.status = 202;"),
      ),
      "jsonfail.yaml": withSteps("jsonfail", jsStep(JSON_FAILURE)),
      "throws.yaml": withSteps("throws", jsStep("var x = null;\nx.boom();")),
      "content.yaml": withSteps(
        "content",
        jsStep(OVERRIDE_REQUEST, "readContent: true\noverrideContent: true"),
        jsStep(OVERRIDE_RESPONSE, "readContent: true\noverrideContent: true"),
      ),
      "readonly.yaml": withSteps(
        "readonly",
        jsStep(
          "request.headers.set('X-Length', String(request.content.length));\n'ignored';",
          "readContent: true",
        ),
      ),
      "v2form.yaml": withSteps(
        "v2form",
        jsStep("'from v2 ' + request.content;", "", "onRequestContentScript"),
      ),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: `        - type: http-get
          configuration:
            messagesLimitCount: 1
            messagesLimitDurationMs: 1500`,
        mock: `            messageInterval: 100
            messageContent: '{"name":"x"}'`,
        extra: `  flows:
    - name: rewrite
      selectors:
        - type: CHANNEL
          channel: /
      subscribe:
        - policy: javascript
          configuration:
            overrideContent: true
            script: |
              message.headers.set('X-Seen', 'yes');
              var m = JSON.parse(message.content);
              m.name = m.name.toUpperCase();
              JSON.stringify(m);
`,
      }),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

const lastReceived = () => echo.received[echo.received.length - 1]!;

describe("javascript (PROXY)", () => {
  it("sets and removes headers upstream and passes attributes to the response phase", async () => {
    const res = await fetch(`${gateway.url}/headers`, { headers: { "x-team": "blue", "x-secret": "s" } });
    expect(res.status).toBe(200);
    const received = lastReceived();
    expect(received.headers["x-script"]).toBe("seen-blue");
    expect(received.headers["x-secret"]).toBeUndefined();
    expect(res.headers.get("x-team")).toBe("blue");
    expect(res.headers.get("x-greeting")).toBe("hello world");
  });

  it("reads and changes the response status", async () => {
    const res = await fetch(`${gateway.url}/status`);
    expect(res.headers.get("x-upstream-status")).toBe("200");
    expect(res.status).toBe(202);
  });

  it("fails with result.state = State.FAILURE: its code, message and key", async () => {
    const before = echo.received.length;
    const res = await fetch(`${gateway.url}/fail`, { headers: { "x-break": "1" } });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ message: "stopped by the script", http_status_code: 409 });
    expect(echo.received.length).toBe(before);
    expect((await fetch(`${gateway.url}/fail`)).status).toBe(200);
  });

  it("result.key selects the API's response template", async () => {
    const res = await fetch(`${gateway.url}/keyed/x`, {
      headers: { "x-break": "1", accept: "application/json" },
    });
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ stopped: "/keyed/x" });
  });

  it("sends result.error as the body when result.contentType is set", async () => {
    const res = await fetch(`${gateway.url}/jsonfail`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: "My specific error message", code: "MY_ERROR_CODE" });
  });

  it("a script that throws is a 500 (JAVASCRIPT_EXECUTION_FAILURE)", async () => {
    const res = await fetch(`${gateway.url}/throws`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: "Internal Server Error", http_status_code: 500 });
  });

  it("reads and overrides the request and response content with the script's last expression", async () => {
    const res = await fetch(`${gateway.url}/content`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ n: 4, firstname: "John" }),
    });
    expect(lastReceived().body).toBe('{"n":40}');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.country).toBe("US");
    expect(body.body).toBe('{"n":40}');
    const small = await fetch(`${gateway.url}/content`, { method: "POST", body: '{"n":1}' });
    expect(lastReceived().body).toBe("small");
    expect(small.status).toBe(500); // 'small' is no JSON: the response script throws
  });

  it("readContent without overrideContent leaves the body as it was", async () => {
    await fetch(`${gateway.url}/readonly`, { method: "POST", body: "12345" });
    expect(lastReceived().body).toBe("12345");
    expect(lastReceived().headers["x-length"]).toBe("5");
  });

  it("v2's onRequestContentScript replaces the body with its value", async () => {
    await fetch(`${gateway.url}/v2form`, { method: "POST", body: "body" });
    expect(lastReceived().body).toBe("from v2 body");
  });
});

describe("javascript (MESSAGE)", () => {
  it("rewrites each subscribed message's content and headers", async () => {
    const res = await fetch(`${gateway.url}/events`, { headers: { accept: "application/json" } });
    const text = await res.text();
    expect(text).toContain('{\\"name\\":\\"X\\"}');
  });
});

describe("a script that does not type-check", () => {
  const compile = async (script: string) => {
    const dir = await writeRepository({ "broken.yaml": withSteps("broken", jsStep(script)) });
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    return {
      result,
      located: result.diagnostics.map((d) => locateDiagnostic(result.sources, d)),
    };
  };

  it("is an error on the script's line and column inside the block scalar, and nothing is bundled", async () => {
    // The script starts on line 38 of the spec, 14 columns in.
    const { result, located } = await compile(
      "var team = request.headers.get('x-team');\nrequest.header.set('X-Team', team);\ncontext.attributes.team = team;",
    );
    expect(located.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      "39:23 compile/script-type-check",
    ]);
    expect(located[0]?.message).toMatch(/Property 'header' does not exist on type 'ScriptRequest'/);
    expect(located[0]?.hint).toContain("docs/policies.md#javascript");
    expect(result.bundle).toBeUndefined();
  });

  it("locates an error on the last expression (where the compiler returns its value) at the script's column", async () => {
    const { located } = await compile("var a = 1;\nresult.state = State.FAILED;");
    expect(located.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      "39:36 compile/script-type-check",
    ]);
  });

  it("reports a syntax error on its line", async () => {
    const { located } = await compile("var a = 1;\nvar b = (a + ;\nrequest.headers.set('x', b);");
    expect(located.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      "39:28 compile/script-type-check",
    ]);
    expect(located[0]?.message).toMatch(/Expression expected/);
  });
});

/** Gravitee's own scripts (the plugin's tests and documented examples, fixtures/javascript/SOURCES.md). */
const SCRIPTS = join(import.meta.dirname, "fixtures", "javascript");
const scriptsOf = (dir: string) =>
  readdirSync(join(SCRIPTS, dir))
    .filter((f) => f.endsWith(".script") && f !== "invalid_script.script")
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(SCRIPTS, dir, f), "utf8") }));

describe("Gravitee's own scripts", () => {
  it("compile unchanged: the plugin's test scripts and documented examples type-check", async () => {
    const v4 = scriptsOf("v4");
    const v3 = scriptsOf("v3");
    const proxy = v4.filter((s) => !s.name.includes("message"));
    const message = v4.filter((s) => s.name.includes("message"));
    expect(proxy.length + message.length + v3.length).toBe(20);
    const v2Steps = v3
      .map(({ name, text }) =>
        jsStep(text, "", /content|read_json/.test(name) ? "onRequestContentScript" : "onRequestScript"),
      )
      .join("\n");
    const dir = await writeRepository({
      "proxy.yaml": withSteps("proxy", proxy.map((s) => jsStep(s.text)).join("\n")),
      "events.yaml": messageApi({
        name: "events",
        path: "/events",
        entrypoints: "        - type: http-post",
        mock: "            messageCount: 0",
        extra: `  flows:
    - name: scripts
      selectors:
        - type: CHANNEL
          channel: /
      publish:
${message.map((s) => jsStep(s.text)).join("\n")}
`,
      }),
      "legacy.yaml": `apiVersion: gravitee.io/v1alpha1
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
          - name: default
            target: http://127.0.0.1:1
  plans:
    - name: free
      security: KEY_LESS
  flows:
    - name: scripts
      pre:
${v2Steps}
`,
    });
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    const located = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    expect(located.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(result.internalErrors).toEqual([]);
    expect(result.bundle).toBeDefined();
  });

  it("the plugin's invalid script is a located error", async () => {
    const text = readFileSync(join(SCRIPTS, "v4", "invalid_script.script"), "utf8");
    const dir = await writeRepository({ "broken.yaml": withSteps("broken", jsStep(text)) });
    const result = await compileRepository({
      target: join(dir, "apis"),
      outDir: join(dir, "generated"),
      cwd: dir,
    });
    const located = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
    expect(located.length).toBeGreaterThan(0);
    // Line 1 of the script (line 38 of the spec) is a comment; the error is on its second line.
    expect(located.map((d) => `${d.line} ${d.code}`)).toContain("39 compile/script-type-check");
    expect(result.bundle).toBeUndefined();
  });
});
