// docs/contract.md §2 rule 2: a PROXY API has no message-level policies. WebSocket traffic is proxied as-is
// after the handshake, so `publish`/`subscribe` phases and `messageCondition` would never run.
import { defineApiRule } from "../../rule.ts";
import { flowsOf, list } from "../../spec-view.ts";

const MESSAGE_PHASES = ["publish", "subscribe"] as const;

export default defineApiRule({
  code: "exposure/proxy-message-phase",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    if (spec.type !== "PROXY") return;
    for (const flow of flowsOf(spec)) {
      for (const phase of MESSAGE_PHASES) {
        if (Array.isArray(flow.item[phase]) && flow.item[phase].length > 0) {
          report({
            pointer: `${flow.pointer}/${phase}`,
            key: true,
            message: `a PROXY API has no message-level policies: the \`${phase}\` phase never runs`,
            hint: "put the policies in the `request` or `response` phase, or make the API `type: MESSAGE`",
          });
        }
      }
      for (const phase of ["request", "response"] as const) {
        for (const { item, index } of list(flow.item[phase])) {
          if (item.messageCondition !== undefined) {
            report({
              pointer: `${flow.pointer}/${phase}/${index}/messageCondition`,
              key: true,
              message: "a PROXY API has no messages: `messageCondition` never applies",
              hint: "use `condition` to run the step conditionally on the request",
            });
          }
        }
      }
    }
  },
});
