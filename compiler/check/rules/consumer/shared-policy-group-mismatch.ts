// A SharedPolicyGroup serves one API type and one phase (`spec.apiType`, `spec.phase`): a step that
// references it from another phase, or from an API of another type, is refused — GKO's admission
// webhook: "Incompatible Shared Policy Group [name] with phase [...]"; the console offers a group
// only where its type and phase match.

import { findGroup, sharedPolicyGroupRefs } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { obj, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/shared-policy-group-mismatch",
  severity: "error",
  check(docs, report) {
    const groups = docs.filter((d) => d.kind === "SharedPolicyGroup" && d.name);
    for (const doc of docs) {
      const apiType = str(obj(doc.validationValue.spec).type);
      for (const ref of sharedPolicyGroupRefs(doc)) {
        const group = findGroup(groups, ref);
        if (!group) continue;
        const name = group.name;
        const spec = obj(group.validationValue.spec);
        const groupType = str(spec.apiType);
        const groupPhase = str(spec.phase);
        const related = [{ message: `SharedPolicyGroup \`${name}\``, pointer: "/spec", doc: group }];
        if (groupType !== undefined && apiType !== undefined && groupType !== apiType)
          report(doc, {
            pointer: ref.field,
            message: `SharedPolicyGroup \`${name}\` is for ${groupType} APIs; this API is ${apiType}`,
            hint: `reference a group whose \`apiType\` is ${apiType}`,
            related,
          });
        else if (groupPhase !== undefined && groupPhase !== ref.phase.toUpperCase())
          report(doc, {
            pointer: ref.field,
            message: `SharedPolicyGroup \`${name}\` runs in the ${groupPhase} phase; this step is in \`${ref.phase}\``,
            hint: `move the step to the flow's \`${groupPhase.toLowerCase()}\` steps, or reference a ${ref.phase.toUpperCase()} group`,
            related,
          });
      }
    }
  },
});
