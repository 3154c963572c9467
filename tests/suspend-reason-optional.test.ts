import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderWithIntl } from "./support/render-intl";
import { ActivityList } from "@/components/ActivityList";
import { listActivity, submitSubscriptionChanges } from "@/lib/subscriptions";
import { apiSubscriptionChangesSchema, subscriptionChangesSchema } from "@/lib/validation";
import { actorFor, buySubscription, clockAt, freshDb, stored } from "./helpers";

// Issue 10, item 9: the how-to's suspend steps, "In the Status section, choose Suspended. Then Submit
// your changes.", were refused for lack of a reason. A reason may be offered; it must not be required.
// (The domain's side is in tests/manage.test.ts, "suspends without a reason".)
describe("Suspended with no reason", () => {
  it("from the page's form: the empty choice reads as no reason, and suspends", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    const clock = clockAt();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1", quantity: 2 });
    for (const fields of [{}, { suspensionReason: "" }]) {
      const input = subscriptionChangesSchema.parse({ subscriptionId: sub.id, version: String(stored(db, sub.id).version), quantity: "2", status: "suspended", ...fields });
      expect(input.suspensionReason).toBeUndefined();
      expect(submitSubscriptionChanges(db, admin, clock, input)).toEqual([{ code: "subscription_suspended", params: { date: expect.any(String) } }]);
      expect(stored(db, sub.id)).toMatchObject({ status: "suspended", suspensionReason: null });
      submitSubscriptionChanges(db, admin, clock, { subscriptionId: sub.id, version: stored(db, sub.id).version, status: "active" });
    }
  });

  it("from the API: left out or null", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-helpdesk-agent");
    const clock = clockAt();
    const sub = buySubscription(db, actorFor(db, "contoso-global-admin"), clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    for (const body of [{ status: "suspended" }, { status: "suspended", suspensionReason: null }]) {
      const input = apiSubscriptionChangesSchema.parse({ version: stored(db, sub.id).version, ...body });
      expect(submitSubscriptionChanges(db, admin, clock, { subscriptionId: sub.id, ...input })).toEqual([{ code: "subscription_suspended", params: { date: expect.any(String) } }]);
      expect(stored(db, sub.id)).toMatchObject({ status: "suspended", suspensionReason: null });
      submitSubscriptionChanges(db, admin, clock, { subscriptionId: sub.id, version: stored(db, sub.id).version, status: "active" });
    }
    // A reason that is not one of the list is still refused.
    expect(apiSubscriptionChangesSchema.safeParse({ version: 1, status: "suspended", suspensionReason: "Fraud" }).success).toBe(false);
  });

  it("the activity log says nothing of a reason that was not given", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    const clock = clockAt();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    submitSubscriptionChanges(db, admin, clock, { subscriptionId: sub.id, version: stored(db, sub.id).version, status: "suspended" });
    const [entry] = listActivity(db, admin, { subscriptionId: sub.id, action: "suspend" });
    const html = renderWithIntl(createElement(ActivityList, { entries: [entry] }));
    expect(html).toContain("status: suspended");
    expect(html).not.toContain("reason");
  });
});
