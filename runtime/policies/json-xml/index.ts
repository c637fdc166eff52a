// `json-xml`: converts a JSON body (request, response) or message content to XML under
// `rootElement`, content type `application/xml;charset=UTF-8`. Invalid JSON is 400 on the request
// and 500 on the response, as in Gravitee. https://documentation.gravitee.io/apim/policies/json-to-xml
import type { ExchangeBody } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { JsonToXmlPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageHeaderNames } from "../lib/el.ts";
import { ConversionError, jsonToXml } from "../lib/xml.ts";

export const XML_CONTENT_TYPE = "application/xml;charset=UTF-8";
/** Gravitee's message for invalid input; the parser's detail is not for clients. */
export const INVALID_JSON = "Unable to transform invalid JSON payload to XML";

export const connector = definePolicy<JsonToXmlPolicyConfiguration>({
  id: "json-xml",
  create(config) {
    const root = config.rootElement?.trim() || "root";
    const convert = (json: string, status: number): string => {
      try {
        return jsonToXml(json, root);
      } catch (error) {
        if (!(error instanceof ConversionError)) throw error;
        throw new GatewayError(status, INVALID_JSON, { key: "JSON_INVALID_PAYLOAD" });
      }
    };
    // An empty body is left alone (nothing to convert), as Gravitee's onBody skips it.
    const convertBody = async (body: ExchangeBody, status: number): Promise<boolean> => {
      const text = (await body.read()).toString("utf8");
      if (text.trim() === "") return false;
      body.replace(convert(text, status));
      return true;
    };
    return {
      async onRequest(exchange) {
        if (await convertBody(exchange.requestBody, 400))
          exchange.upstreamHeaders["content-type"] = XML_CONTENT_TYPE;
      },
      async onResponse(exchange) {
        if (await convertBody(exchange.responseBody, 500))
          exchange.response.setHeader("content-type", XML_CONTENT_TYPE);
      },
      onMessage(message) {
        if (message.content.toString("utf8").trim() === "") return message;
        message.content = Buffer.from(convert(message.content.toString("utf8"), 400), "utf8");
        for (const name of messageHeaderNames(message, "content-type")) delete message.headers[name];
        message.headers["content-type"] = [XML_CONTENT_TYPE];
        return message;
      },
    };
  },
});
