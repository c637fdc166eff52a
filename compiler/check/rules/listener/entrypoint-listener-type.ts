// docs/contract.md §2 rules 3 and 7: each entrypoint sits on the listener type it belongs to — webhook on a
// SUBSCRIPTION listener, every other one on the HTTP listener.
import { defineApiRule } from "../../rule.ts";
import { ENTRYPOINT_LISTENER, entrypointsOf, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "listener/entrypoint-listener-type",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const ep of entrypointsOf(spec)) {
      const expected = ep.type ? ENTRYPOINT_LISTENER.get(ep.type) : undefined;
      const actual = str(ep.listener.type);
      if (!expected || !actual || expected === actual || !(actual === "HTTP" || actual === "SUBSCRIPTION"))
        continue;
      report({
        pointer: `${ep.pointer}/type`,
        message: `entrypoint \`${ep.type}\` belongs on a ${expected} listener, not on a ${actual} listener`,
        hint: `move it into a \`type: ${expected}\` listener`,
      });
    }
  },
});
