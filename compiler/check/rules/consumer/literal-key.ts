// An API key is a credential: never in clear in git (docs/contract.md §6). Only a `${ENV}` reference (resolved
// when the gateway starts) or GKO's `[[ secret `name/key` ]]` template (read from the secrets
// directory, and re-read when it changes) may stand for one.
import { isSecretTemplate, parseSecretRef } from "../../../../runtime/consumers/secret-ref.ts";
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { list, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/literal-key",
  severity: "error",
  check(docs, report) {
    for (const s of consumerIndex(docs).subscriptions) {
      // The document as written: `${VAR:-default}` is a reference, whatever its default.
      const written = (s.doc.value.spec as { apiKeys?: unknown } | undefined)?.apiKeys;
      for (const { item, index } of list(written)) {
        const pointer = `/spec/apiKeys/${index}/key`;
        const key = str(item.key);
        if (key === undefined) continue;
        const site = s.doc.envSites.find((e) => e.pointer === pointer);
        if (site) {
          const ref = site.template.parts[0];
          // `${KEY}` or `${KEY:-}` (no key when unset); a default is a key in git.
          if (site.template.whole && ref && "env" in ref && !ref.default) continue;
          report(s.doc, {
            pointer,
            message:
              "an API key reference must be the whole value, without a default: a default is a key in git",
            hint: "write `${ORDERS_PARTNER_KEY}`, or `${ORDERS_PARTNER_KEY:-}` for a key that may be unset",
          });
          continue;
        }
        if (isSecretTemplate(key)) {
          if (parseSecretRef(key)) continue;
          report(s.doc, {
            pointer,
            message: "malformed secret reference",
            hint: "write `[[ secret `name/key` ]]`: a Secret name (lowercase DNS name) and a key (letters, digits, `-`, `_`, `.`)",
          });
          continue;
        }
        report(s.doc, {
          pointer,
          message: "an API key is written in clear; a key in git is a leaked key",
          hint: "reference it: `${ORDERS_PARTNER_KEY}` (environment) or `[[ secret `orders-keys/partner` ]]` (read from $SLUICE_SECRETS_DIR/orders-keys/partner)",
        });
      }
    }
  },
});
