// `assign-attributes`: sets attributes of the exchange (`{#context.attributes['name']}` in later
// expressions, and the `gravitee.attributes.endpoint.*` overrides endpoints read) or, in message
// phases, of the message (`{#message.attributes['name']}`). The `*_CONTENT` scopes buffer the body
// first so values may use `{#request.content}` / `{#response.content}`.
// https://documentation.gravitee.io/apim/policies/assign-attributes
import type { Exchange } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { AssignAttributesPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageEl, render, type Templated } from "../lib/el.ts";

export type AssignAttributesConfig = Omit<AssignAttributesPolicyConfiguration, "attributes"> & {
  attributes?: ReadonlyArray<{ name: string; value: Templated }>;
};

export const connector = definePolicy<AssignAttributesConfig>({
  id: "assign-attributes",
  create(config) {
    const attributes = config.attributes ?? [];
    const assign = (target: Record<string, unknown>, el: ElContext): void => {
      for (const { name, value } of attributes) if (name) target[name] = render(value, el);
    };
    const readBody = async (exchange: Exchange, phase: "request" | "response"): Promise<void> => {
      const scope = config.scope ?? "REQUEST";
      if (scope === "REQUEST_CONTENT" && phase === "request") await exchange.requestBody.read();
      if (scope === "RESPONSE_CONTENT" && phase === "response") await exchange.responseBody.read();
    };
    return {
      async onRequest(exchange) {
        await readBody(exchange, "request");
        assign(exchange.attributes, exchange.el());
      },
      async onResponse(exchange) {
        await readBody(exchange, "response");
        assign(exchange.attributes, exchange.el());
      },
      onMessage(message, exchange) {
        message.attributes ??= {};
        assign(message.attributes, messageEl(exchange, message));
        return message;
      },
    };
  },
});
