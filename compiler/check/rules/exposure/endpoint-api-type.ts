// docs/contract.md §2 rules 1 and 3: PROXY APIs reach `http-proxy` endpoints (REST, SOAP, WebSocket, gRPC,
// GraphQL backends); MESSAGE APIs reach brokers (kafka, mqtt5, solace, rabbitmq) or the mock.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, MESSAGE_ENDPOINTS, PROXY_ENDPOINTS } from "../../spec-view.ts";

export default defineApiRule({
  code: "exposure/endpoint-api-type",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const group of endpointGroupsOf(spec)) {
      if (group.type === undefined) continue;
      if (spec.type === "PROXY" && !PROXY_ENDPOINTS.includes(group.type)) {
        report({
          pointer: `${group.pointer}/type`,
          message: `endpoint group type \`${group.type}\` is a message endpoint and cannot be used on a PROXY API`,
          hint: "PROXY APIs proxy HTTP backends through `http-proxy` endpoint groups; use `type: MESSAGE` for a broker",
        });
      }
      if (spec.type === "MESSAGE" && !(MESSAGE_ENDPOINTS as readonly string[]).includes(group.type)) {
        report({
          pointer: `${group.pointer}/type`,
          message: `endpoint group type \`${group.type}\` cannot be used on a MESSAGE API`,
          hint: `MESSAGE APIs use ${MESSAGE_ENDPOINTS.map((t) => `\`${t}\``).join(", ")} endpoint groups`,
        });
      }
    }
  },
});
