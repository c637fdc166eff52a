// xml-threat-protection through a compiled gateway: each limit refuses with 400 `Bad Request` and
// Gravitee's key (read back through response templates), entities never expanded, and what passes
// reaches the endpoint unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const KEYS = [
  "XML_THREAT_DETECTED",
  "XML_THREAT_MAX_ATTRIBUTES",
  "XML_THREAT_MAX_ATTRIBUTE_VALUE_LENGTH",
  "XML_THREAT_MAX_ELEMENTS",
  "XML_THREAT_MAX_ENTITIES",
  "XML_THREAT_MAX_DEPTH",
  "XML_THREAT_MAX_ENTITY_DEPTH",
  "XML_THREAT_MAX_CHILD_ELEMENTS",
  "XML_THREAT_MAX_LENGTH",
  "XML_THREAT_MAX_TEXT_VALUE_LENGTH",
  "XML_THREAT_EXTERNAL_ENTITY_FORBIDDEN",
];

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "xml.yaml": proxyApi(
        "xml",
        "/xml",
        "${ECHO}",
        `  flows:
    - name: protect
      request:
        - policy: xml-threat-protection
          configuration:
            maxElements: 8
            maxDepth: 3
            maxLength: 400
            maxAttributesPerElement: 2
            maxAttributeValueLength: 5
            maxChildrenPerElement: 4
            maxTextValueLength: 6
            maxEntities: 2
            maxEntityDepth: 1
            allowExternalEntities: false
  responseTemplates:
${KEYS.map((k) => `    ${k}:\n      text/plain:\n        status: 400\n        body: ${k}\n`).join("")}`,
      ),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

const post = async (body: string) => {
  const res = await fetch(`${gateway.url}/xml`, { method: "POST", headers: { accept: "text/plain" }, body });
  return { status: res.status, body: await res.text() };
};

describe("xml-threat-protection", () => {
  it.each([
    ["not XML", "<a><b></a>", "XML_THREAT_DETECTED"],
    ["too long", `<a>${"<b/>".repeat(100)}</a>`, "XML_THREAT_MAX_LENGTH"],
    ["too deep", "<a><b><c><d/></c></b></a>", "XML_THREAT_MAX_DEPTH"],
    ["too many elements", "<a><b><c/><c/></b><b><c/><c/></b><b><c/></b></a>", "XML_THREAT_MAX_ELEMENTS"],
    ["too many children", "<a><b/><b/><b/><b/><b/></a>", "XML_THREAT_MAX_CHILD_ELEMENTS"],
    ["too many attributes", '<a x="1" y="2" z="3"/>', "XML_THREAT_MAX_ATTRIBUTES"],
    ["a long attribute", '<a x="123456"/>', "XML_THREAT_MAX_ATTRIBUTE_VALUE_LENGTH"],
    ["a long text", "<a>1234567</a>", "XML_THREAT_MAX_TEXT_VALUE_LENGTH"],
    [
      "an external entity",
      '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      "XML_THREAT_EXTERNAL_ENTITY_FORBIDDEN",
    ],
    [
      "too many entities",
      '<!DOCTYPE a [<!ENTITY x "1"><!ENTITY y "2"><!ENTITY z "3">]><a>&x;</a>',
      "XML_THREAT_MAX_ENTITIES",
    ],
    [
      "nested entities",
      '<!DOCTYPE a [<!ENTITY x "1"><!ENTITY y "&x;&x;">]><a>&y;</a>',
      "XML_THREAT_MAX_ENTITY_DEPTH",
    ],
  ])("refuses %s with its key", async (_what, body, key) => {
    const hits = echo.received.length;
    expect(await post(body)).toEqual({ status: 400, body: key });
    expect(echo.received.length).toBe(hits);
  });

  it("passes a document within the limits unchanged, entities unexpanded", async () => {
    const body = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "hi">]><a k="v"><b>text</b><b>&x;</b></a>';
    const res = await fetch(`${gateway.url}/xml`, {
      method: "POST",
      headers: { accept: "application/json" },
      body,
    });
    expect(res.status).toBe(200);
    expect(echo.received.at(-1)?.body).toBe(body);
  });
});
