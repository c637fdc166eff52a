// Gravitee: a KEY_LESS plan takes no subscriptions (anyone may call; there is nothing to subscribe
// to). A Subscription to one is a mistake: its keys would never be asked for.
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/keyless-plan",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (found?.plan.securityType !== "KEY_LESS") continue;
      report(s.doc, {
        pointer: "/spec/plan",
        message: `plan \`${found.plan.id}\` of API \`${s.api}\` is KEY_LESS and takes no subscriptions`,
        hint: "subscribe to an API_KEY, JWT, OAUTH2 or MTLS plan, or a PUSH plan",
      });
    }
  },
});
