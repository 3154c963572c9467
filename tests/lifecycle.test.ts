import { describe, expect, it } from "vitest";
import { cancelSubscription, DAY_MS, termEndFrom } from "@/lib/subscriptions";
import { processLifecycle } from "@/lib/subscriptions/system";
import { activityOf, actorFor, buySubscription, clockAt, comparableRows, expectRefused, freshDb, ledgerOf, SEED_NOW, stored, submitChanges, suspendSubscription, tableSnapshot } from "./helpers";

const CUSTOMER = "tailwind-traders";
const SECOND = 1000;
const before = (d: Date, ms = SECOND) => new Date(d.getTime() - ms);

function setup() {
  const { db } = freshDb();
  return { db, admin: actorFor(db, "contoso-global-admin"), clock: clockAt() };
}

describe("free trial", () => {
  // "Once the free trial period ends, the subscription term will begin and the subscription will convert to paid status."
  it("converts exactly at the trial end, charging the first paid term", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 10 });
    const trialEndsAt = sub.trialEndsAt!;
    expect(trialEndsAt).toEqual(new Date(SEED_NOW.getTime() + 30 * DAY_MS));
    expect(ledgerOf(db, sub.id)).toEqual([]);

    processLifecycle(db, before(trialEndsAt));
    expect(stored(db, sub.id).trialConvertedAt).toBeNull();
    expect(ledgerOf(db, sub.id)).toEqual([]);

    processLifecycle(db, trialEndsAt);
    const converted = stored(db, sub.id);
    expect(converted).toMatchObject({ status: "active", trialConvertedAt: trialEndsAt, termStart: trialEndsAt, termEnd: termEndFrom(trialEndsAt, "monthly") });
    expect(ledgerOf(db, sub.id)).toEqual([
      expect.objectContaining({ kind: "conversion", amountMinor: 10 * 1200, quantity: 10, chargeStart: trialEndsAt, chargeEnd: converted.termEnd, postedAt: trialEndsAt }),
    ]);
    expect(activityOf(db, sub.id).at(-1)).toMatchObject({ action: "conversion", actorUserId: null, actorName: "system", actorRole: null, at: trialEndsAt });
  });

  it("then renews on the same schedule", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 2 });
    const firstTermEnd = termEndFrom(sub.trialEndsAt!, "monthly");
    processLifecycle(db, firstTermEnd);
    expect(ledgerOf(db, sub.id).map((l) => [l.kind, l.amountMinor, l.chargeStart])).toEqual([
      ["conversion", 2400, sub.trialEndsAt],
      ["renewal", 2400, firstTermEnd],
    ]);
  });
});

describe("renewal", () => {
  it("renews at the term end, not a second before, and charges the new term", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 3 });
    expect(sub.termEnd).toEqual(new Date("2026-04-02T09:00:00.000Z"));
    processLifecycle(db, before(sub.termEnd));
    expect(stored(db, sub.id).termEnd).toEqual(sub.termEnd);

    processLifecycle(db, sub.termEnd);
    expect(stored(db, sub.id)).toMatchObject({ status: "active", termStart: sub.termEnd, termEnd: new Date("2026-05-02T09:00:00.000Z") });
    expect(ledgerOf(db, sub.id).map((l) => [l.kind, l.amountMinor])).toEqual([["purchase", 3600], ["renewal", 3600]]);
    expect(activityOf(db, sub.id).map((a) => a.action)).toEqual(["purchase", "renewal"]);
  });

  it("catches up every renewal crossed in one run", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 1 });
    processLifecycle(db, new Date("2026-06-10T00:00:00.000Z"));
    const renewals = ledgerOf(db, sub.id).filter((l) => l.kind === "renewal").map((l) => l.chargeStart.toISOString());
    expect(renewals).toEqual(["2026-04-02T09:00:00.000Z", "2026-05-02T09:00:00.000Z", "2026-06-02T09:00:00.000Z"]);
    expect(stored(db, sub.id).termEnd).toEqual(new Date("2026-07-02T09:00:00.000Z"));
  });

  it("gives the same result in one run as in many", () => {
    const a = setup();
    const b = setup();
    for (const { db, admin, clock } of [a, b]) {
      buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 4 });
    }
    const end = new Date(SEED_NOW.getTime() + 400 * DAY_MS);
    processLifecycle(a.db, end);
    for (let t = SEED_NOW.getTime(); t <= end.getTime(); t += 7 * DAY_MS) processLifecycle(b.db, new Date(t));
    processLifecycle(b.db, end);
    const tables = ["subscriptions", "ledger_entries", "activity_log"];
    expect(comparableRows(b.db, tables)).toEqual(comparableRows(a.db, tables));
  });
});

describe("auto-renew off", () => {
  it("expires the subscription at its term end, uncharged", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    clock.advance(2 * DAY_MS);
    const notices = submitChanges(db, actorFor(db, "contoso-billing-admin"), clock, sub.id, { autoRenew: false });
    expect(notices).toEqual([{ code: "auto_renew_off", params: { date: "2026-04-02T09:00:00.000Z" } }]);
    processLifecycle(db, before(sub.termEnd));
    expect(stored(db, sub.id).status).toBe("active");
    processLifecycle(db, sub.termEnd);
    expect(stored(db, sub.id)).toMatchObject({ status: "expired", endedAt: sub.termEnd, termEnd: sub.termEnd });
    expect(ledgerOf(db, sub.id).map((l) => l.kind)).toEqual(["purchase"]);
    expect(activityOf(db, sub.id).map((a) => a.action)).toEqual(["purchase", "auto_renew", "expiry"]);
  });

  // Issue 10, item 6: "the reason to turn it off during a trial is to avoid the charge".
  it("during a free trial ends the subscription at the trial's end with no paid term, as the confirmation says", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 2 });
    clock.advance(2 * DAY_MS);
    expect(submitChanges(db, admin, clock, sub.id, { autoRenew: false })).toEqual([{ code: "auto_renew_off", params: { date: "2026-04-01T09:00:00.000Z" } }]);
    processLifecycle(db, new Date("2026-06-01T00:00:00.000Z"));
    expect(stored(db, sub.id)).toMatchObject({ status: "expired", endedAt: new Date("2026-04-01T09:00:00.000Z"), trialConvertedAt: null });
    expect(ledgerOf(db, sub.id)).toEqual([]);
  });

  it("can't be chosen for Microsoft offers", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1" });
    expectRefused(db, "autorenew:not_allowed", () => submitChanges(db, admin, clock, sub.id, { autoRenew: false }));
  });
});

describe("scheduled changes", () => {
  it("a cancellation scheduled after the refund window takes effect at renewal", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    clock.advance(2 * DAY_MS);
    const billing = actorFor(db, "contoso-billing-admin");
    const { outcome, subscription } = cancelSubscription(db, billing, clock, { subscriptionId: sub.id, version: sub.version, reason: "Customer request", comment: "Moving to another CRM" });
    expect(outcome).toBe("scheduled");
    expect(subscription).toMatchObject({ status: "active", cancellationScheduledAt: sub.termEnd, cancellationReason: "Customer request", cancellationComment: "Moving to another CRM" });

    processLifecycle(db, before(sub.termEnd));
    expect(stored(db, sub.id).status).toBe("active");
    processLifecycle(db, sub.termEnd);
    expect(stored(db, sub.id)).toMatchObject({ status: "cancelled", endedAt: sub.termEnd, termEnd: sub.termEnd });
    // Neither renewed nor credited.
    expect(ledgerOf(db, sub.id).map((l) => l.kind)).toEqual(["purchase"]);
    expect(activityOf(db, sub.id).map((a) => [a.action, a.actorName])).toEqual([["purchase", admin.name], ["cancel_scheduled", billing.name], ["cancel", "system"]]);
  });

  it("a trial cancelled after the refund window ends at the trial end, never charged", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 3 });
    clock.advance(3 * DAY_MS);
    expect(cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "Not needed" }).subscription.cancellationScheduledAt).toEqual(sub.trialEndsAt);
    processLifecycle(db, sub.trialEndsAt!);
    expect(stored(db, sub.id)).toMatchObject({ status: "cancelled", endedAt: sub.trialEndsAt, trialConvertedAt: null });
    expect(ledgerOf(db, sub.id)).toEqual([]);
  });

  it("a quantity decrease after the refund window applies at renewal, and renewal charges the new quantity", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    clock.advance(2 * DAY_MS);
    expect(submitChanges(db, admin, clock, sub.id, { quantity: 4 })).toEqual([{ code: "quantity_scheduled", params: { quantity: 4, date: "2026-04-02T09:00:00.000Z" } }]);
    expect(stored(db, sub.id)).toMatchObject({ quantity: 10, scheduledQuantity: 4 });
    expect(ledgerOf(db, sub.id).map((l) => l.kind)).toEqual(["purchase"]);

    processLifecycle(db, before(sub.termEnd));
    expect(stored(db, sub.id)).toMatchObject({ quantity: 10, scheduledQuantity: 4 });
    processLifecycle(db, sub.termEnd);
    expect(stored(db, sub.id)).toMatchObject({ quantity: 4, scheduledQuantity: null, termStart: sub.termEnd });
    expect(ledgerOf(db, sub.id).map((l) => [l.kind, l.quantity, l.amountMinor])).toEqual([["purchase", 10, 12000], ["renewal", 4, 4800]]);
    expect(activityOf(db, sub.id).map((a) => [a.action, a.actorName])).toEqual([["purchase", admin.name], ["quantity", admin.name], ["quantity", "system"], ["renewal", "system"]]);
  });

  it("asking again for the current quantity drops a scheduled decrease", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    clock.advance(2 * DAY_MS);
    submitChanges(db, admin, clock, sub.id, { quantity: 4 });
    submitChanges(db, admin, clock, sub.id, { quantity: 10 });
    expect(stored(db, sub.id)).toMatchObject({ quantity: 10, scheduledQuantity: null });
    processLifecycle(db, sub.termEnd);
    expect(stored(db, sub.id).quantity).toBe(10);
  });
});

describe("suspension and deletion", () => {
  it("deletes a suspended subscription at its deletion date, not a second before; it can't be reactivated", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2 });
    clock.advance(DAY_MS);
    const suspended = suspendSubscription(db, actorFor(db, "contoso-helpdesk-agent"), clock, sub.id, "nonpayment");
    // Tailwind Traders is not billed yet: 90 days.
    expect(suspended).toMatchObject({ status: "suspended", suspensionReason: "nonpayment", suspendedAt: clock.now(), deletionAt: new Date(clock.now().getTime() + 90 * DAY_MS) });

    processLifecycle(db, before(suspended.deletionAt!));
    // A suspended subscription doesn't renew meanwhile.
    expect(stored(db, sub.id)).toMatchObject({ status: "suspended", termEnd: sub.termEnd, dataRemoved: false });
    expect(ledgerOf(db, sub.id).map((l) => l.kind)).toEqual(["purchase"]);

    processLifecycle(db, suspended.deletionAt!);
    expect(stored(db, sub.id)).toMatchObject({ status: "deleted", dataRemoved: true, endedAt: suspended.deletionAt });
    expect(activityOf(db, sub.id).at(-1)).toMatchObject({ action: "deletion", actorName: "system" });

    clock.set(new Date(suspended.deletionAt!.getTime() + SECOND));
    expectRefused(db, "subscription:invalid_transition", () => submitChanges(db, admin, clock, sub.id, { status: "active" }));
  });

  it("keeps data 90 days plus the gap to the first billing, at most 120", () => {
    const { db, admin, clock } = setup();
    // Fabrikam (gap 20 days) was suspended by the seed 10 days ago.
    const fabrikamE3 = db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = 'fabrikam' AND offer_id = 'office-365-e3'").pluck().get() as string;
    expect(stored(db, fabrikamE3)).toMatchObject({ status: "suspended", suspendedAt: new Date(SEED_NOW.getTime() - 10 * DAY_MS), deletionAt: new Date(SEED_NOW.getTime() + 100 * DAY_MS) });
    // Coho Winery's gap is 45 days: capped at 120.
    const coho = buySubscription(db, admin, clock, { customerId: "coho-winery", offerId: "office-365-e1" });
    expect(suspendSubscription(db, admin, clock, coho.id).deletionAt).toEqual(new Date(SEED_NOW.getTime() + 120 * DAY_MS));
  });
});

describe("processLifecycle", () => {
  it("changes nothing when run twice for the same instant", () => {
    const { db } = setup();
    const until = new Date(SEED_NOW.getTime() + 200 * DAY_MS);
    expect(processLifecycle(db, until)).toBeGreaterThan(0);
    const once = tableSnapshot(db);
    expect(processLifecycle(db, until)).toBe(0);
    expect(tableSnapshot(db)).toEqual(once);
    // Nor for an earlier instant.
    expect(processLifecycle(db, SEED_NOW)).toBe(0);
    expect(tableSnapshot(db)).toEqual(once);
  });

  it("has nothing to do right after the seed", () => {
    const { db } = setup();
    const seeded = tableSnapshot(db);
    expect(processLifecycle(db, SEED_NOW)).toBe(0);
    expect(tableSnapshot(db)).toEqual(seeded);
  });
});
