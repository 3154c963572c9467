import { describe, expect, it } from "vitest";
import { cancelSubscription, DAY_MS, getSubscriptionDetail, HOUR_MS } from "@/lib/subscriptions";
import { processLifecycle } from "@/lib/subscriptions/system";
import { activityOf, actorFor, buyAddOn, buySubscription, clockAt, expectRefused, freshDb, ledgerOf, SEED_NOW, stored, submitChanges, suspendSubscription } from "./helpers";

const CUSTOMER = "tailwind-traders";
const E5_SECURITY_MONTHLY = 1440;

function setup() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  const clock = clockAt();
  const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity: 20 });
  return { db, admin, clock, base };
}

describe("eligible add-ons", () => {
  it("lists the add-ons of the base's offer sold in the customer's country", () => {
    const { db, admin, clock, base } = setup();
    const detail = getSubscriptionDetail(db, admin, clock, base.id);
    expect(detail.addOns.map((a) => a.offer.id).sort()).toEqual(["extra-file-storage", "microsoft-365-e5-security", "microsoft-teams-audio-conferencing"]);
    expect(detail.addOnBlocker).toBeNull();
  });

  it("hides add-ons not sold in the customer's country", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    // Wingtip Toys is billed in Sweden: no Teams Audio Conferencing (US, GB, CA only).
    const wingtipE3 = db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = 'wingtip-toys' AND offer_id = 'office-365-e3'").pluck().get() as string;
    const ids = getSubscriptionDetail(db, admin, clockAt(), wingtipE3).addOns.map((a) => a.offer.id);
    expect(ids).not.toContain("microsoft-teams-audio-conferencing");
    expect(ids).toContain("microsoft-365-e5-security");
    expectRefused(db, "addon:not_eligible", () => submitChanges(db, admin, clockAt(), wingtipE3, { addOns: { "microsoft-teams-audio-conferencing": 3 } }));
  });

  it("refuses add-ons of another offer", () => {
    const { db, admin, clock, base } = setup();
    expectRefused(db, "addon:not_eligible", () => submitChanges(db, admin, clock, base.id, { addOns: { "office-365-advanced-threat-protection": 3 } }));
  });
});

describe("buying an add-on", () => {
  // "Start dates for add-ons align to the base subscription ... with pro-rata charges in the first invoice."
  it("on the first day of the base term charges the whole term", () => {
    const { db, admin, clock, base } = setup();
    const addOn = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    expect(addOn).toMatchObject({ baseSubscriptionId: base.id, termStart: base.termStart, termEnd: base.termEnd, billingFrequency: base.billingFrequency, trialEndsAt: null, autoRenew: true });
    expect(ledgerOf(db, addOn.id)).toEqual([
      expect.objectContaining({ kind: "prorata", quantity: 5, amountMinor: 5 * E5_SECURITY_MONTHLY, chargeStart: SEED_NOW, chargeEnd: base.termEnd }),
    ]);
    expect(activityOf(db, addOn.id).map((a) => [a.action, a.actorRole])).toEqual([["addon", "global_admin"]]);
  });

  it("on the last day of the base term charges one day's share", () => {
    const { db, admin, clock, base } = setup();
    clock.set(new Date(base.termEnd.getTime() - HOUR_MS));
    processLifecycle(db, clock.now());
    const addOn = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    // The base term, March 2 to April 2, has 31 days.
    expect(ledgerOf(db, addOn.id).map((l) => [l.kind, l.amountMinor, l.chargeStart, l.chargeEnd])).toEqual([["prorata", Math.round((5 * E5_SECURITY_MONTHLY) / 31), clock.now(), base.termEnd]]);
    expect(addOn.termEnd).toEqual(base.termEnd);
  });

  it("renews with its base, for the base's new term", () => {
    const { db, admin, clock, base } = setup();
    clock.advance(10 * DAY_MS);
    const addOn = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    processLifecycle(db, base.termEnd);
    const renewedBase = stored(db, base.id);
    expect(stored(db, addOn.id)).toMatchObject({ status: "active", termStart: renewedBase.termStart, termEnd: renewedBase.termEnd });
    expect(ledgerOf(db, addOn.id).at(-1)).toMatchObject({ kind: "renewal", amountMinor: 5 * E5_SECURITY_MONTHLY, chargeStart: base.termEnd, chargeEnd: renewedBase.termEnd });
  });

  it("ends when its base's term ends without renewal", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 10 });
    processLifecycle(db, base.trialEndsAt!);
    clock.set(base.trialEndsAt!);
    const addOn = buyAddOn(db, admin, clock, base, "contoso-backup-pro-extended-retention", 10);
    expect(addOn.termEnd).toEqual(stored(db, base.id).termEnd);
    submitChanges(db, admin, clock, base.id, { autoRenew: false });
    processLifecycle(db, addOn.termEnd);
    expect(stored(db, base.id)).toMatchObject({ status: "expired", endedAt: addOn.termEnd });
    expect(stored(db, addOn.id)).toMatchObject({ status: "expired", endedAt: addOn.termEnd });
  });

  it("changes the quantity of an add-on already owned instead of buying another", () => {
    const { db, admin, clock, base } = setup();
    const addOn = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    clock.advance(HOUR_MS);
    expect(submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 8 } })).toEqual([{ code: "addon_quantity_changed", params: { offer: "Microsoft 365 E5 Security", quantity: 8 } }]);
    expect(stored(db, addOn.id).quantity).toBe(8);
    expect(db.$client.prepare("SELECT count(*) FROM subscriptions WHERE base_subscription_id = ?").pluck().get(base.id)).toBe(1);
    // The same quantity again is no change at all.
    const version = stored(db, addOn.id).version;
    submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 8 } });
    expect(stored(db, addOn.id).version).toBe(version);
  });

  it("needs an active base", () => {
    const { db, admin, clock, base } = setup();
    suspendSubscription(db, admin, clock, base.id);
    const error = expectRefused(db, "addon:base_not_active", () => submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 5 } }));
    // The page says the same refusal before any Submit.
    expect(getSubscriptionDetail(db, admin, clock, base.id).addOnBlocker).toBe(error.code);
  });

  it("is open to indirect providers", () => {
    const { db } = freshDb();
    const provider = actorFor(db, "adventure-works-global-admin");
    const base = buySubscription(db, provider, clockAt(), { customerId: "lakeshore-retail", offerId: "office-365-e3", quantity: 3 });
    expect(buyAddOn(db, provider, clockAt(), base, "extra-file-storage", 100).partnerId).toBe("adventure-works");
  });
});

describe("suspending a base", () => {
  // "Suspending the base subscription will also suspend any associated add-ons."
  it("suspends its add-ons, and reactivating brings back those suspended with it", () => {
    const { db, admin, clock, base } = setup();
    const security = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    const storage = buyAddOn(db, admin, clock, base, "extra-file-storage", 100);
    clock.advance(DAY_MS);
    // Storage was suspended on its own first; it stays suspended when the base comes back.
    suspendSubscription(db, admin, clock, storage.id);
    clock.advance(DAY_MS);
    const suspendedBase = suspendSubscription(db, admin, clock, base.id, "fraud");
    expect(stored(db, security.id)).toMatchObject({ status: "suspended", suspendedWithBase: true, suspensionReason: "fraud", deletionAt: suspendedBase.deletionAt });
    expect(stored(db, storage.id)).toMatchObject({ status: "suspended", suspendedWithBase: false });

    // An add-on can't come back before its base.
    expectRefused(db, "addon:base_not_active", () => submitChanges(db, admin, clock, security.id, { status: "active" }));

    clock.advance(DAY_MS);
    expect(submitChanges(db, admin, clock, base.id, { status: "active" })).toEqual([{ code: "subscription_reactivated" }]);
    expect(stored(db, base.id)).toMatchObject({ status: "active", suspendedAt: null, deletionAt: null, termEnd: base.termEnd });
    expect(stored(db, security.id)).toMatchObject({ status: "active", suspendedWithBase: false, deletionAt: null });
    expect(stored(db, storage.id).status).toBe("suspended");
    expect(activityOf(db, security.id).map((a) => a.action)).toEqual(["addon", "suspend", "reactivate"]);
  });

  it("deletes the add-ons suspended with it at the same date", () => {
    const { db, admin, clock, base } = setup();
    const security = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    const suspendedBase = suspendSubscription(db, admin, clock, base.id);
    processLifecycle(db, suspendedBase.deletionAt!);
    expect(stored(db, base.id).status).toBe("deleted");
    expect(stored(db, security.id)).toMatchObject({ status: "deleted", dataRemoved: true, endedAt: suspendedBase.deletionAt });
  });

  it("brings add-ons back on a new term when the base's term ran out while suspended", () => {
    const { db, admin, clock, base } = setup();
    const security = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    clock.advance(DAY_MS);
    suspendSubscription(db, admin, clock, base.id);
    clock.set(new Date(base.termEnd.getTime() + 10 * DAY_MS));
    processLifecycle(db, clock.now());
    submitChanges(db, admin, clock, base.id, { status: "active" });
    const reactivated = stored(db, base.id);
    // A term that ran out while suspended starts afresh on reactivation, and is charged.
    expect(reactivated).toMatchObject({ status: "active", termStart: clock.now() });
    expect(ledgerOf(db, base.id).at(-1)).toMatchObject({ kind: "renewal", chargeStart: clock.now(), chargeEnd: reactivated.termEnd });
    expect(stored(db, security.id).status).toBe("active");
  });

  it("keeps those add-ons on the base's new term through the next lifecycle run", () => {
    const { db, admin, clock, base } = setup();
    const security = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    clock.advance(DAY_MS);
    suspendSubscription(db, admin, clock, base.id);
    clock.set(new Date(base.termEnd.getTime() + 10 * DAY_MS));
    processLifecycle(db, clock.now());
    submitChanges(db, admin, clock, base.id, { status: "active" });
    const reactivated = stored(db, base.id);
    expect(stored(db, security.id)).toMatchObject({ status: "active", termStart: reactivated.termStart, termEnd: reactivated.termEnd });
    processLifecycle(db, clock.now());
    expect(stored(db, security.id)).toMatchObject({ status: "active", termEnd: reactivated.termEnd });
  });

});

describe("an add-on bought during the base's free trial", () => {
  it("doesn't keep charging an add-on bought in the base's trial when the base ends at the trial end", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 10 });
    clock.advance(2 * DAY_MS);
    const addOn = buyAddOn(db, admin, clock, base, "contoso-backup-pro-extended-retention", 10);
    expect(cancelSubscription(db, admin, clock, { subscriptionId: base.id, reason: "Trial only" }).outcome).toBe("scheduled");
    processLifecycle(db, base.trialEndsAt!);
    expect(stored(db, addOn.id).status).toBe("cancelled");
    expect(ledgerOf(db, addOn.id).reduce((t, l) => t + l.amountMinor, 0)).toBe(0);
  });
});
