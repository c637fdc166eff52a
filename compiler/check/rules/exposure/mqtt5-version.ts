// docs/contract.md §2 rule 6: the `mqtt5` endpoint speaks MQTT 5 only. A configuration asking for another
// protocol version (3.1 / 3.1.1) is an error rather than a silent downgrade.
import { defineApiRule } from "../../rule.ts";
import { endpointGroupsOf, endpointsOf, obj } from "../../spec-view.ts";

const VERSION_KEYS = ["protocolVersion", "mqttVersion", "version"] as const;

export default defineApiRule({
  code: "exposure/mqtt5-version",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const group of endpointGroupsOf(spec)) {
      if (group.type !== "mqtt5") continue;
      const places: Array<[unknown, string]> = [
        [group.item.sharedConfiguration, `${group.pointer}/sharedConfiguration`],
      ];
      for (const ep of endpointsOf(group)) {
        places.push([ep.item.configuration, `${ep.pointer}/configuration`]);
        places.push([ep.item.sharedConfigurationOverride, `${ep.pointer}/sharedConfigurationOverride`]);
      }
      for (const [config, pointer] of places) {
        for (const key of VERSION_KEYS) {
          const v = obj(config)[key];
          if (v === undefined || v === 5 || v === "5" || v === "5.0" || v === "MQTT_5") continue;
          report({
            pointer: `${pointer}/${key}`,
            message: `the mqtt5 endpoint speaks MQTT 5 only; protocol version \`${String(v)}\` is not supported`,
            hint: "remove the setting (MQTT 5 is implied) and use a broker that speaks MQTT 5",
          });
        }
      }
    }
  },
});
