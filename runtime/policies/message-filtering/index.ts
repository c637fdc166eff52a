// `message-filtering`: drops messages for which `filter` is false. The compiler compiles `filter` as
// a condition (compiler/model/build-model.ts CONDITION_FIELDS), so this gets a predicate, never EL
// text. A dropped message is acknowledged to its source unless `ackFilteredMessage` is false; a filter
// that throws drops the message unless `filterMessageOnFilteringError` is false.
// https://documentation.gravitee.io/apim/policies/message-filtering
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { MessageFilteringPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageEl } from "../lib/el.ts";

export type MessageFilteringConfig = Omit<MessageFilteringPolicyConfiguration, "filter"> & {
  filter: (el: ElContext) => boolean;
};

export const connector = definePolicy<MessageFilteringConfig>({
  id: "message-filtering",
  create(config, ctx) {
    const ack = config.ackFilteredMessage ?? true;
    const dropOnError = config.filterMessageOnFilteringError ?? true;
    return {
      async onMessage(message, exchange) {
        let keep: boolean;
        try {
          keep = config.filter(messageEl(exchange, message));
        } catch (error) {
          ctx.log.warn("message filter failed", { error: String(error) });
          keep = !dropOnError;
        }
        if (keep) return message;
        if (ack) await message.ack?.();
        return undefined;
      },
    };
  },
});
