// JWT and OAUTH2 plans find the subscription by the token's client id, matched against the
// application's `settings.app.clientId` (Gravitee refuses such a subscription without one).
import { consumerIndex, subscribedApplication, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { obj, str } from "../../spec-view.ts";

export default defineRepositoryRule({
  code: "consumer/client-id-required",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (!found || (found.plan.securityType !== "JWT" && found.plan.securityType !== "OAUTH2")) continue;
      const app = subscribedApplication(index, s);
      if (!app || str(obj(obj(app.settings).app).clientId)) continue;
      report(s.doc, {
        pointer: "/spec/application/name",
        message: `plan \`${found.plan.id}\` is ${found.plan.securityType}: application \`${s.application}\` needs \`settings.app.clientId\``,
        hint: "set `spec.settings.app.clientId` on the Application to the client id its tokens carry",
        related: [
          {
            message: "the application",
            pointer: "/spec/settings",
            doc: index.applications.get(s.application!)!,
          },
        ],
      });
    }
  },
});
