// `policy-override-request-method` (Gravitee's plugin id is the policy's id): the endpoint receives
// the configured method instead of the client's. Request phase of PROXY and v2 APIs.
// https://documentation.gravitee.io/apim/policies/override-http-method
import { definePolicy } from "../../define.ts";
import type { OverrideRequestMethodPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

export type OverrideRequestMethodConfig = OverrideRequestMethodPolicyConfiguration;

export const connector = definePolicy<OverrideRequestMethodConfig>({
  id: "policy-override-request-method",
  create(config) {
    return {
      onRequest(exchange) {
        exchange.upstreamRequest.method = config.method;
      },
    };
  },
});
