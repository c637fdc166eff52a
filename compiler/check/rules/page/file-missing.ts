// A documentation page whose `file` source names no readable file (relative to the spec's folder):
// the page is left out of the developer portal (warning, on the path).

import { existsSync } from "node:fs";
import { escapePointerSegment } from "../../../diagnostics/diagnostic.ts";
import { pageFile } from "../../../docs/pages.ts";
import { defineApiRule } from "../../rule.ts";
import { entries } from "../../spec-view.ts";

export default defineApiRule({
  code: "page/file-missing",
  severity: "warning",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec, doc }, report) {
    for (const [key, page] of entries(spec.pages)) {
      const file = pageFile(doc, page);
      if (file === undefined || existsSync(file)) continue;
      report({
        pointer: `/spec/pages/${escapePointerSegment(key)}/source/configuration/path`,
        message: `page \`${key}\`: no file at \`${file}\`; the page is left out of the developer portal`,
        hint: "the path is relative to the folder of the spec file",
      });
    }
  },
});
