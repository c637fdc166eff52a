// docs/contract.md §2 rule 8: group and endpoint names are unique within an API — they share one namespace,
// because a DLQ, a failover or a `target` reference may name either.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, endpointsOf, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "endpoint/duplicate-name",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    const seen = new Map<string, string>();
    const visit = (name: string | undefined, pointer: string, what: string) => {
      if (name === undefined) return;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, pointer);
        return;
      }
      report({
        pointer: `${pointer}/name`,
        message: `${what} name \`${name}\` is already used in this API`,
        hint: "endpoint group and endpoint names must be unique within an API",
        related: [{ message: "first used here", pointer: `${first}/name` }],
      });
    };
    for (const group of endpointGroupsOf(spec)) {
      visit(str(group.item.name), group.pointer, "endpoint group");
      for (const ep of endpointsOf(group)) visit(str(ep.item.name), ep.pointer, "endpoint");
    }
  },
});
