// MTLS plans find the subscription by the certificate's thumbprint: one certificate held by two
// applications subscribed to the same plan makes the lookup ambiguous (APIM refuses it).

import type { LoadedDocument } from "../../../load/load-specs.ts";
import { certificatesOf, consumerIndex, subscribedApplication, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/duplicate-certificate",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    const seen = new Map<string, { app: string; doc: LoadedDocument }>();
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (found?.plan.securityType !== "MTLS") continue;
      const app = subscribedApplication(index, s);
      if (!app) continue;
      for (const cert of certificatesOf(app)) {
        const id = `${found.api.kind}\0${s.api}\0${found.plan.id}\0${normalise(cert.text)}`;
        const first = seen.get(id);
        if (!first) {
          seen.set(id, { app: s.application!, doc: s.doc });
          continue;
        }
        if (first.app === s.application) continue;
        report(s.doc, {
          pointer: "/spec/application/name",
          message: `applications \`${first.app}\` and \`${s.application}\` hold the same client certificate on plan \`${found.plan.id}\` of API \`${s.api}\``,
          hint: "give each application its own certificate",
          related: [
            {
              message: "the certificate",
              pointer: cert.pointer,
              doc: index.applications.get(s.application!)!,
            },
            { message: "the other subscription", pointer: "/spec/application/name", doc: first.doc },
          ],
        });
      }
    }
  },
});

/** PEM text compared without its line breaks and surrounding space. */
function normalise(text: string): string {
  return text.replace(/\s+/g, "");
}
