import { beforeEach, afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { AppDatabase } from "@/db/client";
import { apiRequests, ledgerEntries, orders, subscriptions } from "@/db/schema";
import { freshDb, SEED_NOW } from "./helpers";
import { call, tokenFor } from "./support/v1-bearer";

/** The REST API's orders ("Create an order for a customer", "Get a list of orders by customer", "Get an order by ID"). */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const ordersRoute = await import("@/app/v1/customers/[customerId]/orders/route");
const create = ordersRoute.POST as never;
const list = ordersRoute.GET as never;
const one = (await import("@/app/v1/customers/[customerId]/orders/[orderId]/route")).GET as never;
const { orderSchema, orderCollectionSchema } = await import("@/lib/v1/representations/order");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");

const ORDERS = "/v1/customers/fabrikam/orders";
const params = { customerId: "fabrikam" };

let admin: string;
afterEach(() => vi.useRealTimers());
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SEED_NOW);
  state.db = freshDb().db;
  resetRateLimits();
  admin = await tokenFor("admin@contoso-partner.example");
});

const orderRows = () => state.db.select().from(orders).all();
const subscriptionCount = () => state.db.select().from(subscriptions).all().length;
const post = (body: unknown, options: { token?: string; headers?: Record<string, string>; customerId?: string } = {}) => {
  const customerId = options.customerId ?? "fabrikam";
  return call(create, `/v1/customers/${customerId}/orders`, { customerId }, { token: options.token ?? admin, method: "POST", body, headers: options.headers });
};

describe("POST /v1/customers/{customerId}/orders", () => {
  it("replays the documented request sample (ids aside): 201 with every documented Order field, the subscription made as Buy makes it", async () => {
    // "Create an order for a customer", request sample, with this product's offer id.
    const sample = {
      PartnerOnRecordAttestationAccepted: true,
      lineItems: [{ offerId: "microsoft-365-business-standard", quantity: 1, lineItemNumber: 0, PartnerIdOnRecord: "873452", AdditionalPartnerIdsOnRecord: ["4847383", "873452"] }],
      billingCycle: "monthly",
    };
    const response = await post(sample, { headers: { "MS-RequestId": "025f4c19-217f-49d6-a056-391902c62fb3", "MS-CorrelationId": "b593cbb7-b358-4b31-81fc-e60b9c277a7f" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("ms-requestid")).toBe("025f4c19-217f-49d6-a056-391902c62fb3");
    const order = orderSchema.parse(response.body);
    expect(order).toEqual({
      id: expect.any(String),
      alternateId: expect.stringMatching(/^[0-9a-f]{12}$/),
      referenceCustomerId: "fabrikam",
      billingCycle: "monthly",
      currencyCode: "USD",
      currencySymbol: "$",
      lineItems: [
        {
          lineItemNumber: 0,
          offerId: "microsoft-365-business-standard",
          subscriptionId: expect.any(String),
          termDuration: "P1M",
          transactionType: "New",
          friendlyName: "Microsoft 365 Business Standard",
          quantity: 1,
          links: { subscription: { uri: expect.stringMatching(/^\/v1\/customers\/fabrikam\/subscriptions\//), method: "GET", headers: [] } },
        },
      ],
      creationDate: SEED_NOW.toISOString(),
      status: "completed",
      transactionType: "UserPurchase",
      links: { self: { uri: `${ORDERS}/${order.id}`, method: "GET", headers: [] } },
      attributes: { objectType: "Order" },
    });
    const subscription = state.db.select().from(subscriptions).where(eq(subscriptions.id, order.lineItems[0].subscriptionId)).get()!;
    expect(subscription).toMatchObject({ orderId: order.id, offerId: "microsoft-365-business-standard", quantity: 1, billingFrequency: "monthly", status: "active", autoRenew: true });
    const charges = state.db.select().from(ledgerEntries).where(eq(ledgerEntries.subscriptionId, subscription.id)).all();
    expect(charges.map((c) => [c.kind, c.amountMinor])).toEqual([["purchase", 1500]]);
  });

  it("reads keys in any case, as Partner Center's older samples send them, and buys every line at the order's billing cycle", async () => {
    const response = await post({ BillingCycle: "Annual", LineItems: [{ LineItemNumber: 0, OfferId: "microsoft-365-business-basic", FriendlyName: "Front desk", Quantity: 4 }, { LineItemNumber: 1, OfferId: "office-365-e5", Quantity: 2 }] });
    expect(response.status).toBe(201);
    const order = orderSchema.parse(response.body);
    expect(order.billingCycle).toBe("annual");
    expect(order.lineItems.map((l) => [l.lineItemNumber, l.offerId, l.friendlyName, l.quantity, l.termDuration])).toEqual([
      [0, "microsoft-365-business-basic", "Front desk", 4, "P1Y"],
      [1, "office-365-e5", "Office 365 E5", 2, "P1Y"],
    ]);
  });

  it("creates one order for a retried request: the same MS-RequestId answers the first order; reused for another customer it is refused", async () => {
    const body = { lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 2 }] };
    const headers = { "MS-RequestId": "retry-order-1" };
    const before = { orders: orderRows().length, subscriptions: subscriptionCount() };
    const first = await post(body, { headers });
    const retry = await post(body, { headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(orderRows()).toHaveLength(before.orders + 1);
    expect(subscriptionCount()).toBe(before.subscriptions + 1);
    expect(state.db.select().from(apiRequests).all()).toMatchObject([{ partnerId: "contoso-partners", requestId: "retry-order-1", operation: "order.create", targetId: "fabrikam", resultId: first.body.id }]);
    expect(await post(body, { headers, customerId: "wingtip-toys" })).toMatchObject({ status: 422, body: { code: "422" } });
    // Without an MS-RequestId every call is a new order.
    await post(body);
    expect(orderRows()).toHaveLength(before.orders + 2);
  });

  it("refuses a line that can't be bought with 400 2093, naming the line, and buys nothing; one-per-customer twice in one order too", async () => {
    const before = { orders: orderRows().length, subscriptions: subscriptionCount() };
    const segment = await post({ lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 1 }, { lineItemNumber: 1, offerId: "office-365-a1-faculty", quantity: 1 }] });
    expect(segment).toMatchObject({ status: 400, body: { code: "2093", data: [{ field: "1", messages: [expect.stringMatching(/segment/)] }] } });
    const suspended = await post({ billingCycle: "annual", lineItems: [{ lineItemNumber: 0, offerId: "office-365-e3", quantity: 1 }] });
    expect(suspended).toMatchObject({ status: 400, body: { code: "2093", data: [{ field: "0", messages: [expect.stringMatching(/suspended/)] }] } });
    const twice = await post({ lineItems: [{ lineItemNumber: 0, offerId: "office-365-e3-trial", quantity: 1 }, { lineItemNumber: 1, offerId: "office-365-e3-trial", quantity: 1 }] });
    expect(twice).toMatchObject({ status: 400, body: { code: "2093", data: [{ field: "1", messages: [expect.stringMatching(/one subscription per customer/)] }] } });
    const range = await post({ lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 301 }] });
    expect(range).toMatchObject({ status: 400, body: { code: "2093", data: [{ field: "0", messages: [expect.stringMatching(/1 to 300/)] }] } });
    expect(orderRows()).toHaveLength(before.orders);
    expect(subscriptionCount()).toBe(before.subscriptions);
  });

  it("refuses invalid input with 400 400056 naming each field", async () => {
    const cases: [unknown, string][] = [
      [{ lineItems: [] }, "lineItems"],
      [{ lineItems: [{ lineItemNumber: 0, offerId: "no-such-offer", quantity: 1 }] }, "lineItems.0.offerId"],
      [{ lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 0 }] }, "lineItems.0.quantity"],
      [{ lineItems: [{ offerId: "microsoft-365-business-basic", quantity: 1 }] }, "lineItems.0.lineItemNumber"],
      [{ billingCycle: "one_time", lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 1 }] }, "billingCycle"],
      [{ lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 1 }, { lineItemNumber: 0, offerId: "office-365-e5", quantity: 1 }] }, "lineItems.1.id"],
    ];
    const before = orderRows().length;
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.status, field).toBe(400);
      expect(response.body.code, field).toBe("400056");
      expect(response.body.data.map((d: { field: string }) => d.field), field).toContain(field);
    }
    expect(orderRows()).toHaveLength(before);
  });

  it("answers 401 without a token, 403 to a Helpdesk agent (2032) and an indirect reseller, 404 for another partner's customer", async () => {
    const body = { lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 1 }] };
    const before = orderRows().length;
    expect((await call(create, ORDERS, params, { method: "POST", body })).status).toBe(401);
    expect(await post(body, { token: await tokenFor("helpdesk@contoso-partner.example") })).toMatchObject({ status: 403, body: { code: "2032" } });
    expect(await post(body, { token: await tokenFor("billing@contoso-partner.example") })).toMatchObject({ status: 403, body: { code: "2032" } });
    expect(await post(body, { token: await tokenFor("admin@margies-travel.example"), customerId: "boulder-creek-hotels" })).toMatchObject({ status: 403, body: { code: "403" } });
    expect(await post(body, { token: await tokenFor("admin@adventure-works.example") })).toMatchObject({ status: 404, body: { code: "1000" } });
    expect(orderRows()).toHaveLength(before);
    // A Sales agent sells.
    expect((await post(body, { token: await tokenFor("sales@contoso-partner.example") })).status).toBe(201);
  });
});

describe("GET /v1/customers/{customerId}/orders and /orders/{orderId}", () => {
  it("lists every order of the customer (the pages' too) as a Collection, and reads one by id as POST answered it", async () => {
    const created = orderSchema.parse((await post({ lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 2 }] })).body);
    const response = await call(list, ORDERS, params, { token: admin });
    expect(response.status).toBe(200);
    const page = orderCollectionSchema.parse(response.body);
    expect(page).toMatchObject({ totalCount: page.items.length, links: { self: { uri: ORDERS } }, attributes: { objectType: "Collection" } });
    const fabrikamOrders = orderRows().filter((o) => o.customerId === "fabrikam");
    expect(page.items.map((o) => o.id).sort()).toEqual(fabrikamOrders.map((o) => o.id).sort());
    expect(page.items.at(-1)).toEqual(created);
    // Every seeded order's lines carry the subscriptions Buy made.
    for (const order of page.items) {
      const ids = state.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.orderId, order.id)).all().map((s) => s.id);
      expect(order.lineItems.map((l) => l.subscriptionId).sort()).toEqual(ids.sort());
    }
    const read = await call(one, `${ORDERS}/${created.id}`, { ...params, orderId: created.id }, { token: admin });
    expect(read.status).toBe(200);
    expect(orderSchema.parse(read.body)).toEqual(created);
  });

  it("is 404 for an unknown order, another customer's order and another partner's customer", async () => {
    const created = orderSchema.parse((await post({ lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-basic", quantity: 1 }] })).body);
    expect(await call(one, `${ORDERS}/nope`, { ...params, orderId: "nope" }, { token: admin })).toMatchObject({ status: 404, body: { code: "1000" } });
    expect((await call(one, `/v1/customers/wingtip-toys/orders/${created.id}`, { customerId: "wingtip-toys", orderId: created.id }, { token: admin })).status).toBe(404);
    const other = await tokenFor("admin@adventure-works.example");
    expect((await call(one, `${ORDERS}/${created.id}`, { ...params, orderId: created.id }, { token: other })).status).toBe(404);
    expect((await call(list, ORDERS, params, { token: other })).status).toBe(404);
    expect((await call(list, ORDERS, params, {})).status).toBe(401);
  });
});
