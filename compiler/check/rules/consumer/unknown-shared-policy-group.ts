// A v4 step's `sharedPolicyGroupRef.name` names a SharedPolicyGroup of the repository (GKO's
// admission webhook refuses the API otherwise: "unable to get Shared Policy Group").
import { didYouMean, listOf } from "../../../diagnostics/suggest.ts";
import { sharedPolicyGroupRefs } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/unknown-shared-policy-group",
  severity: "error",
  check(docs, report) {
    const known = docs.filter((d) => d.kind === "SharedPolicyGroup" && d.name).map((d) => d.name as string);
    const names = new Set(known);
    for (const doc of docs)
      for (const ref of sharedPolicyGroupRefs(doc)) {
        if (names.has(ref.name)) continue;
        report(doc, {
          pointer: `${ref.pointer}/sharedPolicyGroupRef/name`,
          message: `\`sharedPolicyGroupRef\` \`${ref.name}\` names no SharedPolicyGroup of the repository`,
          hint:
            didYouMean(ref.name, known) ??
            (known.length > 0
              ? `the repository's SharedPolicyGroups: ${listOf([...known].sort())}`
              : "add a SharedPolicyGroup resource (kind: SharedPolicyGroup) with this `metadata.name`"),
        });
      }
  },
});
