import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { actorFor, buySubscription, clockAt, freshDb, SEED_NOW, stored } from "./helpers";
import { call, tokenFor } from "./support/v1-bearer";

/**
 * The Subscription resource under /v1/customers/{customerId}/subscriptions: lists, by id, add-ons,
 * and PATCH with Partner Center's documented semantics (quantity, suspend, reactivate, auto-renew,
 * cancel by status "deleted"), its refusals and codes, ETag/If-Match, and replays of the documented
 * request examples ("Change the quantity", "Suspend", "Reactivate", "Update autorenew").
 */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const listRoute = (await import("@/app/v1/customers/[customerId]/subscriptions/route")).GET as never;
const oneRoute = await import("@/app/v1/customers/[customerId]/subscriptions/[subscriptionId]/route");
const addOnsRoute = (await import("@/app/v1/customers/[customerId]/subscriptions/[subscriptionId]/addons/route")).GET as never;
const { subscriptionCollectionSchema, subscriptionSchema } = await import("@/lib/v1/representations/subscription");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");

const NOW = new Date(SEED_NOW);
let tokens: Record<"admin" | "sales" | "helpdesk" | "billing", string>;

beforeEach(async () => {
  // The seeded data's present: v1Route brings the partner's lifecycle to real time first.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  state.db = freshDb().db;
  resetRateLimits();
  tokens = {
    admin: await tokenFor("admin@contoso-partner.example"),
    sales: await tokenFor("sales@contoso-partner.example"),
    helpdesk: await tokenFor("helpdesk@contoso-partner.example"),
    billing: await tokenFor("billing@contoso-partner.example"),
  };
});
afterEach(() => vi.useRealTimers());

/** The id of the customer's (base or add-on) subscription to an offer. */
function subId(customerId: string, offerId: string): string {
  const row = state.db.select().from(subscriptions).where(and(eq(subscriptions.customerId, customerId), eq(subscriptions.offerId, offerId))).get();
  if (!row) throw new Error(`No ${offerId} for ${customerId}`);
  return row.id;
}

const path = (customerId: string, subscriptionId = "", tail = "") => `/v1/customers/${customerId}/subscriptions${subscriptionId ? `/${subscriptionId}` : ""}${tail}`;
const get = (customerId: string, subscriptionId: string, token = tokens.admin) => call(oneRoute.GET as never, path(customerId, subscriptionId), { customerId, subscriptionId }, { token });
const patch = (customerId: string, subscriptionId: string, body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
  call(oneRoute.PATCH as never, path(customerId, subscriptionId), { customerId, subscriptionId }, { token: options.token ?? tokens.admin, method: "PATCH", body, headers: options.headers });

/** Checks a body field by field against a documented example: every key is there, with the example's JSON type. */
function expectDocumentedFields(actual: Record<string, unknown>, documented: Record<string, unknown>, where = "") {
  for (const [key, example] of Object.entries(documented)) {
    const name = key[0].toLowerCase() + key.slice(1);
    expect(actual, `${where}${name}`).toHaveProperty(name);
    const value = actual[name];
    if (example === null) continue; // Documented as null: a string or null here (parentSubscriptionId, partnerId).
    if (Array.isArray(example)) expect(Array.isArray(value), `${where}${name} is an array`).toBe(true);
    else if (typeof example === "object") expectDocumentedFields(value as Record<string, unknown>, example as Record<string, unknown>, `${where}${name}.`);
    else expect(typeof value, `${where}${name}`).toBe(typeof example);
  }
}

describe("GET /v1/customers/{customerId}/subscriptions", () => {
  it("lists the customer's subscriptions as Subscription resources with Partner Center's field names", async () => {
    const { status, body } = await call(listRoute, path("fabrikam"), { customerId: "fabrikam" }, { token: tokens.sales });
    expect(status).toBe(200);
    const page = subscriptionCollectionSchema.parse(body);
    expect(page).toMatchObject({ totalCount: 5, attributes: { objectType: "Collection" } });
    const byOffer = new Map(page.items.map((s) => [s.offerId, s]));
    expect(byOffer.get("office-365-e3")).toMatchObject({ status: "suspended", suspensionReasons: ["Nonpayment"], billingCycle: "annual", termDuration: "P1Y", isMicrosoftProduct: true, publisherName: "Microsoft", quantity: 25, unitType: "Licenses" });
    const premium = byOffer.get("microsoft-365-business-premium")!;
    expect(premium).toMatchObject({ status: "active", autoRenewEnabled: true, termDuration: "P1M", actions: ["edit"], refundOptions: [], parentSubscriptionId: null });
    expect(byOffer.get("office-365-advanced-threat-protection")).toMatchObject({ parentSubscriptionId: premium.id, links: { parentSubscription: { uri: path("fabrikam", premium.id) } } });
    // Bought two hours ago: a commercial marketplace subscription inside its full refund window.
    const backup = byOffer.get("contoso-backup-pro")!;
    expect(backup).toMatchObject({ isMicrosoftProduct: false, actions: ["edit", "cancel"], refundOptions: [{ type: "Full" }], orderId: expect.any(String) });
    expect(backup.cancellationAllowedUntilDate).toBe(backup.refundOptions[0].expiresAt);
    expect(new Date(backup.refundOptions[0].expiresAt).getTime() - new Date(backup.creationDate).getTime()).toBe(24 * 3600_000);
    expect(backup.attributes).toEqual({ etag: expect.stringMatching(/^W\/"\d+"$/), objectType: "Subscription" });
  });

  it("lists an order's subscriptions with ?order_id=, none for an order it didn't create", async () => {
    const backup = stored(state.db, subId("fabrikam", "contoso-backup-pro"));
    const { body } = await call(listRoute, path("fabrikam", "", `?order_id=${backup.orderId}`), { customerId: "fabrikam" }, { token: tokens.admin });
    expect(subscriptionCollectionSchema.parse(body).items.map((s) => s.id)).toEqual([backup.id]);
    // The same order id under another customer of the partner finds nothing.
    const other = await call(listRoute, path("wingtip-toys", "", `?order_id=${backup.orderId}`), { customerId: "wingtip-toys" }, { token: tokens.admin });
    expect(subscriptionCollectionSchema.parse(other.body)).toMatchObject({ totalCount: 0, items: [] });
  });

  it("pages 20 at a time through links.next, each subscription once", async () => {
    const actor = actorFor(state.db, "contoso-global-admin");
    for (let i = 0; i < 18; i++) buySubscription(state.db, actor, clockAt(-3600_000), { customerId: "fabrikam", offerId: "microsoft-365-business-basic" });
    const seen: string[] = [];
    let next: { uri: string; headers: { key: string; value: string }[] } | undefined = { uri: path("fabrikam"), headers: [] };
    while (next) {
      const { body } = await call(listRoute, next.uri, { customerId: "fabrikam" }, { token: tokens.admin, headers: Object.fromEntries(next.headers.map((h) => [h.key, h.value])) });
      const page = subscriptionCollectionSchema.parse(body);
      expect(page.totalCount).toBe(23);
      seen.push(...page.items.map((s) => s.id));
      next = page.links.next;
    }
    expect(seen.length).toBe(23);
    expect(new Set(seen).size).toBe(23);
  });

  it("answers 404 for another partner's customer and 401 without a token", async () => {
    const other = await call(listRoute, path("libertys-bakery"), { customerId: "libertys-bakery" }, { token: tokens.admin });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: "1000" });
    expect((await call(listRoute, path("fabrikam"), { customerId: "fabrikam" })).status).toBe(401);
  });
});

describe("GET /v1/customers/{customerId}/subscriptions/{subscriptionId} and /addons", () => {
  it("answers the resource with its ETag, and the add-ons bought on it", async () => {
    const premium = subId("fabrikam", "microsoft-365-business-premium");
    const { status, body, headers } = await get("fabrikam", premium, tokens.helpdesk);
    expect(status).toBe(200);
    const resource = subscriptionSchema.parse(body);
    expect(headers.get("etag")).toBe(resource.attributes.etag);
    expect(resource).toMatchObject({ id: premium, hasPurchasableAddons: true, links: { self: { uri: path("fabrikam", premium) }, offer: { uri: "/v1/offers/microsoft-365-business-premium" } } });
    const addOns = await call(addOnsRoute, path("fabrikam", premium, "/addons"), { customerId: "fabrikam", subscriptionId: premium }, { token: tokens.admin });
    expect(subscriptionCollectionSchema.parse(addOns.body).items).toMatchObject([{ offerId: "office-365-advanced-threat-protection", parentSubscriptionId: premium, quantity: 10 }]);
  });

  it("answers 404 (20003) for a subscription of another customer or partner", async () => {
    const wingtips = subId("wingtip-toys", "office-365-e3");
    const bakery = subId("libertys-bakery", "microsoft-365-business-premium");
    for (const id of [wingtips, bakery, "no-such-subscription"]) {
      const one = await get("fabrikam", id);
      expect(one.status).toBe(404);
      expect(one.body).toMatchObject({ code: "20003" });
      const addOns = await call(addOnsRoute, path("fabrikam", id, "/addons"), { customerId: "fabrikam", subscriptionId: id }, { token: tokens.admin });
      expect(addOns.status).toBe(404);
      expect((await patch("fabrikam", id, { status: "suspended" })).status).toBe(404);
    }
    expect(stored(state.db, bakery).status).toBe("active");
  });
});

describe("PATCH: the documented request examples, replayed with only the ids changed", () => {
  it('"Change the quantity of a subscription": the whole resource in PascalCase, Quantity changed', async () => {
    const id = subId("fabrikam", "contoso-backup-pro");
    const { status, body, headers } = await patch("fabrikam", id, {
      Id: id,
      FriendlyName: "nickname",
      Quantity: 2,
      UnitType: "none",
      ParentSubscriptionId: null,
      CreationDate: "2015-11-25T06:41:12Z",
      EffectiveStartDate: "2015-11-24T08:00:00Z",
      CommitmentEndDate: "2016-12-12T08:00:00Z",
      Status: "active",
      AutoRenewEnabled: false,
      BillingType: "none",
      PartnerId: null,
      ContractType: "subscription",
      OrderId: "6183db3d-6318-4e52-877e-25806e4971be",
      Attributes: { Etag: "<etag>", ObjectType: "Subscription" },
    }, { headers: { "MS-RequestId": "ca7c39f7-1a80-43bc-90d8-ee7d1cad3831", "MS-CorrelationId": "ec8f62e5-1d92-47e9-8d5d-1924af105f2c" } });
    expect(status).toBe(200);
    const resource = subscriptionSchema.parse(body);
    // Inside the refund window, fewer licenses apply at once (credited); auto-renew as sent.
    expect(resource).toMatchObject({ quantity: 2, autoRenewEnabled: false, status: "active" });
    expect(headers.get("etag")).toBe(resource.attributes.etag);
    expect(headers.get("ms-requestid")).toBe("ca7c39f7-1a80-43bc-90d8-ee7d1cad3831");
    expectDocumentedFields(body, {
      Id: "", FriendlyName: "", Quantity: 2, UnitType: "", ParentSubscriptionId: null, CreationDate: "", EffectiveStartDate: "", CommitmentEndDate: "",
      Status: "", AutoRenewEnabled: false, BillingType: "", PartnerId: null, ContractType: "", Links: { Offer: { Uri: "", Method: "", Headers: [] }, Self: { Uri: "", Method: "", Headers: [] } },
      OrderId: "", Attributes: { Etag: "", ObjectType: "" },
    });
    expect(stored(state.db, id)).toMatchObject({ quantity: 2, autoRenew: false });
  });

  it('"Suspend a subscription" (If-Match, Status suspended) then "Reactivate a suspended subscription" (Status active)', async () => {
    const id = subId("wingtip-toys", "tailspin-secure-gateway");
    const etag = subscriptionSchema.parse((await get("wingtip-toys", id)).body).attributes.etag;
    const example = (status: string, tag: string) => ({
      Id: id, FriendlyName: "nickname", Quantity: 2, UnitType: "none", ParentSubscriptionId: null, CreationDate: "2015-11-25T06:41:12Z", EffectiveStartDate: "2015-11-24T08:00:00Z",
      CommitmentEndDate: "2016-12-12T08:00:00Z", Status: status, AutoRenewEnabled: false, BillingType: "none", PartnerId: null, ContractType: "subscription",
      OrderId: "6183db3d-6318-4e52-877e-25806e4971be", Attributes: { Etag: tag, ObjectType: "Subscription" },
    });
    const suspended = await patch("wingtip-toys", id, example("suspended", etag), { headers: { "If-Match": etag } });
    expect(suspended.status).toBe(200);
    expect(subscriptionSchema.parse(suspended.body)).toMatchObject({ status: "suspended", autoRenewEnabled: false });
    expect(stored(state.db, id)).toMatchObject({ status: "suspended", scheduledQuantity: 2 });
    const documented = { Id: "", FriendlyName: "", Quantity: 2, UnitType: "", ParentSubscriptionId: null, CreationDate: "", EffectiveStartDate: "", CommitmentEndDate: "", Status: "", AutoRenewEnabled: false, BillingType: "", PartnerId: null, ContractType: "", Links: { Offer: { Uri: "", Method: "", Headers: [] }, Self: { Uri: "", Method: "", Headers: [] } }, OrderId: "", Attributes: { Etag: "", ObjectType: "" } };
    expectDocumentedFields(suspended.body, documented);

    const reactivated = await patch("wingtip-toys", id, example("active", suspended.body.attributes.etag), { token: tokens.helpdesk });
    expect(reactivated.status).toBe(200);
    expect(subscriptionSchema.parse(reactivated.body)).toMatchObject({ status: "active", suspensionReasons: [] });
    expectDocumentedFields(reactivated.body, documented);
    expect(stored(state.db, id).status).toBe("active");
  });

  it('"Update autorenew for a commercial marketplace subscription": camelCase resource, autoRenewEnabled off, then on again', async () => {
    const id = subId("coho-winery", "contoso-backup-pro");
    const etag = subscriptionSchema.parse((await get("coho-winery", id)).body).attributes.etag;
    // As documented except ids, and the example's trailing comma after "attributes", which is not JSON.
    const example = (autoRenewEnabled: boolean) => ({
      id, offerId: "DZH318Z0BXWC:0001:DZH318Z0BMJX", offerName: "offer Name", friendlyName: "friendly Name", quantity: 8, unitType: "License(s)", hasPurchasableAddons: false,
      creationDate: "2019-01-04T01:00:12.6647304Z", effectiveStartDate: "2019-01-09T00:21:45.9263727+00:00", commitmentEndDate: "2019-02-08T00:21:45.9263727+00:00", status: "active",
      autoRenewEnabled, isTrial: false, billingType: "license", billingCycle: "monthly", termDuration: "P1M", refundOptions: [{ type: "Full", expiresAt: "2019-01-10T00:21:45.9263727+00:00" }],
      isMicrosoftProduct: false, partnerId: "", contractType: "subscription", publisherName: "publisher Name", orderId: "ImxjLNL4_fOc-2KoyOxGTZcrlIquzls11", attributes: { objectType: "Subscription" },
    });
    const off = await patch("coho-winery", id, example(false), { token: tokens.billing, headers: { "If-Match": etag } });
    expect(off.status).toBe(200);
    expect(subscriptionSchema.parse(off.body)).toMatchObject({ autoRenewEnabled: false, quantity: 8, billingCycle: "annual" });
    expectDocumentedFields(off.body, {
      id: "", offerId: "", offerName: "", friendlyName: "", quantity: 1, unitType: "", hasPurchasableAddons: false, creationDate: "", effectiveStartDate: "", commitmentEndDate: "", status: "",
      autoRenewEnabled: false, isTrial: false, billingType: "", billingCycle: "", termDuration: "", refundOptions: [], isMicrosoftProduct: false, partnerId: "", contractType: "",
      links: { self: { uri: "", method: "", headers: [] } }, publisherName: "", orderId: "", attributes: { etag: "", objectType: "" },
    });
    const on = await patch("coho-winery", id, example(true), { token: tokens.billing, headers: { "If-Match": off.body.attributes.etag } });
    expect(subscriptionSchema.parse(on.body).autoRenewEnabled).toBe(true);
    expect(stored(state.db, id).autoRenew).toBe(true);
  });
});

describe("PATCH: cancel by status deleted", () => {
  it("cancels a commercial marketplace subscription in its refund window: status deleted, the Billing admin may", async () => {
    const id = subId("fabrikam", "contoso-backup-pro");
    const { status, body } = await patch("fabrikam", id, { status: "deleted" }, { token: tokens.billing });
    expect(status).toBe(200);
    expect(subscriptionSchema.parse(body)).toMatchObject({ status: "deleted", refundOptions: [], actions: [] });
    expect(stored(state.db, id).status).toBe("cancelled");
    // Nothing more can change on it.
    const after = await patch("fabrikam", id, { quantity: 3 });
    expect(after.status).toBe(400);
    expect(after.body).toMatchObject({ code: "2011" });
  });

  it("refuses a Microsoft offer (400 800096) and a Sales agent (403 2032)", async () => {
    const e3 = subId("wingtip-toys", "office-365-e3");
    const microsoft = await patch("wingtip-toys", e3, { status: "deleted" });
    expect(microsoft.status).toBe(400);
    expect(microsoft.body).toMatchObject({ code: "800096" });
    const sales = await patch("fabrikam", subId("fabrikam", "contoso-backup-pro"), { status: "deleted" }, { token: tokens.sales });
    expect(sales.status).toBe(403);
    expect(sales.body).toMatchObject({ code: "2032" });
    expect(stored(state.db, e3).status).toBe("active");
  });
});

describe("PATCH: refusals, each with its status and code, changing nothing", () => {
  const cases: { name: string; customer: string; offer: string; body: unknown; who?: keyof typeof tokens; status: number; code: string }[] = [
    { name: "a Sales agent suspending", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { status: "suspended" }, who: "sales", status: 403, code: "2032" },
    { name: "a Helpdesk agent changing the quantity", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { quantity: 41 }, who: "helpdesk", status: 403, code: "2032" },
    { name: "a Billing admin reactivating", customer: "fabrikam", offer: "office-365-e3", body: { status: "active" }, who: "billing", status: 403, code: "2032" },
    { name: "a quantity that is not a whole number", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { quantity: "many" }, status: 400, code: "400056" },
    { name: "a quantity of 0", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { quantity: 0 }, status: 400, code: "400056" },
    { name: "an unknown status", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { status: "paused" }, status: 400, code: "400056" },
    { name: "autoRenewEnabled not a boolean", customer: "fabrikam", offer: "contoso-backup-pro", body: { autoRenewEnabled: "no" }, status: 400, code: "400056" },
    { name: "a body that is not an object", customer: "fabrikam", offer: "microsoft-365-business-premium", body: [1], status: 400, code: "400056" },
    { name: "a quantity above the offer's maximum (300)", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { quantity: 301 }, status: 400, code: "2002" },
    { name: "a quantity change on a suspended subscription", customer: "fabrikam", offer: "office-365-e3", body: { quantity: 30 }, status: 400, code: "800091" },
    { name: "auto-renew off on a Microsoft offer", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { autoRenewEnabled: false }, status: 400, code: "800093" },
    { name: "a status Partner Center sets itself", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { status: "expired" }, status: 400, code: "800096" },
    { name: "another subscription's id in the body", customer: "fabrikam", offer: "microsoft-365-business-premium", body: { id: "someone-else", quantity: 41 }, status: 400, code: "3000" },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.status} ${c.code}`, async () => {
      const id = subId(c.customer, c.offer);
      const before = stored(state.db, id);
      const { status, body } = await patch(c.customer, id, c.body, { token: tokens[c.who ?? "admin"] });
      expect(status).toBe(c.status);
      expect(body).toEqual({ code: c.code, description: expect.any(String), data: expect.any(Array), source: expect.any(String) });
      expect(stored(state.db, id)).toEqual(before);
    });
  }

  it("reactivating an add-on whose base is suspended: 409 27009", async () => {
    const premium = subId("fabrikam", "microsoft-365-business-premium");
    const atp = subId("fabrikam", "office-365-advanced-threat-protection");
    expect((await patch("fabrikam", premium, { status: "suspended" })).status).toBe(200);
    expect(stored(state.db, atp).status).toBe("suspended");
    const { status, body } = await patch("fabrikam", atp, { status: "active" });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: "27009" });
  });
});

describe("PATCH: optimistic concurrency", () => {
  it("answers 412 (2055) to an If-Match of an old version and changes nothing; without If-Match the change applies", async () => {
    const id = subId("fabrikam", "microsoft-365-business-premium");
    const old = (await get("fabrikam", id)).headers.get("etag")!;
    const first = await patch("fabrikam", id, { quantity: 41 }, { headers: { "If-Match": old } });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).not.toBe(old);
    const stale = await patch("fabrikam", id, { quantity: 45 }, { headers: { "If-Match": old } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: "2055" });
    // The same stale version in the body's attributes.etag is refused too.
    expect((await patch("fabrikam", id, { quantity: 45, attributes: { etag: old } })).status).toBe(412);
    // An If-Match that is no ETag of ours matches nothing.
    expect((await patch("fabrikam", id, { quantity: 45 }, { headers: { "If-Match": '"garbage"' } })).status).toBe(412);
    expect(stored(state.db, id).quantity).toBe(41);
    // No precondition: applied, as Partner Center does; If-Match: * matches any version.
    expect(subscriptionSchema.parse((await patch("fabrikam", id, { quantity: 45 })).body).quantity).toBe(45);
    expect(subscriptionSchema.parse((await patch("fabrikam", id, { quantity: 46 }, { headers: { "If-Match": "*" } })).body).quantity).toBe(46);
  });

  it("a body equal to what GET showed changes nothing and keeps the ETag", async () => {
    const id = subId("wingtip-toys", "tailspin-secure-gateway");
    const shown = await get("wingtip-toys", id);
    const { status, headers } = await patch("wingtip-toys", id, shown.body, { headers: { "If-Match": shown.headers.get("etag")! } });
    expect(status).toBe(200);
    expect(headers.get("etag")).toBe(shown.headers.get("etag"));
  });
});
