// `apiKeys` belong to subscriptions of API_KEY plans (GKO); on any other plan nothing would read
// them, and a user would believe the keys protect something.
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/api-keys-plan",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      if (s.spec.apiKeys === undefined) continue;
      const found = subscribedPlan(index, s);
      if (!found || found.plan.securityType === "API_KEY" || found.plan.securityType === "KEY_LESS") continue;
      report(s.doc, {
        pointer: "/spec/apiKeys",
        key: true,
        message: `\`apiKeys\` on a subscription to plan \`${found.plan.id}\`, which is ${found.plan.securityType ?? found.plan.mode}, not API_KEY`,
        hint: "remove `apiKeys`, or subscribe to an API_KEY plan",
      });
    }
  },
});
