// An API's `spec.resources` entry with `ref` names a GKO ApiResource of the repository.

import { isApiDocument } from "../../../load/load-specs.ts";
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { list, obj, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/unknown-resource",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const doc of docs) {
      if (!isApiDocument(doc)) continue;
      for (const { item, index: i } of list(obj(doc.validationValue.spec).resources)) {
        const name = str(obj(item.ref).name);
        if (name === undefined || index.resources.has(name)) continue;
        report(doc, {
          pointer: `/spec/resources/${i}/ref/name`,
          message: `resource reference \`${name}\` names no ApiResource of the repository`,
          hint: "add an ApiResource with this `metadata.name`, or define the resource inline",
        });
      }
    }
  },
});
