// docs/contract.md §2 rule 11: every API needs at least one plan; without one Gravitee rejects every call.
import { defineApiRule } from "../../rule.ts";
import { size } from "../../spec-view.ts";

export default defineApiRule({
  code: "plan/required",
  severity: "error",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec }, report) {
    // A broken plan (`{ free: null }`) still counts: the schema reports it.
    if (size(spec.plans) > 0) return;
    report({
      pointer: spec.plans === undefined ? "/spec" : "/spec/plans",
      key: spec.plans !== undefined,
      message: "the API has no plan, so every request would be rejected",
      hint: "add a plan, e.g. `plans: { KeyLess: { name: Free, security: { type: KEY_LESS } } }`",
    });
  },
});
