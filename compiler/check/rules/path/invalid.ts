// docs/contract.md §2 rule 9: context paths are URL paths (normalised as Gravitee does); a query, a fragment
// or white space in one can never match a request.
import { pathProblem } from "../../../shared/paths.ts";
import { defineApiRule } from "../../rule.ts";
import { contextPathsOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "path/invalid",
  severity: "error",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec }, report) {
    for (const entry of contextPathsOf(spec)) {
      const problem = pathProblem(entry.path);
      if (problem) report({ pointer: entry.pointer, message: `${problem}: \`${entry.path}\`` });
    }
  },
});
