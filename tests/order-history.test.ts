import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addToCart, buy, cancelSubscription, DAY_MS, getOrderDetail, getSubscriptionContext, listOrders, setupLink, type Actor, type Clock } from "@/lib/subscriptions";
import { processLifecycle } from "@/lib/subscriptions/system";
import { captureQueries, explain } from "@/scripts/bench/plans";
import type { Db } from "@/db/client";
import { actorFor, buyAddOn, buySubscription, clockAt, domainError, freshDb, reload, SEED_NOW, submitChanges, suspendSubscription } from "./helpers";

/** Issue 10, items 7 and 10: a customer's Orders, an order's page, and the setup link that stays. */
const CUSTOMER = "tailwind-traders";

function setup(userId = "contoso-global-admin") {
  const { db } = freshDb();
  return { db, actor: actorFor(db, userId), clock: clockAt() };
}

/** One Buy of several lines; returns the order id. */
function order(db: Db, actor: Actor, clock: Clock, lines: { offerId: string; quantity: number; billingFrequency?: "monthly" | "annual" }[], customerId = CUSTOMER): string {
  for (const l of lines) addToCart(db, actor, clock, { customerId, billingFrequency: "monthly", ...l });
  return buy(db, actor, clock, { customerId, idempotencyKey: randomUUID() }).order.id;
}

describe("listOrders", () => {
  it("lists a customer's orders newest first: date, lines as ordered, who placed them, total and what Buy charged", () => {
    const { db, actor, clock } = setup();
    const first = order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 2 }]);
    clock.advance(DAY_MS);
    const second = order(db, actorFor(db, "contoso-sales-agent"), clock, [
      { offerId: "office-365-e1", quantity: 3 },
      { offerId: "contoso-backup-pro", quantity: 10 },
    ]);
    const page = listOrders(db, actor, CUSTOMER);
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.order.id)).toEqual([second, first]);
    const [newest, oldest] = page.items;
    expect(newest.order.placedAt).toEqual(new Date(SEED_NOW.getTime() + DAY_MS));
    expect(newest.placedBy).toBe("Lynne Robbins");
    expect(oldest.placedBy).toBe("Megan Bowen");
    expect(newest.lines.map((l) => [l.offerName, l.quantity]).sort()).toEqual([["Contoso Backup Pro", 10], ["Office 365 E1", 3]]);
    // The trial line counts at full price in the total, but Buy charged only E1.
    expect(newest.charges).toEqual({ totalMinor: 3 * 1200 + 10 * 1200, dueAtPurchaseMinor: 3 * 1200, currency: "USD" });
    expect(oldest.charges).toEqual({ totalMinor: 2400, dueAtPurchaseMinor: 2400, currency: "USD" });
  });

  it("shows the quantity ordered, not the quantity the subscription has now", () => {
    const { db, actor, clock } = setup();
    const e1 = buySubscription(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2 });
    submitChanges(db, actor, clock, e1.id, { quantity: 7 });
    expect(reload(db, actor, e1.id).quantity).toBe(7);
    expect(listOrders(db, actor, CUSTOMER).items[0].lines).toEqual([{ subscriptionId: e1.id, offerName: "Office 365 E1", quantity: 2 }]);
  });

  it("shows no money to a role that may not see charges", () => {
    const { db, actor, clock } = setup();
    order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 2 }]);
    for (const userId of ["contoso-sales-agent", "contoso-helpdesk-agent"]) {
      const [item] = listOrders(db, actorFor(db, userId), CUSTOMER).items;
      expect(item.charges, userId).toBeNull();
      expect(item.lines).toHaveLength(1);
    }
    expect(listOrders(db, actorFor(db, "contoso-billing-admin"), CUSTOMER).items[0].charges).not.toBeNull();
  });

  it("pages by cursor through many orders, ties on the same instant included, and back", () => {
    const { db, actor, clock } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      // Three orders per instant: the page boundary falls inside a tie.
      if (i % 3 === 0) clock.advance(60_000);
      ids.push(order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 1 }]));
    }
    const seen: string[] = [];
    let page = listOrders(db, actor, CUSTOMER);
    expect(page).toMatchObject({ total: 45, page: 1, pageCount: 3, prevCursor: null });
    const pages = [page];
    while (page.nextCursor) {
      seen.push(...page.items.map((i) => i.order.id));
      page = listOrders(db, actor, CUSTOMER, { cursor: page.nextCursor });
      pages.push(page);
    }
    seen.push(...page.items.map((i) => i.order.id));
    expect(pages.map((p) => [p.page, p.items.length])).toEqual([[1, 20], [2, 20], [3, 5]]);
    expect(new Set(seen).size).toBe(45);
    const placed = pages.flatMap((p) => p.items.map((i) => i.order.placedAt.getTime()));
    expect(placed).toEqual([...placed].sort((a, b) => b - a));
    expect(new Set(seen)).toEqual(new Set(ids));
    // Previous from the last page is the second page again.
    const back = listOrders(db, actor, CUSTOMER, { cursor: page.prevCursor! });
    expect(back.items.map((i) => i.order.id)).toEqual(pages[1].items.map((i) => i.order.id));
    // A page by number (a typed-in link) shows the same rows.
    expect(listOrders(db, actor, CUSTOMER, { page: 2 }).items.map((i) => i.order.id)).toEqual(pages[1].items.map((i) => i.order.id));
  });

  it("lists only the customer's orders of the actor's partner; another partner's customer is not found", () => {
    const { db, actor, clock } = setup();
    order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 1 }]);
    expect(listOrders(db, actor, "wingtip-toys").items.every((i) => i.lines.every((l) => l.offerName !== "Office 365 E1"))).toBe(true);
    expect(domainError(() => listOrders(db, actorFor(db, "adventure-works-global-admin"), CUSTOMER)).code).toBe("not_found:customer");
  });

  it("reads orders, lines and charges through indexes, never a partner's whole table", () => {
    const { db, actor, clock } = setup();
    const id = order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 1 }, { offerId: "contoso-backup-pro", quantity: 1 }]);
    for (let i = 0; i < 20; i++) order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 1 }]);
    const { nextCursor } = listOrders(db, actor, CUSTOMER);
    expect(nextCursor).not.toBeNull();
    const plans = captureQueries(db.$client, () => {
      listOrders(db, actor, CUSTOMER);
      listOrders(db, actor, CUSTOMER, { cursor: nextCursor! });
      getOrderDetail(db, actor, clock, CUSTOMER, id);
    }).map((q) => explain(db.$client, q));
    expect(plans.flatMap((p) => p.problems)).toEqual([]);
    const lines = plans.flatMap((p) => p.plan);
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH orders USING (COVERING )?INDEX orders_customer_idx \(partner_id=\? AND customer_id=\?/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH subscriptions USING INDEX subscriptions_order_idx \(order_id=\?\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH ledger_entries USING INDEX ledger_subscription_idx \(subscription_id=\?\)/));
    expect(lines.filter((l) => l.includes("activity_log"))).toEqual(expect.arrayContaining([expect.stringMatching(/activity_subscription_idx \(partner_id=\? AND subscription_id=\?\)/)]));
    expect(lines.filter((l) => l.includes("activity_log") && !l.includes("activity_subscription_idx"))).toEqual([]);
    expect(lines.filter((l) => /^SCAN (orders|subscriptions|ledger_entries|activity_log)\b/.test(l))).toEqual([]);
  });
});

describe("getOrderDetail", () => {
  it("says what Buy charged (a trial line $0) and what each line costs when its paid term starts", () => {
    const { db, actor, clock } = setup();
    const id = order(db, actor, clock, [
      { offerId: "office-365-e1", quantity: 2 },
      { offerId: "contoso-backup-pro", quantity: 10, billingFrequency: "annual" },
    ]);
    const detail = getOrderDetail(db, actor, clock, CUSTOMER, id);
    expect(detail).toMatchObject({ placedBy: "Megan Bowen", order: { id, placedAt: SEED_NOW }, now: SEED_NOW });
    const backup = detail.lines.find((l) => l.offer.id === "contoso-backup-pro")!;
    const e1 = detail.lines.find((l) => l.offer.id === "office-365-e1")!;
    const trialEnds = new Date(SEED_NOW.getTime() + 30 * DAY_MS);
    expect(backup).toMatchObject({ orderedQuantity: 10, paidTermStartsAt: trialEnds, charges: { dueAtPurchaseMinor: 0, paidTermMinor: 10 * 11952, currency: "USD" } });
    expect(e1).toMatchObject({ orderedQuantity: 2, paidTermStartsAt: SEED_NOW, charges: { dueAtPurchaseMinor: 2400, paidTermMinor: 2400, currency: "USD" } });
    // Due today is E1 alone; the order's total counts the trial line at its full price.
    expect(detail.charges).toEqual({ totalMinor: 2400 + 10 * 11952, dueAtPurchaseMinor: 2400, currency: "USD" });
  });

  it("after the trial converts, the line's paid term is what the conversion charged", () => {
    const { db, actor, clock } = setup();
    const id = order(db, actor, clock, [{ offerId: "contoso-backup-pro", quantity: 4 }]);
    const later = clockAt(31 * DAY_MS);
    processLifecycle(db, later.now(), actor.partnerId);
    const [line] = getOrderDetail(db, actor, later, CUSTOMER, id).lines;
    expect(line.subscription.trialConvertedAt).not.toBeNull();
    expect(line.charges).toEqual({ dueAtPurchaseMinor: 0, paidTermMinor: 4 * 1200, currency: "USD" });
  });

  it("a trial with Auto-renew off, or cancelled during its trial, has no paid term", () => {
    const { db, actor, clock } = setup();
    const id = order(db, actor, clock, [{ offerId: "contoso-backup-pro", quantity: 4 }]);
    const [{ subscription }] = getOrderDetail(db, actor, clock, CUSTOMER, id).lines;
    submitChanges(db, actor, clock, subscription.id, { autoRenew: false });
    expect(getOrderDetail(db, actor, clock, CUSTOMER, id).lines[0].charges).toMatchObject({ dueAtPurchaseMinor: 0, paidTermMinor: null });
    cancelSubscription(db, actor, clock, { subscriptionId: subscription.id, reason: "Customer request" });
    const [line] = getOrderDetail(db, actor, clock, CUSTOMER, id).lines;
    expect(line.charges).toMatchObject({ paidTermMinor: null });
    // Ended: the setup link is gone from the order too.
    expect(line.setupUrl).toBeNull();
  });

  it("shows no money to a role that may not see charges", () => {
    const { db, actor, clock } = setup();
    const id = order(db, actor, clock, [{ offerId: "contoso-backup-pro", quantity: 1 }]);
    for (const userId of ["contoso-sales-agent", "contoso-helpdesk-agent"]) {
      const detail = getOrderDetail(db, actorFor(db, userId), clock, CUSTOMER, id);
      expect(detail.charges, userId).toBeNull();
      expect(detail.lines.map((l) => l.charges)).toEqual([null]);
      expect(JSON.stringify(detail)).not.toContain("totalMinor");
    }
  });

  it("an order of another customer or partner is not found", () => {
    const { db, actor, clock } = setup();
    const id = order(db, actor, clock, [{ offerId: "office-365-e1", quantity: 1 }]);
    expect(domainError(() => getOrderDetail(db, actor, clock, "wingtip-toys", id)).code).toBe("not_found:order");
    expect(domainError(() => getOrderDetail(db, actorFor(db, "adventure-works-global-admin"), clock, CUSTOMER, id)).code).toBe("not_found:customer");
  });
});

describe("setupLink", () => {
  it("keeps the publisher's link while an ISV subscription is active or suspended, and drops it once ended", () => {
    const { db, actor, clock } = setup();
    const gateway = buySubscription(db, actor, clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 1 });
    const offerOf = (id: string) => getSubscriptionContext(db, actor, id).offer;
    expect(setupLink(gateway, offerOf(gateway.id))).toBe("https://gateway.tailspin-security.example/activate");
    const suspended = suspendSubscription(db, actor, clock, gateway.id);
    expect(setupLink(suspended, offerOf(gateway.id))).toBe("https://gateway.tailspin-security.example/activate");
    submitChanges(db, actor, clock, gateway.id, { status: "active" });
    cancelSubscription(db, actor, clock, { subscriptionId: gateway.id, reason: "Customer request" });
    expect(reload(db, actor, gateway.id).status).toBe("cancelled");
    expect(setupLink(reload(db, actor, gateway.id), offerOf(gateway.id))).toBeNull();
  });

  it("gives an ISV add-on its own link, and a Microsoft offer none", () => {
    const { db, actor, clock } = setup();
    const backup = buySubscription(db, actor, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 5 });
    const addOn = buyAddOn(db, actor, clock, backup, "contoso-backup-pro-extended-retention", 2);
    expect(setupLink(addOn, getSubscriptionContext(db, actor, addOn.id).offer)).toBe("https://backup.contoso-software.example/setup/extended-retention");
    const e1 = buySubscription(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 1 });
    expect(setupLink(e1, getSubscriptionContext(db, actor, e1.id).offer)).toBeNull();
  });
});
