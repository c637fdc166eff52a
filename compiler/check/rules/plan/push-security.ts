// docs/contract.md §2 rule 7: a PUSH plan (webhook subscriptions) has no security: the gateway calls the
// consumer, not the other way round.
import { defineApiRule } from "../../rule.ts";
import { plansOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "plan/push-security",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const plan of plansOf(spec)) {
      if (plan.item.mode !== "PUSH" || plan.item.security === undefined) continue;
      report({
        pointer: `${plan.pointer}/security`,
        key: true,
        message: `plan \`${String(plan.item.name ?? "")}\` is a PUSH plan and cannot have \`security\``,
        hint: "remove `security`, or use `mode: STANDARD` for a plan consumers call",
      });
    }
  },
});
