import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { orders, subscriptions, offers, type Customer, type Order, type Subscription, type Offer } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedInsert, preparedQuery } from "@/db/prepared";
import { DomainError } from "@/lib/errors";
import type { Problem } from "@/lib/problems";
import { assertCanSell, clearCart, getCart, priceLines, type Cart, type CartItem, type LineProblem, type LineRequest, type PricedLine } from "./cart";
import { getCatalogOffer } from "./catalog";
import type { Clock } from "./clock";
import { getCustomer } from "./customers";
import type { Actor } from "./permissions";
import { initialTerm, provisionSubscription } from "./provisioning";
import { isCommercialMarketplace } from "./rules";

export interface ReviewLine extends CartItem {
  /** What is charged at Buy: $0 for a line that starts with a free trial. */
  dueTodayMinor: number;
  trialEndsAt: Date | null;
  /** When the paid term starts (the trial's end, or now). */
  paidTermStartsAt: Date;
  termEndsAt: Date;
}

export interface Review extends Omit<Cart, "items"> {
  items: ReviewLine[];
  dueTodayMinor: number;
}

export const ONE_PER_CUSTOMER_TWICE: Problem = { key: "onePerCustomerInOrder" };

/** **Review**: every line with its term, prices, and for trials $0 today and the date the paid term starts. */
export function reviewOrder(db: Db, actor: Actor, clock: Clock, customerId: string): Review {
  // Review is the step before Buy: a role or partner that can't buy is told so here already.
  assertCanSell(actor);
  const cart = getCart(db, actor, customerId);
  if (cart.items.length === 0) throw new DomainError("cart:empty");
  const now = clock.now();
  const items = cart.items.map((item): ReviewLine => {
    const term = initialTerm(item.offer, item.line.billingFrequency, now);
    return { ...item, dueTodayMinor: term.trialEndsAt ? 0 : item.lineTotalMinor, trialEndsAt: term.trialEndsAt, paidTermStartsAt: term.termStart, termEndsAt: term.termEnd };
  });
  return { ...cart, items, dueTodayMinor: items.reduce((t, i) => t + i.dueTodayMinor, 0) };
}

/** Problems per line at Buy time (by line id), including a second line of a one-per-customer offer. */
export function lineProblems(items: readonly PricedLine[]): Record<string, LineProblem> {
  const problems: Record<string, LineProblem> = {};
  const seenOnePerCustomer = new Set<string>();
  for (const item of items) {
    if (item.problem) problems[item.line.id] = item.problem;
    else if (item.offer.onePerCustomer && seenOnePerCustomer.has(item.offer.id)) problems[item.line.id] = { input: ONE_PER_CUSTOMER_TWICE };
    if (item.offer.onePerCustomer) seenOnePerCustomer.add(item.offer.id);
  }
  return problems;
}

export interface BuyParams {
  customerId: string;
  /** Issued with the Review page; a second Buy with the same key returns the first order. */
  idempotencyKey: string;
}

/**
 * The idempotency rule: "a key is unique per partner; a retry of the same request (same customer)
 * returns the first order; the same key for a different customer is refused" (422,
 * `order:idempotency_key_reused`), since that is a different request, not a retry.
 */
const orderByKey = preparedQuery((db) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.partnerId, sql.placeholder("partnerId")), eq(orders.idempotencyKey, sql.placeholder("idempotencyKey"))))
    .prepare(),
);
const insertOrder = preparedInsert(orders, ["id", "partnerId", "customerId", "userId", "idempotencyKey", "placedAt", "totalMinor", "currency"]);

export function orderForKey(db: Db, actor: Actor, customerId: string, idempotencyKey: string): Order | undefined {
  const existing = orderByKey(db).get({ partnerId: actor.partnerId, idempotencyKey });
  if (existing && existing.customerId !== customerId) throw new DomainError("order:idempotency_key_reused");
  return existing;
}

/**
 * The inside of every **Buy** (the pages' cart, the REST API's orders and cart checkout): every rule
 * checked again on the priced lines, then the order and its subscriptions, in the caller's write
 * transaction. Called under the write lock, so two Buys at once can't both take a one-per-customer offer.
 */
export function placeOrder(tx: Db, actor: Actor, customer: Customer, items: readonly PricedLine[], idempotencyKey: string, now: Date): Order {
  if (items.length === 0) throw new DomainError("cart:empty");
  const problems = lineProblems(items);
  // Each line's problem as the domain gives it (by line id): the edge words it in the reader's language.
  if (Object.keys(problems).length > 0) throw new DomainError("order:lines_unavailable", undefined, Object.fromEntries(Object.entries(problems).map(([lineId, problem]) => [lineId, [problem]])));
  const order = insertOrder.returning(tx, {
    id: randomUUID(),
    partnerId: actor.partnerId,
    customerId: customer.id,
    userId: actor.userId,
    idempotencyKey,
    placedAt: now,
    totalMinor: items.reduce((t, i) => t + i.lineTotalMinor, 0),
    currency: items[0].offer.currency,
  });
  for (const item of items) {
    provisionSubscription(
      tx,
      { partnerId: actor.partnerId, customerId: customer.id, orderId: order.id, offer: item.offer, quantity: item.line.quantity, billingFrequency: item.line.billingFrequency, friendlyName: item.line.friendlyName ?? null },
      { actor, action: "buy" },
      now,
    );
  }
  return order;
}

/**
 * **Buy**: one transaction creates the order and its subscriptions, or nothing. Every rule is
 * checked again here, under the write lock, so two Buys at once can't both take a one-per-customer offer.
 */
export function buy(db: Db, actor: Actor, clock: Clock, params: BuyParams): { order: Order; created: boolean } {
  assertCanSell(actor);
  return db.transaction(
    (tx) => {
      const customer = getCustomer(tx, actor, params.customerId);
      const existing = orderForKey(tx, actor, customer.id, params.idempotencyKey);
      if (existing) return { order: existing, created: false };
      const cart = getCart(tx, actor, customer.id);
      const order = placeOrder(tx, actor, customer, cart.items, params.idempotencyKey, clock.now());
      clearCart(tx, actor, customer.id);
      return { order, created: true };
    },
    { behavior: "immediate" },
  );
}

export interface BuyLinesParams {
  customerId: string;
  idempotencyKey: string;
  /** Catalog offers by id, in the order's line order. */
  lines: (LineRequest & { offerId: string })[];
}

/**
 * **Buy** given lines (the REST API's orders and cart checkout), with the same rules as the pages'
 * Buy through `placeOrder`. The same idempotency key returns the first order.
 */
export function buyLines(db: Db, actor: Actor, clock: Clock, params: BuyLinesParams): { order: Order; created: boolean } {
  assertCanSell(actor);
  return db.transaction(
    (tx) => {
      const customer = getCustomer(tx, actor, params.customerId);
      const existing = orderForKey(tx, actor, customer.id, params.idempotencyKey);
      if (existing) return { order: existing, created: false };
      const rows = params.lines.map((line) => ({ line, offer: getCatalogOffer(tx, actor, line.offerId) }));
      return { order: placeOrder(tx, actor, customer, priceLines(tx, actor, customer, rows), params.idempotencyKey, clock.now()), created: true };
    },
    { behavior: "immediate" },
  );
}

export interface OrderConfirmation {
  order: Order;
  lines: { subscription: Subscription; offer: Offer }[];
}

const customerOrder = preparedQuery((db) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.partnerId, sql.placeholder("partnerId")), eq(orders.customerId, sql.placeholder("customerId")), eq(orders.id, sql.placeholder("orderId"))))
    .prepare(),
);
const orderLines = preparedQuery((db) =>
  db
    .select({ subscription: subscriptions, offer: offers })
    .from(subscriptions)
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(and(eq(subscriptions.partnerId, sql.placeholder("partnerId")), eq(subscriptions.orderId, sql.placeholder("orderId"))))
    .prepare(),
);

/** The confirmation after Buy: the subscriptions the order created. */
export function getOrder(db: Db, actor: Actor, customerId: string, orderId: string): OrderConfirmation {
  const customer = getCustomer(db, actor, customerId);
  const order = customerOrder(db).get({ partnerId: actor.partnerId, customerId: customer.id, orderId });
  if (!order) throw new DomainError("not_found:order");
  const lines = orderLines(db).all({ partnerId: actor.partnerId, orderId: order.id });
  return { order, lines };
}

/**
 * The publisher's setup link, for as long as it can still be used: "Neither you nor your customer will
 * receive an email with instructions to complete account set up/provisioning for this type of ISV
 * subscription", so the link stays on the subscription's page (base or add-on) while the subscription
 * is active or suspended and has not ended. Microsoft offers have none.
 */
export function setupLink(subscription: Pick<Subscription, "status" | "endedAt">, offer: Pick<Offer, "publisherKind" | "setupUrl">): string | null {
  if (!isCommercialMarketplace(offer) || !offer.setupUrl) return null;
  if (subscription.endedAt || (subscription.status !== "active" && subscription.status !== "suspended")) return null;
  return offer.setupUrl;
}
