import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderWithIntl } from "./support/render-intl";
import { ActivityList } from "@/components/ActivityList";
import type { Locale } from "@/i18n/locales";
import type { ActivityRow } from "@/lib/subscriptions";

// Issue 13: the log stores codes, ISO instants and minor units; the page says them in the reader's
// language. Rows as the domain stores them (lib/subscriptions/manage.ts, lifecycle.ts).
const AT = new Date("2026-03-02T10:00:00Z");
let id = 0;
function row(values: Partial<ActivityRow> & Pick<ActivityRow, "action">): ActivityRow {
  return {
    id: ++id,
    partnerId: "contoso",
    customerId: "fabrikam",
    subscriptionId: "sub-1",
    actorUserId: "contoso-global-admin",
    actorName: "Megan Bowen",
    actorRole: "global_admin",
    before: null,
    after: null,
    at: AT,
    offerName: "Office 365 E1",
    customerName: "Fabrikam, Inc.",
    currency: "USD",
    ...values,
  };
}

const ENTRIES = [
  row({ action: "purchase", after: { offer: "Office 365 E1", quantity: 1200, billingFrequency: "annual", status: "active" } }),
  row({ action: "suspend", before: { status: "active" }, after: { status: "suspended", reason: "nonpayment", deletionAt: "2026-05-01T00:00:00.000Z", withBase: false } }),
  row({ action: "cancel", before: { status: "active" }, after: { status: "cancelled", creditMinor: 4500 } }),
  row({ action: "cancel_scheduled", before: { cancellationScheduledAt: null }, after: { cancellationScheduledAt: "2026-04-01T00:00:00.000Z", reason: "Bought by mistake" } }),
  row({ action: "deletion", actorUserId: null, actorName: "system", actorRole: null, before: { status: "suspended" }, after: { status: "deleted", dataRemoved: true } }),
];

function render(locale: Locale, entries: ActivityRow[] = ENTRIES): string {
  const html = renderWithIntl(createElement(ActivityList, { entries }), locale);
  // Intl's spaces (a thousands separator, before a currency) read as plain ones here.
  return html.replace(/[\u00a0\u202f]/g, " ");
}

describe("ActivityList", () => {
  it("in English, as it read before translation (the e2e suites find these words)", () => {
    const html = render("en-US");
    for (const text of ["Purchased", "Suspended", "Cancelled", "Cancellation scheduled", "Deleted", "Global admin"]) expect(html).toContain(text);
    expect(html).toContain("offer: Office 365 E1, quantity: 1,200, billing frequency: annual, status: active");
    expect(html).toContain("status: suspended, reason: nonpayment, deletion at: May 1, 2026, with base: false");
    expect(html).toContain("status: cancelled, credit: $45.00");
    expect(html).toContain("cancellation scheduled at: Apr 1, 2026, reason: Bought by mistake");
    expect(html).toContain("system");
    expect(html).toContain("status: deleted, data removed: true");
    expect(html).toContain("Mar 2, 2026, 10:00 AM UTC");
  });

  it("in Swedish: actions, fields, codes, dates, numbers and money", () => {
    const html = render("sv-SE");
    for (const text of ["Köpt", "Pausad", "Avbruten", "Annullering schemalagd", "Borttagen", "Global administratör", "systemet", "När", "Vem", "Vad", "Före", "Efter"]) expect(html).toContain(text);
    expect(html).toContain("erbjudande: Office 365 E1, antal: 1 200, faktureringsfrekvens: årsvis, status: aktiv");
    expect(html).toContain("status: pausad, orsak: utebliven betalning, datum då data tas bort: 1 maj 2026, med basprenumerationen: nej");
    expect(html).toContain("status: avbruten, kredit: 45,00 US$");
    expect(html).toContain("annullering schemalagd till: 1 apr. 2026, orsak: Köpt av misstag");
    expect(html).toContain("status: borttagen, data borttagna: ja");
    expect(html).not.toMatch(/Purchased|Suspended|cancelled|nonpayment|true/);
  });

  it("a code it does not know is shown as stored, and an empty log says so", () => {
    const html = render("sv-SE", [row({ action: "merged", after: { colour: "blue" } })]);
    expect(html).toContain("merged");
    expect(html).toContain("colour: blue");
    expect(render("sv-SE", [])).toContain("Ingen aktivitet har registrerats.");
    expect(render("en-US", [])).toContain("No activity recorded.");
  });
});
