// An API's `spec.notificationsRefs` entry names a Notification resource of the repository (GKO's
// `ResourceReference`, by `metadata.name`): otherwise the API's events would go nowhere.
import { isApiDocument } from "../../../load/load-specs.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { list, obj, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "notification/unknown-ref",
  severity: "error",
  check(docs, report) {
    const names = new Set(docs.filter((d) => d.kind === "Notification").map((d) => d.name));
    for (const doc of docs) {
      if (!isApiDocument(doc)) continue;
      for (const { item, index } of list(obj(doc.validationValue.spec).notificationsRefs)) {
        const name = str(item.name);
        if (name === undefined || names.has(name)) continue;
        report(doc, {
          pointer: `/spec/notificationsRefs/${index}/name`,
          message: `notification reference \`${name}\` names no Notification of the repository`,
          hint: "add a Notification with this `metadata.name` (docs/notifications.md), or fix the name",
        });
      }
    }
  },
});
