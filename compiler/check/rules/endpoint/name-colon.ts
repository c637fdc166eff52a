// docs/contract.md §2 rule 8: `:` separates group and endpoint in Gravitee's endpoint references
// (`group:endpoint`), so names cannot contain it.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, endpointsOf, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "endpoint/name-colon",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const group of endpointGroupsOf(spec)) {
      for (const place of [group, ...endpointsOf(group)]) {
        const name = str(place.item.name);
        if (name?.includes(":")) {
          report({
            pointer: `${place.pointer}/name`,
            message: `name \`${name}\` contains \`:\`, which separates group and endpoint in references`,
            hint: `rename it, e.g. \`${name.replaceAll(":", "-")}\``,
          });
        }
      }
    }
  },
});
