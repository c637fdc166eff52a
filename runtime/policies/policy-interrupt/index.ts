// `policy-interrupt`: ends the exchange with an error — `statusCode` (500), `message` (EL) and
// `errorKey`, the key a response template of the API may replace the error with (Gravitee's error
// body otherwise). In a MESSAGE API's request phase it refuses the connection.
// https://documentation.gravitee.io/apim/policies/interrupt
import { type Exchange, GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { InterruptPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

export type InterruptConfig = Omit<InterruptPolicyConfiguration, "message" | "variables"> & {
  message: Templated;
  variables?: ReadonlyArray<{ name: string; value: Templated }>;
};

export const connector = definePolicy<InterruptConfig>({
  id: "policy-interrupt",
  create(config) {
    const interrupt = (exchange: Exchange): never => {
      throw new GatewayError(config.statusCode ?? 500, render(config.message, exchange.el()), {
        key: config.errorKey,
      });
    };
    return { onRequest: interrupt, onResponse: interrupt };
  },
});
