/**
 * A customer's order history: the **Orders** list and an order's page. The setup link of an ISV
 * subscription appears only on the confirmation after Buy, and no email is sent, so the orders stay
 * reachable (issue 10, item 7); an order's page says what Buy charged and what each line costs when
 * its paid term starts (item 10).
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { activityLog, ledgerEntries, offers, orders, subscriptions, users, type Offer, type Order, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Clock } from "./clock";
import { getCustomer, pageWindow, PAGE_SIZE, type CursorPage } from "./customers";
import { keysetPage, type KeysetSource } from "./keyset";
import { getOrder, setupLink } from "./orders";
import { can, type Actor } from "./permissions";
import { termCharge } from "./pricing";
import { licensesApply } from "./quantity";

/** An order's money, for roles with the charges right only. */
export interface OrderCharges {
  /** The lines at their full price, trial lines included (the cart's total at Buy). */
  totalMinor: number;
  /** What Buy charged: $0 for lines that start with a free trial. */
  dueAtPurchaseMinor: number;
  currency: string;
}

export interface OrderListItem {
  order: Pick<Order, "id" | "placedAt">;
  /** The user who placed it; null when the user no longer exists. */
  placedBy: string | null;
  lines: { subscriptionId: string; offerName: string; quantity: number }[];
  /** Null for a role that may not see charges. */
  charges: OrderCharges | null;
}

/**
 * The subscriptions of some orders, with their offers. `+partner_id` keeps the planner on
 * subscriptions_order_idx: with the partner as an indexable term it walks the partner's subscriptions.
 */
function subscriptionsOfOrders(db: Db, partnerId: string, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({ subscription: subscriptions, offer: offers })
    .from(subscriptions)
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(and(inArray(subscriptions.orderId, orderIds), sql`+${subscriptions.partnerId} = ${partnerId}`))
    .orderBy(asc(subscriptions.orderedAt), asc(offers.name))
    .all();
}

/** Per subscription, what Buy charged ("purchase") and what its trial's conversion charged, by subscription_id. */
function purchaseCharges(db: Db, partnerId: string, subscriptionIds: string[]): Map<string, { purchase: number; conversion: number | null }> {
  const result = new Map<string, { purchase: number; conversion: number | null }>();
  if (subscriptionIds.length === 0) return result;
  const rows = db
    .select({ subscriptionId: ledgerEntries.subscriptionId, kind: ledgerEntries.kind, amountMinor: ledgerEntries.amountMinor })
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.subscriptionId, subscriptionIds), sql`+${ledgerEntries.partnerId} = ${partnerId}`, inArray(ledgerEntries.kind, ["purchase", "conversion"])))
    .all();
  for (const id of subscriptionIds) result.set(id, { purchase: 0, conversion: null });
  for (const row of rows) {
    const entry = result.get(row.subscriptionId)!;
    if (row.kind === "purchase") entry.purchase += row.amountMinor;
    else entry.conversion = (entry.conversion ?? 0) + row.amountMinor;
  }
  return result;
}

/**
 * The quantity each line was bought with, from its purchase entry in the activity log: the
 * subscription's own quantity may have changed since, and the order should show what was ordered.
 */
function orderedQuantities(db: Db, partnerId: string, subscriptionIds: string[]): Map<string, number> {
  if (subscriptionIds.length === 0) return new Map();
  const rows = db
    .select({ subscriptionId: activityLog.subscriptionId, after: activityLog.after })
    .from(activityLog)
    // `+action`: as an indexable term the planner walks every purchase of the partner (activity_action_idx).
    .where(and(eq(activityLog.partnerId, partnerId), inArray(activityLog.subscriptionId, subscriptionIds), sql`+${activityLog.action} = ${"purchase"}`))
    .all();
  return new Map(rows.flatMap((r) => (typeof r.after?.quantity === "number" ? [[r.subscriptionId, r.after.quantity] as const] : [])));
}

/**
 * A customer's **Orders**, newest first, paged by keyset on orders_customer_idx (partner, customer,
 * placed_at): a page reads its 20 orders (ties on the same instant sorted by id among themselves), then
 * their lines by subscriptions_order_idx and their charges by ledger_subscription_idx, so a customer
 * with thousands of orders costs what one with twenty does.
 */
export function listOrders(db: Db, actor: Actor, customerId: string, params: { page?: number; cursor?: string } = {}): CursorPage<OrderListItem> {
  const customer = getCustomer(db, actor, customerId);
  const where = and(eq(orders.partnerId, actor.partnerId), eq(orders.customerId, customer.id));
  const [{ total }] = db.select({ total: count() }).from(orders).where(where).all();
  const { page: requested, pageCount } = pageWindow(total, params.page);
  type Row = { order: Order; placedBy: string | null };
  const source: KeysetSource<Row> = {
    segments: [null],
    rows: (_segment, { from, back, limit, offset }) => {
      // Newest first: the next page is older (smaller keys), a Previous page newer.
      const order = back ? asc : desc;
      const after = from && sql`(${orders.placedAt}, ${orders.id}) ${back ? sql`>` : sql`<`} (${from[0]}, ${from[1]})`;
      return db
        .select({ order: orders, placedBy: users.name })
        .from(orders)
        .leftJoin(users, eq(users.id, orders.userId))
        .where(and(where, after))
        .orderBy(order(orders.placedAt), order(orders.id))
        .limit(limit)
        .offset(offset ?? 0)
        .all();
    },
    key: (r) => [r.order.placedAt.getTime(), r.order.id],
    segmentOf: () => null,
  };
  const result = keysetPage(source, JSON.stringify(["orders", actor.partnerId, customer.id]), { cursor: params.cursor, page: requested, size: PAGE_SIZE, pageCount });
  const lines = subscriptionsOfOrders(db, actor.partnerId, result.items.map((r) => r.order.id));
  const ids = lines.map((l) => l.subscription.id);
  const quantities = orderedQuantities(db, actor.partnerId, ids);
  const charges = can(actor, "view_billing") ? purchaseCharges(db, actor.partnerId, ids) : null;
  const items = result.items.map(({ order, placedBy }): OrderListItem => {
    const own = lines.filter((l) => l.subscription.orderId === order.id);
    return {
      order: { id: order.id, placedAt: order.placedAt },
      placedBy,
      lines: own.map(({ subscription: s, offer }) => ({ subscriptionId: s.id, offerName: offer.name, quantity: quantities.get(s.id) ?? s.quantity })),
      charges: charges && { totalMinor: order.totalMinor, dueAtPurchaseMinor: own.reduce((t, l) => t + (charges.get(l.subscription.id)?.purchase ?? 0), 0), currency: order.currency },
    };
  });
  return { ...result, items, total, pageCount };
}

/** What a line costs: at Buy, and for its first paid term (after the free trial, for a trial line). */
export interface OrderLineCharges {
  /** Charged at Buy: $0 for a line that started with a free trial. */
  dueAtPurchaseMinor: number;
  /**
   * The first paid term's charge: charged at Buy, or at the trial's end (what the conversion charged,
   * or will charge for the licenses it has now). Null for a trial that ends with no paid term: it
   * ended before converting, or Auto-renew is off during the trial (issue 10, item 6).
   */
  paidTermMinor: number | null;
  currency: string;
}

export interface OrderDetailLine {
  subscription: Subscription;
  offer: Offer;
  /** The licenses the line was bought with. */
  orderedQuantity: number;
  /** When the paid term starts: the trial's end, or the order's date. */
  paidTermStartsAt: Date;
  /** The publisher's setup link while it is relevant (see `setupLink`). */
  setupUrl: string | null;
  /** Null for a role that may not see charges. */
  charges: OrderLineCharges | null;
}

export interface OrderDetail {
  order: Pick<Order, "id" | "customerId" | "placedAt">;
  placedBy: string | null;
  lines: OrderDetailLine[];
  /** Null for a role that may not see charges. */
  charges: OrderCharges | null;
  /** The partner's now, to tell an order placed today from an older one. */
  now: Date;
}

/** The first paid term's charge of a line (see OrderLineCharges.paidTermMinor). */
function paidTermCharge(subscription: Subscription, offer: Offer, charged: { purchase: number; conversion: number | null }): number | null {
  // Usage-based lines have no term price: they are billed for what the customer uses.
  if (!licensesApply(offer)) return null;
  if (!subscription.trialEndsAt) return charged.purchase;
  if (subscription.trialConvertedAt) return charged.conversion ?? 0;
  const live = !subscription.endedAt && (subscription.status === "active" || subscription.status === "suspended");
  return live && subscription.autoRenew ? termCharge(offer, subscription.billingFrequency, subscription.quantity) : null;
}

/**
 * An order's page: its lines with the quantity ordered, who placed it, the setup links still relevant,
 * and for roles with the charges right, what was due at Buy and what each line costs once its paid term
 * starts ("the confirmation's total adds trial lines at full price while $0 is due today").
 */
export function getOrderDetail(db: Db, actor: Actor, clock: Clock, customerId: string, orderId: string): OrderDetail {
  const { order, lines } = getOrder(db, actor, customerId, orderId);
  const placedBy = order.userId ? (db.select({ name: users.name }).from(users).where(eq(users.id, order.userId)).get()?.name ?? null) : null;
  const ids = lines.map((l) => l.subscription.id);
  const quantities = orderedQuantities(db, actor.partnerId, ids);
  const charged = can(actor, "view_billing") ? purchaseCharges(db, actor.partnerId, ids) : null;
  const detailLines = [...lines]
    .sort((a, b) => (a.offer.name < b.offer.name ? -1 : a.offer.name > b.offer.name ? 1 : 0))
    .map(({ subscription, offer }): OrderDetailLine => {
      const c = charged?.get(subscription.id);
      return {
        subscription,
        offer,
        orderedQuantity: quantities.get(subscription.id) ?? subscription.quantity,
        paidTermStartsAt: subscription.trialEndsAt ?? order.placedAt,
        setupUrl: setupLink(subscription, offer),
        charges: c ? { dueAtPurchaseMinor: c.purchase, paidTermMinor: paidTermCharge(subscription, offer, c), currency: offer.currency } : null,
      };
    });
  return {
    order: { id: order.id, customerId: order.customerId, placedAt: order.placedAt },
    placedBy,
    lines: detailLines,
    charges: charged && { totalMinor: order.totalMinor, dueAtPurchaseMinor: detailLines.reduce((t, l) => t + (l.charges?.dueAtPurchaseMinor ?? 0), 0), currency: order.currency },
    now: clock.now(),
  };
}
