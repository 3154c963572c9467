import { and, eq } from "drizzle-orm";
import { customers, offers, subscriptions, type Customer, type Offer, type Subscription, type SuspensionReason } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { recordActivity, type ChangeAuthor } from "./activity";
import { netCharged, postCharge } from "./billing";
import { assertCan, type Actor } from "./permissions";
import { proRatedCharge, termCharge, termEndFrom } from "./pricing";
import { assertQuantityInRange, quantityAtRenewal } from "./quantity";
import { cancelOption, dataDeletionDate, isCommercialMarketplace, isWithinRefundWindow, nextRenewalDate } from "./rules";

export interface SubscriptionContext {
  subscription: Subscription;
  offer: Offer;
  customer: Customer;
}

/** A subscription of the actor's partner with its offer and customer; any other id is "not found". */
export function getSubscriptionContext(db: Db, actor: Actor, subscriptionId: string): SubscriptionContext {
  assertCan(actor, "view");
  const row = db
    .select({ subscription: subscriptions, offer: offers, customer: customers })
    .from(subscriptions)
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .where(and(eq(subscriptions.partnerId, actor.partnerId), eq(subscriptions.id, subscriptionId)))
    .get();
  if (!row) throw new DomainError("not_found:subscription");
  return row;
}

/** Writes a change and bumps the version, so forms loaded before it are stale. */
export function updateRow(db: Db, subscription: Subscription, changes: Partial<Subscription>): Subscription {
  return db
    .update(subscriptions)
    .set({ ...changes, version: subscription.version + 1 })
    .where(eq(subscriptions.id, subscription.id))
    .returning()
    .get();
}

function addOnsOf(db: Db, base: Subscription): Subscription[] {
  return db.select().from(subscriptions).where(and(eq(subscriptions.partnerId, base.partnerId), eq(subscriptions.baseSubscriptionId, base.id))).all();
}

/**
 * "When you change the status of a subscription to Suspended, users are not able to sign in or access services."
 * "Suspending the base subscription will also suspend any associated add-ons."
 */
export function suspend(db: Db, by: ChangeAuthor, ctx: SubscriptionContext, reason: SuspensionReason | null, now: Date): Subscription {
  if (ctx.subscription.status !== "active") throw new DomainError("subscription:invalid_transition", { key: "suspendActiveOnly" });
  const deletionAt = dataDeletionDate(now, ctx.customer);
  const apply = (sub: Subscription, withBase: boolean) => {
    const updated = updateRow(db, sub, { status: "suspended", suspendedAt: now, suspensionReason: reason, deletionAt, suspendedWithBase: withBase });
    recordActivity(db, { by, subscription: sub, action: "suspend", at: now, before: { status: sub.status }, after: { status: "suspended", reason, deletionAt: deletionAt.toISOString(), withBase } });
    return updated;
  };
  for (const addOn of addOnsOf(db, ctx.subscription)) if (addOn.status === "active") apply(addOn, true);
  return apply(ctx.subscription, false);
}

/** Reactivate by choosing **Active**: the add-ons suspended with the base come back with it. */
export function reactivate(db: Db, by: ChangeAuthor, ctx: SubscriptionContext, now: Date): Subscription {
  const { subscription } = ctx;
  if (subscription.status !== "suspended") throw new DomainError("subscription:invalid_transition", { key: "reactivateSuspendedOnly" });
  const base = subscription.baseSubscriptionId ? db.select().from(subscriptions).where(eq(subscriptions.id, subscription.baseSubscriptionId)).get() : undefined;
  if (subscription.baseSubscriptionId && base?.status !== "active") {
    throw new DomainError("addon:base_not_active", { key: "reactivateBaseFirst" });
  }
  // A term that ran out while suspended, or a free trial that ended while suspended (it never converted:
  // the lifecycle converts active subscriptions only), gives way to a new paid term starting now, charged
  // once; add-ons align to it. The suspended time is never charged.
  const trialEnded = (sub: Subscription) => sub.trialEndsAt !== null && sub.trialConvertedAt === null && sub.trialEndsAt <= now;
  const needsTerm = subscription.termEnd <= now || trialEnded(subscription);
  if (needsTerm && !subscription.autoRenew) {
    // The lifecycle ends it at that date (Auto-renew off); a reactivation must not start the term it opted out of.
    throw new DomainError("subscription:invalid_transition", { key: "endedAutoRenewOff" });
  }
  const newTerm = needsTerm ? { termStart: now, termEnd: termEndFrom(now, subscription.billingFrequency), billingAnchorAt: now } : null;
  const apply = (sub: Subscription) => {
    if (newTerm && base) return joinBaseTerm(db, by, sub, base, now);
    const converts = newTerm !== null && sub.trialEndsAt !== null && sub.trialConvertedAt === null;
    const changes: Partial<Subscription> = { status: "active", suspendedAt: null, suspensionReason: null, deletionAt: null, suspendedWithBase: false, ...newTerm, ...(converts ? { trialConvertedAt: now } : {}) };
    const updated = updateRow(db, sub, changes);
    if (newTerm) {
      const offer = db.select().from(offers).where(eq(offers.id, sub.offerId)).get()!;
      const charge = converts
        ? { kind: "conversion" as const, description: "conversion_on_reactivation" as const }
        : { kind: "renewal" as const, description: "renewal_on_reactivation" as const };
      postCharge(db, sub, { ...charge, quantity: sub.quantity, amountMinor: termCharge(offer, sub.billingFrequency, sub.quantity), currency: offer.currency, chargeStart: newTerm.termStart, chargeEnd: newTerm.termEnd }, now);
    }
    recordActivity(db, { by, subscription: sub, action: "reactivate", at: now, before: { status: "suspended" }, after: { status: "active", ...(newTerm ? { termStart: now.toISOString(), termEnd: newTerm.termEnd.toISOString() } : {}), ...(converts ? { trial: false } : {}) } });
    return updated;
  };
  const updated = apply(subscription);
  for (const addOn of addOnsOf(db, subscription)) {
    if (addOn.status === "suspended" && addOn.suspendedWithBase) apply(addOn);
  }
  return updated;
}

/**
 * An add-on reactivated on its own after its term ran out: "Start dates for add-ons align to the base
 * subscription", so it joins its base's current term from now, charged pro-rata like a new add-on,
 * and renews with its base (found by the reference model: a term of its own outlived the base's).
 */
function joinBaseTerm(db: Db, by: ChangeAuthor, addOn: Subscription, base: Subscription, now: Date): Subscription {
  const converts = addOn.trialEndsAt !== null && addOn.trialConvertedAt === null;
  const updated = updateRow(db, addOn, { status: "active", suspendedAt: null, suspensionReason: null, deletionAt: null, suspendedWithBase: false, termStart: now, termEnd: base.termEnd, ...(converts ? { trialConvertedAt: now } : {}) });
  const offer = db.select().from(offers).where(eq(offers.id, addOn.offerId)).get()!;
  const full = termCharge(offer, addOn.billingFrequency, addOn.quantity);
  postCharge(db, addOn, { kind: "prorata", description: "prorated_on_reactivation", quantity: addOn.quantity, amountMinor: proRatedCharge(full, { start: base.termStart, end: base.termEnd }, now), currency: offer.currency, chargeStart: now, chargeEnd: base.termEnd }, now);
  recordActivity(db, { by, subscription: addOn, action: "reactivate", at: now, before: { status: "suspended" }, after: { status: "active", termStart: now.toISOString(), termEnd: base.termEnd.toISOString() } });
  return updated;
}

/**
 * Licenses can be added at any time, charged pro-rata to the term end. Removing licenses is refunded
 * within the cancellation window; after it, the lower quantity is scheduled for renewal.
 */
export function changeQuantity(db: Db, by: ChangeAuthor, ctx: SubscriptionContext, quantity: number, now: Date): { subscription: Subscription; scheduled: boolean } {
  const { subscription, offer } = ctx;
  // A request that changes nothing records nothing: asking again for the quantity already scheduled
  // (the form shows it) must not write an activity row or bump the version, which would make other forms stale.
  if (quantity === quantityAtRenewal(subscription)) return { subscription, scheduled: false };
  if (subscription.status !== "active") {
    throw new DomainError("subscription:not_active", { key: "quantityWhileStatus", params: { status: subscription.status } });
  }
  assertQuantityInRange(offer, quantity);
  const before = { quantity: subscription.quantity, scheduledQuantity: subscription.scheduledQuantity };
  const inTrial = !!subscription.trialEndsAt && !subscription.trialConvertedAt;
  const term = { start: subscription.termStart, end: subscription.termEnd };
  const change = quantity - subscription.quantity;
  let updated: Subscription;
  let scheduled = false;
  if (change === 0) {
    // Back to the current quantity: the scheduled decrease is dropped.
    updated = updateRow(db, subscription, { scheduledQuantity: null });
  } else if (change > 0 || inTrial || isWithinRefundWindow(subscription, now)) {
    updated = updateRow(db, subscription, { quantity, scheduledQuantity: null });
    if (!inTrial) {
      const chargeStart = now > term.start ? now : term.start;
      const amount = change > 0
        ? proRatedCharge(termCharge(offer, subscription.billingFrequency, change), term, chargeStart)
        : // Credit what the removed licenses cost for the rest of the term, never more than was charged.
          -Math.min(proRatedCharge(termCharge(offer, subscription.billingFrequency, -change), term, chargeStart), netCharged(db, subscription.id));
      postCharge(db, subscription, { kind: change > 0 ? "prorata" : "quantity_credit", description: change > 0 ? "licenses_added" : "licenses_removed_credit", quantity: Math.abs(change), amountMinor: amount, currency: offer.currency, chargeStart, chargeEnd: term.end }, now);
    }
  } else {
    updated = updateRow(db, subscription, { scheduledQuantity: quantity });
    scheduled = true;
  }
  recordActivity(db, { by, subscription, action: "quantity", at: now, before, after: { quantity: updated.quantity, scheduledQuantity: updated.scheduledQuantity } });
  return { subscription: updated, scheduled };
}

/** "For subscriptions to commercial marketplace products, you can optionally choose not to automatically renew." */
export function setAutoRenew(db: Db, by: ChangeAuthor, ctx: SubscriptionContext, autoRenew: boolean, now: Date): Subscription {
  const { subscription, offer } = ctx;
  if (subscription.autoRenew === autoRenew) return subscription;
  if (!isCommercialMarketplace(offer)) throw new DomainError("autorenew:not_allowed");
  if (subscription.status !== "active") throw new DomainError("subscription:not_active", { key: "autoRenewActiveOnly" });
  const updated = updateRow(db, subscription, { autoRenew });
  recordActivity(db, { by, subscription, action: "auto_renew", at: now, before: { autoRenew: subscription.autoRenew }, after: { autoRenew } });
  return updated;
}

export interface CancelDetails {
  reason: string;
  comment?: string;
}

/** Ends a subscription now, crediting everything charged for it when `refund` is set; add-ons end with it. */
export function endNow(db: Db, by: ChangeAuthor, subscription: Subscription, offer: Offer, how: { action: "cancel" | "deprovision"; refund: boolean; details?: CancelDetails }, now: Date): Subscription {
  for (const addOn of addOnsOf(db, subscription)) {
    if (addOn.status === "active" || addOn.status === "suspended") {
      const addOnOffer = db.select().from(offers).where(eq(offers.id, addOn.offerId)).get()!;
      endNow(db, by, addOn, addOnOffer, how, now);
    }
  }
  const credit = how.refund ? netCharged(db, subscription.id) : 0;
  if (credit > 0) {
    postCharge(db, subscription, { kind: "cancellation_credit", description: "cancellation_credit", quantity: subscription.quantity, amountMinor: -credit, currency: offer.currency, chargeStart: subscription.termStart, chargeEnd: subscription.termEnd }, now);
  }
  const updated = updateRow(db, subscription, { status: "cancelled", endedAt: now, cancellationReason: how.details?.reason ?? subscription.cancellationReason, cancellationComment: how.details?.comment ?? subscription.cancellationComment });
  recordActivity(db, { by, subscription, action: how.action, at: now, before: { status: subscription.status }, after: { status: "cancelled", creditMinor: credit } });
  return updated;
}

/** **Cancel** then **Yes, cancel**: refunded in the window, otherwise scheduled for renewal; usage-based ISV services are de-provisioned. */
export function cancel(db: Db, by: ChangeAuthor, ctx: SubscriptionContext, details: CancelDetails, now: Date): { subscription: Subscription; outcome: "cancelled" | "scheduled" | "deprovisioned" } {
  const option = cancelOption(ctx.subscription, ctx.offer, now);
  switch (option.kind) {
    case "none":
      throw new DomainError("subscription:not_cancellable", option.why);
    case "refund":
      return { subscription: endNow(db, by, ctx.subscription, ctx.offer, { action: "cancel", refund: true, details }, now), outcome: "cancelled" };
    case "deprovision":
      return { subscription: endNow(db, by, ctx.subscription, ctx.offer, { action: "deprovision", refund: false, details }, now), outcome: "deprovisioned" };
    case "scheduled": {
      const effectiveAt = nextRenewalDate(ctx.subscription);
      const updated = updateRow(db, ctx.subscription, { cancellationScheduledAt: effectiveAt, cancellationReason: details.reason, cancellationComment: details.comment ?? null });
      recordActivity(db, { by, subscription: ctx.subscription, action: "cancel_scheduled", at: now, before: { cancellationScheduledAt: null }, after: { cancellationScheduledAt: effectiveAt.toISOString(), reason: details.reason } });
      return { subscription: updated, outcome: "scheduled" };
    }
  }
}
