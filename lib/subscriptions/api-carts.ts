/**
 * The REST API's carts ("Cart resources", "Create a cart", "Update a cart", "Checkout a cart"):
 * resources with ids, per customer, that expire 7 days after creation by the partner's clock. Checkout
 * buys each order group through `buyLines`, the same Buy as the pages' cart, so every rule applies alike.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { apiCartLines, apiCarts, orders, type ApiCart, type BillingFrequency, type CartParticipant, type Customer, type Offer, type Order } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError, isDomainError, type ErrorCode, type FieldProblem } from "@/lib/errors";
import type { Problem } from "@/lib/problems";
import { onceForRequest, priorResult, recordResult, requestKey } from "./api-requests";
import { assertCanSell, priceLines, type LineRequest, type PricedLine } from "./cart";
import { getCatalogOffer } from "./catalog";
import { DAY_MS, type Clock } from "./clock";
import { getCustomer } from "./customers";
import { buyLines, lineProblems, ONE_PER_CUSTOMER_TWICE } from "./orders";
import type { Actor } from "./permissions";

/** "Carts expire 7 days from the initial creation." */
export const CART_LIFETIME_MS = 7 * DAY_MS;

/** A line as a caller sends it; `lineNumber` is the line's `id` in the request. */
export interface ApiLineInput {
  lineNumber: number;
  offerId: string;
  quantity: number;
  billingFrequency: BillingFrequency;
  friendlyName?: string | null;
  termDuration?: string | null;
  participants?: CartParticipant[] | null;
}

export type ApiLineRequest = LineRequest & Required<Pick<ApiLineInput, "lineNumber" | "offerId">> & { participants: CartParticipant[] | null };

export interface ApiCartLineView extends PricedLine<ApiLineRequest> {
  /** Lines of one billing cycle check out as one order: "0" for the first cycle in the cart, then "1". */
  orderGroup: string;
}

export interface ApiCartView {
  cart: ApiCart;
  customer: Customer;
  lines: ApiCartLineView[];
  /** The orders checkout placed so far, by order group. */
  orders: Map<string, Order>;
  /** "Active" (can be updated or checked out) until every order group has its order, then "Ordered". */
  status: "active" | "ordered";
  expired: boolean;
}

export interface OrderGroupError {
  orderGroupId: string;
  code: ErrorCode;
  /** Said instead of the code's message (the REST API words both in the request's language). */
  detail?: Problem;
  /** Per line id (the line's number as a string), why it can't be bought. */
  fieldErrors?: Record<string, FieldProblem[]>;
}

export interface CheckoutResult {
  cart: ApiCartView;
  orders: Order[];
  orderErrors: OrderGroupError[];
}

/** The catalog offer of each line; unknown offers and repeated line ids are refused with every field named. */
export function resolveLines(db: Db, actor: Actor, lines: readonly ApiLineInput[], offerField: string): { line: ApiLineRequest; offer: Offer }[] {
  if (lines.length === 0) throw new DomainError("invalid_input", { key: "lineItemsRequired" }, { lineItems: [{ key: "sendLineItem" }] });
  const fieldErrors: Record<string, Problem[]> = {};
  const seen = new Set<number>();
  const resolved = lines.map((input, index) => {
    if (seen.has(input.lineNumber)) fieldErrors[`lineItems.${index}.id`] = [{ key: "lineIdTwice", params: { id: input.lineNumber } }];
    seen.add(input.lineNumber);
    let offer: Offer | null = null;
    try {
      offer = getCatalogOffer(db, actor, input.offerId);
    } catch (error) {
      if (!isDomainError(error) || error.code !== "not_found:offer") throw error;
      fieldErrors[`lineItems.${index}.${offerField}`] = [{ key: "notAnOffer", params: { offerId: input.offerId } }];
    }
    const line: ApiLineRequest = {
      id: String(input.lineNumber),
      lineNumber: input.lineNumber,
      offerId: input.offerId,
      quantity: input.quantity,
      billingFrequency: input.billingFrequency,
      friendlyName: input.friendlyName ?? null,
      termDuration: input.termDuration ?? null,
      participants: input.participants ?? null,
    };
    return { line, offer };
  });
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("invalid_input", { key: "lineItemsInvalid" }, fieldErrors);
  return resolved.map(({ line, offer }) => ({ line, offer: offer! }));
}

function orderGroups(lines: readonly { line: { billingFrequency: BillingFrequency } }[]): Map<BillingFrequency, string> {
  const groups = new Map<BillingFrequency, string>();
  for (const { line } of lines) if (!groups.has(line.billingFrequency)) groups.set(line.billingFrequency, String(groups.size));
  return groups;
}

/** The idempotency key of a cart's order for one group: a second checkout finds the order the first made. */
function groupKey(cartId: string, orderGroup: string): string {
  return `cart:${cartId}:${orderGroup}`;
}

function cartOrders(db: Db, actor: Actor, cartId: string, groups: readonly string[]): Map<string, Order> {
  if (groups.length === 0) return new Map();
  const keys = new Map(groups.map((g) => [groupKey(cartId, g), g]));
  const rows = db
    .select()
    .from(orders)
    .where(and(eq(orders.partnerId, actor.partnerId), inArray(orders.idempotencyKey, [...keys.keys()])))
    .all();
  return new Map(rows.map((order) => [keys.get(order.idempotencyKey)!, order]));
}

function cartRow(db: Db, actor: Actor, customer: Customer, cartId: string): ApiCart {
  const cart = db
    .select()
    .from(apiCarts)
    .where(and(eq(apiCarts.partnerId, actor.partnerId), eq(apiCarts.customerId, customer.id), eq(apiCarts.id, cartId)))
    .get();
  if (!cart) throw new DomainError("not_found:cart");
  return cart;
}

/** The cart with each line priced and re-checked against today's rules, as Buy would check it. */
function viewCart(db: Db, actor: Actor, clock: Clock, customer: Customer, cart: ApiCart): ApiCartView {
  const rows = db.select().from(apiCartLines).where(eq(apiCartLines.cartId, cart.id)).orderBy(asc(apiCartLines.lineNumber)).all();
  const resolved = rows.map((row) => ({
    line: { ...row, id: String(row.lineNumber), participants: row.participants ?? null },
    offer: getCatalogOffer(db, actor, row.offerId),
  }));
  const groups = orderGroups(resolved);
  const priced = priceLines(db, actor, customer, resolved);
  // A second line of a one-per-customer offer can't be bought with the first: said on the line, as Buy would.
  const twice = lineProblems(priced);
  const lines = priced.map((item): ApiCartLineView => ({
    ...item,
    problem: item.problem ?? (twice[item.line.id] ? { input: ONE_PER_CUSTOMER_TWICE } : null),
    orderGroup: groups.get(item.line.billingFrequency)!,
  }));
  const ordered = cartOrders(db, actor, cart.id, [...groups.values()]);
  const status = groups.size > 0 && ordered.size === groups.size ? "ordered" : "active";
  return { cart, customer, lines, orders: ordered, status, expired: clock.now().getTime() >= cart.expiresAt.getTime() };
}

function insertLines(tx: Db, cartId: string, lines: readonly { line: ApiLineRequest }[]): void {
  tx.insert(apiCartLines)
    .values(
      lines.map(({ line }) => ({
        cartId,
        lineNumber: line.lineNumber,
        offerId: line.offerId,
        quantity: line.quantity,
        billingFrequency: line.billingFrequency,
        friendlyName: line.friendlyName ?? null,
        termDuration: line.termDuration ?? null,
        participants: line.participants,
      })),
    )
    .run();
}

export interface CreateApiCartParams {
  customerId: string;
  lines: ApiLineInput[];
  requestId?: string;
}

/**
 * **Create a cart**. Lines that can't be bought (availability, quantity, a term or billing cycle the
 * offer doesn't sell) are kept and say why, as Partner Center's cart line errors do; an offer that isn't
 * in the catalog is refused. The same MS-RequestId returns the cart the first call created.
 */
export function createApiCart(db: Db, actor: Actor, clock: Clock, params: CreateApiCartParams): { cart: ApiCartView; created: boolean } {
  assertCanSell(actor);
  return db.transaction(
    (tx) => {
      const customer = getCustomer(tx, actor, params.customerId);
      const now = clock.now();
      const { result, created } = onceForRequest(tx, actor, requestKey(params.requestId, "cart.create", customer.id), now, {
        replay: (cartId) => viewCart(tx, actor, clock, customer, cartRow(tx, actor, customer, cartId)),
        create: () => {
          const lines = resolveLines(tx, actor, params.lines, "catalogItemId");
          const cart = tx
            .insert(apiCarts)
            .values({ id: randomUUID(), partnerId: actor.partnerId, customerId: customer.id, createdBy: actor.userId, lastModifiedBy: actor.userId, createdAt: now, lastModifiedAt: now, expiresAt: new Date(now.getTime() + CART_LIFETIME_MS) })
            .returning()
            .get();
          insertLines(tx, cart.id, lines);
          return { resultId: cart.id, result: viewCart(tx, actor, clock, customer, cart) };
        },
      });
      return { cart: result, created };
    },
    { behavior: "immediate" },
  );
}

/** **Get a cart by ID**: another customer's or partner's cart is not found. */
export function getApiCart(db: Db, actor: Actor, clock: Clock, customerId: string, cartId: string): ApiCartView {
  const customer = getCustomer(db, actor, customerId);
  return viewCart(db, actor, clock, customer, cartRow(db, actor, customer, cartId));
}

/** **Update a cart**: the lines sent replace the cart's lines, while it is neither checked out nor expired. */
export function updateApiCart(db: Db, actor: Actor, clock: Clock, params: { customerId: string; cartId: string; lines: ApiLineInput[] }): ApiCartView {
  assertCanSell(actor);
  return db.transaction(
    (tx) => {
      const customer = getCustomer(tx, actor, params.customerId);
      const before = viewCart(tx, actor, clock, customer, cartRow(tx, actor, customer, params.cartId));
      // Once any order group has its order the lines are what was bought: changing them would rewrite history.
      if (before.orders.size > 0) throw new DomainError("cart:ordered");
      if (before.expired) throw new DomainError("cart:expired");
      const lines = resolveLines(tx, actor, params.lines, "catalogItemId");
      tx.delete(apiCartLines).where(eq(apiCartLines.cartId, before.cart.id)).run();
      insertLines(tx, before.cart.id, lines);
      const cart = tx.update(apiCarts).set({ lastModifiedAt: clock.now(), lastModifiedBy: actor.userId }).where(eq(apiCarts.id, before.cart.id)).returning().get();
      return viewCart(tx, actor, clock, customer, cart);
    },
    { behavior: "immediate" },
  );
}

/**
 * **Checkout a cart**: one order per order group, each bought by `buyLines` (the pages' Buy rules) in
 * a savepoint of one write transaction, so a group that can't be bought becomes an order error and the
 * others still buy. "This API is idempotent ... If a cart was successfully checked out previously and a
 * subsequent checkout call is made to that same cart, the API response will reiterate the information
 * returned after initial checkout": each group's order is found by its key; only failed groups retry.
 */
export function checkoutApiCart(db: Db, actor: Actor, clock: Clock, params: { customerId: string; cartId: string; requestId?: string }): CheckoutResult {
  assertCanSell(actor);
  return db.transaction(
    (tx) => {
      const customer = getCustomer(tx, actor, params.customerId);
      const view = viewCart(tx, actor, clock, customer, cartRow(tx, actor, customer, params.cartId));
      const key = requestKey(params.requestId, "cart.checkout", view.cart.id);
      const recorded = priorResult(tx, actor, key) !== null;
      const groups = [...new Set(view.lines.map((l) => l.orderGroup))];
      const placed = new Map(view.orders);
      if (view.expired && placed.size === 0) throw new DomainError("cart:expired");
      const orderErrors: OrderGroupError[] = [];
      for (const group of groups) {
        if (placed.has(group)) continue;
        if (view.expired) {
          orderErrors.push({ orderGroupId: group, code: "cart:expired" });
          continue;
        }
        const lines = view.lines.filter((l) => l.orderGroup === group).map((l) => l.line);
        try {
          // buyLines' transaction is a savepoint here: a group that fails leaves no trace and the others go on.
          const { order } = buyLines(tx, actor, clock, { customerId: customer.id, idempotencyKey: groupKey(view.cart.id, group), lines });
          placed.set(group, order);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          orderErrors.push({ orderGroupId: group, code: error.code, detail: error.detail, fieldErrors: error.fieldErrors });
        }
      }
      if (!recorded) recordResult(tx, actor, key, view.cart.id, clock.now());
      const orders = groups.flatMap((g) => (placed.has(g) ? [placed.get(g)!] : []));
      return { cart: viewCart(tx, actor, clock, customer, view.cart), orders, orderErrors };
    },
    { behavior: "immediate" },
  );
}
