// A documentation page fetched by one of Gravitee's network fetchers (http-fetcher, github-fetcher,
// …): the developer portal is built offline, so the page is left out (warning, on the fetcher).
// Inline `content` and a `file` source (a file beside the spec) are published (compiler/docs/pages.ts).

import { escapePointerSegment } from "../../../diagnostics/diagnostic.ts";
import { FILE_SOURCE } from "../../../docs/pages.ts";
import { defineApiRule } from "../../rule.ts";
import { entries, obj, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "page/source-skipped",
  severity: "warning",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec }, report) {
    for (const [key, page] of entries(spec.pages)) {
      const type = str(obj(page.source).type);
      if (type === undefined || type === FILE_SOURCE) continue;
      report({
        pointer: `/spec/pages/${escapePointerSegment(key)}/source/type`,
        message: `page \`${key}\` is fetched by \`${type}\`, which Sluice does not run: the page is left out of the developer portal`,
        hint: "put the page's text in `content`, or in a file beside the spec with `source: { type: file, configuration: { path: … } }`",
      });
    }
  },
});
