// A subscription to a PUSH plan is delivered by the API's `webhook` entrypoint (Gravitee's only
// subscription entrypoint; docs/contract.md §6): `consumerConfiguration.entrypointId` must name it,
// and the API must have one — otherwise the subscription compiles and nothing is ever delivered.
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { entrypointsOf, obj, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/webhook-entrypoint",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      const consumer = s.spec.consumerConfiguration;
      if (found?.plan.mode !== "PUSH" || consumer === undefined) continue;
      const entrypointId = str(obj(consumer).entrypointId);
      if (entrypointId !== undefined && entrypointId !== "webhook") {
        report(s.doc, {
          pointer: "/spec/consumerConfiguration/entrypointId",
          message: `\`entrypointId: ${entrypointId}\`: webhook subscriptions are delivered by the \`webhook\` entrypoint`,
          hint: "write `entrypointId: webhook`",
        });
        continue;
      }
      const spec = obj(found.api.validationValue.spec);
      if (entrypointsOf(spec).some((e) => e.type === "webhook")) continue;
      report(s.doc, {
        pointer: "/spec/plan",
        message: `API \`${s.api}\` has no \`webhook\` entrypoint, so nothing delivers this PUSH subscription`,
        hint: "add `{ type: SUBSCRIPTION, entrypoints: [{ type: webhook }] }` to the API's `listeners`",
      });
    }
  },
});
