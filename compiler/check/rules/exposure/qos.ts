// docs/contract.md §2 rule 5: a message entrypoint's quality of service must be one the entrypoint offers and
// that every endpoint group of the API can honour (Gravitee 4.10's QoS table, which the runtime
// reads too: runtime/message/connectors.ts).
import { MESSAGE_ENTRYPOINTS, supportedQos } from "../../../../runtime/message/connectors.ts";
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, entrypointsOf, str } from "../../spec-view.ts";

export default defineApiRule({
  code: "exposure/qos",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    if (spec.type !== "MESSAGE") return;
    for (const ep of entrypointsOf(spec)) {
      const own: readonly string[] | undefined = ep.type ? MESSAGE_ENTRYPOINTS.get(ep.type)?.qos : undefined;
      if (!ep.type || !own) continue;
      const qos = str(ep.item.qos) ?? "AUTO";
      const pointer = ep.item.qos === undefined ? `${ep.pointer}/type` : `${ep.pointer}/qos`;
      if (!own.includes(qos)) {
        report({
          pointer,
          message: `entrypoint \`${ep.type}\` does not support QoS \`${qos}\``,
          hint: `\`${ep.type}\` supports ${own.map((q) => `\`${q}\``).join(", ")}`,
        });
        continue;
      }
      for (const group of endpointGroupsOf(spec)) {
        if (!group.type) continue;
        const supported: readonly string[] = supportedQos(ep.type, group.type);
        if (supported.includes(qos)) continue;
        report({
          pointer,
          message: `QoS \`${qos}\` of entrypoint \`${ep.type}\` cannot be honoured by the \`${group.type}\` endpoint group \`${String(group.item.name)}\``,
          hint: `with \`${group.type}\`, \`${ep.type}\` supports ${supported.map((q) => `\`${q}\``).join(", ")}`,
        });
      }
    }
  },
});
