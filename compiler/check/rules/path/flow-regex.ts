// A flow's path (or channel) with regular-expression characters. Gravitee builds its flow matcher
// (PathPatterns) from the path without escaping it, so `/(.*)/products` is a pattern there; Sluice
// matches the path literally (docs/gravitee-differences.md#flow-path-literal), so such a flow runs
// on Gravitee and never on Sluice. `.` alone is left out: `/v1.0` is meant literally, and the only
// paths it matches differently (`/v1x0`) are ones nobody sends.
import { defineApiRule } from "../../rule.ts";
import { flowsOf, list, obj, str } from "../../spec-view.ts";

const REGEX_CHARACTERS = /[*+?()[\]{}|^$\\]/;

export default defineApiRule({
  code: "path/flow-regex",
  severity: "warning",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec, doc }, report) {
    for (const flow of flowsOf(spec)) {
      const paths: Array<{ path: string | undefined; pointer: string }> =
        doc.kind === "ApiDefinition"
          ? [
              {
                path: str(obj(flow.item["path-operator"]).path),
                pointer: `${flow.pointer}/path-operator/path`,
              },
            ]
          : list(flow.item.selectors).map(({ item, index }) => {
              const key = str(item.type) === "CHANNEL" ? "channel" : "path";
              return { path: str(item[key]), pointer: `${flow.pointer}/selectors/${index}/${key}` };
            });
      for (const { path, pointer } of paths) {
        if (path === undefined || !REGEX_CHARACTERS.test(path)) continue;
        report({
          pointer,
          message: `the flow path \`${path}\` has regular-expression characters: Gravitee reads it as a regular expression, Sluice matches it literally`,
          hint: "write the literal path (`:name` for a variable segment), or select with a CONDITION selector such as `{#request.pathInfo matches '/[^/]+/products.*'}`",
        });
      }
    }
  },
});
