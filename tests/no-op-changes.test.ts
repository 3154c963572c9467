import { describe, expect, it } from "vitest";
import { DAY_MS, getSubscriptionDetail, type Notice } from "@/lib/subscriptions";
import { actorFor, buyAddOn, buySubscription, clockAt, freshDb, reload, stored, submitChanges, tableSnapshot } from "./helpers";

// "A request that changes nothing records nothing": no activity row, no version bump (which would make
// other open forms stale), no ledger row. The details page then says "Nothing changed."
const CUSTOMER = "tailwind-traders";

function setup() {
  const { db } = freshDb();
  return { db, admin: actorFor(db, "contoso-global-admin"), clock: clockAt() };
}

/** Submit must answer with no notices and leave every table as it was. */
function expectNothingRecorded(db: ReturnType<typeof setup>["db"], submit: () => Notice[]) {
  const before = tableSnapshot(db);
  expect(submit()).toEqual([]);
  expect(tableSnapshot(db)).toEqual(before);
}

describe("a Submit that changes nothing", () => {
  it("the same quantity again after a decrease was scheduled", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 5 });
    clock.advance(15 * DAY_MS);
    expect(submitChanges(db, admin, clock, sub.id, { quantity: 3 })).toEqual([{ code: "quantity_scheduled", params: { quantity: 3, date: expect.any(String) } }]);
    const { version } = stored(db, sub.id);
    // The form shows the scheduled quantity: submitting it untouched is not a change.
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, sub.id, { quantity: 3 }));
    expect(stored(db, sub.id)).toMatchObject({ version, quantity: 5, scheduledQuantity: 3 });
  });

  it("the current quantity", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 5 });
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, sub.id, { quantity: 5 }));
  });

  it.each([true, false])("Auto-renew set to its current value (%s)", (autoRenew) => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 5 });
    if (!autoRenew) submitChanges(db, admin, clock, sub.id, { autoRenew: false });
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, sub.id, { autoRenew }));
  });

  it("the status it already has", () => {
    const { db, admin, clock } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "northwind-crm-connect", quantity: 5 });
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, sub.id, { status: "active" }));
  });

  it("an add-on quantity equal to the current one, and to a scheduled one", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity: 20 });
    const addOn = buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 5, "extra-file-storage": 0 } }));
    clock.advance(15 * DAY_MS);
    submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 2 } });
    expect(stored(db, addOn.id)).toMatchObject({ quantity: 5, scheduledQuantity: 2 });
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, base.id, { addOns: { "microsoft-365-e5-security": 2 } }));
  });

  it("the whole form as the details page loads it, with a decrease scheduled on the base and an add-on", () => {
    const { db, admin, clock } = setup();
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity: 20 });
    buyAddOn(db, admin, clock, base, "microsoft-365-e5-security", 5);
    clock.advance(15 * DAY_MS);
    submitChanges(db, admin, clock, base.id, { quantity: 10, addOns: { "microsoft-365-e5-security": 2 } });
    const detail = getSubscriptionDetail(db, admin, clock, base.id);
    const s = detail.subscription;
    // What SubscriptionForm and AddOnsSection put in their fields.
    const addOns = Object.fromEntries(detail.addOns.map((a) => [a.offer.id, a.subscription ? (a.subscription.scheduledQuantity ?? a.subscription.quantity) : 0]));
    expectNothingRecorded(db, () => submitChanges(db, admin, clock, base.id, { quantity: s.scheduledQuantity ?? s.quantity, status: s.status === "active" ? "active" : "suspended", autoRenew: s.autoRenew, addOns }));
    expect(reload(db, admin, base.id).version).toBe(s.version);
  });
});
