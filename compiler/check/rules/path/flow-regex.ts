// A flow's path (or channel) that Sluice cannot run as Gravitee does. Gravitee builds its flow
// matcher (PathPatterns) from the path without escaping it: the path is a Java regular expression,
// which the gateway translates to a JavaScript one (runtime/server/flow-path-regex.ts). A path Java
// refuses (`/{id}`, an unclosed `(`) fails every request on Gravitee; a construct the two engines
// read differently (possessive quantifiers, inline flags, `\p{…}`, back references) is refused
// rather than run with another meaning. The error points at the construct inside the path.
import { FlowPathRegexError } from "../../../../runtime/server/flow-path-regex.ts";
import { flowPathPattern } from "../../../../runtime/server/flows.ts";
import { flowPathsOf } from "../../flow-paths.ts";
import { defineApiRule } from "../../rule.ts";

export default defineApiRule({
  code: "path/flow-regex",
  severity: "error",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec, doc }, report) {
    for (const { path, equals, pointer } of flowPathsOf(spec, doc.kind === "ApiDefinition")) {
      try {
        flowPathPattern(path, equals);
      } catch (e) {
        if (!(e instanceof FlowPathRegexError)) throw e;
        report({
          pointer,
          offset: e.index,
          message: `the flow path \`${path}\` is a regular expression for Gravitee, and Sluice cannot run it: ${e.message}`,
          hint: "escape a character meant literally (`\\{`, `\\.`), write `:name` for a variable segment, or select with a CONDITION selector (`{#request.pathInfo matches '…'}`)",
        });
      }
    }
  },
});
