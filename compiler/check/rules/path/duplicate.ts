// docs/contract.md §2 rule 9: a host+path pair routes to one API only, across the whole repository. Two APIs
// on the same context path would make routing depend on file order.
import type { LoadedDocument } from "../../../load/load-specs.ts";
import { normalisePath, pathProblem } from "../../../shared/paths.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { contextPathsOf, obj } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "path/duplicate",
  severity: "error",
  check(docs, report) {
    const owners = new Map<string, { doc: LoadedDocument; pointer: string }>();
    for (const doc of docs) {
      for (const entry of contextPathsOf(obj(doc.value.spec))) {
        if (pathProblem(entry.path)) continue;
        const path = normalisePath(entry.path);
        const key = `${entry.host ?? ""} ${path}`;
        const first = owners.get(key);
        if (!first) {
          owners.set(key, { doc, pointer: entry.pointer });
          continue;
        }
        const where = entry.host ? `host \`${entry.host}\` and path \`${path}\`` : `path \`${path}\``;
        const firstName = first.doc.name ?? "another API";
        report(doc, {
          pointer: entry.pointer,
          message:
            first.doc === doc
              ? `${where} is declared twice in this API`
              : `${where} is already used by API \`${firstName}\` (${first.doc.at.file})`,
          hint: "each host+path pair routes to exactly one API; change the path or the host",
          related: [{ message: `\`${firstName}\` uses it here`, pointer: first.pointer, doc: first.doc }],
        });
      }
    }
  },
});
