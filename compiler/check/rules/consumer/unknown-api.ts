// A Subscription names an API of the repository (`spec.api.name`, of `spec.api.kind`, GKO's default
// ApiV4Definition): a subscription to nothing would silently authenticate nobody.
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/unknown-api",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      if (!s.api || index.apis.has(`${s.apiKind}\0${s.api}`)) continue;
      const otherKind = s.apiKind === "ApiV4Definition" ? "ApiDefinition" : "ApiV4Definition";
      const hint = index.apis.has(`${otherKind}\0${s.api}`)
        ? `\`${s.api}\` is an ${otherKind}: add \`kind: ${otherKind}\` to \`spec.api\``
        : "`spec.api.name` is the `metadata.name` of an API in this repository";
      report(s.doc, {
        pointer: "/spec/api/name",
        message: `subscription \`${s.doc.name}\` names API \`${s.api}\`, which is not in the repository (as ${s.apiKind})`,
        hint,
      });
    }
  },
});
