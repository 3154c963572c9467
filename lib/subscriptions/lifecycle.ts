import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { offers, partnerClocks, partners, subscriptions, type Subscription } from "@/db/schema";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { recordActivity } from "./activity";
import { postCharge } from "./billing";
import { endNow, updateRow } from "./manage";
import { billingAnchor, nextTermEnd, termCharge } from "./pricing";

/** The order the seed's events take effect in when they fall on the same instant. */
const EVENT_ORDER = { cancellation: 0, conversion: 1, term_end: 2, deletion: 3 } as const;
type EventKind = keyof typeof EVENT_ORDER;

interface DueEvent {
  kind: EventKind;
  at: Date;
  subscription: Subscription;
}

const partnerParam = sql.placeholder("partnerId");
const untilParam = sql.placeholder("until");

/** A kind of event's subscriptions due by `until`, in the partial indexes' own terms so SQLite can use them. */
function dueCondition(where: (partner: SQL) => SQL | undefined, at: SQLiteColumn) {
  return and(where(eq(subscriptions.partnerId, partnerParam)), lte(at, untilParam));
}

/**
 * The first subscription of one kind of event due by `until`, as a query prepared once per
 * connection (building its SQL each time cost ten times what running it did): one LIMIT 1 seek.
 */
function dueLookup(where: (partner: SQL) => SQL | undefined, at: SQLiteColumn) {
  return preparedQuery((db) => db.select().from(subscriptions).where(dueCondition(where, at)).orderBy(asc(at), asc(subscriptions.baseSubscriptionId)).limit(1).prepare());
}

const active = eq(subscriptions.status, "active");
// Auto-renew off ends a subscription at its renewal date even while it is suspended, like a scheduled
// cancellation: a reactivation later must not start (and charge) the term the customer opted out of.
const lapsing = and(eq(subscriptions.status, "suspended"), eq(subscriptions.autoRenew, false));
const inTrial = sql`trial_converted_at is null and trial_ends_at is not null`;
const pastTrial = or(isNull(subscriptions.trialEndsAt), isNotNull(subscriptions.trialConvertedAt));

const DUE_EVENTS: { kind: EventKind; at: (s: Subscription) => Date; where: (partner: SQL) => SQL | undefined; column: SQLiteColumn }[] = [
  // A scheduled cancellation takes effect on its date even while the subscription is suspended.
  { kind: "cancellation", at: (s) => s.cancellationScheduledAt!, where: (p) => and(p, sql`cancellation_scheduled_at is not null and status in ('active', 'suspended')`), column: subscriptions.cancellationScheduledAt },
  { kind: "conversion", at: (s) => s.trialEndsAt!, where: (p) => and(p, active, inTrial), column: subscriptions.trialEndsAt },
  { kind: "conversion", at: (s) => s.trialEndsAt!, where: (p) => and(p, lapsing, inTrial), column: subscriptions.trialEndsAt },
  { kind: "term_end", at: (s) => s.termEnd, where: (p) => and(p, active, pastTrial), column: subscriptions.termEnd },
  { kind: "term_end", at: (s) => s.termEnd, where: (p) => and(p, lapsing, pastTrial), column: subscriptions.termEnd },
  { kind: "deletion", at: (s) => s.deletionAt!, where: (p) => and(p, eq(subscriptions.status, "suspended"), sql`deletion_at is not null`), column: subscriptions.deletionAt },
];

const DUE_LOOKUPS = DUE_EVENTS.map((e) => ({ ...e, lookup: dueLookup(e.where, e.column) }));

/**
 * Whether a Demo clock move is unfinished or any event is due, as one statement: every signed-in
 * request asks, and the seven lookups as drizzle queries cost 150 µs where their index seeks cost
 * ten. Each EXISTS stops at its index's first entry.
 */
const anyDue = preparedQuery((db) =>
  db
    .select({ due: sql<number>`${partnerClocks.moveTo} is not null or ${sql.join(DUE_EVENTS.map((e) => sql`exists (select 1 from ${subscriptions} where ${dueCondition(e.where, e.column)})`), sql` or `)}` })
    .from(partners)
    .leftJoin(partnerClocks, eq(partnerClocks.partnerId, partners.id))
    .where(eq(partners.id, partnerParam))
    .prepare(),
);

/** The next lifecycle event of one partner at or before `until`, bases before their add-ons at the same instant. */
function nextDueEvent(db: Db, partnerId: string, until: Date): DueEvent | null {
  const candidates = DUE_LOOKUPS.flatMap(({ kind, at, lookup }) => lookup(db).all({ partnerId, until: until.getTime() }).map((s) => ({ kind, at: at(s), subscription: s })));
  // Same instant: by kind, then bases (no base id) before their add-ons.
  candidates.sort((a, b) => a.at.getTime() - b.at.getTime() || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind] || Number(a.subscription.baseSubscriptionId !== null) - Number(b.subscription.baseSubscriptionId !== null));
  return candidates[0] ?? null;
}

/**
 * Whether this partner has lifecycle work by `until`: a Demo clock move not yet finished, or an event
 * due. Read-only, one statement of index seeks, so every request can ask before it opens a write.
 */
export function isLifecycleDue(db: Db, partnerId: string, until: Date): boolean {
  return Boolean(anyDue(db).get({ partnerId, until: until.getTime() })?.due);
}

function offerOf(db: Db, subscription: Subscription) {
  return db.select().from(offers).where(eq(offers.id, subscription.offerId)).get()!;
}

/**
 * "Once the free trial period ends, the subscription term will begin and the subscription will convert
 * to paid status. The subscription will then auto-renew according to the same schedule."
 * With Auto-renew off the trial is the whole subscription: it ends at the trial's end and no paid term
 * starts ("the reason to turn it off during a trial is to avoid the charge", issue 10).
 */
function convertTrial(db: Db, sub: Subscription, at: Date): void {
  if (!sub.autoRenew) return expire(db, sub, at);
  const offer = offerOf(db, sub);
  const updated = updateRow(db, sub, { trialConvertedAt: at });
  postCharge(db, sub, { kind: "conversion", description: "conversion", quantity: sub.quantity, amountMinor: termCharge(offer, sub.billingFrequency, sub.quantity), currency: offer.currency, chargeStart: updated.termStart, chargeEnd: updated.termEnd }, at);
  recordActivity(db, { by: "system", subscription: sub, action: "conversion", at, before: { trial: true }, after: { trial: false, termStart: updated.termStart.toISOString(), termEnd: updated.termEnd.toISOString() } });
}

/**
 * At term end: scheduled quantity applies, then the subscription renews (and is charged) or expires.
 * An add-on renews only with its base (it never outlives it) and only while its own Auto-renew is on:
 * an ISV add-on may opt out and then ends at its term end while the base renews (docs/decisions/0006).
 */
function endTerm(db: Db, sub: Subscription, at: Date): void {
  let current = sub;
  if (current.scheduledQuantity !== null) {
    const quantity = current.scheduledQuantity;
    current = updateRow(db, current, { quantity, scheduledQuantity: null });
    recordActivity(db, { by: "system", subscription: sub, action: "quantity", at, before: { quantity: sub.quantity }, after: { quantity } });
  }
  const base = current.baseSubscriptionId ? db.select().from(subscriptions).where(eq(subscriptions.id, current.baseSubscriptionId)).get() : null;
  const baseRenewed = !base || (base.status === "active" && base.termStart.getTime() === at.getTime());
  if (current.status === "active" && current.autoRenew && baseRenewed) {
    const offer = offerOf(db, current);
    const termEnd = base ? base.termEnd : nextTermEnd(billingAnchor(current), at, current.billingFrequency);
    // Storing the anchor on the first renewal keeps it once the term start moves on.
    const renewed = updateRow(db, current, { termStart: at, termEnd, billingAnchorAt: billingAnchor(current) });
    postCharge(db, current, { kind: "renewal", description: "renewal", quantity: current.quantity, amountMinor: termCharge(offer, current.billingFrequency, current.quantity), currency: offer.currency, chargeStart: at, chargeEnd: termEnd }, at);
    recordActivity(db, { by: "system", subscription: sub, action: "renewal", at, before: { termEnd: sub.termEnd.toISOString() }, after: { termStart: at.toISOString(), termEnd: renewed.termEnd.toISOString() } });
    return;
  }
  expire(db, current, at);
}

/** Ends a subscription at `at` without a charge; its add-ons (active or suspended) end with it. */
function expire(db: Db, sub: Subscription, at: Date): void {
  updateRow(db, sub, { status: "expired", endedAt: at });
  recordActivity(db, { by: "system", subscription: sub, action: "expiry", at, before: { status: sub.status }, after: { status: "expired" } });
  for (const addOn of db.select().from(subscriptions).where(and(eq(subscriptions.baseSubscriptionId, sub.id), inArray(subscriptions.status, ["active", "suspended"]))).all()) {
    expire(db, addOn, at);
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

/** A long move is processed in transactions of at most this many events, so other requests get through. */
export const LIFECYCLE_BATCH_SIZE = 200;

export interface LifecycleBatch {
  applied: number;
  /** True when nothing of this partner is due by `until` any more. */
  done: boolean;
}

/**
 * Applies up to `maxEvents` of one partner's events due by `until`, in time order, in one write
 * transaction, and records how far it got in the same transaction: after a crash the clock's
 * processed instant and the data agree. Idempotent: applied events are no longer due.
 */
export function processLifecycleBatch(db: Db, partnerId: string, until: Date, maxEvents = LIFECYCLE_BATCH_SIZE): LifecycleBatch {
  return db.transaction(
    (tx) => {
      let applied = 0;
      let event = nextDueEvent(tx, partnerId, until);
      let reached = until;
      while (event && applied < maxEvents) {
        applyEvent(tx, event);
        applied++;
        reached = event.at;
        event = nextDueEvent(tx, partnerId, until);
      }
      const done = event === null;
      recordProcessed(tx, partnerId, done ? until : reached, done);
      return { applied, done };
    },
    { behavior: "immediate" },
  );
}

/** Moves the partner's processed instant forward (never back); a finished move clears its interval. */
function recordProcessed(db: Db, partnerId: string, reached: Date, done: boolean): void {
  const row = db.select().from(partnerClocks).where(eq(partnerClocks.partnerId, partnerId)).get();
  const processedUntil = row?.processedUntil && row.processedUntil > reached ? row.processedUntil : reached;
  const moveFinished = done && row?.moveTo && row.moveTo <= reached;
  const changes = { processedUntil, ...(moveFinished ? { moveFrom: null, moveTo: null } : {}) };
  db.insert(partnerClocks).values({ partnerId, ...changes }).onConflictDoUpdate({ target: partnerClocks.partnerId, set: changes }).run();
}

/**
 * Every partner: each has a clock and a lifecycle of its own. Not the sandbox templates: they stay as
 * seeded, so each sandbox copied from one starts from the same data (lib/sandboxes).
 */
export function partnerIds(db: Db): string[] {
  return db.select({ id: partners.id }).from(partners).where(isNull(partners.template)).all().map((p) => p.id);
}

/**
 * Runs every lifecycle event due up to `until`, for one partner or all of them, to the end.
 * For tests, the seed and small catch-ups; the server uses batches (see lib/server/lifecycle-runner).
 */
export function processLifecycle(db: Db, until: Date, partnerId?: string): number {
  let applied = 0;
  for (const id of partnerId ? [partnerId] : partnerIds(db)) {
    for (let batch = processLifecycleBatch(db, id, until); ; batch = processLifecycleBatch(db, id, until)) {
      applied += batch.applied;
      if (batch.done) break;
    }
  }
  return applied;
}
