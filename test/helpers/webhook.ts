// Test helper: the GKO resources that declare webhook subscriptions — an Application and one
// Subscription per webhook subscription, to a PUSH plan, with `consumerConfiguration` — so tests
// compile them like a team's repository does instead of changing the compiled bundle.
import type { WebhookSubscription } from "../../runtime/entrypoints/webhook/types.ts";

/** `configuration` with `$secret` values written back as GKO's `[[ secret `name/key` ]]` text. */
function asWritten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asWritten);
  if (value === null || typeof value !== "object") return value;
  const secret = (value as { $secret?: { name: string; key: string } }).$secret;
  if (secret) return `[[ secret \`${secret.name}/${secret.key}\` ]]`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v)]));
}

/**
 * YAML documents (JSON is YAML) for `subscriptions` to API `api`: one Subscription each, named by
 * the subscription's id, of the Application `application` — by default one Application per
 * subscription (`<id>-app`: an application subscribes to a PUSH plan once per channel).
 */
export function webhookSubscriptions(
  api: string,
  subscriptions: ReadonlyArray<Omit<WebhookSubscription, "application">>,
  application?: string,
): string {
  const appOf = (s: { id: string }) => application ?? `${s.id}-app`;
  const docs = [
    ...[...new Set(subscriptions.map(appOf))].map((name) => ({
      apiVersion: "gravitee.io/v1alpha1",
      kind: "Application",
      metadata: { name },
      spec: { name, settings: { app: { type: "backend" } } },
    })),
    ...subscriptions.map((s) => ({
      apiVersion: "gravitee.io/v1alpha1",
      kind: "Subscription",
      metadata: { name: s.id },
      spec: {
        api: { name: api },
        application: { name: appOf(s) },
        plan: s.plan,
        consumerConfiguration: {
          entrypointId: "webhook",
          ...(s.channel !== undefined ? { channel: s.channel } : {}),
          entrypointConfiguration: asWritten({
            ...s.configuration,
            ...(s.signingSecret !== undefined ? { signingSecret: s.signingSecret } : {}),
          }),
        },
      },
    })),
  ];
  return docs.map((d) => JSON.stringify(d, null, 2)).join("\n---\n");
}
