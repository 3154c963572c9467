import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { Customer } from "@/db/schema";
import type { OrderDetailLine, OrderListItem, SubscriptionListItem } from "@/lib/subscriptions";
import { CustomerHeader } from "@/components/CustomerHeader";
import { CustomersTable } from "@/components/CustomersTable";
import { dueKey, LineCharges, OrderTotals } from "@/components/OrderCharges";
import { OrdersTable } from "@/components/OrdersTable";
import { SubscriptionsTable } from "@/components/SubscriptionsTable";
import { renderWithIntl } from "./support/render-intl";

// Issue 13: the customers list, a customer's header and the order pages in both languages. The
// English must stay word for word what the e2e specs find (e2e/orders.spec.ts, catalog.spec.ts).
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");

const CUSTOMER = {
  id: "fabrikam",
  partnerId: "contoso",
  name: "Fabrikam, Inc.",
  segment: "education",
  billingCountry: "SE",
  contactName: "Ann Lee",
  contactEmail: "ann@fabrikam.example",
  createdAt: new Date("2026-03-02T10:00:00Z"),
  firstBillingAt: null,
} satisfies Customer;

const TRIAL_END = new Date("2026-04-01T00:00:00Z");
/** A monthly line bought with a free trial: nothing at Buy, $36.00 a month from the trial's end. */
const TRIAL_LINE = {
  subscription: { billingFrequency: "monthly", trialEndsAt: TRIAL_END },
  paidTermStartsAt: TRIAL_END,
  charges: { dueAtPurchaseMinor: 0, paidTermMinor: 3600, currency: "USD" },
} as unknown as OrderDetailLine;

const ORDER: OrderListItem = {
  order: { id: "0123456789abcdef", placedAt: new Date("2026-03-02T10:00:00Z") },
  placedBy: "Megan Bowen",
  lines: [{ subscriptionId: "s1", offerName: "Office 365 E1", quantity: 1200 }],
  charges: { totalMinor: 123450, dueAtPurchaseMinor: 0, currency: "USD" },
};

describe("order charges", () => {
  it("says what Buy charged and the paid term, in English as before", () => {
    const html = renderWithIntl(createElement(LineCharges, { line: TRIAL_LINE, due: "Due today" }));
    expect(text(html)).toBe("Due today: $0.00 · Paid term from Apr 1, 2026: $36.00 per month.");
  });

  it("in Swedish, with Swedish dates and money", () => {
    const html = renderWithIntl(createElement(LineCharges, { line: TRIAL_LINE, due: "Att betala i dag" }), "sv-SE");
    expect(text(html)).toBe("Att betala i dag: 0,00\u00a0US$ · Betald period från 1 apr. 2026: 36,00\u00a0US$ per månad.");
  });

  it("explains the deferred part of the total", () => {
    const html = renderWithIntl(createElement(OrderTotals, { charges: { totalMinor: 3600, dueAtPurchaseMinor: 0, currency: "USD" }, due: "Due today" }));
    expect(text(html)).toContain("The order total includes $36.00 for lines with a free trial: each is charged when its paid term starts, as shown below.");
  });

  it("is due today on the day of the order only", () => {
    expect(dueKey(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T23:59:00Z"))).toBe("dueToday");
    expect(dueKey(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-03T00:00:00Z"))).toBe("chargedAtPurchase");
  });
});

describe("orders table", () => {
  it("names the order and formats its numbers for the reader", () => {
    expect(text(renderWithIntl(createElement(OrdersTable, { customerId: "fabrikam", items: [ORDER], showCharges: true })))).toContain("Order 01234567");
    const sv = text(renderWithIntl(createElement(OrdersTable, { customerId: "fabrikam", items: [ORDER], showCharges: true }), "sv-SE"));
    expect(sv).toContain("Beställning 01234567");
    expect(sv).toContain("Office 365 E1 × 1\u00a0200");
    expect(sv).toContain("1\u00a0234,50\u00a0US$");
  });
});

describe("customers", () => {
  it("shows the segment and country in the reader's language", () => {
    expect(text(renderWithIntl(createElement(CustomerHeader, { customer: CUSTOMER })))).toContain("Education · Sweden · Ann Lee");
    expect(text(renderWithIntl(createElement(CustomerHeader, { customer: CUSTOMER }), "sv-SE"))).toContain("Utbildning · Sverige · Ann Lee");
  });

  it("labels the list's columns", () => {
    const html = text(renderWithIntl(createElement(CustomersTable, { customers: [CUSTOMER], sort: "name", dir: "asc" }), "sv-SE"));
    expect(html).toContain("Kundnamn");
    expect(html).toContain("Faktureringsland");
    expect(html).toContain("2 mars 2026");
  });
});

describe("a customer's subscriptions", () => {
  /** A Microsoft add-on in its free trial, with 1,200 licenses and Auto-renew on: nothing to cancel. */
  const ROW = {
    subscription: { id: "s1", version: 3, status: "active", quantity: 1200, billingFrequency: "annual", termEnd: new Date("2027-03-02T00:00:00Z"), autoRenew: true, baseSubscriptionId: "s0", trialEndsAt: TRIAL_END, trialConvertedAt: null, cancellationScheduledAt: null },
    offer: { name: "Office 365 E1", publisherName: "Microsoft", publisherKind: "microsoft", billingType: "license" },
    cancel: { kind: "none" },
  } as unknown as SubscriptionListItem;
  const render = (locale: "en-US" | "sv-SE") => text(renderWithIntl(createElement(SubscriptionsTable, { customerId: "fabrikam", items: [ROW], canCancel: false }), locale));

  it("keeps the English the specs find", () => {
    const html = render("en-US");
    expect(html).toContain("Microsoft · Add-on · Free trial until Apr 1, 2026");
    expect(html).toContain("Managed by suspension");
    expect(html).toContain("1,200");
  });

  it("says it in Swedish", () => {
    const html = render("sv-SE");
    expect(html).toContain("Microsoft · Tillägg · Kostnadsfri utvärderingsperiod till 1 apr. 2026");
    expect(html).toContain("Hanteras genom att pausa");
    expect(html).toContain("Årsvis");
    expect(html).toContain("Periodens slut");
  });
});
