import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { cancelSubscription, can, getSubscriptionDetail, listActivity } from "@/lib/subscriptions";
import { SubscriptionSummary } from "@/components/SubscriptionSummary";
import { actorFor, buySubscription, clockAt, freshDb } from "./helpers";
import { renderWithIntl } from "./support/render-intl";

// Issue 10, item 4: "Charges so far: $0.00" was shown to roles that may not see charges (Sales agent,
// Helpdesk agent). "Show nothing money-related to a role without that right."

const idOf = (db: AppDatabase, customerId: string, offerId: string) =>
  db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = ? AND offer_id = ?").pluck().get(customerId, offerId) as string;

/** The summary as the subscription's page renders it for this user. */
function summaryFor(db: AppDatabase, userId: string, subscriptionId: string): string {
  const actor = actorFor(db, userId);
  const detail = getSubscriptionDetail(db, actor, clockAt(), subscriptionId);
  return renderWithIntl(createElement(SubscriptionSummary, { detail, canSeeCharges: can(actor, "view_billing") }));
}

describe("the subscription summary", () => {
  it.each(["contoso-sales-agent", "contoso-helpdesk-agent"])("shows %s no charges and no amount", (userId) => {
    const { db } = freshDb();
    const html = summaryFor(db, userId, idOf(db, "fabrikam", "microsoft-365-business-premium"));
    expect(html).toContain("Microsoft 365 Business Premium");
    expect(html).not.toContain("Charges so far");
    expect(html).not.toMatch(/\$\d/);
  });

  it.each(["contoso-global-admin", "contoso-billing-admin", "contoso-admin-agent"])("shows %s the charges so far", (userId) => {
    const { db } = freshDb();
    const html = summaryFor(db, userId, idOf(db, "fabrikam", "microsoft-365-business-premium"));
    expect(html).toMatch(/Charges so far<\/dt><dd[^>]*>\$[1-9][\d,]*\.\d\d</);
  });
});

describe("the activity log", () => {
  it("tells a Helpdesk agent that a subscription was cancelled, not what was credited", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    const clock = clockAt();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "northwind-crm-connect", quantity: 3 });
    cancelSubscription(db, admin, clock, { subscriptionId: sub.id, reason: "Bought by mistake" });

    const cancelEntry = (userId: string) => listActivity(db, actorFor(db, userId), { subscriptionId: sub.id }).find((e) => e.action === "cancel")!;
    expect(cancelEntry("contoso-global-admin").after).toEqual({ status: "cancelled", creditMinor: 4500 });
    expect(cancelEntry("contoso-billing-admin").after).toEqual({ status: "cancelled", creditMinor: 4500 });
    expect(cancelEntry("contoso-helpdesk-agent").after).toEqual({ status: "cancelled" });
  });
});
