// A Notification with `target: webhook` needs its `webhook` block (the URL and the events): the
// schema cannot say it with closed objects, the rule does, on `target`.
import { defineApiRule } from "../../rule.ts";

export default defineApiRule({
  code: "notification/webhook-required",
  severity: "error",
  kinds: ["Notification"],
  check({ spec }, report) {
    if (spec.target !== "webhook" || spec.webhook !== undefined) return;
    report({
      pointer: "/spec/target",
      message: "a Notification with `target: webhook` has no `webhook` block: its events would go nowhere",
      hint: "add `webhook: { url: …, apiEvents: [...] }`",
    });
  },
});
