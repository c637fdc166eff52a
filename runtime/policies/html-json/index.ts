// `html-json` (Gravitee's gravitee-policy-html-json): the response body, parsed as HTML, becomes a
// JSON object with one field per selector — the text of the selected elements (jsoup's
// Elements.text(): each element's text, joined by a space) or, with `array`, the list of their
// texts — and `Content-Type: application/json; charset=UTF-8`. Response phase only, as Gravitee
// (onResponseContent). https://documentation.gravitee.io/apim/policies/html-to-json
import { definePolicy } from "../../define.ts";
import type { HtmlJsonPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { compileSelector, elementText, parseHtml } from "./html.ts";

export const JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

export const connector = definePolicy<HtmlJsonPolicyConfiguration>({
  id: "html-json",
  create(config) {
    const selectors = config.selectors.map((s) => ({
      name: s.jsonName,
      array: s.array === true,
      select: compileSelector(s.selector),
    }));
    return {
      async onResponse(exchange) {
        const doc = parseHtml((await exchange.responseBody.read()).toString("utf8"));
        const json: Record<string, string | string[]> = {};
        for (const s of selectors) {
          const texts = s.select(doc).map((e) => elementText(e));
          json[s.name] = s.array ? texts : texts.join(" ");
        }
        exchange.responseBody.replace(JSON.stringify(json));
        exchange.response.setHeader("content-type", JSON_CONTENT_TYPE);
      },
    };
  },
});
