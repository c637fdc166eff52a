// PUSH plans deliver messages to the subscriber (Gravitee's webhook subscriptions): a Subscription
// to one says where, in `consumerConfiguration` (GKO). Only PUSH plans read it: on another plan it
// would be silently ignored.
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/push-configuration",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (!found) continue;
      const push = found.plan.mode === "PUSH";
      const has = s.spec.consumerConfiguration !== undefined;
      if (push && !has) {
        report(s.doc, {
          pointer: "/spec/plan",
          message: `plan \`${found.plan.id}\` of API \`${s.api}\` is a PUSH plan: the subscription needs \`consumerConfiguration\``,
          hint: "add `consumerConfiguration: { entrypointId: webhook, entrypointConfiguration: { callbackUrl: https://… } }`",
        });
      } else if (!push && has) {
        report(s.doc, {
          pointer: "/spec/consumerConfiguration",
          key: true,
          message: `\`consumerConfiguration\` on a subscription to plan \`${found.plan.id}\`, which is not a PUSH plan`,
          hint: "remove it, or subscribe to a PUSH plan of the API",
        });
      }
    }
  },
});
