// docs/contract.md §2 rule 8: a dead-letter queue exists only for webhook deliveries (Gravitee's DLQ sends
// messages a subscriber's callback refused); on any other entrypoint it would never be used.
import { defineApiRule } from "../../rule.ts";
import { entrypointsOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "endpoint/dlq-entrypoint",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const ep of entrypointsOf(spec)) {
      if (ep.item.dlq === undefined || ep.type === "webhook") continue;
      report({
        pointer: `${ep.pointer}/dlq`,
        key: true,
        message: `a dead-letter queue is only available on the \`webhook\` entrypoint, not on \`${ep.type}\``,
        hint: "remove `dlq`",
      });
    }
  },
});
