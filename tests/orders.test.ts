import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityLog, ledgerEntries, orders, subscriptions } from "@/db/schema";
import { renderError } from "@/lib/error-text";
import { addToCart, buy, DAY_MS, getCart, getOrder, reviewOrder } from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, domainError, expectRefused, freshDb, SEED_NOW } from "./helpers";

const CUSTOMER = "tailwind-traders";

function setup(userId = "contoso-sales-agent") {
  const { db } = freshDb();
  return { db, actor: actorFor(db, userId), clock: clockAt() };
}

describe("reviewOrder", () => {
  it("refuses an empty cart", () => {
    const { db, actor, clock } = setup();
    expect(domainError(() => reviewOrder(db, actor, clock, CUSTOMER)).code).toBe("cart:empty");
  });

  it("shows each line's term, and $0 today for a line that starts with a free trial", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "monthly" });
    clock.advance(1000);
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 10, billingFrequency: "annual" });
    const now = clock.now();
    const review = reviewOrder(db, actor, clock, CUSTOMER);
    const [e1, backup] = review.items;
    expect(e1).toMatchObject({ dueTodayMinor: 2400, trialEndsAt: null, paidTermStartsAt: now, termEndsAt: new Date("2026-04-02T09:00:01.000Z") });
    const trialEnds = new Date(now.getTime() + 30 * DAY_MS);
    expect(backup).toMatchObject({ dueTodayMinor: 0, trialEndsAt: trialEnds, paidTermStartsAt: trialEnds, termEndsAt: new Date("2027-04-01T09:00:01.000Z") });
    expect(review.dueTodayMinor).toBe(2400);
    expect(review.totalMinor).toBe(2400 + 10 * backup.unitPriceMinor);
  });
});

describe("buy", () => {
  it("creates the order and its subscriptions, charges the first term and empties the cart", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "monthly" });
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 10, billingFrequency: "monthly" });
    const { order, created } = buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "review-1" });
    expect(created).toBe(true);
    expect(order).toMatchObject({ customerId: CUSTOMER, userId: actor.userId, placedAt: SEED_NOW, totalMinor: 2400 + 12000, currency: "USD" });
    const { lines } = getOrder(db, actor, CUSTOMER, order.id);
    const e1 = lines.find((l) => l.offer.id === "office-365-e1")!.subscription;
    const backup = lines.find((l) => l.offer.id === "contoso-backup-pro")!.subscription;
    expect(e1).toMatchObject({ status: "active", autoRenew: true, quantity: 2, orderedAt: SEED_NOW, termStart: SEED_NOW, termEnd: new Date("2026-04-02T09:00:00.000Z"), trialEndsAt: null, version: 1 });
    expect(backup).toMatchObject({ status: "active", trialEndsAt: new Date(SEED_NOW.getTime() + 30 * DAY_MS), trialConvertedAt: null, termStart: new Date(SEED_NOW.getTime() + 30 * DAY_MS) });
    // The trial is free: only E1 is charged at Buy.
    const ledger = db.select().from(ledgerEntries).where(eq(ledgerEntries.customerId, CUSTOMER)).all();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ subscriptionId: e1.id, kind: "purchase", amountMinor: 2400, quantity: 2, chargeStart: e1.termStart, chargeEnd: e1.termEnd, postedAt: SEED_NOW });
    const activity = db.select().from(activityLog).where(eq(activityLog.customerId, CUSTOMER)).all();
    expect(activity.map((a) => [a.subscriptionId, a.action, a.actorUserId, a.actorRole]).sort()).toEqual(
      [[e1.id, "purchase", actor.userId, "sales_agent"], [backup.id, "purchase", actor.userId, "sales_agent"]].sort(),
    );
    expect(getCart(db, actor, CUSTOMER).items).toEqual([]);
  });

  it("refuses an empty cart", () => {
    const { db, actor, clock } = setup();
    expectRefused(db, "cart:empty", () => buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "k" }));
  });

  it("buys nothing when one line can't be bought", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "monthly" });
    const bad = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 3, billingFrequency: "monthly" });
    // Meanwhile a colleague buys the customer's one Tailspin Secure Gateway.
    buySubscription(db, actorFor(db, "contoso-global-admin"), clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 1 });
    const error = expectRefused(db, "order:lines_unavailable", () => buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "k" }));
    expect(error.fieldErrors).toEqual({ [bad.id]: [{ reason: { code: "one_per_customer", subscriptionId: expect.any(String) } }] });
    expect(renderError("en-US", error)?.fieldErrors).toEqual({ [bad.id]: ["The customer already has a subscription to this offer and is only allowed one."] });
    expect(db.select().from(subscriptions).where(eq(subscriptions.offerId, "office-365-e1")).all().filter((s) => s.customerId === CUSTOMER)).toEqual([]);
    expect(getCart(db, actor, CUSTOMER).items).toHaveLength(2);
  });

  it("with the same key returns the first order and buys once", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "monthly" });
    const first = buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "double-click" });
    // The second click finds the order even with a new cart line waiting.
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity: 1, billingFrequency: "monthly" });
    clock.advance(500);
    const second = buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "double-click" });
    expect(second).toEqual({ order: first.order, created: false });
    expect(db.select().from(orders).where(eq(orders.customerId, CUSTOMER)).all()).toHaveLength(1);
    expect(db.select().from(subscriptions).where(eq(subscriptions.customerId, CUSTOMER)).all()).toHaveLength(1);
    expect(getCart(db, actor, CUSTOMER).items.map((i) => i.offer.id)).toEqual(["office-365-e3"]);
  });

  // "A key is unique per partner; a retry of the same request (same customer) returns the first order;
  // the same key for a different customer is refused."
  it("refuses a key already used for another customer, and writes nothing", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "monthly" });
    const first = buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "copied-key" });
    addToCart(db, actor, clock, { customerId: "fabrikam", offerId: "office-365-e1", quantity: 3, billingFrequency: "monthly" });
    const error = expectRefused(db, "order:idempotency_key_reused", () => buy(db, actor, clock, { customerId: "fabrikam", idempotencyKey: "copied-key" }));
    expect(error.status).toBe(422);
    expect(renderError("en-US", error)?.message).toMatch(/already used .* another customer/);
    expect(db.select().from(orders).where(eq(orders.idempotencyKey, "copied-key")).all()).toEqual([first.order]);
    expect(getCart(db, actor, "fabrikam").items).toHaveLength(1);
    // The retry for the first customer still returns the first order.
    expect(buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: "copied-key" })).toEqual({ order: first.order, created: false });
  });

  it("lets another partner use the same key", () => {
    const { db, actor, clock } = setup();
    buySubscription(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1" });
    const key = db.select().from(orders).where(eq(orders.customerId, CUSTOMER)).get()!.idempotencyKey;
    const provider = actorFor(db, "adventure-works-global-admin");
    addToCart(db, provider, clock, { customerId: "lakeshore-retail", offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" });
    expect(buy(db, provider, clock, { customerId: "lakeshore-retail", idempotencyKey: key }).created).toBe(true);
  });

  it("lets an indirect provider buy", () => {
    const { db, actor, clock } = setup("adventure-works-global-admin");
    const sub = buySubscription(db, actor, clock, { customerId: "lakeshore-retail", offerId: "office-365-e1", quantity: 4 });
    expect(sub).toMatchObject({ partnerId: "adventure-works", status: "active", quantity: 4 });
  });

  it("refuses an indirect reseller: it orders through its indirect provider", () => {
    const { db, actor, clock } = setup("margies-travel-global-admin");
    const add = expectRefused(db, "partner:cannot_buy", () => addToCart(db, actor, clock, { customerId: "boulder-creek-hotels", offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" }));
    expect(add.status).toBe(403);
    expectRefused(db, "partner:cannot_buy", () => buy(db, actor, clock, { customerId: "boulder-creek-hotels", idempotencyKey: "k" }));
  });

  it("refuses another partner's order", () => {
    const { db, actor, clock } = setup();
    const sub = buySubscription(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1" });
    expect(domainError(() => getOrder(db, actor, CUSTOMER, "nope")).code).toBe("not_found:order");
    expect(domainError(() => getOrder(db, actorFor(db, "adventure-works-global-admin"), CUSTOMER, sub.orderId!)).code).toBe("not_found:customer");
  });
});

describe("reviewOrder for those who can't buy", () => {
  it("tells an indirect reseller why, and a role without Buy that it may not", () => {
    const { db } = freshDb();
    const clock = clockAt();
    expect(domainError(() => reviewOrder(db, actorFor(db, "margies-travel-global-admin"), clock, "boulder-creek-hotels")).code).toBe("partner:cannot_buy");
    expect(domainError(() => reviewOrder(db, actorFor(db, "contoso-helpdesk-agent"), clock, "fabrikam")).code).toBe("forbidden");
  });
});
