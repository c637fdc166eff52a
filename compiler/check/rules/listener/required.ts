// docs/contract.md §2 rule 7: a v4 API needs at least one listener, or nobody can call it.
import { defineApiRule } from "../../rule.ts";

export default defineApiRule({
  code: "listener/required",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    // A list of broken listeners (`[null]`) is not empty: the schema reports each item.
    if (spec.listeners === undefined || (Array.isArray(spec.listeners) && spec.listeners.length === 0)) {
      report({
        pointer: spec.listeners === undefined ? "/spec" : "/spec/listeners",
        key: spec.listeners !== undefined,
        message: "the API has no listener, so it cannot be reached",
        hint: "add `listeners: [{ type: HTTP, paths: [{ path: /my-api }], entrypoints: [...] }]`",
      });
    }
  },
});
