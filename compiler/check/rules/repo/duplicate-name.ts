// docs/contract.md §1: `metadata.name` is an API's identity, unique across the repository — it names the
// generated module, the metrics and the consumer groups.
import type { LoadedDocument } from "../../../load/load-specs.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "repo/duplicate-name",
  severity: "error",
  check(docs, report) {
    const first = new Map<string, LoadedDocument>();
    for (const doc of docs) {
      if (!doc.name) continue;
      const previous = first.get(doc.name);
      if (!previous) {
        first.set(doc.name, doc);
        continue;
      }
      report(doc, {
        pointer: "/metadata/name",
        message: `API name \`${doc.name}\` is already used by ${previous.at.file}`,
        hint: "`metadata.name` must be unique across the repository",
        related: [{ message: "first used here", pointer: "/metadata/name", doc: previous }],
      });
    }
  },
});
