// A v4 step's `sharedPolicyGroupRef.name`, or the `sharedPolicyGroupId` / `hrid` of Gravitee's
// `shared-policy-group-policy` step, names a SharedPolicyGroup of the repository (GKO's admission
// webhook refuses the API otherwise: "unable to get Shared Policy Group"; Gravitee's gateway fails
// the step).
import { didYouMean, listOf } from "../../../diagnostics/suggest.ts";
import { findGroup, groupNames, sharedPolicyGroupRefs } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/unknown-shared-policy-group",
  severity: "error",
  check(docs, report) {
    const groups = docs.filter((d) => d.kind === "SharedPolicyGroup" && d.name);
    for (const doc of docs)
      for (const ref of sharedPolicyGroupRefs(doc)) {
        if (findGroup(groups, ref)) continue;
        const known = groupNames(groups, ref.by);
        const what =
          ref.by === "name"
            ? `\`sharedPolicyGroupRef\` \`${ref.name}\``
            : `\`${ref.by === "id" ? "sharedPolicyGroupId" : "hrid"}\` \`${ref.name}\``;
        report(doc, {
          pointer: ref.field,
          message: `${what} names no SharedPolicyGroup of the repository`,
          hint:
            didYouMean(ref.name, known) ??
            (known.length > 0
              ? `the repository's SharedPolicyGroups: ${listOf([...known].sort())}`
              : ref.by === "name"
                ? "add a SharedPolicyGroup resource (kind: SharedPolicyGroup) with this `metadata.name`"
                : "add a SharedPolicyGroup resource (kind: SharedPolicyGroup) whose `spec.crossId` (or `metadata.name`) is this id"),
        });
      }
  },
});
