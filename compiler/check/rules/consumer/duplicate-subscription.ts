// One application subscribes to a plan once (APIM refuses a second active subscription): two
// would make the client identifier, and the per-client consumption derived from it, ambiguous.

import type { LoadedDocument } from "../../../load/load-specs.ts";
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/duplicate-subscription",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    const seen = new Map<string, LoadedDocument>();
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (!found || !s.application) continue;
      const id = `${found.api.kind}\0${s.api}\0${found.plan.id}\0${s.application}`;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, s.doc);
        continue;
      }
      report(s.doc, {
        pointer: "/spec/plan",
        message: `application \`${s.application}\` is already subscribed to plan \`${found.plan.id}\` of API \`${s.api}\` by \`${first.name}\``,
        hint: "keep one subscription; put all its keys under its `apiKeys`",
        related: [{ message: "the first subscription", pointer: "/spec/plan", doc: first }],
      });
    }
  },
});
