// docs/contract.md §1: `metadata.name` is an API's identity, unique across the repository — it names the
// generated module, the metrics and the consumer groups. As in Kubernetes, names are unique per
// kind: the APIs (v4 and v2 together, one route table), Applications, Subscriptions, ApiResources.
import { isApiDocument, type LoadedDocument } from "../../../load/load-specs.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "repo/duplicate-name",
  severity: "error",
  check(docs, report) {
    const first = new Map<string, LoadedDocument>();
    for (const doc of docs) {
      if (!doc.name) continue;
      const kind = isApiDocument(doc) ? "API" : doc.kind;
      const id = `${kind}\0${doc.name}`;
      const previous = first.get(id);
      if (!previous) {
        first.set(id, doc);
        continue;
      }
      report(doc, {
        pointer: "/metadata/name",
        message: `${kind} name \`${doc.name}\` is already used by ${previous.at.file}`,
        hint: "`metadata.name` must be unique across the repository",
        related: [{ message: "first used here", pointer: "/metadata/name", doc: previous }],
      });
    }
  },
});
