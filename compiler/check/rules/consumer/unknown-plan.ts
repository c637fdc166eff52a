// A Subscription's `plan` is the key of a plan of its API (`spec.plans`; v2: the plan's id or name).

import { listOf } from "../../../diagnostics/suggest.ts";
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/unknown-plan",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      if (!s.api || s.plan === undefined) continue;
      const api = index.apis.get(`${s.apiKind}\0${s.api}`);
      if (!api || api.plans.has(s.plan)) continue;
      report(s.doc, {
        pointer: "/spec/plan",
        message: `API \`${s.api}\` has no plan \`${s.plan}\``,
        hint: `its plans are ${listOf([...api.plans.keys()])}`,
        related: [{ message: "the API", pointer: "/spec/plans", doc: api.doc }],
      });
    }
  },
});
