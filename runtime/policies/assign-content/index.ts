// `assign-content`: replaces the request body (sent upstream), the response body (sent to the
// client) or a message's content with a template. Gravitee renders FreeMarker; Sluice renders the
// same EL templates as every other policy (`{#request.content}`, `{#message.headers['k'][0]}`),
// compiled ahead of time — `${…}` is an environment reference in Sluice specs.
// https://documentation.gravitee.io/apim/policies/assign-content
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { AssignContentPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageEl, render, type Templated } from "../lib/el.ts";

export type AssignContentConfig = Omit<AssignContentPolicyConfiguration, "body"> & { body: Templated };

export const connector = definePolicy<AssignContentConfig>({
  id: "assign-content",
  create(config, ctx) {
    const content = (el: ElContext): string => {
      try {
        return render(config.body, el);
      } catch (error) {
        ctx.log.warn("assign-content template failed", { error: String(error) });
        throw new GatewayError(500, "Unable to assign body content", { key: "ASSIGN_CONTENT_ERROR" });
      }
    };
    return {
      async onRequest(exchange) {
        // Read first: the template may use `{#request.content}`.
        await exchange.requestBody.read();
        exchange.requestBody.replace(content(exchange.el()));
      },
      async onResponse(exchange) {
        await exchange.responseBody.read();
        exchange.responseBody.replace(content(exchange.el()));
      },
      onMessage(message, exchange) {
        message.content = Buffer.from(content(messageEl(exchange, message)), "utf8");
        return message;
      },
    };
  },
});
