// Test consumers for plan security: subscriptions and resources as literal data, handed to the
// plans of a compiled bundle the way the gateway hands them (SecurityContext.subscriptions and
// .resource). Until the compiler links GKO Subscription resources, this is how the security tests
// give a plan its subscribers; the gateway, the connectors and every server stay real.
import type {
  GatewayBundle,
  PlanSubscriptions,
  ResourceInfo,
  SubscriptionInfo,
} from "../../runtime/contract.ts";

export interface TestSubscription extends SubscriptionInfo {
  /** The API the subscription is to (`metadata.name`). */
  readonly api: string;
  /** MTLS: SHA-256 thumbprints (lower-case hex) of the application's client certificates. */
  readonly certificates?: readonly string[];
}

export interface TestConsumers {
  subscriptions: readonly TestSubscription[];
  resources?: Readonly<Record<string, readonly ResourceInfo[]>>;
}

/**
 * The subscriptions of one plan as a lookup structure (what the gateway builds from resources),
 * keeping the contract: only subscriptions valid now (before their `endingAt`) are found.
 */
export function planSubscriptions(list: readonly TestSubscription[]): PlanSubscriptions {
  const valid = (s: TestSubscription | undefined) =>
    s !== undefined && (s.endingAt === undefined || Date.now() < s.endingAt) ? s : undefined;
  return {
    byApiKey: () => undefined,
    byApiKeyDigest: () => undefined,
    byClientId: (clientId) => valid(list.find((s) => s.application.clientId === clientId)),
    byCertificate: (thumbprint) => valid(list.find((s) => s.certificates?.includes(thumbprint))),
  };
}

/** The bundle with each plan given its subscriptions and its API's resources. */
export function withConsumers(consumers: TestConsumers): (bundle: GatewayBundle) => GatewayBundle {
  return (bundle) => ({
    ...bundle,
    apis: bundle.apis.map((api) => ({
      ...api,
      plans: api.plans.map((plan) => {
        const security = plan.security;
        if (!security) return plan;
        const mine = consumers.subscriptions.filter((s) => s.api === api.id && s.plan === plan.id);
        const resources = consumers.resources?.[api.id] ?? [];
        return {
          ...plan,
          security: {
            create: (ctx) =>
              security.create({
                ...ctx,
                subscriptions: planSubscriptions(mine),
                resource: (name) => resources.find((r) => r.name === name),
              }),
          },
        };
      }),
    })),
  });
}

/** A subscription of application `app` (client id `clientId`) to `api`'s plan `plan`. */
export function subscription(
  api: string,
  plan: string,
  app: string,
  more: { clientId?: string; certificates?: string[]; endingAt?: number } = {},
): TestSubscription {
  return {
    id: `${app}-${api}-${plan}`,
    api,
    plan,
    application: { id: app, name: app, ...(more.clientId ? { clientId: more.clientId } : {}) },
    ...(more.certificates ? { certificates: more.certificates } : {}),
    ...(more.endingAt !== undefined ? { endingAt: more.endingAt } : {}),
  };
}
