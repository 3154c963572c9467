import { describe, expect, it } from "vitest";
import { cancelSubscription, DAY_MS, HOUR_MS, nextInvoice, submitSubscriptionChanges } from "@/lib/subscriptions";
import { processLifecycle } from "@/lib/subscriptions/system";
import { activityOf, actorFor, buyAddOn, buySubscription, clockAt, domainError, expectRefused, freshDb, ledgerOf, SEED_NOW, stored, submitChanges, suspendSubscription } from "./helpers";

const CUSTOMER = "tailwind-traders";
const SECOND = 1000;
const CRM_MONTHLY = 1500;

function setup() {
  const { db } = freshDb();
  return { db, admin: actorFor(db, "contoso-global-admin"), billing: actorFor(db, "contoso-billing-admin"), clock: clockAt() };
}

const net = (db: ReturnType<typeof setup>["db"], id: string) => ledgerOf(db, id).reduce((t, l) => t + l.amountMinor, 0);

describe("cancel", () => {
  // "If you cancel less than 24 hours after you placed the order, you will receive a full credit on the next invoice."
  it("23:59:59 after a monthly order: cancelled now, with a full credit on the next invoice", () => {
    const { db, admin, billing, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 3 });
    clock.advance(2 * HOUR_MS);
    submitChanges(db, admin, clock, sub.id, { quantity: 5 });
    const charged = net(db, sub.id);
    expect(charged).toBe(3 * CRM_MONTHLY + 2 * CRM_MONTHLY);

    clock.set(new Date(SEED_NOW.getTime() + 24 * HOUR_MS - SECOND));
    const { outcome, subscription } = cancelSubscription(db, billing, clock, { subscriptionId: sub.id, reason: "Bought by mistake" });
    expect(outcome).toBe("cancelled");
    expect(subscription).toMatchObject({ status: "cancelled", endedAt: clock.now(), cancellationReason: "Bought by mistake", cancellationScheduledAt: null });
    const credit = ledgerOf(db, sub.id).find((l) => l.kind === "cancellation_credit")!;
    expect(credit).toMatchObject({ amountMinor: -charged, postedAt: clock.now() });
    expect(net(db, sub.id)).toBe(0);

    const invoice = nextInvoice(db, billing, clock, CUSTOMER);
    const lines = invoice.lines.filter((l) => l.subscriptionId === sub.id);
    expect(lines.map((l) => l.kind).sort()).toEqual(["cancellation_credit", "prorata", "purchase"]);
    expect(lines.reduce((t, l) => t + l.amountMinor, 0)).toBe(0);
    expect(activityOf(db, sub.id).at(-1)).toMatchObject({ action: "cancel", actorUserId: billing.userId, actorRole: "billing_admin", after: { status: "cancelled", creditMinor: charged } });
  });

  it("exactly 24 hours after a monthly order: scheduled for renewal, no credit", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 3 });
    clock.set(new Date(SEED_NOW.getTime() + 24 * HOUR_MS));
    const { outcome, subscription } = cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "Too expensive" });
    expect(outcome).toBe("scheduled");
    expect(subscription).toMatchObject({ status: "active", cancellationScheduledAt: sub.termEnd });
    expect(ledgerOf(db, sub.id).map((l) => l.kind)).toEqual(["purchase"]);
    // Once scheduled, there is nothing more to cancel.
    expectRefused(db, "subscription:not_cancellable", () => cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "again" }));
  });

  it.each([
    ["one second before day 14 ends", 14 * DAY_MS - SECOND, "cancelled"],
    ["exactly 14 days after", 14 * DAY_MS, "scheduled"],
    ["on day 15", 15 * DAY_MS, "scheduled"],
  ] as const)("an annual order %s: %s", (_label, after, expected) => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2, billingFrequency: "annual" });
    clock.set(new Date(SEED_NOW.getTime() + after));
    processLifecycle(db, clock.now());
    expect(cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "r" }).outcome).toBe(expected);
    // Annual: 1500 x 12 x 0.83 = 14940 per license.
    expect(net(db, sub.id)).toBe(expected === "cancelled" ? 0 : 2 * 14940);
    if (expected === "scheduled") expect(stored(db, sub.id).cancellationScheduledAt).toEqual(sub.termEnd);
  });

  it("takes the base's add-ons with it, each fully credited", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 10 });
    const addOn = buyAddOn(db, admin, clock, base, "contoso-backup-pro-extended-retention", 10);
    clock.advance(HOUR_MS);
    expect(cancelSubscription(db, admin, clock, { subscriptionId: base.id, reason: "r" }).outcome).toBe("cancelled");
    expect(stored(db, addOn.id)).toMatchObject({ status: "cancelled", endedAt: clock.now() });
    expect(net(db, addOn.id)).toBe(0);
    expect(activityOf(db, addOn.id).map((a) => a.action)).toEqual(["addon", "cancel"]);
  });

  it("refuses Microsoft offers: they are suspended instead", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1" });
    const error = expectRefused(db, "subscription:not_cancellable", () => cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "r" }));
    expect(error.detail).toEqual({ key: "cancelMicrosoftOffer" });
  });

  it("refuses a subscription that isn't active", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect" });
    suspendSubscription(db, admin, clock, sub.id);
    expectRefused(db, "subscription:not_cancellable", () => cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "r" }));
  });
});

describe("quantity", () => {
  it("adds licenses at any time, charged pro-rata to the term end", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    clock.advance(21 * DAY_MS);
    expect(submitChanges(db, admin, clock, sub.id, { quantity: 15 })).toEqual([{ code: "quantity_changed", params: { quantity: 15 } }]);
    // 10 of the term's 31 days are left.
    expect(ledgerOf(db, sub.id).at(-1)).toMatchObject({ kind: "prorata", quantity: 5, amountMinor: Math.round((5 * 1200 * 10) / 31), chargeStart: clock.now(), chargeEnd: sub.termEnd });
    expect(stored(db, sub.id).quantity).toBe(15);
  });

  it("removes licenses at once, credited, inside the refund window", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    clock.advance(23 * HOUR_MS);
    submitChanges(db, admin, clock, sub.id, { quantity: 6 });
    expect(stored(db, sub.id)).toMatchObject({ quantity: 6, scheduledQuantity: null });
    expect(ledgerOf(db, sub.id).at(-1)).toMatchObject({ kind: "quantity_credit", quantity: 4, amountMinor: -4 * 1200 });
  });

  it("credits what removed add-on licenses were charged, pro-rata", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity: 20 });
    clock.advance(16 * DAY_MS);
    const addOn = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 10);
    expect(ledgerOf(db, addOn.id).map((l) => l.amountMinor)).toEqual([6968]);
    clock.advance(HOUR_MS);
    submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 5 } });
    expect(stored(db, addOn.id).quantity).toBe(5);
    expect(net(db, addOn.id)).toBe(3484);
  });

  it("credits licenses added and removed in an annual window no more than they cost", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10, billingFrequency: "annual" });
    clock.advance(13 * DAY_MS);
    submitChanges(db, admin, clock, sub.id, { quantity: 20 });
    clock.advance(HOUR_MS);
    submitChanges(db, admin, clock, sub.id, { quantity: 10 });
    expect(net(db, sub.id)).toBe(10 * 11952);
  });

  it("refuses bad quantities and changes nothing", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    for (const quantity of [0, -1, 2.5, 10001]) {
      expectRefused(db, "quantity:out_of_range", () => submitChanges(db, admin, clock, sub.id, { quantity }));
    }
  });

  it("records nothing when the quantity is unchanged", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    expect(submitChanges(db, admin, clock, sub.id, { quantity: 10 })).toEqual([]);
    expect(stored(db, sub.id).version).toBe(1);
    expect(activityOf(db, sub.id)).toHaveLength(1);
  });

  it("needs an active subscription", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    suspendSubscription(db, admin, clock, sub.id);
    expectRefused(db, "subscription:not_active", () => submitChanges(db, admin, clock, sub.id, { quantity: 12 }));
  });

  it("can be changed in the same Submit that reactivates", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 10 });
    suspendSubscription(db, admin, clock, sub.id);
    clock.advance(HOUR_MS);
    expect(submitChanges(db, admin, clock, sub.id, { status: "active", quantity: 12 })).toEqual([{ code: "subscription_reactivated" }, { code: "quantity_changed", params: { quantity: 12 } }]);
    expect(stored(db, sub.id)).toMatchObject({ status: "active", quantity: 12 });
  });
});

describe("reactivating after a scheduled cancellation date passed", () => {
  it("takes effect on its date even while suspended, so the subscription can't be reactivated into a new term", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 2 });
    clock.advance(2 * DAY_MS);
    const scheduled = cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "r" });
    expect(scheduled.outcome).toBe("scheduled");
    clock.advance(DAY_MS);
    suspendSubscription(db, admin, clock, sub.id);
    clock.advance(37 * DAY_MS);
    processLifecycle(db, clock.now());
    const cancelled = stored(db, sub.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.endedAt).toEqual(scheduled.subscription.cancellationScheduledAt);
    expectRefused(db, "subscription:invalid_transition", () => submitChanges(db, admin, clock, sub.id, { status: "active" }));
    expect(net(db, sub.id)).toBe(2 * CRM_MONTHLY);
  });
});

describe("suspend", () => {
  // The how-to's steps are "choose Suspended. Then Submit your changes.": a reason may be given, never required.
  it("suspends without a reason (issue 10, item 9), and keeps one when given", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1" });
    expect(submitChanges(db, admin, clock, sub.id, { status: "suspended", quantity: 4 })).toEqual([
      { code: "quantity_changed", params: { quantity: 4 } },
      { code: "subscription_suspended", params: { date: "2026-05-31T09:00:00.000Z" } },
    ]);
    expect(stored(db, sub.id)).toMatchObject({ status: "suspended", quantity: 4, suspensionReason: null });
    submitChanges(db, admin, clock, sub.id, { status: "active" });
    submitChanges(db, admin, clock, sub.id, { status: "suspended", suspensionReason: null });
    expect(stored(db, sub.id)).toMatchObject({ status: "suspended", suspensionReason: null });
    submitChanges(db, admin, clock, sub.id, { status: "active" });
    submitChanges(db, admin, clock, sub.id, { status: "suspended", suspensionReason: "fraud" });
    expect(stored(db, sub.id)).toMatchObject({ status: "suspended", suspensionReason: "fraud" });
  });

  it("tells the date the data will be deleted", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e1" });
    expect(submitChanges(db, admin, clock, sub.id, { status: "suspended", suspensionReason: "customer_request" })).toEqual([
      { code: "subscription_suspended", params: { date: "2026-05-31T09:00:00.000Z" } },
    ]);
  });
});

describe("a stale form", () => {
  it("is refused and changes nothing", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 3 });
    submitChanges(db, admin, clock, sub.id, { quantity: 4 });
    const stale = { subscriptionId: sub.id, version: sub.version };
    expectRefused(db, "subscription:stale", () => submitSubscriptionChanges(db, admin, clock, { ...stale, quantity: 9 }));
    expectRefused(db, "subscription:stale", () => submitSubscriptionChanges(db, admin, clock, { ...stale, status: "suspended", suspensionReason: "fraud" }));
    expectRefused(db, "subscription:stale", () => cancelSubscription(db, admin, clock, { ...stale, reason: "r" }));
    expect(stored(db, sub.id)).toMatchObject({ quantity: 4, version: 2, status: "active" });
  });

  it("from another partner finds no subscription", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect" });
    const other = actorFor(db, "adventure-works-global-admin");
    expect(domainError(() => submitSubscriptionChanges(db, other, clock, { subscriptionId: sub.id, version: 1, quantity: 2 })).code).toBe("not_found:subscription");
    expect(domainError(() => cancelSubscription(db, other, clock, { subscriptionId: sub.id, reason: "r" })).code).toBe("not_found:subscription");
  });
});
