// docs/contract.md §2 rule 7: an entrypoint type appears once per API; two `sse` entrypoints would compete
// for the same requests.
import { defineApiRule } from "../../rule.ts";
import { entrypointsOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "listener/duplicate-entrypoint",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    const seen = new Map<string, string>();
    for (const ep of entrypointsOf(spec)) {
      if (!ep.type) continue;
      const first = seen.get(ep.type);
      if (first === undefined) {
        seen.set(ep.type, ep.pointer);
        continue;
      }
      report({
        pointer: `${ep.pointer}/type`,
        message: `entrypoint \`${ep.type}\` is declared twice`,
        hint: "keep one entrypoint of each type",
        related: [{ message: "first declared here", pointer: first }],
      });
    }
  },
});
