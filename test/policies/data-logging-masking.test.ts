// data-logging-masking through a compiled gateway with a real backend, reading the real access log
// file: headers, JSON and XML body values by path, built-in patterns and a regex are masked in the
// logged copy, on the side (request, response) of the step's phase — while the backend and the
// client get the data unchanged. Plus the masks themselves, table-driven.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { logMask, maskText } from "../../runtime/policies/data-logging-masking/index.ts";
import {
  type EchoBackend,
  type HttpBackend,
  startEchoBackend,
  startHttpBackend,
} from "../helpers/backends.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

type Line = Record<string, unknown>;
interface Part {
  headers: Record<string, unknown>;
  body?: string;
}

const LOGGING = `  analytics:
    logging:
      mode: { entrypoint: true, endpoint: true }
      phase: { request: true, response: true }
      content: { headers: true, payload: true }
`;

const masked = (name: string, request: string, response = "", target = "${ECHO}") =>
  proxyApi(
    name,
    `/${name}`,
    target,
    `  flows:
    - name: mask
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${request || "        []"}
      response:
${response || "        []"}
`,
    { head: LOGGING },
  );

// The configuration of Gravitee's documentation example, in YAML.
const REQUEST_STEP = `        - name: Data Logging Masking
          policy: policy-data-logging-masking
          configuration:
            scope: REQUEST_CONTENT
            headerRules:
              - path: x-customer-id
                replacer: "*"
            bodyRules:
              - path: $.card.number
                replacer: "#"
              - path: $..password
              - type: EMAIL
                replacer: "@"
              - type: IP
                replacer: IP
              - regex: "token-[a-z0-9]+"
                replacer: "?"`;

const RESPONSE_STEP = `        - policy: data-logging-masking
          configuration:
            bodyRules:
              - path: //card
                type: CREDIT_CARD
                replacer: X`;

let backend: EchoBackend;
/** Answers every request with ORDER_XML. */
let xmlBackend: HttpBackend;
const ORDER_XML =
  "<order><card>4111111111111111</card><card>not a card</card><id>4111111111111111</id></order>";
let gateway: TestGateway;
let file: string;

const lineOf = async (requestId: string | null): Promise<Line> => {
  const deadline = Date.now() + 3000;
  for (;;) {
    const text = await readFile(file, "utf8").catch(() => "");
    const found = text
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as Line)
      .find((l) => l.requestId === requestId && l.type === "request");
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no access-log line for ${requestId}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

beforeAll(async () => {
  backend = await startEchoBackend();
  xmlBackend = await startHttpBackend((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/xml");
      res.end(ORDER_XML);
    });
  });
  file = join(process.cwd(), ".tmp", "tests", `masking-${randomBytes(6).toString("hex")}`, "access.log");
  gateway = await startTestGateway(
    {
      "json.yaml": masked("json", REQUEST_STEP),
      "xml.yaml": masked("xml", "", RESPONSE_STEP, "${XML}"),
      // A v2 API, as an export has it: proxy.logging and the step (with its plugin id) in `pre`.
      "legacy.yaml": JSON.stringify({
        apiVersion: "gravitee.io/v1alpha1",
        kind: "ApiDefinition",
        metadata: { name: "legacy" },
        spec: {
          name: "legacy",
          version: "1",
          proxy: {
            virtual_hosts: [{ path: "/legacy" }],
            logging: { mode: "CLIENT_PROXY", scope: "REQUEST_RESPONSE", content: "HEADERS_PAYLOADS" },
            groups: [{ name: "g", endpoints: [{ name: "e", target: "${ECHO}" }] }],
          },
          plans: [{ name: "Free", security: "KEY_LESS" }],
          flows: [
            {
              name: "mask",
              pre: [
                {
                  name: "Data Logging Masking",
                  policy: "policy-data-logging-masking",
                  configuration: {
                    scope: "REQUEST_CONTENT",
                    headerRules: [{ path: "X-Account", replacer: "#" }],
                    bodyRules: [{ type: "EMAIL", replacer: "@" }],
                  },
                },
              ],
            },
          ],
        },
      }),
    },
    { ECHO: backend.url, XML: xmlBackend.url, SLUICE_ACCESS_LOG: file },
  );
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
  await xmlBackend?.close();
});

const BODY = {
  card: { number: "4111111111111111", holder: "Jane" },
  user: { password: "hunter2", email: "jane@example.com", from: "10.1.2.3" },
  note: "token-abc123",
};

describe("data-logging-masking (the access log)", () => {
  it("masks the logged request — headers, JSON paths, patterns, a regex — and nothing the backend or client sees", async () => {
    const text = JSON.stringify(BODY);
    const res = await fetch(`${gateway.url}/json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-customer-id": "C-42" },
      body: text,
    });
    expect(res.status).toBe(200);
    const echoed = (await res.json()) as { body: string; headers: Record<string, string> };
    // Unchanged for the backend, and so for the client (the echo is in the response).
    expect(echoed.body).toBe(text);
    expect(echoed.headers["x-customer-id"]).toBe("C-42");
    const log = (await lineOf(res.headers.get("x-gravitee-request-id"))).log as Record<string, Part>;
    const request = log.entrypointRequest!;
    expect(request.headers["x-customer-id"]).toBe("****");
    expect(log.endpointRequest!.headers["x-customer-id"]).toBe("****");
    expect(JSON.parse(request.body!)).toEqual({
      card: { number: "################", holder: "Jane" },
      user: { password: "*******", email: "@@@@@@@@@@@@@@@@", from: "IP" },
      note: "????????????",
    });
    // The response side is not this step's: the echoed request body stays readable there.
    expect(log.entrypointResponse!.body).toContain("4111111111111111");
    expect(JSON.stringify(log.entrypointRequest)).not.toContain("hunter2");
  });

  it("masks a pattern inside XML elements at an XPath in the logged response only", async () => {
    const sent = "<q><card>4111111111111111</card></q>";
    const res = await fetch(`${gateway.url}/xml`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: sent,
    });
    expect(await res.text()).toBe(ORDER_XML);
    const log = (await lineOf(res.headers.get("x-gravitee-request-id"))).log as Record<string, Part>;
    // The step is in the response phase: the logged request is as it came.
    expect(log.entrypointRequest!.body).toBe(sent);
    expect(log.entrypointResponse!.body).toBe(
      "<order><card>XXXXXXXXXXXXXXXX</card><card>not a card</card><id>4111111111111111</id></order>",
    );
  });
});

describe("data-logging-masking (v2)", () => {
  it("masks the logged request of a v2 API's pre step; the backend gets it unchanged", async () => {
    const res = await fetch(`${gateway.url}/legacy`, {
      method: "POST",
      headers: { "x-account": "AC-1", "content-type": "text/plain" },
      body: "write to jane@example.com",
    });
    const echoed = (await res.json()) as { body: string; headers: Record<string, string> };
    expect(echoed.body).toBe("write to jane@example.com");
    expect(echoed.headers["x-account"]).toBe("AC-1");
    const log = (await lineOf(res.headers.get("x-gravitee-request-id"))).log as Record<string, Part>;
    expect(log.entrypointRequest!.headers["x-account"]).toBe("####");
    expect(log.entrypointRequest!.body).toBe("write to @@@@@@@@@@@@@@@@");
    expect(log.endpointRequest!.headers["x-account"]).toBe("####");
    // The response side has no mask: the echo shows the address.
    expect(log.entrypointResponse!.body).toContain("jane@example.com");
  });
});

describe("the masks", () => {
  it.each([
    ["EMAIL in text", "mail jane@example.com now", "EMAIL", "*", "mail **************** now"],
    ["a Mastercard number", "pay 5555555555554444.", "CREDIT_CARD", "#", "pay ################."],
    [
      "an American Express number",
      "3782 822463 10005 / 378282246310005",
      "CREDIT_CARD",
      "X",
      "3782 822463 10005 / XXXXXXXXXXXXXXX",
    ],
    ["an IPv6 address, not a time", "at 12:30 from 2001:db8::1", "IP", "IP", "at 12:30 from IP"],
    ["a URI", 'see "https://example.com/a?b=c" ok', "URI", "U", `see "${"U".repeat(25)}" ok`],
  ])("%s", (_, text, type, replacer, expected) => {
    const mask = logMask({ bodyRules: [{ type: type as "EMAIL", replacer }] });
    expect(mask.body(text, "text/plain")).toBe(expected);
  });

  it("masks XML elements and attributes at an XPath", () => {
    const mask = logMask({ bodyRules: [{ path: "//card", type: "CREDIT_CARD" }, { path: "//@pin" }] });
    expect(
      mask.body('<o pin="1234"><card>4111111111111111</card><card>n/a</card></o>', "application/xml"),
    ).toBe('<o pin="****"><card>****************</card><card>n/a</card></o>');
  });

  it("masks non-string JSON values as text, and leaves a body that is not JSON to the pattern rules", () => {
    const mask = logMask({
      bodyRules: [{ path: "$.n", replacer: "0" }, { path: "$.o" }, { regex: "a[0-9]", replacer: "#" }],
    });
    expect(mask.body('{"n":12345,"o":{"a":1},"k":"a1"}', "application/json")).toBe(
      '{"n":"00000","o":"*******","k":"##"}',
    );
    expect(mask.body("not json a4", "application/json")).toBe("not json ##");
  });

  it("a longer replacer replaces each match once", () => {
    expect(maskText("a 1.2.3.4 b", /\d+\.\d+\.\d+\.\d+/g, "[ip]")).toBe("a [ip] b");
  });
});

describe("a bad regex", () => {
  it("is an error on its line (sluice check)", async () => {
    const spec = masked(
      "bad",
      `        - policy: data-logging-masking
          configuration:
            bodyRules:
              - type: EMAIL
              - regex: "([a-z]"`,
    );
    const line = spec.split("\n").findIndex((l) => l.includes('regex: "([a-z]"')) + 1;
    const dir = await writeRepository({ "bad.yaml": spec });
    const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
    const found = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d))
      .map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(found).toEqual([`policy/invalid-regex@${line}:24`]);
  });
});
