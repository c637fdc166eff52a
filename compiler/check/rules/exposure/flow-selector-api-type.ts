// docs/contract.md §2 rule 3: MESSAGE flows use `CHANNEL`/`CONDITION` selectors, PROXY flows `HTTP`/`CONDITION`.
// An `HTTP` selector on a MESSAGE API is exposure/message-http-selector's (a warning: Gravitee's
// gateway runs such flows).
import { defineApiRule } from "../../rule.ts";
import { flowsOf, list, str } from "../../spec-view.ts";

const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["PROXY", ["HTTP", "CONDITION"]],
  ["MESSAGE", ["CHANNEL", "CONDITION"]],
]);

export default defineApiRule({
  code: "exposure/flow-selector-api-type",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    const apiType = str(spec.type);
    const allowed = apiType ? ALLOWED.get(apiType) : undefined;
    if (!allowed) return;
    for (const flow of flowsOf(spec)) {
      for (const { item, index } of list(flow.item.selectors)) {
        const type = str(item.type);
        if (type && !allowed.includes(type) && !(apiType === "MESSAGE" && type === "HTTP")) {
          report({
            pointer: `${flow.pointer}/selectors/${index}/type`,
            message: `a ${apiType} API's flows cannot use a \`${type}\` selector`,
            hint: `use ${allowed.map((t) => `\`${t}\``).join(" or ")} selectors on a ${apiType} API`,
          });
        }
      }
    }
  },
});
