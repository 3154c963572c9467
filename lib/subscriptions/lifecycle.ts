import { and, asc, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import { appClock, offers, subscriptions, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordActivity } from "./activity";
import { postCharge } from "./billing";
import { endNow, updateRow } from "./manage";
import { termCharge, termEndFrom } from "./pricing";

/** The order the seed's events take effect in when they fall on the same instant. */
const EVENT_ORDER = { cancellation: 0, conversion: 1, term_end: 2, deletion: 3 } as const;
type EventKind = keyof typeof EVENT_ORDER;

interface DueEvent {
  kind: EventKind;
  at: Date;
  subscription: Subscription;
}

/** The next lifecycle event at or before `until`, bases before their add-ons at the same instant. */
function nextDueEvent(db: Db, until: Date): DueEvent | null {
  const active = eq(subscriptions.status, "active");
  const candidates: DueEvent[] = [
    // A scheduled cancellation takes effect on its date even while the subscription is suspended.
    ...db.select().from(subscriptions).where(and(inArray(subscriptions.status, ["active", "suspended"]), lte(subscriptions.cancellationScheduledAt, until))).orderBy(asc(subscriptions.cancellationScheduledAt)).limit(1).all()
      .map((s) => ({ kind: "cancellation" as const, at: s.cancellationScheduledAt!, subscription: s })),
    ...db.select().from(subscriptions).where(and(active, isNull(subscriptions.trialConvertedAt), lte(subscriptions.trialEndsAt, until))).orderBy(asc(subscriptions.trialEndsAt)).limit(1).all()
      .map((s) => ({ kind: "conversion" as const, at: s.trialEndsAt!, subscription: s })),
    ...db.select().from(subscriptions)
      .where(and(active, lte(subscriptions.termEnd, until), or(isNull(subscriptions.trialEndsAt), isNotNull(subscriptions.trialConvertedAt))))
      .orderBy(asc(subscriptions.termEnd), asc(subscriptions.baseSubscriptionId)).limit(1).all()
      .map((s) => ({ kind: "term_end" as const, at: s.termEnd, subscription: s })),
    ...db.select().from(subscriptions).where(and(eq(subscriptions.status, "suspended"), lte(subscriptions.deletionAt, until))).orderBy(asc(subscriptions.deletionAt)).limit(1).all()
      .map((s) => ({ kind: "deletion" as const, at: s.deletionAt!, subscription: s })),
  ];
  candidates.sort((a, b) => a.at.getTime() - b.at.getTime() || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind]);
  return candidates[0] ?? null;
}

function offerOf(db: Db, subscription: Subscription) {
  return db.select().from(offers).where(eq(offers.id, subscription.offerId)).get()!;
}

/**
 * "Once the free trial period ends, the subscription term will begin and the subscription will convert
 * to paid status. The subscription will then auto-renew according to the same schedule."
 */
function convertTrial(db: Db, sub: Subscription, at: Date): void {
  const offer = offerOf(db, sub);
  const updated = updateRow(db, sub, { trialConvertedAt: at });
  postCharge(db, sub, { kind: "conversion", description: `${offer.name}: first paid term after the free trial`, quantity: sub.quantity, amountMinor: termCharge(offer, sub.billingFrequency, sub.quantity), currency: offer.currency, chargeStart: updated.termStart, chargeEnd: updated.termEnd }, at);
  recordActivity(db, { by: "system", subscription: sub, action: "conversion", at, before: { trial: true }, after: { trial: false, termStart: updated.termStart.toISOString(), termEnd: updated.termEnd.toISOString() } });
}

/** At term end: scheduled quantity applies, then the subscription renews (and is charged) or expires. */
function endTerm(db: Db, sub: Subscription, at: Date): void {
  let current = sub;
  if (current.scheduledQuantity !== null) {
    const quantity = current.scheduledQuantity;
    current = updateRow(db, current, { quantity, scheduledQuantity: null });
    recordActivity(db, { by: "system", subscription: sub, action: "quantity", at, before: { quantity: sub.quantity }, after: { quantity } });
  }
  const base = current.baseSubscriptionId ? db.select().from(subscriptions).where(eq(subscriptions.id, current.baseSubscriptionId)).get() : null;
  // An add-on renews with its base: it never outlives it.
  const renews = base ? base.status === "active" && base.termStart.getTime() === at.getTime() : current.autoRenew;
  if (renews) {
    const offer = offerOf(db, current);
    const termEnd = base ? base.termEnd : termEndFrom(at, current.billingFrequency);
    const renewed = updateRow(db, current, { termStart: at, termEnd });
    postCharge(db, current, { kind: "renewal", description: `${offer.name}: renewal`, quantity: current.quantity, amountMinor: termCharge(offer, current.billingFrequency, current.quantity), currency: offer.currency, chargeStart: at, chargeEnd: termEnd }, at);
    recordActivity(db, { by: "system", subscription: sub, action: "renewal", at, before: { termEnd: sub.termEnd.toISOString() }, after: { termStart: at.toISOString(), termEnd: renewed.termEnd.toISOString() } });
    return;
  }
  updateRow(db, current, { status: "expired", endedAt: at });
  recordActivity(db, { by: "system", subscription: sub, action: "expiry", at, before: { status: "active" }, after: { status: "expired" } });
  for (const addOn of db.select().from(subscriptions).where(and(eq(subscriptions.baseSubscriptionId, current.id), eq(subscriptions.status, "active"))).all()) {
    updateRow(db, addOn, { status: "expired", endedAt: at });
    recordActivity(db, { by: "system", subscription: addOn, action: "expiry", at, before: { status: "active" }, after: { status: "expired" } });
  }
}

/** A subscription still suspended at its deletion date is deleted, its data removed; it can't be reactivated. */
function deleteSuspended(db: Db, sub: Subscription, at: Date): void {
  updateRow(db, sub, { status: "deleted", dataRemoved: true, endedAt: at });
  recordActivity(db, { by: "system", subscription: sub, action: "deletion", at, before: { status: "suspended" }, after: { status: "deleted", dataRemoved: true } });
}

function applyEvent(db: Db, event: DueEvent): void {
  const { subscription: sub, at } = event;
  switch (event.kind) {
    case "cancellation":
      endNow(db, "system", sub, offerOf(db, sub), { action: "cancel", refund: false }, at);
      return;
    case "conversion":
      return convertTrial(db, sub, at);
    case "term_end":
      return endTerm(db, sub, at);
    case "deletion":
      return deleteSuspended(db, sub, at);
  }
}

/**
 * Runs every lifecycle event due up to `until`, in time order. Idempotent: events already applied
 * are no longer due, so a second run for the same instant changes nothing.
 */
export function processLifecycle(db: Db, until: Date): number {
  return db.transaction(
    (tx) => {
      let applied = 0;
      for (let event = nextDueEvent(tx, until); event; event = nextDueEvent(tx, until)) {
        applyEvent(tx, event);
        if (++applied > 1_000_000) throw new Error("Lifecycle processing did not converge");
      }
      const clock = tx.select().from(appClock).where(eq(appClock.id, 1)).get();
      if (clock && (!clock.processedUntil || clock.processedUntil < until)) tx.update(appClock).set({ processedUntil: until }).where(eq(appClock.id, 1)).run();
      return applied;
    },
    { behavior: "immediate" },
  );
}

