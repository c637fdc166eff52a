// `xml-json`: converts an XML body (request, response) or message content to JSON, content type
// `application/json;charset=UTF-8` (as Gravitee). Invalid XML is 400 on the request and 500 on the response, as in Gravitee.
// https://documentation.gravitee.io/apim/policies/xml-to-json
import type { ExchangeBody } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { XmlToJsonPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageHeaderNames } from "../lib/el.ts";
import { ConversionError, xmlToJson } from "../lib/xml.ts";

export const JSON_CONTENT_TYPE = "application/json;charset=UTF-8";
/** Gravitee's message for invalid input; the parser's detail is not for clients. */
export const INVALID_XML = "Unable to transform invalid XML to Json";

export function convertXml(xml: string, status: number): string {
  try {
    return JSON.stringify(xmlToJson(xml));
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    throw new GatewayError(status, INVALID_XML, { key: "XML_INVALID_PAYLOAD" });
  }
}

export const connector = definePolicy<XmlToJsonPolicyConfiguration>({
  id: "xml-json",
  create() {
    // An empty body is left alone (nothing to convert), as Gravitee's onBody skips it.
    const convertBody = async (body: ExchangeBody, status: number): Promise<boolean> => {
      const text = (await body.read()).toString("utf8");
      if (text.trim() === "") return false;
      body.replace(convertXml(text, status));
      return true;
    };
    return {
      async onRequest(exchange) {
        if (await convertBody(exchange.requestBody, 400))
          exchange.upstreamHeaders["content-type"] = JSON_CONTENT_TYPE;
      },
      async onResponse(exchange) {
        if (await convertBody(exchange.responseBody, 500))
          exchange.response.setHeader("content-type", JSON_CONTENT_TYPE);
      },
      onMessage(message) {
        if (message.content.toString("utf8").trim() === "") return message;
        message.content = Buffer.from(convertXml(message.content.toString("utf8"), 400), "utf8");
        for (const name of messageHeaderNames(message, "content-type")) delete message.headers[name];
        message.headers["content-type"] = [JSON_CONTENT_TYPE];
        return message;
      },
    };
  },
});
