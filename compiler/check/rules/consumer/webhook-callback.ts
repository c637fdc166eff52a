// A webhook subscription says where to deliver: `entrypointConfiguration.callbackUrl`, an absolute
// http:// or https:// URL (Gravitee's subscription form requires it, with that pattern). Checked
// here so a typo fails the pull request, not the subscription at run time. A value from the
// environment is checked when the gateway starts (the subscription is `failed` if it is wrong),
// except its default, which is checked here.
import { consumerIndex, subscribedPlan } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { isObj, obj, str } from "../../spec-view.ts";

const POINTER = "/spec/consumerConfiguration/entrypointConfiguration";

export default defineRepositoryRule({
  code: "consumer/webhook-callback",
  severity: "error",
  check(docs, report) {
    const index = consumerIndex(docs);
    for (const s of index.subscriptions) {
      const found = subscribedPlan(index, s);
      const consumer = obj(s.spec.consumerConfiguration);
      if (found?.plan.mode !== "PUSH" || s.spec.consumerConfiguration === undefined) continue;
      if (str(consumer.entrypointId) !== "webhook") continue;
      const configuration = consumer.entrypointConfiguration;
      // Present without callbackUrl: the schema says so (schema/missing-property).
      if (isObj(configuration) && configuration.callbackUrl === undefined) continue;
      if (!isObj(configuration)) {
        report(s.doc, {
          pointer: "/spec/consumerConfiguration",
          key: true,
          message: "a webhook subscription needs `entrypointConfiguration.callbackUrl`: where to deliver",
          hint: "add `callbackUrl: https://partner.example/hooks` (or `${PARTNER_WEBHOOK_URL}`)",
        });
        continue;
      }
      const pointer = `${POINTER}/callbackUrl`;
      const site = s.doc.envSites.find((e) => e.pointer === pointer);
      const first = site?.template.parts[0];
      // `${URL}` is checked at start; `${URL:-default}` by its default (validationValue holds it).
      if (site && !(site.template.whole && first && "env" in first && first.default !== undefined)) continue;
      const url = configuration.callbackUrl;
      if (typeof url === "string" && isHttpUrl(url)) continue;
      report(s.doc, {
        pointer,
        message: `callbackUrl ${JSON.stringify(url)} is not an absolute http:// or https:// URL`,
        hint: "write the receiver's full URL, e.g. `https://partner.example/hooks/orders`",
      });
    }
  },
});

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
