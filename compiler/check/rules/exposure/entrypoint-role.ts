// docs/contract.md §2 rule 4: an entrypoint that consumes (http-get, sse, webhook, websocket subscriber) needs
// a consumer on every endpoint group; one that produces (http-post, websocket publisher) a producer.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, entrypointRoles, entrypointsOf, groupHasRole } from "../../spec-view.ts";

export default defineApiRule({
  code: "exposure/entrypoint-role",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    if (spec.type !== "MESSAGE") return;
    const groups = endpointGroupsOf(spec);
    for (const ep of entrypointsOf(spec)) {
      const roles = entrypointRoles(ep.type, ep.item.configuration);
      for (const [needed, role] of [
        [roles.consumes, "consumer"],
        [roles.produces, "producer"],
      ] as const) {
        if (!needed) continue;
        for (const group of groups) {
          if (groupHasRole(group, role)) continue;
          report({
            pointer: `${ep.pointer}/type`,
            message: `entrypoint \`${ep.type}\` ${role === "consumer" ? "consumes" : "produces"} messages, but endpoint group \`${String(group.item.name)}\` has no ${role} enabled`,
            hint: `enable it with \`${role}: { enabled: true, … }\` in the group's sharedConfiguration or the endpoint's sharedConfigurationOverride`,
            related: [
              { message: `endpoint group \`${String(group.item.name)}\` is here`, pointer: group.pointer },
            ],
          });
        }
      }
    }
  },
});
