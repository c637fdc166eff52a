// docs/contract.md §2 rule 5: a message entrypoint's quality of service must be one the entrypoint offers and
// that every endpoint group of the API can honour (Gravitee's QoS capability matrix).
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, entrypointsOf, str } from "../../spec-view.ts";

const ALL = ["NONE", "AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"] as const;

// Maps, not plain objects: they are looked up by the entrypoint type the user wrote.

/** What each entrypoint supports. */
export const ENTRYPOINT_QOS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["http-post", ["NONE", "AUTO"]],
  ["http-get", ["AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"]],
  ["sse", ALL],
  ["websocket", ["NONE", "AUTO"]],
  ["webhook", ALL],
]);

/** What an endpoint of the mqtt5/solace/rabbitmq family can honour, per entrypoint. */
const LIMITED_ENDPOINT_QOS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["http-post", ["NONE", "AUTO"]],
  ["http-get", ["AUTO"]],
  ["sse", ["NONE", "AUTO"]],
  ["websocket", ["NONE", "AUTO"]],
  ["webhook", ALL],
]);

const LIMITED_ENDPOINTS = ["mqtt5", "solace", "rabbitmq"];

/** The QoS levels an entrypoint may use over an endpoint type. */
export function supportedQos(entrypoint: string, endpoint: string): readonly string[] {
  const own = ENTRYPOINT_QOS.get(entrypoint) ?? [];
  if (!LIMITED_ENDPOINTS.includes(endpoint)) return own;
  const limit = LIMITED_ENDPOINT_QOS.get(entrypoint) ?? [];
  return own.filter((q) => limit.includes(q));
}

export default defineApiRule({
  code: "exposure/qos",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    if (spec.type !== "MESSAGE") return;
    for (const ep of entrypointsOf(spec)) {
      const own = ep.type ? ENTRYPOINT_QOS.get(ep.type) : undefined;
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
        const supported = supportedQos(ep.type, group.type);
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
