import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { getSubscriptionDetail, submitSubscriptionChanges, type SubscriptionDetail } from "@/lib/subscriptions";
import { apiSubscriptionChangesSchema, subscriptionChangesSchema } from "@/lib/validation";
import { AddOnsSection } from "@/components/AddOnsSection";
import { renderError } from "@/lib/error-text";
import { actorFor, clockAt, expectRefused, freshDb, stored, submitChanges, tableSnapshot } from "./helpers";
import { renderWithIntl } from "./support/render-intl";

// Issue 10, item 2: "A later Submit undoes a scheduled add-on reduction ... A field the user did not
// touch never produces a change." Fabrikam's seeded Microsoft 365 Business Premium has 10 licenses of
// the Office 365 Advanced Threat Protection add-on, bought 20 days ago: a decrease is scheduled for renewal.
const ATP = "office-365-advanced-threat-protection";

const idOf = (db: AppDatabase, offerId: string) =>
  db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = 'fabrikam' AND offer_id = ?").pluck().get(offerId) as string;

function setup() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  return { db, admin, clock: clockAt(), baseId: idOf(db, "microsoft-365-business-premium"), atpId: idOf(db, ATP) };
}

/** The fields SubscriptionForm and AddOnsSection post for a page showing `detail`, as the form action parses them. */
function formAsLoaded(detail: SubscriptionDetail, typed: Record<string, string> = {}) {
  const s = detail.subscription;
  const html = renderWithIntl(createElement(AddOnsSection, { detail, canBuy: true }));
  const fields: Record<string, string> = { subscriptionId: s.id, version: String(s.version), quantity: String(s.scheduledQuantity ?? s.quantity), status: s.status };
  // Every named input the section renders, with the value it renders.
  for (const [, name, value] of html.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"/g)) fields[name] = value;
  return subscriptionChangesSchema.parse({ ...fields, ...typed });
}

describe("a Submit on the base's page after an add-on decrease was scheduled", () => {
  it("shows the scheduled quantity in the add-on's box, and remembers what it showed", () => {
    const { db, admin, clock, baseId, atpId } = setup();
    expect(submitChanges(db, admin, clock, baseId, { addOns: { [ATP]: 4 } })).toEqual([{ code: "addon_quantity_scheduled", params: { offer: "Office 365 Advanced Threat Protection", quantity: 4 } }]);
    expect(stored(db, atpId)).toMatchObject({ quantity: 10, scheduledQuantity: 4 });
    const form = formAsLoaded(getSubscriptionDetail(db, admin, clock, baseId));
    expect(form.addOns[ATP]).toBe(4);
    expect(form.addOnsShown).toEqual({ [ATP]: 4 });
  });

  it("a page loaded before the decrease was scheduled (on the add-on's own page) changes nothing when submitted untouched", () => {
    const { db, admin, clock, baseId, atpId } = setup();
    const loaded = formAsLoaded(getSubscriptionDetail(db, admin, clock, baseId));
    expect(loaded.addOns[ATP]).toBe(10);
    expect(submitChanges(db, admin, clock, atpId, { quantity: 4 })).toEqual([{ code: "quantity_scheduled", params: { quantity: 4, date: expect.any(String) } }]);
    // The base's version did not move, so the older page is not stale: its untouched field must not count.
    const before = tableSnapshot(db);
    expect(submitSubscriptionChanges(db, admin, clock, loaded)).toEqual([]);
    expect(tableSnapshot(db)).toEqual(before);
    expect(stored(db, atpId)).toMatchObject({ quantity: 10, scheduledQuantity: 4 });
  });

  it("the same through the API, which may send what it read", () => {
    const { db, admin, clock, baseId, atpId } = setup();
    const { version } = stored(db, baseId);
    submitChanges(db, admin, clock, atpId, { quantity: 4 });
    const input = apiSubscriptionChangesSchema.parse({ version, addOns: { [ATP]: 10 }, addOnsShown: { [ATP]: 10 } });
    expect(submitSubscriptionChanges(db, admin, clock, { subscriptionId: baseId, ...input })).toEqual([]);
    expect(stored(db, atpId)).toMatchObject({ quantity: 10, scheduledQuantity: 4 });
  });

  it("a quantity typed over one that changed since the page was loaded is refused, and nothing changes", () => {
    const { db, admin, clock, baseId, atpId } = setup();
    const detail = getSubscriptionDetail(db, admin, clock, baseId);
    submitChanges(db, admin, clock, atpId, { quantity: 4 });
    const error = expectRefused(db, "subscription:stale", () => submitSubscriptionChanges(db, admin, clock, formAsLoaded(detail, { [`addon:${ATP}`]: "7", quantity: "45" })));
    expect(error.detail).toEqual({ key: "addOnChangedSince", params: { offer: "Office 365 Advanced Threat Protection" } });
    expect(renderError("en-US", error)?.message).toBe("Office 365 Advanced Threat Protection changed since the page was loaded. Reload the page and try again.");
  });

  it("setting the box back to the current quantity on purpose still drops the scheduled decrease", () => {
    const { db, admin, clock, baseId, atpId } = setup();
    submitChanges(db, admin, clock, baseId, { addOns: { [ATP]: 4 } });
    const form = formAsLoaded(getSubscriptionDetail(db, admin, clock, baseId), { [`addon:${ATP}`]: "10" });
    expect(submitSubscriptionChanges(db, admin, clock, form)).toEqual([{ code: "addon_quantity_changed", params: { offer: "Office 365 Advanced Threat Protection", quantity: 10 } }]);
    expect(stored(db, atpId)).toMatchObject({ quantity: 10, scheduledQuantity: null });
  });
});
