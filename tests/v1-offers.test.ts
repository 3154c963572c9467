import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { freshDb, SEED_NOW } from "./helpers";
import { call, tokenFor } from "./support/v1-bearer";

/** GET /v1/offers?country= ("Get a list of offers for a market") and this product's GET /v1/customers/{customerId}/offers. */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const market = (await import("@/app/v1/offers/route")).GET as never;
const forCustomer = (await import("@/app/v1/customers/[customerId]/offers/route")).GET as never;
const { offerCollectionSchema } = await import("@/lib/v1/representations/offer");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");

type Page = ReturnType<typeof offerCollectionSchema.parse>;

let admin: string;
afterEach(() => vi.useRealTimers());
beforeEach(async () => {
  // The seeded data's present: v1Route brings the partner's lifecycle to real time first.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SEED_NOW);
  state.db = freshDb().db;
  resetRateLimits();
  admin = await tokenFor("admin@contoso-partner.example");
});

/** Follows links.next (its URI and MS-ContinuationToken header) to the end. */
async function walk(handler: never, path: string, params: Record<string, string>, token: string): Promise<{ pages: Page[]; ids: string[] }> {
  const pages: Page[] = [];
  let headers: Record<string, string> = {};
  for (let i = 0; i < 500; i++) {
    const { status, body } = await call(handler, path, params, { token, headers });
    expect(status).toBe(200);
    const page = offerCollectionSchema.parse(body);
    pages.push(page);
    if (!page.links.next) break;
    path = page.links.next.uri;
    headers = Object.fromEntries(page.links.next.headers.map((h) => [h.key, h.value]));
  }
  return { pages, ids: pages.flatMap((p) => p.items.map((o) => o.id)) };
}

describe("GET /v1/offers?country=XX", () => {
  it("answers the documented request example: the partner's cloud's offers sold in the country, as Offer resources", async () => {
    const { status, body } = await call(market, "/v1/offers?country=US&size=500", {}, { token: admin, headers: { "X-Locale": "en-US" } });
    expect(status).toBe(200);
    const page = offerCollectionSchema.parse(body);
    const byId = new Map(page.items.map((o) => [o.id, o]));
    expect(page.totalCount).toBe(page.items.length);
    expect(byId.get("office-365-e3")).toMatchObject({
      name: expect.any(String),
      minimumQuantity: expect.any(Number),
      maximumQuantity: expect.any(Number),
      uri: "/v1/offers/office-365-e3",
      locale: "en-US",
      country: "US",
      category: { id: expect.any(String), name: expect.any(String), attributes: { objectType: "OfferCategory" } },
      prerequisiteOffers: [],
      isAddOn: false,
      isAvailableForPurchase: true,
      billing: "license",
      unitType: "Licenses",
      attributes: { objectType: "Offer" },
    });
    // Add-ons are listed with the offer they need.
    expect(byId.get("microsoft-365-e5-security")).toMatchObject({ isAddOn: true, prerequisiteOffers: [expect.any(String)] });
    // The reasons this partner can't sell an offer at all, as codes (this product's extension).
    expect(byId.get("proseware-field-service")).toMatchObject({ isAvailableForPurchase: false, unavailableReason: { code: "not_in_csp" } });
    expect(byId.get("fourth-coffee-pos")).toMatchObject({ isAvailableForPurchase: false, unavailableReason: { code: "exclusive" } });
    expect(byId.get("litware-analytics-metered")).toMatchObject({ isAvailableForPurchase: false, unavailableReason: { code: "not_transactable", portalUrl: expect.any(String) } });
    expect(byId.get("relecloud-insights")).toMatchObject({ isAvailableForPurchase: true });
    expect(byId.get("relecloud-insights")).not.toHaveProperty("unavailableReason");
    // Another cloud's offers are another Partner Center's.
    expect(byId.has("office-365-g3-gcc-high")).toBe(false);
  });

  it("describes why an offer can't be bought in the request's language (X-Locale), its code unchanged", async () => {
    const reason = async (headers: Record<string, string>) => {
      const page = offerCollectionSchema.parse((await call(market, "/v1/offers?country=US&size=500", {}, { token: admin, headers })).body);
      return page.items.find((o) => o.id === "proseware-field-service")!.unavailableReason;
    };
    expect(await reason({})).toMatchObject({ code: "not_in_csp", description: "The publisher hasn't made this offer available through the CSP program." });
    expect(await reason({ "X-Locale": "sv-SE" })).toMatchObject({ code: "not_in_csp", description: "Utgivaren har inte gjort det här erbjudandet tillgängligt via CSP-programmet." });
  });

  it("lists only offers sold in the market", async () => {
    const us = offerCollectionSchema.parse((await call(market, "/v1/offers?country=us&size=500", {}, { token: admin })).body);
    const se = offerCollectionSchema.parse((await call(market, "/v1/offers?country=SE&size=500", {}, { token: admin })).body);
    expect(us.items.map((o) => o.id)).toContain("adatum-compliance-suite");
    expect(se.items.map((o) => o.id)).not.toContain("adatum-compliance-suite");
    expect(se.items.every((o) => o.country === "SE")).toBe(true);
  });

  it("pages through links.next, each offer once, in the order of one big page", async () => {
    const whole = offerCollectionSchema.parse((await call(market, "/v1/offers?country=US&size=500", {}, { token: admin })).body);
    const { pages, ids } = await walk(market, "/v1/offers?country=US&size=7", {}, admin);
    expect(pages.length).toBe(Math.ceil(whole.totalCount / 7));
    expect(pages[0].links.next?.uri).toBe("/v1/offers?country=US&size=7&seekOperation=Next");
    expect(ids).toEqual(whole.items.map((o) => o.id));
  });

  it("refuses a missing or malformed country and a bad size with 400 400056", async () => {
    for (const query of ["", "?country=USA", "?country=U1", "?country=US&size=0"]) {
      const { status, body } = await call(market, `/v1/offers${query}`, {}, { token: admin });
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ code: "400056" });
    }
    expect((await call(market, "/v1/offers?country=US", {})).status).toBe(401);
  });

  it("shows a US Government partner its own cloud's offers", async () => {
    const trey = await tokenFor("admin@trey-research.example");
    const page = offerCollectionSchema.parse((await call(market, "/v1/offers?country=US&size=500", {}, { token: trey })).body);
    expect(page.items.map((o) => o.id)).toContain("office-365-g3-gcc-high");
    expect(page.items.map((o) => o.id)).not.toContain("office-365-e3");
  });
});

describe("GET /v1/customers/{customerId}/offers (this product's extension)", () => {
  it("says which offers this customer can buy and why not as a code, with the blocking subscription", async () => {
    const { ids, pages } = await walk(forCustomer, "/v1/customers/fabrikam/offers", { customerId: "fabrikam" }, admin);
    const offers = new Map(pages.flatMap((p) => p.items).map((o) => [o.id, o]));
    expect(ids.length).toBe(pages[0].totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    // Fabrikam's Office 365 E3 is suspended: "reactivate the subscription rather than purchase a new one".
    expect(offers.get("office-365-e3")).toMatchObject({ isAvailableForPurchase: false, unavailableReason: { code: "suspended", subscriptionId: expect.any(String) } });
    // One per customer, and Fabrikam already has one.
    expect(offers.get("tailspin-secure-gateway")).toMatchObject({ isAvailableForPurchase: false, limitUnitOfMeasure: "Concurrent", unavailableReason: { code: "one_per_customer" } });
    expect(offers.get("microsoft-365-business-basic")).toMatchObject({ isAvailableForPurchase: true, country: "US" });
    // Add-ons are bought on their base subscription, not from the catalog.
    expect([...offers.values()].every((o) => !o.isAddOn)).toBe(true);
  });

  it("uses the customer's billing country: Wingtip Toys (SE) can't buy an offer its publisher doesn't sell in Sweden", async () => {
    const { pages } = await walk(forCustomer, "/v1/customers/wingtip-toys/offers", { customerId: "wingtip-toys" }, admin);
    const offers = new Map(pages.flatMap((p) => p.items).map((o) => [o.id, o]));
    expect(offers.get("adatum-compliance-suite")).toMatchObject({ country: "SE", isAvailableForPurchase: false, unavailableReason: { code: "country", country: "SE" } });
  });

  it("answers 404 (1000) for another partner's customer", async () => {
    const { status, body } = await call(forCustomer, "/v1/customers/us-department-of-parks/offers", { customerId: "us-department-of-parks" }, { token: admin });
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: "1000" });
  });
});
