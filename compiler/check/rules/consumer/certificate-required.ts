// MTLS plans find the subscription by the client certificate's thumbprint, matched against the
// application's `settings.tls` certificates: without one, the subscription can never be used.
import { certificatesOf, consumerIndex, subscribedApplication, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";

export default defineRepositoryRule({
  code: "consumer/certificate-required",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      if (found?.plan.securityType !== "MTLS") continue;
      const app = subscribedApplication(index, s);
      if (!app || certificatesOf(app).length > 0) continue;
      report(s.doc, {
        pointer: "/spec/application/name",
        message: `plan \`${found.plan.id}\` is MTLS: application \`${s.application}\` needs a client certificate`,
        hint: "add `spec.settings.tls.clientCertificates` to the Application",
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
