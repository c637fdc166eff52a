// rest-to-soap end to end: a REST call through a compiled gateway becomes a SOAP 1.1 request to a
// real SOAP service (envelope from EL, SOAPAction, text/xml with charset, POST without the query),
// and the SOAP response comes back as JSON when the client asks for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { type Backend, startSoapService } from "./backends.ts";

const soapFlow = (extra = "") => `  flows:
    - name: soap
      selectors:
        - type: HTTP
          path: /
      request:
        - policy: rest-to-soap
          configuration:
            soapAction: urn:prices#GetPrice
            charset: UTF-8
${extra}            envelope: >-
              <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="urn:prices">
              <soapenv:Body><m:GetPrice><m:Item>{#request.params['item'][0]}</m:Item></m:GetPrice></soapenv:Body>
              </soapenv:Envelope>
`;

describe("rest-to-soap against a SOAP 1.1 service", () => {
  let soap: Backend;
  let gateway: TestGateway;

  beforeAll(async () => {
    soap = await startSoapService();
    gateway = await startTestGateway(
      {
        "prices.yaml": proxyApi(
          "prices",
          "/prices",
          "${SOAP}/ws/prices",
          soapFlow("            stripPath: true\n"),
        ),
        "prices-json.yaml": proxyApi(
          "prices-json",
          "/prices-json",
          "${SOAP}/ws/prices",
          soapFlow("            responseFormat: JSON\n"),
        ),
      },
      { SOAP: soap.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await soap?.close();
  });

  it("sends the envelope built from the REST request, as SOAP 1.1 expects", async () => {
    const before = soap.received.length;
    await fetch(`${gateway.url}/prices/anything?item=apple`, { headers: { accept: "application/json" } });
    const sent = soap.received[before];
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/ws/prices");
    expect(sent?.headers["content-type"]).toBe("text/xml; charset=UTF-8");
    expect(sent?.headers.soapaction).toBe("urn:prices#GetPrice");
    expect(sent?.body).toContain("<m:GetPrice><m:Item>apple</m:Item></m:GetPrice>");
    expect(sent?.headers["content-length"]).toBe(String(Buffer.byteLength(sent?.body ?? "")));
  });

  it("turns the SOAP response into JSON when the client accepts JSON", async () => {
    const res = await fetch(`${gateway.url}/prices?item=apple`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({
      GetPriceResponse: { Item: "apple", Price: { currency: "EUR", content: 1.9 } },
    });
  });

  it("keeps the SOAP response as XML for a client that does not ask for JSON", async () => {
    const res = await fetch(`${gateway.url}/prices?item=pear`, { headers: { accept: "text/xml" } });
    expect(res.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(await res.text()).toContain('<m:Price currency="EUR">2.25</m:Price>');
  });

  it("a SOAP Fault keeps its status and becomes a JSON fault", async () => {
    const res = await fetch(`${gateway.url}/prices?item=durian`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      Fault: { faultcode: "soap:Client", faultstring: "Unknown item durian" },
    });
  });

  it("responseFormat JSON converts whatever the client accepts, and keeps the path without stripPath", async () => {
    const before = soap.received.length;
    const res = await fetch(`${gateway.url}/prices-json/v1?item=pear`, { headers: { accept: "*/*" } });
    expect(soap.received[before]?.url).toBe("/ws/prices/v1");
    expect(await res.json()).toEqual({
      GetPriceResponse: { Item: "pear", Price: { currency: "EUR", content: 2.25 } },
    });
  });
});
