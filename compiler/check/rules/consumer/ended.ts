// A subscription whose `endingAt` (or a key whose `expireAt`) is already past: its credentials are
// refused on every request. Not an error — ending a subscription is how one revokes it in git —
// but worth a look, as it may be a typo in the year.
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { list, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/ended",
  severity: "warning",
  check(docs, report) {
    const now = Date.now();
    for (const s of consumerIndex(docs).subscriptions) {
      const ending = str(s.spec.endingAt);
      if (ending && Date.parse(ending) <= now) {
        report(s.doc, {
          pointer: "/spec/endingAt",
          message: `subscription \`${s.doc.name}\` ended at ${ending}: its credentials are refused`,
          hint: "remove the subscription, or move `endingAt` into the future",
        });
      }
      for (const { item, index } of list(s.spec.apiKeys)) {
        const expire = str(item.expireAt);
        if (!expire || Date.parse(expire) > now) continue;
        report(s.doc, {
          pointer: `/spec/apiKeys/${index}/expireAt`,
          message: `this API key expired at ${expire}: it is refused`,
          hint: "remove the key, or move `expireAt` into the future",
        });
      }
    }
  },
});
