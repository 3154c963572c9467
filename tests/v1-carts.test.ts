import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { AppDatabase } from "@/db/client";
import { apiCarts, ledgerEntries, orders, subscriptions } from "@/db/schema";
import { DAY_MS, advanceClock } from "@/lib/subscriptions";
import { partnerClockFor } from "@/lib/subscriptions/system";
import { actorFor, freshDb, SEED_NOW } from "./helpers";
import { call, tokenFor } from "./support/v1-bearer";

/** The REST API's carts ("Create a cart", "Get a cart by ID", "Update a cart", "Checkout a cart"), in-process on a real SQLite copy. */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const create = (await import("@/app/v1/customers/[customerId]/carts/route")).POST as never;
const cartRoute = await import("@/app/v1/customers/[customerId]/carts/[cartId]/route");
const getCart = cartRoute.GET as never;
const putCart = cartRoute.PUT as never;
const checkout = (await import("@/app/v1/customers/[customerId]/carts/[cartId]/checkout/route")).POST as never;
const { cartSchema } = await import("@/lib/v1/representations/cart");
const { checkoutResultSchema } = await import("@/lib/v1/representations/order");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");
const { registerApp } = await import("@/lib/auth/apps");
const { POST: tokenRoute } = await import("@/app/oauth2/token/route");

const CARTS = "/v1/customers/fabrikam/carts";
const line = (id: number, catalogItemId: string, extra: Record<string, unknown> = {}) => ({ id, catalogItemId, quantity: 1, billingCycle: "monthly", ...extra });

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

async function newCart(lineItems: unknown[], token = admin, customerId = "fabrikam") {
  const response = await call(create, `/v1/customers/${customerId}/carts`, { customerId }, { token, method: "POST", body: { lineItems } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return cartSchema.parse(response.body);
}

const orderCount = () => state.db.select().from(orders).all().length;

describe("POST /v1/customers/{customerId}/carts", () => {
  it("replays the documented request sample (ids aside): 201 with every documented Cart field, expiring 7 days after creation", async () => {
    // "Create a cart with a customer order", request sample, with this product's catalog item ids.
    const sample = {
      PartnerOnRecordAttestationAccepted: true,
      lineItems: [
        { id: 0, catalogItemId: "microsoft-365-business-standard", quantity: 1, billingCycle: "monthly", termDuration: "P1M", renewsTo: null, provisioningContext: {}, coterminousSubscriptionId: null },
        {
          id: 1,
          catalogItemId: "office-365-e5",
          quantity: 2,
          billingCycle: "monthly",
          termDuration: "P1Y",
          participants: [
            { key: "transaction_reseller", value: "5357564" },
            { key: "additional_transaction_reseller", value: "517285" },
            { key: "additional_transaction_reseller", value: "5357563" },
          ],
        },
      ],
    };
    const headers = { "MS-RequestId": "4fa6dad6-a89f-4875-8247-8294a10ae1cf", "MS-CorrelationId": "0e93c70c-977a-4a88-9580-7cf084c73286" };
    const response = await call(create, CARTS, { customerId: "fabrikam" }, { token: admin, method: "POST", body: sample, headers });
    expect(response.status).toBe(201);
    expect(response.headers.get("ms-correlationid")).toBe(headers["MS-CorrelationId"]);
    const cart = cartSchema.parse(response.body);
    expect(cart).toMatchObject({ id: expect.any(String), lastModifiedUser: "contoso-global-admin", status: "Active", attributes: { objectType: "Cart" } });
    expect(cart.links.self).toEqual({ uri: `${CARTS}/${cart.id}`, method: "GET", headers: [] });
    expect(cart.creationTimestamp).toBe(SEED_NOW.toISOString());
    expect(cart.lastModifiedTimestamp).toBe(cart.creationTimestamp);
    expect(Date.parse(cart.expirationTimestamp) - Date.parse(cart.creationTimestamp)).toBe(7 * DAY_MS);
    expect(cart.lineItems[0]).toEqual({ id: 0, catalogItemId: "microsoft-365-business-standard", quantity: 1, currencyCode: "USD", billingCycle: "monthly", termDuration: "P1M", provisioningContext: {}, orderGroup: "0" });
    // The second line asks a one-year term billed monthly: this product's terms follow the billing cycle, so the line says so.
    expect(cart.lineItems[1]).toMatchObject({ id: 1, quantity: 2, termDuration: "P1Y", participants: sample.lineItems[1].participants, orderGroup: "0", error: { errorCode: "invalid_input" } });
    expect(cart.lineItems[1].error!.errorDescription).toMatch(/P1M/);
  });

  it("keeps a line that can't be bought and says why, with Partner Center's cart error codes", async () => {
    const cart = await newCart([line(0, "office-365-a1-faculty"), line(1, "microsoft-365-business-basic", { quantity: 301 }), line(2, "microsoft-365-business-basic", { quantity: 3 })]);
    expect(cart.lineItems[0].error).toMatchObject({ errorCode: "inventory_not_available", reason: "segment" });
    expect(cart.lineItems[1].error).toEqual({ errorCode: "max_allowed_seats_per_subscription_exceeded", errorDescription: expect.stringMatching(/1 to 300/), additionalInformation: { availableQuantity: 300, purchasedQuantity: 301 } });
    expect(cart.lineItems[2].error).toBeUndefined();
  });

  it("refuses malformed lines with 400 and names each field: none, an unknown offer, a billing cycle not sold, a line id twice", async () => {
    const cases: [unknown[], string][] = [
      [[], "lineItems"],
      [[line(0, "no-such-offer")], "lineItems.0.catalogItemId"],
      [[line(0, "microsoft-365-business-basic", { billingCycle: "one_time" })], "lineItems.0.billingCycle"],
      [[line(0, "microsoft-365-business-basic", { quantity: 0 })], "lineItems.0.quantity"],
      [[line(3, "microsoft-365-business-basic"), line(3, "office-365-e5")], "lineItems.1.id"],
    ];
    for (const [lineItems, field] of cases) {
      const response = await call(create, CARTS, { customerId: "fabrikam" }, { token: admin, method: "POST", body: { lineItems } });
      expect(response.status, field).toBe(400);
      expect(response.body.code).toBe("400056");
      expect(response.body.data.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(state.db.select().from(apiCarts).all()).toEqual([]);
  });

  it("answers 401 without a token, 403 to a Helpdesk agent and to an indirect reseller, 404 for another partner's customer", async () => {
    const body = { lineItems: [line(0, "microsoft-365-business-basic")] };
    expect((await call(create, CARTS, { customerId: "fabrikam" }, { method: "POST", body })).status).toBe(401);
    const helpdesk = await call(create, CARTS, { customerId: "fabrikam" }, { token: await tokenFor("helpdesk@contoso-partner.example"), method: "POST", body });
    expect(helpdesk).toMatchObject({ status: 403, body: { code: "2032" } });
    const reseller = await call(create, "/v1/customers/boulder-creek-hotels/carts", { customerId: "boulder-creek-hotels" }, { token: await tokenFor("admin@margies-travel.example"), method: "POST", body });
    expect(reseller).toMatchObject({ status: 403, body: { code: "403" } });
    const otherPartner = await call(create, CARTS, { customerId: "fabrikam" }, { token: await tokenFor("admin@adventure-works.example"), method: "POST", body });
    expect(otherPartner).toMatchObject({ status: 404, body: { code: "1000" } });
    expect(state.db.select().from(apiCarts).all()).toEqual([]);
  });

  it("creates one cart for a retried request: the same MS-RequestId answers the first cart; reused for another customer it is refused", async () => {
    const headers = { "MS-RequestId": "retry-cart-1" };
    const body = { lineItems: [line(0, "microsoft-365-business-basic")] };
    const first = await call(create, CARTS, { customerId: "fabrikam" }, { token: admin, method: "POST", body, headers });
    const retry = await call(create, CARTS, { customerId: "fabrikam" }, { token: admin, method: "POST", body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(state.db.select().from(apiCarts).all()).toHaveLength(1);
    const elsewhere = await call(create, "/v1/customers/wingtip-toys/carts", { customerId: "wingtip-toys" }, { token: admin, method: "POST", body, headers });
    expect(elsewhere).toMatchObject({ status: 422, body: { code: "422" } });
    // Another partner's request ids are its own.
    const trey = await call(create, "/v1/customers/us-department-of-parks/carts", { customerId: "us-department-of-parks" }, { token: await tokenFor("admin@trey-research.example"), method: "POST", body: { lineItems: [line(0, "office-365-g3-gcc-high")] }, headers });
    expect(trey.status).toBe(201);
  });
});

describe("GET and PUT /v1/customers/{customerId}/carts/{cartId}", () => {
  it("reads the cart back, and PUT replaces its lines, recording who changed it and when", async () => {
    const cart = await newCart([line(0, "microsoft-365-business-basic"), line(1, "office-365-e5")]);
    const params = { customerId: "fabrikam", cartId: cart.id };
    const read = await call(getCart, `${CARTS}/${cart.id}`, params, { token: admin });
    expect(read.status).toBe(200);
    expect(cartSchema.parse(read.body)).toEqual(cart);

    vi.setSystemTime(SEED_NOW.getTime() + 60_000);
    const sales = await tokenFor("sales@contoso-partner.example");
    const changed = { ...cart, lineItems: [{ ...cart.lineItems[1], quantity: 5, friendlyName: "Head office" }] };
    const put = await call(putCart, `${CARTS}/${cart.id}`, params, { token: sales, method: "PUT", body: changed });
    expect(put.status).toBe(200);
    const updated = cartSchema.parse(put.body);
    expect(updated.lineItems).toEqual([{ id: 1, catalogItemId: "office-365-e5", friendlyName: "Head office", quantity: 5, currencyCode: "USD", billingCycle: "monthly", termDuration: "P1M", provisioningContext: {}, orderGroup: "0" }]);
    expect(updated).toMatchObject({ lastModifiedUser: "contoso-sales-agent", lastModifiedTimestamp: new Date(SEED_NOW.getTime() + 60_000).toISOString(), creationTimestamp: cart.creationTimestamp, expirationTimestamp: cart.expirationTimestamp });
  });

  it("is 404 for an unknown cart, another customer's cart and another partner's", async () => {
    const cart = await newCart([line(0, "microsoft-365-business-basic")]);
    expect((await call(getCart, `${CARTS}/nope`, { customerId: "fabrikam", cartId: "nope" }, { token: admin })).body.code).toBe("1000");
    expect((await call(getCart, `/v1/customers/wingtip-toys/carts/${cart.id}`, { customerId: "wingtip-toys", cartId: cart.id }, { token: admin })).status).toBe(404);
    const other = await tokenFor("admin@adventure-works.example");
    expect((await call(getCart, `${CARTS}/${cart.id}`, { customerId: "fabrikam", cartId: cart.id }, { token: other })).status).toBe(404);
    const put = await call(putCart, `${CARTS}/${cart.id}`, { customerId: "fabrikam", cartId: cart.id }, { token: other, method: "PUT", body: { lineItems: [line(0, "office-365-e5")] } });
    expect(put.status).toBe(404);
  });

  it("refuses to change or check out a cart expired by the partner's Demo clock (8 days on)", async () => {
    const cart = await newCart([line(0, "microsoft-365-business-basic")]);
    const params = { customerId: "fabrikam", cartId: cart.id };
    const before = orderCount();
    advanceClock(state.db, actorFor(state.db, "contoso-global-admin"), partnerClockFor(state.db, "contoso-partners", () => SEED_NOW), 8);
    // Still readable, as it was.
    expect(cartSchema.parse((await call(getCart, `${CARTS}/${cart.id}`, params, { token: admin })).body)).toMatchObject({ id: cart.id, expirationTimestamp: cart.expirationTimestamp });
    const put = await call(putCart, `${CARTS}/${cart.id}`, params, { token: admin, method: "PUT", body: { lineItems: [line(0, "office-365-e5")] } });
    expect(put).toMatchObject({ status: 400, body: { code: "400", description: expect.stringMatching(/expired/) } });
    const out = await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: admin, method: "POST" });
    expect(out).toMatchObject({ status: 400, body: { code: "400" } });
    expect(orderCount()).toBe(before);
    // The clock is the partner's own: another partner's cart made now lives its 7 days from that partner's now.
    const trey = await tokenFor("admin@trey-research.example");
    const treyCart = await newCart([line(0, "office-365-g3-gcc-high")], trey, "us-department-of-parks");
    expect(Date.parse(treyCart.creationTimestamp)).toBe(SEED_NOW.getTime());
    const treyOut = await call(checkout, `/v1/customers/us-department-of-parks/carts/${treyCart.id}/checkout`, { customerId: "us-department-of-parks", cartId: treyCart.id }, { token: trey, method: "POST" });
    expect(treyOut).toMatchObject({ status: 201, body: { orderErrors: [] } });
  });
});

describe("POST /v1/customers/{customerId}/carts/{cartId}/checkout", () => {
  it("replays the documented request (no body): one order per billing cycle, with every documented Order field; a second checkout answers the same", async () => {
    const cart = await newCart([line(0, "microsoft-365-business-basic", { quantity: 3, friendlyName: "Sales team" }), line(1, "office-365-e5", { billingCycle: "annual" }), line(2, "microsoft-365-business-standard")]);
    const before = orderCount();
    const params = { customerId: "fabrikam", cartId: cart.id };
    const headers = { "MS-RequestId": "4fa6dad6-a89f-4875-8247-8294a10ae1cf", "content-length": "0" };
    const first = await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: admin, method: "POST", headers });
    expect(first.status).toBe(201);
    const result = checkoutResultSchema.parse(first.body);
    expect(result.orderErrors).toEqual([]);
    expect(result.orders).toHaveLength(2);
    const [monthly, annual] = result.orders;
    expect(monthly).toMatchObject({ referenceCustomerId: "fabrikam", billingCycle: "monthly", currencyCode: "USD", currencySymbol: "$", status: "completed", transactionType: "UserPurchase", attributes: { objectType: "Order" } });
    expect(monthly.alternateId).toMatch(/^[0-9a-f]{12}$/);
    expect(monthly.links.self.uri).toBe(`/v1/customers/fabrikam/orders/${monthly.id}`);
    expect(monthly.creationDate).toBe(SEED_NOW.toISOString());
    expect(monthly.lineItems.map((l) => [l.lineItemNumber, l.offerId, l.quantity, l.termDuration, l.friendlyName])).toEqual([
      [0, "microsoft-365-business-basic", 3, "P1M", "Sales team"],
      [1, "microsoft-365-business-standard", 1, "P1M", "Microsoft 365 Business Standard"],
    ]);
    expect(annual).toMatchObject({ billingCycle: "annual", lineItems: [{ lineItemNumber: 0, offerId: "office-365-e5", termDuration: "P1Y", transactionType: "New" }] });
    for (const item of [...monthly.lineItems, ...annual.lineItems]) {
      const subscription = state.db.select().from(subscriptions).where(eq(subscriptions.id, item.subscriptionId)).get()!;
      expect(subscription).toMatchObject({ customerId: "fabrikam", offerId: item.offerId, quantity: item.quantity, status: "active" });
      expect(item.links.subscription.uri).toBe(`/v1/customers/fabrikam/subscriptions/${item.subscriptionId}`);
      // Buy's charges: the first term is charged at purchase.
      expect(state.db.select().from(ledgerEntries).where(eq(ledgerEntries.subscriptionId, item.subscriptionId)).all().map((e) => e.kind)).toEqual(["purchase"]);
    }
    expect(orderCount()).toBe(before + 2);

    const again = await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: admin, method: "POST", headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const third = await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: admin, method: "POST" });
    expect(third.body).toEqual(first.body);
    expect(orderCount()).toBe(before + 2);
    expect((await call(getCart, `${CARTS}/${cart.id}`, params, { token: admin })).body.status).toBe("Ordered");
    const put = await call(putCart, `${CARTS}/${cart.id}`, params, { token: admin, method: "PUT", body: { lineItems: [line(0, "office-365-e5")] } });
    expect(put).toMatchObject({ status: 409, body: { code: "409" } });
  });

  it("makes a group with a line that can't be bought an order error (2093) and still buys the other group; a retry tries only the failed one", async () => {
    const cart = await newCart([line(0, "microsoft-365-business-basic"), line(1, "office-365-a1-faculty", { billingCycle: "annual" })]);
    const params = { customerId: "fabrikam", cartId: cart.id };
    const before = orderCount();
    const first = checkoutResultSchema.parse((await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: admin, method: "POST" })).body);
    expect(first.orders.map((o) => o.billingCycle)).toEqual(["monthly"]);
    expect(first.orderErrors).toEqual([{ orderGroupId: "1", code: 2093, description: expect.any(String), data: [{ field: "1", messages: [expect.stringMatching(/segment/)] }] }]);
    expect(orderCount()).toBe(before + 1);
    expect((await call(getCart, `${CARTS}/${cart.id}`, params, { token: admin })).body.status).toBe("Active");
    const retry = checkoutResultSchema.parse((await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: admin, method: "POST" })).body);
    expect(retry).toEqual(first);
    expect(orderCount()).toBe(before + 1);
  });

  it("applies Buy's rules: two lines of a one-per-customer offer buy nothing of that group; a free trial starts free", async () => {
    const trial = await newCart([line(0, "office-365-e3-trial"), line(1, "office-365-e3-trial")]);
    expect(trial.lineItems[1].error).toMatchObject({ errorCode: "invalid_input", errorDescription: expect.stringMatching(/one subscription per customer/) });
    const refused = checkoutResultSchema.parse((await call(checkout, `${CARTS}/${trial.id}/checkout`, { customerId: "fabrikam", cartId: trial.id }, { token: admin, method: "POST" })).body);
    expect(refused.orders).toEqual([]);
    expect(refused.orderErrors).toMatchObject([{ orderGroupId: "0", code: 2093 }]);

    const single = await newCart([line(0, "office-365-e3-trial", { quantity: 5 }), line(1, "woodgrove-hr-cloud", { quantity: 10 })]);
    const bought = checkoutResultSchema.parse((await call(checkout, `${CARTS}/${single.id}/checkout`, { customerId: "fabrikam", cartId: single.id }, { token: admin, method: "POST" })).body);
    const subscription = state.db.select().from(subscriptions).where(eq(subscriptions.id, bought.orders[0].lineItems[1].subscriptionId)).get()!;
    expect(subscription.offerId).toBe("woodgrove-hr-cloud");
    expect(subscription.trialEndsAt).toEqual(new Date(SEED_NOW.getTime() + 30 * DAY_MS));
    expect(state.db.select().from(ledgerEntries).where(eq(ledgerEntries.subscriptionId, subscription.id)).all()).toEqual([]);
    // Bought now, the offer is no longer available to a later cart.
    expect((await newCart([line(0, "office-365-e3-trial")])).lineItems[0].error).toMatchObject({ errorCode: "inventory_not_available", reason: "one_per_customer" });
  });

  it("works app-only: a registered app's token creates and checks out, and the cart and order name the app", async () => {
    const { clientId, clientSecret } = registerApp(state.db, actorFor(state.db, "contoso-global-admin"), "Provisioning script", new Date());
    const response = await tokenRoute(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }).toString() }));
    const appToken = ((await response.json()) as { access_token: string }).access_token;
    const cart = await newCart([line(0, "microsoft-365-business-basic")], appToken);
    const appUser = state.db.select().from(apiCarts).where(eq(apiCarts.id, cart.id)).get()!.createdBy!;
    expect(cart.lastModifiedUser).toBe(appUser);
    expect(appUser).not.toMatch(/^contoso-/);
    const result = checkoutResultSchema.parse((await call(checkout, `${CARTS}/${cart.id}/checkout`, { customerId: "fabrikam", cartId: cart.id }, { token: appToken, method: "POST" })).body);
    expect(state.db.select().from(orders).where(eq(orders.id, result.orders[0].id)).get()!.userId).toBe(appUser);
  });

  it("refuses a Helpdesk agent (403) and another partner (404), buying nothing", async () => {
    const cart = await newCart([line(0, "microsoft-365-business-basic")]);
    const params = { customerId: "fabrikam", cartId: cart.id };
    const before = orderCount();
    expect(await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: await tokenFor("helpdesk@contoso-partner.example"), method: "POST" })).toMatchObject({ status: 403, body: { code: "2032" } });
    expect((await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { token: await tokenFor("admin@adventure-works.example"), method: "POST" })).status).toBe(404);
    expect((await call(checkout, `${CARTS}/${cart.id}/checkout`, params, { method: "POST" })).status).toBe(401);
    expect(orderCount()).toBe(before);
  });
});
