// A Subscription's `application.name` is the `metadata.name` of an Application of the repository.
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/unknown-application",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      if (!s.application || index.applications.has(s.application)) continue;
      report(s.doc, {
        pointer: "/spec/application/name",
        message: `subscription \`${s.doc.name}\` names application \`${s.application}\`, which is not in the repository`,
        hint: "add an Application resource with this `metadata.name`",
      });
    }
  },
});
