// The gateway's notifications (docs/notifications.md): a timer watches what the admin port already
// knows — each API's readiness and its endpoints' (health checks, broker connections), the webhook
// subscriptions' delivery state, the subscriptions' and API keys' end dates — and turns changes into
// events for the webhook Notifications each API references (`spec.notificationsRefs`). Off the
// request path entirely: a gateway whose APIs reference no Notification starts no timer.
//
// Start-up: an API (an endpoint) seen ready (up) for the first time sends API_READY (nothing for an
// endpoint); one that is not ready when the start-up grace period ends sends API_NOT_READY
// (ENDPOINT_DOWN). After that, every change is sent.
import type {
  Logger,
  NotificationEvent,
  SecretValue,
  SubscriptionDeliveryState,
  WebhookNotificationSettings,
} from "../contract.ts";
import { resolveEnv } from "../env.ts";
import type { Readiness } from "../server/admin.ts";
import type { ApiRuntime } from "../server/api-runtime.ts";
import { type NotificationPayload, payload } from "./events.ts";
import { type TargetState, WebhookTarget, webhookOf } from "./webhook-target.ts";

export interface NotifierOptions {
  apis: readonly ApiRuntime[];
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  readSecret: (ref: SecretValue["$secret"]) => string | undefined;
}

/** What the gateway knows and the notifier watches. */
export interface Watched {
  readiness: () => Readiness[];
  deliveries: () => SubscriptionDeliveryState[];
}

export interface Notifier {
  /** Whether some API references a Notification. */
  readonly enabled: boolean;
  start(watched: Watched): void;
  /** Each Notification's queue and counters (the admin port's /notifications). */
  state(): TargetState[];
  stop(): void;
}

const NONE: Notifier = { enabled: false, start: () => {}, state: () => [], stop: () => {} };

/**
 * Resolves every API's Notifications at start-up (an EnvError names a missing variable, as for
 * every other reference); `start` begins watching.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const { apis, env, log } = options;
  const targets = new Map<string, WebhookTarget>();
  const byApi = new Map<string, WebhookTarget[]>();
  for (const api of apis) {
    for (const n of api.definition.notifications ?? []) {
      let target = targets.get(n.name);
      if (!target) {
        const settings = resolveEnv<WebhookNotificationSettings>(n.webhook, env);
        target = new WebhookTarget(webhookOf(n.name, settings, options.readSecret), log);
        targets.set(n.name, target);
      }
      byApi.set(api.definition.id, [...(byApi.get(api.definition.id) ?? []), target]);
    }
  }
  if (targets.size === 0) return NONE;

  const pollMs = Number(env.SLUICE_NOTIFICATIONS_POLL_MS ?? 1000);
  const graceMs = Number(env.SLUICE_NOTIFICATIONS_GRACE_MS ?? 30_000);
  let started = Date.now();
  const apiState = new Map<string, boolean>();
  const endpointState = new Map<string, boolean>();
  const deliveryFailing = new Map<string, boolean>();
  const expiring = new Set<string>();
  const info = new Map(apis.map((a) => [a.definition.id, a]));

  const send = (apiId: string, event: NotificationEvent, fields: Parameters<typeof payload>[2]): void => {
    const api = info.get(apiId);
    const wanted = byApi.get(apiId)?.filter((t) => t.webhook.events.has(event));
    if (!api || !wanted || wanted.length === 0) return;
    const body: NotificationPayload = payload(
      event,
      { id: apiId, name: api.definition.name, version: api.definition.version },
      fields,
    );
    for (const t of wanted) t.enqueue(body);
  };

  const tick = (watched: Watched): void => {
    const now = Date.now();
    const graceOver = now - started >= graceMs;
    for (const r of watched.readiness()) {
      if (!byApi.has(r.api)) continue;
      const api = info.get(r.api);
      const was = apiState.get(r.api);
      if (r.ready && was !== true) send(r.api, "API_READY", {});
      else if (!r.ready && (was === true || (was === undefined && graceOver)))
        send(r.api, "API_NOT_READY", { notReady: r.notReady.map((e) => e.endpoint) });
      if (r.ready || was !== undefined || graceOver) apiState.set(r.api, r.ready);
      const down = new Map(r.notReady.map((e) => [e.endpoint, e.detail]));
      for (const g of api?.groups ?? [])
        for (const e of g.endpoints) {
          const name = `${g.name}:${e.name}`;
          const key = `${r.api}\0${name}`;
          const up = !down.has(name);
          const before = endpointState.get(key);
          const detail = down.get(name);
          if (!up && (before === true || (before === undefined && graceOver)))
            send(r.api, "ENDPOINT_DOWN", { endpoint: name, ...(detail ? { detail } : {}) });
          else if (up && before === false) send(r.api, "ENDPOINT_UP", { endpoint: name });
          if (up || before !== undefined || graceOver) endpointState.set(key, up);
        }
    }
    for (const d of watched.deliveries()) {
      if (!byApi.has(d.api)) continue;
      const key = `${d.api}\0${d.subscription}`;
      const failing = d.state === "retrying" || d.state === "failed";
      const before = deliveryFailing.get(key) ?? false;
      // Plans are named as the other events name them (the delivery state has the plan's key).
      const plan = info.get(d.api)?.definition.plans.find((p) => p.id === d.plan)?.name ?? d.plan;
      const detail = d.lastFailure?.status
        ? `status ${d.lastFailure.status}`
        : (d.lastFailure?.error ?? d.detail);
      if (failing && !before)
        send(d.api, "WEBHOOK_DELIVERY_FAILING", {
          subscription: d.subscription,
          plan,
          callback: d.callback,
          ...(detail ? { detail } : {}),
        });
      else if (!failing && before && d.state === "running")
        send(d.api, "WEBHOOK_DELIVERY_RECOVERED", {
          subscription: d.subscription,
          plan,
          callback: d.callback,
        });
      deliveryFailing.set(key, failing);
    }
    for (const api of apis) {
      const targetsOf = byApi.get(api.definition.id);
      if (!targetsOf) continue;
      const within = Math.max(...targetsOf.map((t) => t.webhook.expiringWithinMs));
      for (const plan of api.definition.plans)
        for (const s of plan.subscriptions ?? []) {
          const base = { subscription: s.id, application: s.application.name, plan: plan.name };
          const soon = (at: string | undefined) => {
            const t = at === undefined ? Number.NaN : Date.parse(at);
            return t > now && t - now <= within;
          };
          const sKey = `${api.definition.id}\0${s.id}`;
          if (soon(s.endingAt) && !expiring.has(sKey)) {
            expiring.add(sKey);
            send(api.definition.id, "SUBSCRIPTION_EXPIRING", { ...base, endsAt: s.endingAt! });
          }
          (s.apiKeys ?? []).forEach((k, i) => {
            const kKey = `${sKey}\0${i}`;
            if (soon(k.expireAt) && !expiring.has(kKey)) {
              expiring.add(kKey);
              send(api.definition.id, "APIKEY_EXPIRING", { ...base, key: i, endsAt: k.expireAt! });
            }
          });
        }
    }
  };

  let timer: NodeJS.Timeout | undefined;
  return {
    enabled: true,
    start: (watched) => {
      started = Date.now();
      timer = setInterval(() => {
        try {
          tick(watched);
        } catch (error) {
          log.error("notifications: watching failed", {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }, pollMs);
      timer.unref();
      log.info("notifications on", { notifications: [...targets.keys()], pollMs });
    },
    state: () => [...targets.values()].map((t) => t.snapshot()),
    stop: () => {
      if (timer) clearInterval(timer);
      for (const t of targets.values()) t.close();
    },
  };
}
