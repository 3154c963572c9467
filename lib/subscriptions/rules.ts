import type { Customer, Offer, Subscription } from "@/db/schema";
import type { Problem } from "@/lib/problems";
import { DAY_MS, HOUR_MS } from "./clock";
import { daysInTerm } from "./pricing";

/**
 * "For ISV offers billed monthly: If you cancel less than 24 hours after you placed the order, you will
 * receive a full credit ... For offers billed annually: If you cancel less than 14 days after you place the order".
 */
export function cancellationWindowEnds(subscription: Pick<Subscription, "orderedAt" | "billingFrequency">): Date {
  const length = subscription.billingFrequency === "annual" ? 14 * DAY_MS : 24 * HOUR_MS;
  return new Date(subscription.orderedAt.getTime() + length);
}

/** "less than 24 hours after": at exactly 24:00:00 the window is closed. */
export function isWithinRefundWindow(subscription: Pick<Subscription, "orderedAt" | "billingFrequency">, now: Date): boolean {
  return now.getTime() < cancellationWindowEnds(subscription).getTime();
}

/**
 * "All data will be deleted unless the subscription is reactivated within 90 days, or 90 days plus the
 * number of days between the time the account was opened and the first billing period (maximum 120 days)."
 */
export function dataRetentionDays(customer: Pick<Customer, "createdAt" | "firstBillingAt">): number {
  const gap = customer.firstBillingAt ? Math.max(0, daysInTerm(customer.createdAt, customer.firstBillingAt)) : 0;
  return Math.min(120, 90 + gap);
}

/** "the date you see below the Suspended button indicates when the subscription would automatically expire" */
export function dataDeletionDate(suspendedAt: Date, customer: Pick<Customer, "createdAt" | "firstBillingAt">): Date {
  return new Date(suspendedAt.getTime() + dataRetentionDays(customer) * DAY_MS);
}

/** Commercial marketplace products are the ISV (partner-published) SaaS offers. */
export function isCommercialMarketplace(offer: Pick<Offer, "publisherKind">): boolean {
  return offer.publisherKind === "partner";
}

export type CancelOption =
  | { kind: "refund"; windowEnds: Date }
  | { kind: "scheduled"; effectiveAt: Date }
  | { kind: "deprovision" }
  | { kind: "none"; why: Problem };

/** When a subscription next renews: the end of its free trial while in one, else its term end. */
export function nextRenewalDate(subscription: Pick<Subscription, "trialEndsAt" | "trialConvertedAt" | "termEnd">): Date {
  return subscription.trialEndsAt && !subscription.trialConvertedAt ? subscription.trialEndsAt : subscription.termEnd;
}

/**
 * What happens at the next renewal date with Auto-renew set to `autoRenew` (the page shows it beside
 * the box as the user ticks it). With Auto-renew off a subscription ends at that date, even while
 * suspended; during a free trial that is the trial's end, with no paid term and no charge. An add-on
 * ends with its base when the base won't renew, whatever its own box says.
 */
export type RenewalOutlook =
  | { kind: "renews"; at: Date }
  | { kind: "trial_converts"; trialEndsAt: Date; renewsAt: Date }
  | { kind: "paused" }
  | { kind: "ends"; at: Date }
  | { kind: "trial_ends"; at: Date }
  | { kind: "ends_with_base"; at: Date };

export function renewalOutlook(
  subscription: Pick<Subscription, "status" | "trialEndsAt" | "trialConvertedAt" | "termEnd">,
  autoRenew: boolean,
  base: Pick<Subscription, "autoRenew" | "cancellationScheduledAt"> | null,
): RenewalOutlook {
  const at = nextRenewalDate(subscription);
  const inTrial = at !== subscription.termEnd;
  if (base && (!base.autoRenew || base.cancellationScheduledAt)) return { kind: "ends_with_base", at };
  if (!autoRenew) return inTrial ? { kind: "trial_ends", at } : { kind: "ends", at };
  if (subscription.status === "suspended") return { kind: "paused" };
  return inTrial ? { kind: "trial_converts", trialEndsAt: at, renewsAt: subscription.termEnd } : { kind: "renews", at };
}

/**
 * What **Cancel** would do now. "You have the option to cancel license-based SaaS subscriptions from
 * third-party ISV publishers"; usage-based ones "can be de-provisioned as a cancellation method".
 */
export function cancelOption(
  subscription: Pick<Subscription, "status" | "orderedAt" | "billingFrequency" | "cancellationScheduledAt" | "trialEndsAt" | "trialConvertedAt" | "termEnd" | "baseSubscriptionId">,
  offer: Pick<Offer, "publisherKind" | "billingType">,
  now: Date,
): CancelOption {
  if (!isCommercialMarketplace(offer)) return { kind: "none", why: { key: "cancelMicrosoftOffer" } };
  if (subscription.status !== "active") return { kind: "none", why: { key: "cancelActiveOnly" } };
  if (subscription.cancellationScheduledAt) return { kind: "none", why: { key: "cancellationAlreadyScheduled" } };
  if (offer.billingType === "usage") return { kind: "deprovision" };
  if (isWithinRefundWindow(subscription, now)) return { kind: "refund", windowEnds: cancellationWindowEnds(subscription) };
  return { kind: "scheduled", effectiveAt: nextRenewalDate(subscription) };
}
