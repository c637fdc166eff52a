// An expression's `#dictionaries['name']` names a Dictionary of the repository (Gravitee would read
// an absent dictionary as null; the name is known now, so a typo is an error on its line).

import { joinPointer } from "../../../diagnostics/diagnostic.ts";
import { didYouMean, listOf } from "../../../diagnostics/suggest.ts";
import { isApiDocument } from "../../../load/load-specs.ts";
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule, type Finding } from "../../rule.ts";
import { isObj } from "../../spec-view.ts";

/** `#dictionaries['name']`, `#dictionaries["name"]` and `#dictionaries.name`: group 2 or 3 is the name. */
const REFERENCE = /#dictionaries\s*(?:\[\s*(['"])((?:(?!\1).)*)\1\s*\]|\.([A-Za-z_$][\w$]*))/g;

export default defineRepositoryRule({
  code: "consumer/unknown-dictionary",
  severity: "error",
  check(docs, report) {
    const known = [...consumerIndex(docs).dictionaries.keys()];
    const names = new Set(known);
    for (const doc of docs) {
      if (!isApiDocument(doc)) continue;
      walkStrings(doc.validationValue, "", (text, pointer) => {
        if (!text.includes("#dictionaries")) return;
        for (const match of text.matchAll(REFERENCE)) {
          const name = match[2] ?? match[3] ?? "";
          if (names.has(name)) continue;
          const finding: Finding = {
            pointer,
            offset: match.index + match[0].indexOf(name, "#dictionaries".length),
            message: `\`#dictionaries['${name}']\` names no Dictionary of the repository`,
            hint:
              didYouMean(name, known) ??
              (known.length > 0
                ? `the repository's Dictionaries: ${listOf(known.sort())}`
                : "add a Dictionary resource (kind: Dictionary) with this `metadata.name`"),
          };
          report(doc, finding);
        }
      });
    }
  },
});

function walkStrings(value: unknown, pointer: string, visit: (text: string, pointer: string) => void): void {
  if (typeof value === "string") visit(value, pointer);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walkStrings(item, `${pointer}/${i}`, visit);
  } else if (isObj(value))
    for (const [key, item] of Object.entries(value)) walkStrings(item, joinPointer(pointer, key), visit);
}
