// docs/contract.md §2 rule 8: a webhook's `dlq.endpoint` names an endpoint group or an endpoint of the API
// that can publish (producer enabled); messages sent there must not be lost.
import { defineApiRule } from "../../rule.ts";
import {
  endpointGroupsOf,
  endpointHasRole,
  endpointsOf,
  entrypointsOf,
  groupHasRole,
  obj,
  str,
} from "../../spec-view.ts";

export default defineApiRule({
  code: "endpoint/dlq-target",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    const groups = endpointGroupsOf(spec);
    for (const ep of entrypointsOf(spec)) {
      if (ep.type !== "webhook" || ep.item.dlq === undefined) continue;
      const target = str(obj(ep.item.dlq).endpoint);
      const pointer = `${ep.pointer}/dlq/endpoint`;
      if (!target) {
        report({
          pointer: `${ep.pointer}/dlq`,
          message: "`dlq` must name an endpoint or endpoint group in `endpoint`",
        });
        continue;
      }
      const group = groups.find((g) => g.item.name === target);
      const endpoint = groups
        .flatMap((g) => endpointsOf(g).map((e) => ({ g, e })))
        .find(({ e }) => e.item.name === target);
      if (!group && !endpoint) {
        const names = groups.flatMap((g) => [
          str(g.item.name),
          ...endpointsOf(g).map((e) => str(e.item.name)),
        ]);
        report({
          pointer,
          message: `dead-letter queue target \`${target}\` is not an endpoint group or endpoint of this API`,
          hint: `known names: ${names
            .filter(Boolean)
            .map((n) => `\`${n}\``)
            .join(", ")}`,
        });
        continue;
      }
      const canPublish = group
        ? groupHasRole(group, "producer")
        : endpointHasRole(endpoint!.g.item, endpoint!.e.item, "producer");
      if (!canPublish) {
        report({
          pointer,
          message: `dead-letter queue target \`${target}\` cannot publish: it has no producer enabled`,
          hint: "enable `producer: { enabled: true, … }` on it",
        });
      }
    }
  },
});
