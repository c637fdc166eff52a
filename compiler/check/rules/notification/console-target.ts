// GKO's `console` target notifies in the Gravitee console, which Sluice has not: such a
// Notification is accepted (GKO manifests check unchanged) and does nothing — said, not silent.
import { defineApiRule } from "../../rule.ts";

export default defineApiRule({
  code: "notification/console-target",
  severity: "warning",
  kinds: ["Notification"],
  check({ spec }, report) {
    if (spec.target === "webhook") return;
    report({
      pointer: spec.target === undefined ? "/spec" : "/spec/target",
      message: "a `console` Notification is for the Gravitee console, which Sluice has not: it sends nothing",
      hint: "use `target: webhook` with a `webhook` block to be notified (docs/notifications.md)",
    });
  },
});
