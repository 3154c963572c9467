import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { cancelSubscription, getSubscriptionDetail, listSubscriptions, nextInvoice } from "@/lib/subscriptions";
import { SubscriptionSummary } from "@/components/SubscriptionSummary";
import { activityOf, actorFor, clockAt, expectRefused, freshDb, ledgerOf, stored } from "./helpers";
import { renderWithIntl } from "./support/render-intl";

// Issue 10, item 11: "Seed an existing usage-based SaaS subscription (bought through the Azure portal, so
// it appears in the customer's list) and let it be de-provisioned through the same Cancel procedure, with
// no refund, as the how-to says."
const CUSTOMER = "southridge-video";

function litware() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  const item = listSubscriptions(db, admin, clockAt(), CUSTOMER).items.find((i) => i.offer.id === "litware-analytics-metered");
  return { db, admin, item };
}

describe("a usage-based ISV subscription bought in the Azure portal", () => {
  it("is in the customer's list, active, with no order and no charge, and Cancel de-provisions it", () => {
    const { db, admin, item } = litware();
    expect(item).toBeDefined();
    expect(item!.subscription).toMatchObject({ status: "active", orderId: null, baseSubscriptionId: null, quantity: 1 });
    expect(item!.cancel).toEqual({ kind: "deprovision" });
    expect(ledgerOf(db, item!.subscription.id)).toEqual([]);
    const html = renderWithIntl(createElement(SubscriptionSummary, { detail: getSubscriptionDetail(db, admin, clockAt(), item!.subscription.id), canSeeCharges: true }));
    expect(html).toContain("through the Azure portal");
  });

  it("is de-provisioned by Cancel, Yes, cancel: ended now, no credit, logged as de-provisioned", () => {
    const { db, item } = litware();
    const billing = actorFor(db, "contoso-billing-admin");
    const clock = clockAt();
    const id = item!.subscription.id;
    const { outcome, subscription } = cancelSubscription(db, billing, clock, { subscriptionId: id, version: item!.subscription.version, reason: "Customer request" });
    expect(outcome).toBe("deprovisioned");
    expect(subscription).toMatchObject({ status: "cancelled", endedAt: clock.now(), cancellationReason: "Customer request" });
    expect(ledgerOf(db, id)).toEqual([]);
    expect(nextInvoice(db, billing, clock, CUSTOMER).lines.filter((l) => l.subscriptionId === id)).toEqual([]);
    expect(activityOf(db, id).at(-1)).toMatchObject({ action: "deprovision", actorUserId: billing.userId, after: { status: "cancelled", creditMinor: 0 } });
    // Once ended, there is nothing left to cancel.
    expectRefused(db, "subscription:not_cancellable", () => cancelSubscription(db, billing, clock, { subscriptionId: id, reason: "Other" }));
    expect(stored(db, id).status).toBe("cancelled");
  });

  it("can't be de-provisioned by a role without Cancel", () => {
    const { db, item } = litware();
    expectRefused(db, "forbidden", () => cancelSubscription(db, actorFor(db, "contoso-sales-agent"), clockAt(), { subscriptionId: item!.subscription.id, reason: "Other" }));
  });
});
