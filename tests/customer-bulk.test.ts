import { describe, expect, it } from "vitest";
import { applyBulkChange, DAY_MS, listSubscriptions, type BulkResult } from "@/lib/subscriptions";
import { bulkChangeSchema } from "@/lib/validation";
import { activityOf, actorFor, addCustomer, buyAddOn, buySubscription, clockAt, freshDb, stored, submitChanges, suspendSubscription } from "./helpers";

// Issue 14: "Select subscriptions (on a customer's Subscriptions page or on Renewals) and apply one
// change to all of them ... Each row is checked and applied on its own ... and the result lists every
// row: done, or refused with the reason." Here the rows are one customer's, sent as the Subscriptions
// page sends them: each live row's checkbox value, "id@version" as listed.

const CUSTOMER = "bulk-page-co";

function setup() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  addCustomer(db, { id: CUSTOMER, name: "Bulk Page Co", partnerId: "contoso-partners" });
  const bought = clockAt();
  const buy = (offerId: string, quantity: number) => buySubscription(db, admin, bought, { customerId: CUSTOMER, offerId, quantity });
  const northwind = buy("northwind-crm-connect", 3);
  const tailspin = buy("tailspin-secure-gateway", 2);
  const e3 = buy("office-365-e3", 10);
  const e5Security = buyAddOn(db, admin, bought, e3, "microsoft-365-e5-security", 5);
  return { db, admin, northwind, tailspin, e3, e5Security, later: clockAt(2 * DAY_MS) };
}

/** The checked boxes' values when every row of the page's first page is selected. */
function pageSelection(db: ReturnType<typeof setup>["db"], actor: ReturnType<typeof setup>["admin"], clock: ReturnType<typeof clockAt>): string[] {
  return listSubscriptions(db, actor, clock, CUSTOMER).items.map(({ subscription: s }) => `${s.id}@${s.version}`);
}

const outcomes = (result: BulkResult) => result.results.map((r) => [r.offerName, r.outcome === "done" ? "done" : r.code]);

describe("a bulk change from a customer's Subscriptions page", () => {
  it("turns Auto-renew off where it may, and refuses the Microsoft base, its add-on and a suspended row with their reasons", () => {
    const { db, admin, northwind, tailspin, e3, e5Security, later } = setup();
    suspendSubscription(db, admin, later, tailspin.id);
    const billing = actorFor(db, "contoso-billing-admin");
    const input = bulkChangeSchema.parse({ change: "auto_renew_off", subscriptionId: pageSelection(db, billing, later) });
    const result = applyBulkChange(db, billing, later, input);
    // Listed by offer name, and reported in that order.
    expect(outcomes(result)).toEqual([
      ["Microsoft 365 E5 Security", "autorenew:not_allowed"],
      ["Northwind CRM Connect", "done"],
      ["Office 365 E3", "autorenew:not_allowed"],
      ["Tailspin Secure Gateway", "subscription:not_active"],
    ]);
    expect(result).toMatchObject({ done: 1, refused: 3 });
    expect(result.results.find((r) => r.subscriptionId === tailspin.id)).toMatchObject({ detail: { key: "autoRenewActiveOnly" } });
    expect(result.results.find((r) => r.subscriptionId === northwind.id)).toMatchObject({ customerName: "Bulk Page Co", notices: [{ code: "auto_renew_off", params: { date: expect.any(String) } }] });
    expect([northwind, tailspin, e3, e5Security].map((s) => stored(db, s.id).autoRenew)).toEqual([false, true, true, true]);
    expect(activityOf(db, northwind.id).filter((e) => e.action === "auto_renew").map((e) => e.actorUserId)).toEqual(["contoso-billing-admin"]);
    for (const s of [tailspin, e3, e5Security]) expect(activityOf(db, s.id).filter((e) => e.action === "auto_renew")).toEqual([]);
  });

  it("refuses the one row changed since the page was loaded as stale, and suspends the others", () => {
    const { db, admin, northwind, tailspin, e3, e5Security, later } = setup();
    const helpdesk = actorFor(db, "contoso-helpdesk-agent");
    const selection = pageSelection(db, helpdesk, later);
    // Another user changes Northwind's quantity after the page was loaded.
    submitChanges(db, admin, later, northwind.id, { quantity: 5 });
    const afterOther = stored(db, northwind.id);
    const result = applyBulkChange(db, helpdesk, later, bulkChangeSchema.parse({ change: "suspend", subscriptionId: selection }));
    expect(outcomes(result)).toEqual([
      ["Microsoft 365 E5 Security", "done"],
      ["Northwind CRM Connect", "subscription:stale"],
      ["Office 365 E3", "done"],
      ["Tailspin Secure Gateway", "done"],
    ]);
    expect(stored(db, northwind.id)).toEqual(afterOther);
    expect(activityOf(db, northwind.id).filter((e) => e.action === "suspend")).toEqual([]);
    expect([tailspin, e3, e5Security].map((s) => stored(db, s.id).status)).toEqual(["suspended", "suspended", "suspended"]);
    // Each done row is logged once, under the Helpdesk agent.
    for (const s of [tailspin, e3, e5Security]) expect(activityOf(db, s.id).filter((e) => e.action === "suspend").map((e) => e.actorRole)).toEqual(["helpdesk_agent"]);
  });
});
