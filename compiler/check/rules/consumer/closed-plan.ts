// Gravitee deploys PUBLISHED and DEPRECATED plans only: a subscription to a STAGING or CLOSED plan
// authenticates nobody until the plan is published. Closing a plan is a way to shut its
// subscribers out, hence a warning, not an error.
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/closed-plan",
  severity: "warning",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (found?.plan.status !== "STAGING" && found?.plan.status !== "CLOSED") continue;
      report(s.doc, {
        pointer: "/spec/plan",
        message: `plan \`${found.plan.id}\` of API \`${s.api}\` is ${found.plan.status}: it takes no traffic, so this subscription's credentials are refused`,
        hint: "publish the plan (`status: PUBLISHED`), or remove the subscription",
      });
    }
  },
});
