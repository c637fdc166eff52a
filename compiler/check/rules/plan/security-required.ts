// docs/contract.md §2 rule 7: a STANDARD plan (the default mode) says how consumers authenticate.
import { defineApiRule } from "../../rule.ts";
import { plansOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "plan/security-required",
  severity: "error",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec, doc }, report) {
    for (const plan of plansOf(spec)) {
      const mode = plan.item.mode ?? "STANDARD";
      if (mode !== "STANDARD" || plan.item.security !== undefined) continue;
      report({
        pointer: plan.pointer,
        message: `plan \`${String(plan.item.name ?? "")}\` has no \`security\`; a STANDARD plan must say how consumers authenticate`,
        hint:
          doc.kind === "ApiDefinition"
            ? "add `security: KEY_LESS` (or API_KEY, JWT, OAUTH2)"
            : "add `security: { type: KEY_LESS }` (or API_KEY, JWT, OAUTH2, MTLS), or `mode: PUSH` for webhook subscriptions",
      });
    }
  },
});
