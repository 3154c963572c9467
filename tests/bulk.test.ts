import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { applyBulkChange, DAY_MS, fixedClock, MAX_BULK_ROWS, type BulkResult } from "@/lib/subscriptions";
import { bulkChangeSchema } from "@/lib/validation";
import { activityOf, actorFor, addCustomer, buySubscription, domainError, freshDb, ledgerOf, reload, SEED_NOW, stored, submitChanges } from "./helpers";

// Issue 14, Bulk changes: "Each row is checked and applied on its own (the role, the partner type, the
// subscription's state and the refund window apply exactly as for a single change), and the result
// lists every row: done, or refused with the reason. Nothing is half-applied to a row; the activity
// log has one entry per row, with who did it."

function setup() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  addCustomer(db, { id: "bulk-co", name: "Bulk Co", partnerId: "contoso-partners" });
  const bought = fixedClock(SEED_NOW);
  const buy = (offerId: string, quantity = 1) => buySubscription(db, admin, bought, { customerId: "bulk-co", offerId, quantity });
  const isvA = buy("northwind-crm-connect", 3);
  const isvB = buy("tailspin-secure-gateway", 2);
  const microsoft = buy("microsoft-365-business-basic", 4);
  // Another partner's subscription: Adventure Works's own customer.
  const aw = actorFor(db, "adventure-works-global-admin");
  const foreign = db.$client.prepare("SELECT id FROM subscriptions WHERE partner_id = 'adventure-works' AND status = 'active' LIMIT 1").pluck().get() as string;
  expect(foreign).toBeTruthy();
  return { db, admin, aw, isvA, isvB, microsoft, foreign, later: fixedClock(new Date(SEED_NOW.getTime() + 2 * DAY_MS)) };
}

const outcomes = (result: BulkResult) => Object.fromEntries(result.results.map((r) => [r.subscriptionId, r.outcome === "done" ? "done" : r.code]));
const entries = (db: AppDatabase, id: string, action: string) => activityOf(db, id).filter((e) => e.action === action);

describe("applyBulkChange", () => {
  it("turns Auto-renew off row by row: ISV rows done, a Microsoft row, another partner's and an unknown id refused", () => {
    const { db, isvA, isvB, microsoft, foreign, later } = setup();
    const billing = actorFor(db, "contoso-billing-admin");
    const before = { microsoft: stored(db, microsoft.id), foreign: stored(db, foreign) };
    const result = applyBulkChange(db, billing, later, {
      targets: [isvA.id, isvB.id, microsoft.id, foreign, "no-such-subscription"].map((subscriptionId) => ({ subscriptionId })),
      change: { kind: "auto_renew", autoRenew: false },
    });
    expect(outcomes(result)).toEqual({ [isvA.id]: "done", [isvB.id]: "done", [microsoft.id]: "autorenew:not_allowed", [foreign]: "not_found:subscription", "no-such-subscription": "not_found:subscription" });
    expect(result).toMatchObject({ done: 2, refused: 3 });
    expect(result.results[0]).toMatchObject({ offerName: "Northwind CRM Connect", customerName: "Bulk Co" });
    // Another partner's row says "not found" and names nothing of it.
    const foreignRow = result.results.find((r) => r.subscriptionId === foreign)!;
    expect([foreignRow.offerName, foreignRow.customerName]).toEqual([undefined, undefined]);
    expect(result.results.find((r) => r.subscriptionId === microsoft.id)).toMatchObject({ outcome: "refused", code: "autorenew:not_allowed" });
    expect([stored(db, isvA.id).autoRenew, stored(db, isvB.id).autoRenew]).toEqual([false, false]);
    // One activity entry per done row, with who did it; the refused rows are untouched.
    for (const id of [isvA.id, isvB.id]) expect(entries(db, id, "auto_renew").map((e) => [e.actorUserId, e.actorRole])).toEqual([["contoso-billing-admin", "billing_admin"]]);
    expect(stored(db, microsoft.id)).toEqual(before.microsoft);
    expect(stored(db, foreign)).toEqual(before.foreign);
    expect(entries(db, microsoft.id, "auto_renew")).toEqual([]);
  });

  it("refuses a row changed since the page was loaded (stale), and applies the others", () => {
    const { db, admin, isvA, isvB, later } = setup();
    const shown = [isvA, isvB].map((s) => ({ subscriptionId: s.id, version: reload(db, admin, s.id).version }));
    // Someone else changes B's quantity after the page was loaded.
    submitChanges(db, admin, later, isvB.id, { quantity: 5 });
    const afterOther = stored(db, isvB.id);
    const result = applyBulkChange(db, admin, later, { targets: shown, change: { kind: "suspend" } });
    expect(outcomes(result)).toEqual({ [isvA.id]: "done", [isvB.id]: "subscription:stale" });
    expect(stored(db, isvA.id).status).toBe("suspended");
    expect(stored(db, isvB.id)).toEqual(afterOther);
    expect(entries(db, isvB.id, "suspend")).toEqual([]);
  });

  it("cancels within the refund window, schedules after it, and refuses a Microsoft offer", () => {
    const { db, admin, isvA, isvB, microsoft } = setup();
    const hourLater = fixedClock(new Date(SEED_NOW.getTime() + 60 * 60 * 1000));
    const inWindow = applyBulkChange(db, admin, hourLater, { targets: [{ subscriptionId: isvA.id }, { subscriptionId: microsoft.id }], change: { kind: "cancel", reason: "Bought by mistake" } });
    expect(outcomes(inWindow)).toEqual({ [isvA.id]: "done", [microsoft.id]: "subscription:not_cancellable" });
    expect(stored(db, isvA.id).status).toBe("cancelled");
    // The refund: a credit for everything charged.
    expect(ledgerOf(db, isvA.id).reduce((sum, e) => sum + e.amountMinor, 0)).toBe(0);
    const twoDaysLater = fixedClock(new Date(SEED_NOW.getTime() + 2 * DAY_MS));
    const outside = applyBulkChange(db, admin, twoDaysLater, { targets: [{ subscriptionId: isvB.id }], change: { kind: "cancel", reason: "Customer request" } });
    expect(outcomes(outside)).toEqual({ [isvB.id]: "done" });
    expect(stored(db, isvB.id)).toMatchObject({ status: "active", cancellationScheduledAt: stored(db, isvB.id).termEnd });
    expect(stored(db, microsoft.id).status).toBe("active");
  });

  it("sets a new quantity where the offer allows it and refuses the row where it doesn't", () => {
    const { db, admin, isvA, microsoft, later } = setup();
    const adatum = buySubscription(db, admin, later, { customerId: "bulk-co", offerId: "adatum-compliance-suite", quantity: 10 });
    const result = applyBulkChange(db, admin, later, { targets: [isvA, microsoft, adatum].map((s) => ({ subscriptionId: s.id })), change: { kind: "quantity", quantity: 4 } });
    // Adatum Compliance Suite sells at least 5 licenses; Microsoft's row already has 4: done, nothing changed.
    expect(outcomes(result)).toEqual({ [isvA.id]: "done", [microsoft.id]: "done", [adatum.id]: "quantity:out_of_range" });
    expect(result.results.find((r) => r.subscriptionId === microsoft.id)).toMatchObject({ notices: [{ code: "quantity_unchanged", params: { quantity: 4 } }] });
    expect([stored(db, isvA.id).quantity, stored(db, microsoft.id).quantity, stored(db, adatum.id).quantity]).toEqual([4, 4, 10]);
    expect(entries(db, microsoft.id, "quantity")).toEqual([]);
  });

  it("suspends and reactivates as a Helpdesk agent; reactivating an active row is refused", () => {
    const { db, isvA, isvB, later } = setup();
    const helpdesk = actorFor(db, "contoso-helpdesk-agent");
    expect(outcomes(applyBulkChange(db, helpdesk, later, { targets: [{ subscriptionId: isvA.id }], change: { kind: "suspend", reason: "nonpayment" } }))).toEqual({ [isvA.id]: "done" });
    const result = applyBulkChange(db, helpdesk, later, { targets: [{ subscriptionId: isvA.id }, { subscriptionId: isvB.id }], change: { kind: "reactivate" } });
    expect(outcomes(result)).toEqual({ [isvA.id]: "done", [isvB.id]: "subscription:invalid_transition" });
    expect(stored(db, isvA.id).status).toBe("active");
  });

  it("refuses the whole request for a role without the right, and more than the limit", () => {
    const { db, isvA, later } = setup();
    expect(domainError(() => applyBulkChange(db, actorFor(db, "contoso-sales-agent"), later, { targets: [{ subscriptionId: isvA.id }], change: { kind: "suspend" } })).code).toBe("forbidden");
    expect(domainError(() => applyBulkChange(db, actorFor(db, "contoso-helpdesk-agent"), later, { targets: [{ subscriptionId: isvA.id }], change: { kind: "auto_renew", autoRenew: false } })).code).toBe("forbidden");
    expect(stored(db, isvA.id).autoRenew).toBe(true);
    const admin = actorFor(db, "contoso-global-admin");
    const tooMany = Array.from({ length: MAX_BULK_ROWS + 1 }, (_, i) => ({ subscriptionId: `s-${i}` }));
    expect(domainError(() => applyBulkChange(db, admin, later, { targets: tooMany, change: { kind: "suspend" } })).code).toBe("invalid_input");
    expect(domainError(() => applyBulkChange(db, admin, later, { targets: [], change: { kind: "suspend" } })).code).toBe("invalid_input");
    // A repeated id is one row.
    const twice = applyBulkChange(db, admin, later, { targets: [{ subscriptionId: isvA.id }, { subscriptionId: isvA.id }], change: { kind: "suspend" } });
    expect(twice.results).toHaveLength(1);
    expect(entries(db, isvA.id, "suspend")).toHaveLength(1);
  });
});

describe("the bulk change form's input", () => {
  it("reads each selected row's id and version, and the change with what it needs", () => {
    expect(bulkChangeSchema.parse({ change: "auto_renew_off", subscriptionId: ["a-1@3", "b@x@12"] })).toEqual({
      targets: [{ subscriptionId: "a-1", version: 3 }, { subscriptionId: "b@x", version: 12 }],
      change: { kind: "auto_renew", autoRenew: false },
    });
    expect(bulkChangeSchema.parse({ change: "quantity", subscriptionId: "a@1", quantity: "7" }).change).toEqual({ kind: "quantity", quantity: 7 });
    expect(bulkChangeSchema.safeParse({ change: "quantity", subscriptionId: "a@1", quantity: "1e3" }).success).toBe(false);
    expect(bulkChangeSchema.safeParse({ change: "cancel", subscriptionId: "a@1" }).error?.issues[0].path).toEqual(["reason"]);
    expect(bulkChangeSchema.safeParse({ change: "suspend" }).error?.issues[0].message).toBe("selectAtLeastOne");
    expect(bulkChangeSchema.safeParse({ change: "delete_everything", subscriptionId: "a@1" }).success).toBe(false);
  });
});
