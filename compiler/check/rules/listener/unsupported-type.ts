// Sluice serves HTTP and SUBSCRIPTION listeners. Gravitee's TCP listener (tcp-proxy, SNI routing)
// and its KAFKA native listener are not implemented: say so instead of compiling an API that
// nobody can reach.
import { defineApiRule } from "../../rule.ts";
import { list, str } from "../../spec-view.ts";

const SUPPORTED = ["HTTP", "SUBSCRIPTION"];

export default defineApiRule({
  code: "listener/unsupported-type",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const { item, index } of list(spec.listeners)) {
      const type = str(item.type);
      if (type && !SUPPORTED.includes(type)) {
        report({
          pointer: `/spec/listeners/${index}/type`,
          message: `\`${type}\` listeners are not supported by Sluice`,
          hint: "use an HTTP listener (PROXY and MESSAGE APIs) or a SUBSCRIPTION listener (webhook)",
        });
      }
    }
  },
});
