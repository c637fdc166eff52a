// `rest-to-soap`: exposes a SOAP service as a REST resource. The request becomes a POST whose body
// is the envelope template (EL over the REST request: params, headers, `{#request.content}`), with
// `Content-Type: text/xml` (plus `charset`) and `SOAPAction`; the query string is dropped unless
// `preserveQueryParams`, the path unless `stripPath` is false. On the way back the SOAP response
// (a Fault too) is turned into JSON — the Body's content, namespace prefixes dropped — when the client
// asks for JSON or `responseFormat: JSON` says so (a Sluice extension; Gravitee needs xml-json for it).
// https://documentation.gravitee.io/apim/policies/rest-to-soap
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { RestToSoapPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";
import { ConversionError, xmlToJson } from "../lib/xml.ts";

export type RestToSoapConfig = Omit<RestToSoapPolicyConfiguration, "envelope" | "soapAction"> & {
  envelope: Templated;
  soapAction?: Templated;
};

export const connector = definePolicy<RestToSoapConfig>({
  id: "rest-to-soap",
  create(config) {
    const contentType = config.charset ? `text/xml; charset=${config.charset}` : "text/xml";
    const format = config.responseFormat ?? "AUTO";
    return {
      async onRequest(exchange) {
        // The envelope may use `{#request.content}`: buffer the REST body before rendering.
        await exchange.requestBody.read();
        const el = exchange.el();
        const envelope = render(config.envelope, el);
        const action = config.soapAction === undefined ? "" : render(config.soapAction, el);
        exchange.requestBody.replace(Buffer.from(envelope, encodingOf(config.charset)));
        exchange.upstreamRequest.method = "POST";
        if (config.stripPath) exchange.upstreamRequest.pathInfo = "";
        if (!config.preserveQueryParams) exchange.upstreamRequest.query = "";
        exchange.upstreamHeaders["content-type"] = contentType;
        if (action.trim() !== "") exchange.upstreamHeaders.soapaction = action;
        if (format === "JSON" || (format === "AUTO" && acceptsJson(exchange))) {
          exchange.deferredResponse.push(soapResponseToJson);
        }
      },
    };
  },
});

/** The SOAP response (a Fault too) as JSON, once the response steps have seen the XML. */
async function soapResponseToJson(exchange: Exchange): Promise<void> {
  const xml = (await exchange.responseBody.read()).toString("utf8");
  if (xml.trim() === "") return;
  let document: Record<string, unknown>;
  try {
    document = xmlToJson(xml, { stripNamespaces: true });
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    throw new GatewayError(502, "Bad Gateway: the SOAP service answered with invalid XML", {
      key: "SOAP_INVALID_RESPONSE",
    });
  }
  exchange.responseBody.replace(JSON.stringify(soapBody(document)));
  exchange.response.setHeader("content-type", "application/json");
}

/** The content of `Envelope/Body` (the operation's response or a Fault); the whole document otherwise. */
export function soapBody(document: Record<string, unknown>): unknown {
  const envelope = document.Envelope;
  if (envelope && typeof envelope === "object" && "Body" in envelope) {
    const body = (envelope as Record<string, unknown>).Body;
    return body === "" ? {} : body;
  }
  return document;
}

/** The client asks for JSON: `application/json` in Accept with a non-zero q, ahead of any XML type. */
function acceptsJson(exchange: Exchange): boolean {
  const accept = exchange.request.headers.accept;
  if (!accept) return false;
  let json = -1;
  let xml = -1;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? "1");
    if (type === "application/json") json = Math.max(json, q);
    if (type.endsWith("/xml") || type.endsWith("+xml")) xml = Math.max(xml, q);
  }
  return json > 0 && json >= xml;
}

function encodingOf(charset: string | undefined): BufferEncoding {
  const name = (charset ?? "utf-8").toLowerCase();
  return name === "iso-8859-1" || name === "latin1" ? "latin1" : "utf8";
}
