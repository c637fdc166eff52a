// A subscription counts until its `endingAt` (GKO Subscription; docs/contract.md §6: checked on every request,
// so an ended subscription needs no redeploy). Shared by the plans that look subscriptions up.
import type { SubscriptionInfo } from "../contract.ts";

export function activeSubscription(
  subscription: SubscriptionInfo | undefined,
  now: number,
): SubscriptionInfo | undefined {
  if (subscription === undefined) return undefined;
  return subscription.endingAt !== undefined && subscription.endingAt <= now ? undefined : subscription;
}
