// Links each API to the Notification resources its `spec.notificationsRefs` names (GKO's shape;
// the check rule notification/unknown-ref reports a name that matches none). Only the `webhook`
// target does something in Sluice; a `console` Notification is GKO's, for the Gravitee console.
// The webhook block becomes data of the API: its URL and header values stay references (an
// EnvValue, or `{ $secret }` for `[[ secret `name/key` ]]`), so no token reaches generated code.
import { list, obj, str } from "../check/spec-view.ts";
import { isApiDocument, type LoadedDocument } from "../load/load-specs.ts";
import { compare } from "../shared/compare.ts";
import { modelValueAt } from "./build-model.ts";
import { withSecretRefs } from "./consumers.ts";
import type { ApiModel, NotificationModel } from "./model.ts";

export function linkNotifications(apis: ApiModel[], docs: readonly LoadedDocument[]): ApiModel[] {
  const notifications = new Map<string, NotificationModel>();
  const refs = new Map<string, string[]>();
  for (const doc of docs) {
    if (doc.kind === "Notification" && doc.name) {
      const spec = obj(doc.value.spec);
      if (str(spec.target) !== "webhook") continue;
      notifications.set(doc.name, {
        name: doc.name,
        webhook: withSecretRefs(modelValueAt(doc, spec.webhook, "/spec/webhook")),
        at: { ...doc.at, pointer: "/spec/webhook" },
      });
    } else if (isApiDocument(doc) && doc.name) {
      const kind = doc.kind === "ApiDefinition" ? "V2" : "V4";
      const names = list(obj(doc.value.spec).notificationsRefs).flatMap(({ item }) => str(item.name) ?? []);
      if (names.length > 0) refs.set(`${kind}\0${doc.name}`, names);
    }
  }
  if (refs.size === 0) return apis;
  return apis.map((api) => {
    const names = refs.get(`${api.definitionVersion}\0${api.id}`);
    const linked = [...new Set(names ?? [])].sort(compare).flatMap((n) => notifications.get(n) ?? []);
    return linked.length === 0 ? api : { ...api, notifications: linked };
  });
}
