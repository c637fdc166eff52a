// docs/contract.md §2 rule 8: `inheritConfiguration: true` takes the group's sharedConfiguration; without one
// there is nothing to inherit and the endpoint would run unconfigured.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, endpointsOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "endpoint/inherit-without-shared",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const group of endpointGroupsOf(spec)) {
      if (group.item.sharedConfiguration !== undefined) continue;
      for (const ep of endpointsOf(group)) {
        if (ep.item.inheritConfiguration !== true) continue;
        report({
          pointer: `${ep.pointer}/inheritConfiguration`,
          message: `endpoint \`${String(ep.item.name)}\` inherits its configuration, but group \`${String(group.item.name)}\` has no \`sharedConfiguration\``,
          hint: "add `sharedConfiguration` to the group, or set `inheritConfiguration: false` and use `sharedConfigurationOverride`",
        });
      }
    }
  },
});
