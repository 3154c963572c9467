import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { ChargesTable } from "@/components/ChargesTable";
import { chargeDescriptionsIn } from "@/lib/charge-text";
import { cancelSubscription, CHARGE_DESCRIPTIONS, getSubscriptionDetail, HOUR_MS, type ChargeDescription, type LedgerLine } from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, freshDb, SEED_NOW, submitChanges } from "./helpers";
import { renderWithIntl } from "./support/render-intl";

const edge = vi.hoisted(() => ({ db: undefined as unknown, actor: undefined as unknown }));
vi.mock("@/db", () => ({ getDb: () => edge.db }));
vi.mock("@/lib/server/context", async () => {
  const { fixedClock } = await import("@/lib/subscriptions");
  return { currentActor: async () => edge.actor, getClock: () => fixedClock(SEED_NOW) };
});
const invoiceRoute = await import("@/app/api/customers/[customerId]/invoice/route");

// Issue 13: "the domain must not produce English sentences". The ledger stores what a charge is for as
// a code; the pages, the CSV and the JSON word it with the offer's name and the entry's quantity. The
// English is word for word what the e2e specs find (e2e/manage.spec.ts, e2e/clock.spec.ts).
const english = chargeDescriptionsIn("en-US");
const swedish = chargeDescriptionsIn("sv-SE");
const line = (description: string, quantity = 5, offerName = "Exchange Online (Plan 2)") => ({ description, quantity, offerName });

const ENGLISH: Record<ChargeDescription, string> = {
  first_term: "Exchange Online (Plan 2): first term",
  prorated_first_charge: "Exchange Online (Plan 2): pro-rated first charge",
  renewal: "Exchange Online (Plan 2): renewal",
  conversion: "Exchange Online (Plan 2): first paid term after the free trial",
  licenses_added: "Exchange Online (Plan 2): 5 license(s) added, pro-rated",
  licenses_removed_credit: "Exchange Online (Plan 2): credit for 5 license(s) removed",
  cancellation_credit: "Exchange Online (Plan 2): full credit on cancellation",
  renewal_on_reactivation: "Exchange Online (Plan 2): new term on reactivation",
  conversion_on_reactivation: "Exchange Online (Plan 2): first paid term after the free trial, from reactivation",
  prorated_on_reactivation: "Exchange Online (Plan 2): pro-rated to its base's term, from reactivation",
};

describe("a charge's description", () => {
  it.each(CHARGE_DESCRIPTIONS)("%s reads in English as the sentence the ledger used to store", (code) => {
    expect(english(line(code))).toBe(ENGLISH[code]);
  });

  it("reads in Swedish, licenses counted by the plural rules", () => {
    expect(swedish(line("first_term"))).toBe("Exchange Online (Plan 2): första perioden");
    expect(swedish(line("licenses_added"))).toBe("Exchange Online (Plan 2): 5 licenser tillagda, proportionellt");
    expect(swedish(line("licenses_removed_credit", 1))).toBe("Exchange Online (Plan 2): kredit för 1 borttagen licens");
    expect(swedish(line("cancellation_credit"))).toBe("Exchange Online (Plan 2): full kredit vid annullering");
  });

  it("shows a sentence stored before the codes as it is, in any language", () => {
    const old = line("Relecloud Insights: first term", 1, "Relecloud Insights");
    expect(english(old)).toBe("Relecloud Insights: first term");
    expect(swedish(old)).toBe("Relecloud Insights: first term");
  });
});

describe("the ledger", () => {
  it("stores codes, read back with the offer's name and each entry's quantity", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    const billing = actorFor(db, "contoso-billing-admin");
    const clock = clockAt();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "northwind-crm-connect", quantity: 3 });
    clock.advance(2 * HOUR_MS);
    submitChanges(db, admin, clock, sub.id, { quantity: 5 });
    submitChanges(db, admin, clock, sub.id, { quantity: 4 });
    cancelSubscription(db, billing, clock, { subscriptionId: sub.id, reason: "Bought by mistake" });

    const { ledger } = getSubscriptionDetail(db, billing, clock, sub.id);
    expect(ledger.map((l) => [l.description, l.quantity, l.offerName])).toEqual([
      ["first_term", 3, "Northwind CRM Connect"],
      ["licenses_added", 2, "Northwind CRM Connect"],
      ["licenses_removed_credit", 1, "Northwind CRM Connect"],
      ["cancellation_credit", 4, "Northwind CRM Connect"],
    ]);
    expect(ledger.map(english)).toEqual([
      "Northwind CRM Connect: first term",
      "Northwind CRM Connect: 2 license(s) added, pro-rated",
      "Northwind CRM Connect: credit for 1 license(s) removed",
      "Northwind CRM Connect: full credit on cancellation",
    ]);
  });
});

describe("the Charges table", () => {
  const entry = (description: string, quantity: number): LedgerLine => ({
    id: description,
    partnerId: "contoso-partners",
    customerId: "fabrikam",
    subscriptionId: "s1",
    kind: "prorata",
    description,
    quantity,
    amountMinor: 1250,
    currency: "USD",
    chargeStart: new Date("2026-03-02T10:00:00Z"),
    chargeEnd: new Date("2026-04-02T00:00:00Z"),
    postedAt: new Date("2026-03-02T10:00:00Z"),
    offerName: "Exchange Online (Plan 2)",
  });
  const entries = [entry("licenses_added", 5), entry("renewal_on_reactivation", 12), entry("Exchange Online (Plan 2): renewal", 12)];

  it("says each description in English as before", () => {
    const html = renderWithIntl(createElement(ChargesTable, { entries }));
    expect(html).toContain("Exchange Online (Plan 2): 5 license(s) added, pro-rated");
    expect(html).toContain("Exchange Online (Plan 2): new term on reactivation");
    expect(html).toContain("Exchange Online (Plan 2): renewal");
  });

  it("says each description in Swedish, an old English one as it was stored", () => {
    const html = renderWithIntl(createElement(ChargesTable, { entries }), "sv-SE");
    expect(html).toContain("Beskrivning");
    expect(html).toContain("Exchange Online (Plan 2): 5 licenser tillagda, proportionellt");
    expect(html).toContain("Exchange Online (Plan 2): ny period vid återaktivering");
    expect(html).toContain("Exchange Online (Plan 2): renewal");
  });
});

describe("GET /api/customers/{id}/invoice", () => {
  it("words each line's description in the request's language", async () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    const sub = buySubscription(db, admin, clockAt(), { customerId: "tailwind-traders", offerId: "northwind-crm-connect", quantity: 3 });
    edge.db = db;
    edge.actor = actorFor(db, "contoso-billing-admin");
    const descriptions = async (headers: Record<string, string>) => {
      const response = await invoiceRoute.GET(new Request("http://localhost:3000/api/customers/tailwind-traders/invoice", { headers }), { params: Promise.resolve({ customerId: "tailwind-traders" }) });
      const body = (await response.json()) as { lines: { subscriptionId: string; description: string }[] };
      return body.lines.filter((l) => l.subscriptionId === sub.id).map((l) => l.description);
    };
    expect(await descriptions({})).toEqual(["Northwind CRM Connect: first term"]);
    expect(await descriptions({ "x-locale": "sv-SE" })).toEqual(["Northwind CRM Connect: första perioden"]);
  });
});
