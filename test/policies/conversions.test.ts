// json-xml and xml-json (org.json's mapping, as Gravitee converts), and message-filtering.
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../../runtime/contract.ts";
import { connector as jsonXml } from "../../runtime/policies/json-xml/index.ts";
import { jsonToXml, xmlToJson } from "../../runtime/policies/lib/xml.ts";
import { connector as messageFiltering } from "../../runtime/policies/message-filtering/index.ts";
import { connector as xmlJson } from "../../runtime/policies/xml-json/index.ts";
import {
  contextOf,
  message,
  type PolicyHarness,
  policyHarness,
  runtimeApi,
  withMessageExchange,
} from "./harness.ts";

let harness: PolicyHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("JSON → XML", () => {
  it.each([
    { json: '{"a":1}', xml: "<root><a>1</a></root>" },
    {
      json: '{"team":{"name":"A & B","members":["x","y"]}}',
      xml: "<root><team><name>A &amp; B</name><members>x</members><members>y</members></team></root>",
    },
    { json: '{"empty":"","nil":null,"obj":{}}', xml: "<root><empty/><nil/><obj/></root>" },
    {
      json: '{"price":{"currency":"EUR","content":1.5}}',
      xml: "<root><price><currency>EUR</currency>1.5</price></root>",
    },
    { json: "{}", xml: "<root/>" },
  ])("$json", ({ json, xml }) => {
    expect(jsonToXml(json, "root")).toBe(xml);
  });

  it.each(["[1,2]", '"text"', "{nope"])("refuses %s", (json) => {
    expect(() => jsonToXml(json, "root")).toThrow(/Unable to transform JSON into XML/);
  });
});

describe("XML → JSON", () => {
  it.each([
    { xml: "<a>1</a>", json: { a: 1 } },
    { xml: '<?xml version="1.0"?><r><b>x</b><b>y</b><c/></r>', json: { r: { b: ["x", "y"], c: "" } } },
    {
      xml: '<r><price currency="EUR">1.90</price></r>',
      json: { r: { price: { currency: "EUR", content: 1.9 } } },
    },
    {
      xml: "<r><t>true</t><z>007</z><s><![CDATA[<raw>]]></s></r>",
      json: { r: { t: true, z: "007", s: "<raw>" } },
    },
    { xml: '<s:E xmlns:s="urn:s"><s:B>1</s:B></s:E>', json: { "s:E": { "xmlns:s": "urn:s", "s:B": 1 } } },
  ])("$xml", ({ xml, json }) => {
    expect(xmlToJson(xml)).toEqual(json);
  });

  it("strips namespaces when asked", () => {
    expect(
      xmlToJson('<s:E xmlns:s="urn:s" xmlns="urn:d"><s:B><m:x xmlns:m="urn:m">1</m:x></s:B></s:E>', {
        stripNamespaces: true,
      }),
    ).toEqual({
      E: { B: { x: 1 } },
    });
  });

  it.each(["<a><b></a>", "not xml", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'])("refuses %s", (xml) => {
    expect(() => xmlToJson(xml)).toThrow(/Unable to transform XML into JSON/);
  });
});

describe("json-xml / xml-json policies", () => {
  it("json-xml converts the request body; invalid JSON is 400", async () => {
    harness = await policyHarness(jsonXml, { rootElement: "order" });
    const ok = await harness.call({ body: '{"id":7}', headers: { "content-type": "application/json" } });
    expect(ok.upstream.body).toBe("<order><id>7</id></order>");
    expect(ok.upstream.headers["content-type"]).toBe("application/xml;charset=UTF-8");
    const bad = await harness.call({ body: "{", headers: { accept: "application/json" } });
    expect(bad.status).toBe(400);
  });

  it("json-xml converts the response body; invalid JSON is 500", async () => {
    harness = await policyHarness(jsonXml, {});
    const ok = await harness.call(
      {},
      { headers: { "content-type": "application/json" }, body: '{"a":[1,2]}' },
    );
    expect(ok.body).toBe("<root><a>1</a><a>2</a></root>");
    expect(ok.headers.get("content-type")).toBe("application/xml;charset=UTF-8");
    const bad = await harness.call({ headers: { accept: "application/json" } }, { body: "nope" });
    expect(bad.status).toBe(500);
  });

  it("xml-json converts request and response bodies", async () => {
    harness = await policyHarness(xmlJson, {});
    const request = await harness.call({ body: "<a><b>1</b></a>" });
    expect(JSON.parse(request.upstream.body ?? "")).toEqual({ a: { b: 1 } });
    expect(request.upstream.headers["content-type"]).toBe("application/json;charset=UTF-8");
    const response = await harness.call({}, { body: "<r>x</r>" });
    expect(JSON.parse(response.body)).toEqual({ r: "x" });
    expect((await harness.call({ body: "<a>" })).status).toBe(400);
  });

  it("both convert message content and set its content type", async () => {
    const ctx = contextOf(runtimeApi());
    const toXml = jsonXml.create({ rootElement: "m" }, ctx);
    const toJson = xmlJson.create({}, ctx);
    await withMessageExchange(async (exchange) => {
      const xml = (await toXml.onMessage?.(
        message('{"k":"v"}', { "Content-Type": ["application/json"] }),
        exchange,
      )) as Message;
      expect(xml.content.toString()).toBe("<m><k>v</k></m>");
      expect(xml.headers).toEqual({ "content-type": ["application/xml;charset=UTF-8"] });
      const json = (await toJson.onMessage?.(xml, exchange)) as Message;
      expect(JSON.parse(json.content.toString())).toEqual({ m: { k: "v" } });
    });
  });
});

describe("message-filtering", () => {
  it.each([
    { content: '{"type":"order"}', kept: true, acked: false },
    { content: '{"type":"ping"}', kept: false, acked: true },
  ])("$content kept: $kept", async ({ content, kept, acked }) => {
    const policy = messageFiltering.create(
      { filter: (el) => el.message?.content.includes('"order"') === true },
      contextOf(runtimeApi()),
    );
    let ack = false;
    const out = await withMessageExchange(async (exchange) =>
      policy.onMessage?.(
        {
          ...message(content),
          ack: async () => {
            ack = true;
          },
        },
        exchange,
      ),
    );
    expect(out !== undefined).toBe(kept);
    expect(ack).toBe(acked);
  });

  it.each([
    { dropOnError: true, ackFiltered: false, kept: false },
    { dropOnError: false, ackFiltered: true, kept: true },
  ])(
    "a failing filter with filterMessageOnFilteringError=$dropOnError",
    async ({ dropOnError, ackFiltered, kept }) => {
      const policy = messageFiltering.create(
        {
          filter: () => {
            throw new Error("bad");
          },
          filterMessageOnFilteringError: dropOnError,
          ackFilteredMessage: ackFiltered,
        },
        contextOf(runtimeApi()),
      );
      const out = await withMessageExchange(async (exchange) => policy.onMessage?.(message("x"), exchange));
      expect(out !== undefined).toBe(kept);
    },
  );
});
