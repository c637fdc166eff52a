// One API key belongs to one subscription (Gravitee finds the subscription by the key): two key
// entries of one API that reference the same secret or variable would give one key two owners.
import type { LoadedDocument } from "../../../load/load-specs.ts";
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { list, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/duplicate-key",
  severity: "error",
  check(docs, report) {
    const seen = new Map<string, { doc: LoadedDocument; pointer: string }>();
    for (const s of consumerIndex(docs).subscriptions) {
      // The document as written: the reference itself, not its default.
      const written = (s.doc.value.spec as { apiKeys?: unknown } | undefined)?.apiKeys;
      for (const { item, index } of list(written)) {
        const reference = str(item.key)?.replace(/\s+/g, "");
        if (!reference || reference === "${}") continue;
        const pointer = `/spec/apiKeys/${index}/key`;
        const id = `${s.apiKind}\0${s.api}\0${reference}`;
        const first = seen.get(id);
        if (!first) {
          seen.set(id, { doc: s.doc, pointer });
          continue;
        }
        report(s.doc, {
          pointer,
          message: `this key reference is already a key of ${first.doc === s.doc ? "this subscription" : `subscription \`${first.doc.name}\``} on API \`${s.api}\``,
          hint: "each key belongs to one subscription: give this one its own secret key or variable",
          related: [{ message: "the same reference", pointer: first.pointer, doc: first.doc }],
        });
      }
    }
  },
});
