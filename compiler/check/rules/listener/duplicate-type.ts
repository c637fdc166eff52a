// docs/contract.md §2 rule 7: no two listeners of the same type (Gravitee merges entrypoints per listener).
import { defineApiRule } from "../../rule.ts";
import { list, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "listener/duplicate-type",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    const first = new Map<string, number>();
    for (const { item, index } of list(spec.listeners)) {
      const type = str(item.type);
      if (!type) continue;
      const previous = first.get(type);
      if (previous === undefined) {
        first.set(type, index);
        continue;
      }
      report({
        pointer: `/spec/listeners/${index}/type`,
        message: `a second \`${type}\` listener; an API has at most one listener of each type`,
        hint: "move its paths and entrypoints into the first one",
        related: [{ message: `the first \`${type}\` listener`, pointer: `/spec/listeners/${previous}` }],
      });
    }
  },
});
