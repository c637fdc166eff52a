// docs/contract.md §2 rule 7 (warning): consumers subscribe to a webhook entrypoint through a PUSH plan; a
// webhook entrypoint without one compiles but nobody can subscribe.
import { defineApiRule } from "../../rule.ts";
import { entrypointsOf, plansOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "plan/webhook-without-push",
  severity: "warning",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    const webhook = entrypointsOf(spec).find((ep) => ep.type === "webhook");
    if (!webhook) return;
    if (plansOf(spec).some((p) => p.item.mode === "PUSH")) return;
    report({
      pointer: `${webhook.pointer}/type`,
      message: "the `webhook` entrypoint has no PUSH plan, so nobody can subscribe to it",
      hint: "add a plan with `mode: PUSH`",
    });
  },
});
