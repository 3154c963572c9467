/**
 * The REST API's orders ("Create an order for a customer", "Get a list of orders by customer", "Get an
 * order by ID"). Creating one is the pages' Buy (`buyLines` -> `placeOrder`) on the lines sent.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { offers, orders, subscriptions, type BillingFrequency, type Offer, type Order, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { resolveLines, type ApiLineInput } from "./api-carts";
import { onceForRequest, requestKey } from "./api-requests";
import { assertCanSell } from "./cart";
import type { Clock } from "./clock";
import { getCustomer } from "./customers";
import { buyLines } from "./orders";
import type { Actor } from "./permissions";

export interface ApiOrder {
  order: Order;
  /** The subscriptions it created, in its line order (the order they were provisioned in). */
  lines: { subscription: Subscription; offer: Offer }[];
}

export interface CreateApiOrderParams {
  customerId: string;
  billingFrequency: BillingFrequency;
  lines: Omit<ApiLineInput, "billingFrequency">[];
  requestId?: string;
}

/**
 * **Create an order for a customer**: every line at the order's billing cycle, bought with the same
 * rules as the pages' Buy; the same MS-RequestId returns the order the first call created.
 */
export function createApiOrder(db: Db, actor: Actor, clock: Clock, params: CreateApiOrderParams): { order: ApiOrder; created: boolean } {
  assertCanSell(actor);
  return db.transaction(
    (tx) => {
      const customer = getCustomer(tx, actor, params.customerId);
      const { result, created } = onceForRequest(tx, actor, requestKey(params.requestId, "order.create", customer.id), clock.now(), {
        replay: (orderId) => getApiOrder(tx, actor, customer.id, orderId),
        create: () => {
          const lines = resolveLines(
            tx,
            actor,
            params.lines.map((l) => ({ ...l, billingFrequency: params.billingFrequency })),
            "offerId",
          ).map((r) => r.line);
          // An order's key is its own: the MS-RequestId table is what makes a retry find it.
          const { order } = buyLines(tx, actor, clock, { customerId: customer.id, idempotencyKey: `api-order:${randomUUID()}`, lines });
          return { resultId: order.id, result: getApiOrder(tx, actor, customer.id, order.id) };
        },
      });
      return { order: result, created };
    },
    { behavior: "immediate" },
  );
}

/** The subscriptions of some orders in provisioning order (rowid: lines of one order share their instant). */
function linesOf(db: Db, partnerId: string, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({ subscription: subscriptions, offer: offers })
    .from(subscriptions)
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(and(inArray(subscriptions.orderId, orderIds), sql`+${subscriptions.partnerId} = ${partnerId}`))
    .orderBy(sql`${subscriptions}.rowid`)
    .all();
}

/** **Get an order by ID**: another customer's or partner's order is not found. */
export function getApiOrder(db: Db, actor: Actor, customerId: string, orderId: string): ApiOrder {
  const customer = getCustomer(db, actor, customerId);
  const order = db
    .select()
    .from(orders)
    .where(and(eq(orders.partnerId, actor.partnerId), eq(orders.customerId, customer.id), eq(orders.id, orderId)))
    .get();
  if (!order) throw new DomainError("not_found:order");
  return { order, lines: linesOf(db, actor.partnerId, [order.id]) };
}

/** **Get a list of orders by customer**: every order, oldest first, each with its lines. */
export function listApiOrders(db: Db, actor: Actor, customerId: string): ApiOrder[] {
  const customer = getCustomer(db, actor, customerId);
  const rows = db
    .select()
    .from(orders)
    .where(and(eq(orders.partnerId, actor.partnerId), eq(orders.customerId, customer.id)))
    .orderBy(asc(orders.placedAt), asc(orders.id))
    .all();
  const lines = linesOf(db, actor.partnerId, rows.map((o) => o.id));
  return rows.map((order) => ({ order, lines: lines.filter((l) => l.subscription.orderId === order.id) }));
}
