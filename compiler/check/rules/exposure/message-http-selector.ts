// An `HTTP` selector on a MESSAGE API's flow. Gravitee's Management API refuses it (its
// FlowValidationDomainService allows CHANNEL and CONDITION there), so an API imported through it —
// GKO with a management context — is refused; a gateway given the definition directly (GKO without
// one, Gravitee's own integration tests) runs the flow. Sluice runs it too: the selector's path and
// methods are matched against the path below the context path and the method of the request the
// entrypoint took, as on a PROXY API (runtime/server/flows.ts). A warning, with the portable form.
import { defineApiRule } from "../../rule.ts";
import { flowsOf, list, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "exposure/message-http-selector",
  severity: "warning",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    if (str(spec.type) !== "MESSAGE") return;
    for (const flow of flowsOf(spec))
      for (const { item, index } of list(flow.item.selectors)) {
        if (str(item.type) !== "HTTP") continue;
        report({
          pointer: `${flow.pointer}/selectors/${index}/type`,
          message:
            "an `HTTP` selector on a MESSAGE API: Gravitee's Management API refuses it; Sluice, like a gateway given the definition, runs the flow, matching its path and methods against the entrypoint's request",
          hint: "use a `CHANNEL` selector (`channel`, `channelOperator`), which Gravitee accepts everywhere",
        });
      }
  },
});
