// docs/contract.md §2 rule 8: an endpoint is of its group's type; a group is one connector.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, endpointsOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "endpoint/type-mismatch",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const group of endpointGroupsOf(spec)) {
      for (const ep of endpointsOf(group)) {
        if (!ep.type || !group.type || ep.type === group.type) continue;
        report({
          pointer: `${ep.pointer}/type`,
          message: `endpoint \`${String(ep.item.name)}\` is of type \`${ep.type}\` but its group \`${String(group.item.name)}\` is \`${group.type}\``,
          hint: `use \`type: ${group.type}\`, or move the endpoint into a \`${ep.type}\` group`,
        });
      }
    }
  },
});
