// docs/contract.md §2 rule 8: a v4 API needs at least one endpoint group: there is nowhere to send traffic.
import { defineApiRule } from "../../rule.ts";

export default defineApiRule({
  code: "endpoint/group-required",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    // A broken group (`[null]`) still counts: the schema reports it.
    if (Array.isArray(spec.endpointGroups) && spec.endpointGroups.length > 0) return;
    report({
      pointer: spec.endpointGroups === undefined ? "/spec" : "/spec/endpointGroups",
      key: spec.endpointGroups !== undefined,
      message: "the API has no endpoint group, so the gateway has nowhere to send traffic",
      hint: "add `endpointGroups: [{ name: default, type: …, endpoints: [...] }]`",
    });
  },
});
