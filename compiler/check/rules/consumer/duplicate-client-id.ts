// Gravitee finds a JWT/OAUTH2 plan's subscription by client id: two applications with the same
// client id subscribed to one plan make the lookup ambiguous (APIM refuses the second subscription).

import type { LoadedDocument } from "../../../load/load-specs.ts";
import { consumerIndex, subscribedApplication, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { obj, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/duplicate-client-id",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    const seen = new Map<string, { app: string; doc: LoadedDocument }>();
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (!found || (found.plan.securityType !== "JWT" && found.plan.securityType !== "OAUTH2")) continue;
      const clientId = str(obj(obj(subscribedApplication(index, s)?.settings).app).clientId);
      if (!clientId) continue;
      const id = `${found.api.kind}\0${s.api}\0${found.plan.id}\0${clientId}`;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, { app: s.application!, doc: s.doc });
        continue;
      }
      if (first.app === s.application) continue; // the same application twice: consumer/duplicate-subscription
      report(s.doc, {
        pointer: "/spec/application/name",
        message: `applications \`${first.app}\` and \`${s.application}\` share client id \`${clientId}\` on plan \`${found.plan.id}\` of API \`${s.api}\``,
        hint: "give each application its own `settings.app.clientId`",
        related: [{ message: "the other subscription", pointer: "/spec/application/name", doc: first.doc }],
      });
    }
  },
});
