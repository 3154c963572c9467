import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { AZURE_PORTAL_URL, getCatalogOffer, listCatalog, PAGE_SIZE, type Actor, type CatalogFilters, type CatalogOffer } from "@/lib/subscriptions";
import { unavailableReasonText } from "@/lib/unavailable-text";
import { actorFor, buySubscription, clockAt, domainError, freshDb, suspendSubscription } from "./helpers";

/** Every page of the catalog for a customer. */
function wholeCatalog(db: AppDatabase, actor: Actor, customerId: string, filters: CatalogFilters = {}): CatalogOffer[] {
  const first = listCatalog(db, actor, customerId, filters);
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page++) items.push(...listCatalog(db, actor, customerId, { ...filters, page }).items);
  expect(items).toHaveLength(first.total);
  return items;
}

function entry(db: AppDatabase, actor: Actor, customerId: string, offerId: string): CatalogOffer | undefined {
  return wholeCatalog(db, actor, customerId).find((i) => i.offer.id === offerId);
}

describe("listCatalog", () => {
  it("never lists add-ons, and lists each offer once across pages", () => {
    const { db } = freshDb();
    const items = wholeCatalog(db, actorFor(db, "contoso-global-admin"), "fabrikam");
    expect(items.length).toBeGreaterThan(PAGE_SIZE);
    expect(new Set(items.map((i) => i.offer.id)).size).toBe(items.length);
    expect(items.every((i) => i.offer.prerequisiteOfferId === null)).toBe(true);
    expect(items.every((i) => i.offer.cloud === "commercial")).toBe(true);
    const names = items.map((i) => i.offer.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("combines the Publisher, Billing type and Category filters", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const items = wholeCatalog(db, actor, "fabrikam", { publisher: ["partner"], billingType: ["license"], category: ["small_business"] });
    expect(items.length).toBeGreaterThan(0);
    for (const { offer } of items) expect(offer).toMatchObject({ publisherKind: "partner", billingType: "license", category: "small_business" });
    expect(items.map((i) => i.offer.id)).toContain("contoso-backup-pro");
    // Offers that can't be bought are still listed, with the reason.
    expect(items.find((i) => i.offer.id === "fourth-coffee-pos")?.unavailable).toEqual({ code: "exclusive" });

    const usage = wholeCatalog(db, actor, "fabrikam", { billingType: ["usage"] });
    expect(usage.map((i) => i.offer.id).sort()).toEqual(["azure-plan", "litware-analytics-metered", "power-apps-per-app-pay-as-you-go", "teams-phone-pay-as-you-go-calling", "vanarsdel-container-hosting"]);
    const trialsOrSmb = wholeCatalog(db, actor, "fabrikam", { category: ["trial", "small_business"] });
    expect(new Set(trialsOrSmb.map((i) => i.offer.category))).toEqual(new Set(["trial", "small_business"]));
    expect(wholeCatalog(db, actor, "fabrikam", { publisher: ["microsoft"], billingType: ["usage"], category: ["trial"] })).toEqual([]);
  });

  it("searches offer names, case-insensitively, with the filters", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    expect(wholeCatalog(db, actor, "fabrikam", { q: "office 365 e" }).map((i) => i.offer.name)).toEqual(["Office 365 E1", "Office 365 E3", "Office 365 E3 Trial", "Office 365 E5"]);
    expect(wholeCatalog(db, actor, "fabrikam", { q: "office 365 e", category: ["trial"] }).map((i) => i.offer.name)).toEqual(["Office 365 E3 Trial"]);
    expect(listCatalog(db, actor, "fabrikam", { q: "no such offer" })).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
  });

  it("shows the offers of the customer's segment", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const education = wholeCatalog(db, actor, "contoso-university").map((i) => i.offer.name);
    const commercial = wholeCatalog(db, actor, "fabrikam").map((i) => i.offer.name);
    expect(education).toContain("Office 365 A1 for faculty");
    expect(commercial).not.toContain("Office 365 A1 for faculty");
    expect(education).not.toContain("Office 365 E3");
    expect(commercial).toContain("Office 365 E3");
    expect(wholeCatalog(db, actor, "northwind-nonprofit").map((i) => i.offer.id)).toContain("microsoft-365-business-premium-nonprofit");
  });

  it("shows the US Government cloud's offers to its partner only", () => {
    const { db } = freshDb();
    const gov = wholeCatalog(db, actorFor(db, "trey-research-global-admin"), "federal-weather-service");
    expect(gov.length).toBeGreaterThan(0);
    expect(gov.every((i) => i.offer.cloud === "us_government")).toBe(true);
    expect(gov.map((i) => i.offer.id)).toContain("office-365-g3-gcc-high");
    expect(wholeCatalog(db, actorFor(db, "contoso-global-admin"), "city-of-redmond").map((i) => i.offer.id)).not.toContain("office-365-g3-gcc-high");
  });

  it("lists the billing frequencies each offer allows", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    expect(entry(db, actor, "fabrikam", "alpine-ski-booking")?.frequencies).toEqual(["monthly"]);
    expect(entry(db, actor, "fabrikam", "wide-world-importers-logistics")?.frequencies).toEqual(["annual"]);
    expect(entry(db, actor, "fabrikam", "office-365-e1")?.frequencies).toEqual(["monthly", "annual"]);
  });
});

describe("why an offer can't be bought, for the seeded customers", () => {
  it("Fabrikam's Office 365 E3 is suspended: reactivate rather than buy", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const suspendedId = db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = 'fabrikam' AND offer_id = 'office-365-e3'").pluck().get();
    expect(entry(db, actor, "fabrikam", "office-365-e3")?.unavailable).toEqual({ code: "suspended", subscriptionId: suspendedId });
  });

  it("a customer with many subscriptions of an offer: the suspended one decides, whichever it is", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const clock = clockAt();
    const bought = Array.from({ length: 5 }, () => buySubscription(db, actor, clock, { customerId: "coho-winery", offerId: "office-365-e1" }));
    expect(entry(db, actor, "coho-winery", "office-365-e1")?.unavailable).toBeNull();
    suspendSubscription(db, actor, clock, bought[3].id);
    expect(entry(db, actor, "coho-winery", "office-365-e1")?.unavailable).toEqual({ code: "suspended", subscriptionId: bought[3].id });
  });

  it("Wingtip Toys (SE) has its one Tailspin Secure Gateway, and Adatum doesn't sell in Sweden", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const tailspinId = db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = 'wingtip-toys' AND offer_id = 'tailspin-secure-gateway'").pluck().get();
    expect(entry(db, actor, "wingtip-toys", "tailspin-secure-gateway")?.unavailable).toEqual({ code: "one_per_customer", subscriptionId: tailspinId });
    const adatum = entry(db, actor, "wingtip-toys", "adatum-compliance-suite")!.unavailable!;
    expect(adatum).toEqual({ code: "country", country: "SE" });
    expect(unavailableReasonText("en-US", adatum)).toContain("(Sweden)");
    // A US customer without a Tailspin subscription may buy both.
    expect(entry(db, actor, "coho-winery", "tailspin-secure-gateway")?.unavailable).toBeNull();
    expect(entry(db, actor, "coho-winery", "adatum-compliance-suite")?.unavailable).toBeNull();
  });

  it("Proseware isn't sold through CSP", () => {
    const { db } = freshDb();
    expect(entry(db, actorFor(db, "contoso-global-admin"), "fabrikam", "proseware-field-service")?.unavailable).toEqual({ code: "not_in_csp" });
  });

  it("Fourth Coffee POS is exclusive to Northwind Channel Partners", () => {
    const { db } = freshDb();
    expect(entry(db, actorFor(db, "contoso-global-admin"), "fabrikam", "fourth-coffee-pos")?.unavailable).toEqual({ code: "exclusive" });
    expect(entry(db, actorFor(db, "northwind-channel-global-admin"), "fourth-coffee-roasters", "fourth-coffee-pos")?.unavailable).toBeNull();
  });

  it("Relecloud Insights is available to Contoso, to which it is exclusive", () => {
    const { db } = freshDb();
    expect(entry(db, actorFor(db, "contoso-global-admin"), "fabrikam", "relecloud-insights")?.unavailable).toBeNull();
    expect(entry(db, actorFor(db, "adventure-works-global-admin"), "libertys-bakery", "relecloud-insights")?.unavailable).toEqual({ code: "exclusive" });
  });

  it("Litware is bought in the Azure portal, not in Partner Center", () => {
    const { db } = freshDb();
    expect(entry(db, actorFor(db, "contoso-global-admin"), "fabrikam", "litware-analytics-metered")?.unavailable).toEqual({ code: "not_transactable", portalUrl: AZURE_PORTAL_URL });
  });

  it("an ordinary offer is available", () => {
    const { db } = freshDb();
    expect(entry(db, actorFor(db, "contoso-global-admin"), "fabrikam", "office-365-e1")?.unavailable).toBeNull();
  });
});

describe("getCatalogOffer", () => {
  it("finds catalog offers of the partner's cloud, never add-ons", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    expect(getCatalogOffer(db, actor, "office-365-e3").name).toBe("Office 365 E3");
    expect(domainError(() => getCatalogOffer(db, actor, "microsoft-365-e5-security")).code).toBe("not_found:offer");
    expect(domainError(() => getCatalogOffer(db, actor, "office-365-g3-gcc-high")).code).toBe("not_found:offer");
    expect(domainError(() => getCatalogOffer(db, actor, "nope")).code).toBe("not_found:offer");
  });

  it("refuses another partner's customer", () => {
    const { db } = freshDb();
    expect(domainError(() => listCatalog(db, actorFor(db, "contoso-global-admin"), "libertys-bakery")).code).toBe("not_found:customer");
  });
});
