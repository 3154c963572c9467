import { describe, expect, it } from "vitest";
import { DAY_MS, getSubscriptionDetail, renewalOutlook } from "@/lib/subscriptions";
import { processLifecycle } from "@/lib/subscriptions/system";
import { activityOf, actorFor, buyAddOn, buySubscription, clockAt, expectRefused, freshDb, ledgerOf, SEED_NOW, stored, submitChanges, suspendSubscription } from "./helpers";

// Issue 10, items 1, 3, 5 and 6: what happens at a term's or a trial's end. Decisions: docs/decisions/0006.
const CUSTOMER = "tailwind-traders";
const BACKUP = "contoso-backup-pro"; // ISV, 30-day free trial, $12.00 a month
const RETENTION = "contoso-backup-pro-extended-retention"; // its ISV add-on, $4.00 a month
const d = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((x) => x.toISOString());

function setup() {
  const { db } = freshDb();
  return { db, admin: actorFor(db, "contoso-global-admin"), billing: actorFor(db, "contoso-billing-admin"), clock: clockAt() };
}

/** Buys at `at` after running the lifecycle up to it, as the app does before each request. */
function buyAt(t: ReturnType<typeof setup>, at: string, offerId: string, billingFrequency: "monthly" | "annual" = "monthly") {
  t.clock.set(at);
  processLifecycle(t.db, t.clock.now());
  return buySubscription(t.db, t.admin, t.clock, { customerId: CUSTOMER, offerId, quantity: 1, billingFrequency });
}

const renewalStarts = (db: ReturnType<typeof setup>["db"], id: string) => iso(ledgerOf(db, id).filter((l) => l.kind === "renewal").map((l) => l.chargeStart));

describe("item 5: term ends are anchored to the original day of the month", () => {
  it("monthly from Jan 31: Feb 28, Mar 31, Apr 30, May 31, Jun 30", () => {
    const t = setup();
    const sub = buyAt(t, "2027-01-31T09:00:00.000Z", "office-365-e1");
    expect(sub.termEnd).toEqual(d("2027-02-28T09:00:00.000Z"));
    processLifecycle(t.db, d("2027-06-01T00:00:00.000Z"));
    expect(renewalStarts(t.db, sub.id)).toEqual(["2027-02-28T09:00:00.000Z", "2027-03-31T09:00:00.000Z", "2027-04-30T09:00:00.000Z", "2027-05-31T09:00:00.000Z"]);
    expect(stored(t.db, sub.id)).toMatchObject({ termStart: d("2027-05-31T09:00:00.000Z"), termEnd: d("2027-06-30T09:00:00.000Z"), billingAnchorAt: d("2027-01-31T09:00:00.000Z") });
    // Each renewal is charged one whole term, short month or long.
    expect(new Set(ledgerOf(t.db, sub.id).map((l) => l.amountMinor))).toEqual(new Set([1200]));
  });

  it("annual from Feb 29: Feb 28 in common years, Feb 29 again in the next leap year", () => {
    const t = setup();
    const sub = buyAt(t, "2028-02-29T09:00:00.000Z", "office-365-e1", "annual");
    processLifecycle(t.db, d("2032-03-01T00:00:00.000Z"));
    expect(renewalStarts(t.db, sub.id)).toEqual(["2029-02-28T09:00:00.000Z", "2030-02-28T09:00:00.000Z", "2031-02-28T09:00:00.000Z", "2032-02-29T09:00:00.000Z"]);
    expect(stored(t.db, sub.id).termEnd).toEqual(d("2033-02-28T09:00:00.000Z"));
  });

  it("a trial's paid terms count from the trial's end", () => {
    const t = setup();
    // Bought Jan 1: the 30-day trial ends Jan 31, the first paid term Feb 28.
    const sub = buyAt(t, "2027-01-01T09:00:00.000Z", BACKUP);
    expect(sub).toMatchObject({ trialEndsAt: d("2027-01-31T09:00:00.000Z"), termEnd: d("2027-02-28T09:00:00.000Z") });
    processLifecycle(t.db, d("2027-04-01T00:00:00.000Z"));
    expect(renewalStarts(t.db, sub.id)).toEqual(["2027-02-28T09:00:00.000Z", "2027-03-31T09:00:00.000Z"]);
    expect(stored(t.db, sub.id).termEnd).toEqual(d("2027-04-30T09:00:00.000Z"));
  });

  it("an add-on keeps ending with its base", () => {
    const t = setup();
    const base = buyAt(t, "2027-01-31T09:00:00.000Z", "office-365-e3");
    const addOn = buyAddOn(t.db, t.admin, t.clock, base, "microsoft-365-e5-security", 2);
    processLifecycle(t.db, d("2027-04-01T00:00:00.000Z"));
    expect(renewalStarts(t.db, addOn.id)).toEqual(["2027-02-28T09:00:00.000Z", "2027-03-31T09:00:00.000Z"]);
    expect(stored(t.db, addOn.id).termEnd).toEqual(stored(t.db, base.id).termEnd);
    expect(stored(t.db, addOn.id).termEnd).toEqual(d("2027-04-30T09:00:00.000Z"));
  });
});

describe("item 1: Auto-renew off on an ISV add-on", () => {
  function withConvertedAddOn() {
    const t = setup();
    const base = buySubscription(t.db, t.admin, t.clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 5 });
    const addOn = buyAddOn(t.db, t.admin, t.clock, base, RETENTION, 3);
    // Both convert at the trial's end, the add-on with its base.
    t.clock.set(base.trialEndsAt!);
    processLifecycle(t.db, t.clock.now());
    return { ...t, base: stored(t.db, base.id), addOn: stored(t.db, addOn.id) };
  }

  it("ends the add-on at its term end, uncharged, while the base renews", () => {
    const { db, admin, billing, clock, base, addOn } = withConvertedAddOn();
    expect(ledgerOf(db, addOn.id).map((l) => [l.kind, l.amountMinor])).toEqual([["conversion", 1200]]);
    clock.advance(DAY_MS);
    expect(submitChanges(db, billing, clock, addOn.id, { autoRenew: false })).toEqual([{ code: "auto_renew_off", params: { date: addOn.termEnd.toISOString() } }]);
    processLifecycle(db, addOn.termEnd);
    expect(stored(db, addOn.id)).toMatchObject({ status: "expired", endedAt: addOn.termEnd, termEnd: addOn.termEnd });
    expect(ledgerOf(db, addOn.id).map((l) => l.kind)).toEqual(["conversion"]);
    expect(activityOf(db, addOn.id).map((a) => [a.action, a.actorName])).toEqual([["addon", admin.name], ["conversion", "system"], ["auto_renew", billing.name], ["expiry", "system"]]);
    // The base renews and is charged; the add-on stays ended at the following renewals too.
    expect(stored(db, base.id)).toMatchObject({ status: "active", termStart: base.termEnd });
    const next = stored(db, base.id).termEnd;
    processLifecycle(db, next);
    expect(ledgerOf(db, base.id).map((l) => [l.kind, l.amountMinor])).toEqual([["conversion", 6000], ["renewal", 6000], ["renewal", 6000]]);
    expect(ledgerOf(db, addOn.id).map((l) => l.kind)).toEqual(["conversion"]);
  });

  it("the add-on's page says it ends at its term end, as the lifecycle does", () => {
    const { db, billing, clock, addOn } = withConvertedAddOn();
    const outlook = () => {
      const detail = getSubscriptionDetail(db, billing, clock, addOn.id);
      return renewalOutlook(detail.subscription, detail.subscription.autoRenew, detail.base!.subscription);
    };
    expect(outlook()).toEqual({ kind: "renews", at: addOn.termEnd });
    submitChanges(db, billing, clock, addOn.id, { autoRenew: false });
    expect(outlook()).toEqual({ kind: "ends", at: addOn.termEnd });
  });

  it("with Auto-renew back on before the term end, the add-on renews with its base", () => {
    const { db, billing, clock, addOn } = withConvertedAddOn();
    submitChanges(db, billing, clock, addOn.id, { autoRenew: false });
    submitChanges(db, billing, clock, addOn.id, { autoRenew: true });
    processLifecycle(db, addOn.termEnd);
    expect(stored(db, addOn.id)).toMatchObject({ status: "active", termStart: addOn.termEnd });
    expect(ledgerOf(db, addOn.id).map((l) => [l.kind, l.amountMinor])).toEqual([["conversion", 1200], ["renewal", 1200]]);
  });

  it("an add-on with Auto-renew on still ends with a base that doesn't renew, and its page says so", () => {
    const { db, billing, clock, base, addOn } = withConvertedAddOn();
    submitChanges(db, billing, clock, base.id, { autoRenew: false });
    const detail = getSubscriptionDetail(db, billing, clock, addOn.id);
    expect(renewalOutlook(detail.subscription, true, detail.base!.subscription)).toEqual({ kind: "ends_with_base", at: base.termEnd });
    processLifecycle(db, base.termEnd);
    expect(stored(db, addOn.id)).toMatchObject({ status: "expired", endedAt: base.termEnd });
    expect(ledgerOf(db, addOn.id).map((l) => l.kind)).toEqual(["conversion"]);
  });
});

describe("item 3: reactivating a subscription whose free trial ended while suspended", () => {
  function suspendedThroughTrial() {
    const t = setup();
    const sub = buySubscription(t.db, t.admin, t.clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 2 });
    t.clock.advance(2 * DAY_MS);
    suspendSubscription(t.db, t.admin, t.clock, sub.id);
    // The trial ends while suspended: nothing converts, nothing is charged.
    processLifecycle(t.db, sub.trialEndsAt!);
    expect(stored(t.db, sub.id)).toMatchObject({ status: "suspended", trialConvertedAt: null });
    return { ...t, sub };
  }

  it.each([
    ["after the first paid term would have ended", 70],
    ["before the first paid term would have ended", 40],
  ])("%s: the paid term starts at reactivation and is charged once", (_label, days) => {
    const { db, admin, clock, sub } = suspendedThroughTrial();
    clock.set(new Date(SEED_NOW.getTime() + days * DAY_MS));
    processLifecycle(db, clock.now());
    const now = clock.now();
    expect(submitChanges(db, admin, clock, sub.id, { status: "active" })).toEqual([{ code: "subscription_reactivated" }]);
    const termEnd = new Date(now.getTime());
    termEnd.setUTCMonth(termEnd.getUTCMonth() + 1);
    expect(stored(db, sub.id)).toMatchObject({ status: "active", trialConvertedAt: now, termStart: now, termEnd, billingAnchorAt: now });
    const charges = [["conversion", 2400, now.toISOString(), termEnd.toISOString()]];
    const ledger = () => ledgerOf(db, sub.id).map((l) => [l.kind, l.amountMinor, l.chargeStart.toISOString(), l.chargeEnd.toISOString()]);
    expect(ledger()).toEqual(charges);
    // The next lifecycle run has nothing to convert: no second charge for the same period.
    processLifecycle(db, now);
    processLifecycle(db, new Date(termEnd.getTime() - 1));
    expect(ledger()).toEqual(charges);
    processLifecycle(db, termEnd);
    expect(ledger()).toEqual([...charges, ["renewal", 2400, termEnd.toISOString(), expect.any(String)]]);
  });

  it("reactivated before the trial's end, the trial goes on and converts at its end", () => {
    const t = setup();
    const sub = buySubscription(t.db, t.admin, t.clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 2 });
    t.clock.advance(2 * DAY_MS);
    suspendSubscription(t.db, t.admin, t.clock, sub.id);
    t.clock.advance(5 * DAY_MS);
    submitChanges(t.db, t.admin, t.clock, sub.id, { status: "active" });
    expect(ledgerOf(t.db, sub.id)).toEqual([]);
    processLifecycle(t.db, sub.trialEndsAt!);
    expect(ledgerOf(t.db, sub.id).map((l) => [l.kind, l.amountMinor, l.chargeStart])).toEqual([["conversion", 2400, sub.trialEndsAt]]);
  });
});

describe("item 6: Auto-renew off during a free trial", () => {
  it("ends the subscription and its add-ons at the trial's end: no paid term, no charge", () => {
    const { db, admin, billing, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 2 });
    const addOn = buyAddOn(db, admin, clock, sub, RETENTION, 2);
    clock.advance(2 * DAY_MS);
    expect(submitChanges(db, billing, clock, sub.id, { autoRenew: false })).toEqual([{ code: "auto_renew_off", params: { date: "2026-04-01T09:00:00.000Z" } }]);

    processLifecycle(db, new Date(sub.trialEndsAt!.getTime() - 1));
    expect(stored(db, sub.id).status).toBe("active");
    processLifecycle(db, d("2026-06-01T00:00:00.000Z"));
    for (const id of [sub.id, addOn.id]) {
      expect(stored(db, id)).toMatchObject({ status: "expired", endedAt: sub.trialEndsAt, trialConvertedAt: null });
      expect(ledgerOf(db, id)).toEqual([]);
      expect(activityOf(db, id).at(-1)).toMatchObject({ action: "expiry", actorName: "system", at: sub.trialEndsAt });
    }
  });

  it("is said beside the box as soon as it is unticked (see SubscriptionForm)", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 2 });
    expect(renewalOutlook(sub, true, null)).toEqual({ kind: "trial_converts", trialEndsAt: sub.trialEndsAt, renewsAt: sub.termEnd });
    expect(renewalOutlook(sub, false, null)).toEqual({ kind: "trial_ends", at: sub.trialEndsAt });
    processLifecycle(db, sub.trialEndsAt!);
    const converted = stored(db, sub.id);
    expect(renewalOutlook(converted, false, null)).toEqual({ kind: "ends", at: converted.termEnd });
  });

  it("on an add-on alone ends the add-on at the trial's end while its base converts", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 2 });
    const addOn = buyAddOn(db, admin, clock, base, RETENTION, 2);
    submitChanges(db, admin, clock, addOn.id, { autoRenew: false });
    processLifecycle(db, base.trialEndsAt!);
    expect(stored(db, base.id)).toMatchObject({ status: "active", trialConvertedAt: base.trialEndsAt });
    expect(stored(db, addOn.id)).toMatchObject({ status: "expired", endedAt: base.trialEndsAt });
    expect(ledgerOf(db, addOn.id)).toEqual([]);
    expect(ledgerOf(db, base.id).map((l) => [l.kind, l.amountMinor])).toEqual([["conversion", 2400]]);
  });

  it("still ends it at the trial's end while suspended, and it can't be reactivated into a paid term", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: BACKUP, quantity: 2 });
    submitChanges(db, admin, clock, sub.id, { autoRenew: false });
    clock.advance(DAY_MS);
    suspendSubscription(db, admin, clock, sub.id);
    processLifecycle(db, sub.trialEndsAt!);
    expect(stored(db, sub.id)).toMatchObject({ status: "expired", endedAt: sub.trialEndsAt, trialConvertedAt: null });
    clock.set(new Date(sub.trialEndsAt!.getTime() + DAY_MS));
    expectRefused(db, "subscription:invalid_transition", () => submitChanges(db, admin, clock, sub.id, { status: "active" }));
    expect(ledgerOf(db, sub.id)).toEqual([]);
  });

  it("without a trial, Auto-renew off ends a suspended subscription at its term end too, uncharged", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    clock.advance(2 * DAY_MS);
    submitChanges(db, admin, clock, sub.id, { autoRenew: false });
    suspendSubscription(db, admin, clock, sub.id);
    processLifecycle(db, sub.termEnd);
    expect(stored(db, sub.id)).toMatchObject({ status: "expired", endedAt: sub.termEnd });
    expect(ledgerOf(db, sub.id).map((l) => l.kind)).toEqual(["purchase"]);
  });
});
