import { and, asc, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { cartLines, offers, type BillingFrequency, type CartLine, type Customer, type Offer } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedInsert, preparedQuery } from "@/db/prepared";
import { DomainError } from "@/lib/errors";
import type { Problem } from "@/lib/problems";
import type { UnavailableReason } from "./availability";
import { getCatalogOffer, offerAvailability } from "./catalog";
import type { Clock } from "./clock";
import { getCustomer } from "./customers";
import { assertCan, partnerCanBuy, type Actor } from "./permissions";
import { allowedFrequencies, unitPrice } from "./pricing";
import { assertQuantityInRange, quantityProblem } from "./quantity";

/** What a line asks to buy: the pages' cart lines and the REST API's cart and order lines alike. */
export interface LineRequest {
  id: string;
  quantity: number;
  billingFrequency: BillingFrequency;
  /** ISO 8601 term asked for (REST API); null or absent: the billing frequency's own term. */
  termDuration?: string | null;
  /** Partner Center's friendlyName for the subscription (REST API). */
  friendlyName?: string | null;
}

/** Why a line can't be bought now: an availability reason, its quantity, or what it asks for. */
export type LineProblem = { reason: UnavailableReason } | { quantity: Problem } | { input: Problem };

export interface PricedLine<L extends LineRequest = LineRequest> {
  line: L;
  offer: Offer;
  unitPriceMinor: number;
  lineTotalMinor: number;
  /** Why the line can't be bought now, if it can't. */
  problem: LineProblem | null;
}

export type CartItem = PricedLine<CartLine>;

export interface Cart {
  customer: Customer;
  items: CartItem[];
  totalMinor: number;
  currency: string;
}

/** Selling needs the right role and a partner type that transacts. */
export function assertCanSell(actor: Actor): void {
  assertCan(actor, "buy");
  if (!partnerCanBuy(actor.partnerType)) throw new DomainError("partner:cannot_buy");
}

function cartOwner(actor: Actor, customerId: string) {
  return and(eq(cartLines.partnerId, actor.partnerId), eq(cartLines.userId, actor.userId), eq(cartLines.customerId, customerId));
}

const ownerParams = and(eq(cartLines.partnerId, sql.placeholder("partnerId")), eq(cartLines.userId, sql.placeholder("userId")), eq(cartLines.customerId, sql.placeholder("customerId")));
const cartRows = preparedQuery((db) =>
  db
    .select({ line: cartLines, offer: offers })
    .from(cartLines)
    .innerJoin(offers, eq(offers.id, cartLines.offerId))
    .where(ownerParams)
    .orderBy(asc(cartLines.addedAt), asc(cartLines.id))
    .prepare(),
);
const deleteCart = preparedQuery((db) => db.delete(cartLines).where(ownerParams).prepare());
const cartLinesOfOffer = preparedQuery((db) => db.select().from(cartLines).where(and(ownerParams, eq(cartLines.offerId, sql.placeholder("offerId")))).prepare());
const insertCartLine = preparedInsert(cartLines, ["id", "partnerId", "userId", "customerId", "offerId", "quantity", "billingFrequency", "addedAt"]);

/** The user's cart for this customer, each line re-checked against today's rules. */
export function getCart(db: Db, actor: Actor, customerId: string): Cart {
  const customer = getCustomer(db, actor, customerId);
  const rows = cartRows(db).all({ partnerId: actor.partnerId, userId: actor.userId, customerId: customer.id });
  const items = priceLines(db, actor, customer, rows);
  return { customer, items, totalMinor: items.reduce((t, i) => t + i.lineTotalMinor, 0), currency: items[0]?.offer.currency ?? "USD" };
}

/** The term a billing frequency buys: "monthly" a month (P1M), "annual" a year (P1Y). */
export function termDurationOf(frequency: BillingFrequency): string {
  return frequency === "annual" ? "P1Y" : "P1M";
}

const frequencyNotOffered = (offer: Offer, frequency: BillingFrequency): Problem => ({ key: "frequencyNotOffered", params: { offer: offer.name, frequency } });

/** What a line would ask that this product can't sell: a frequency the offer has no price for, another term. */
function inputProblem(offer: Offer, line: LineRequest): Problem | null {
  if (!allowedFrequencies(offer).includes(line.billingFrequency)) return frequencyNotOffered(offer, line.billingFrequency);
  const term = termDurationOf(line.billingFrequency);
  if (line.termDuration && line.termDuration !== term) {
    return { key: "termMismatch", params: { frequency: line.billingFrequency, offer: offer.name, term, requested: line.termDuration } };
  }
  return null;
}

/** Lines priced and re-checked against today's rules (availability, quantity, what they ask for). */
export function priceLines<L extends LineRequest>(db: Db, actor: Actor, customer: Customer, rows: { line: L; offer: Offer }[]): PricedLine<L>[] {
  const availability = offerAvailability(db, actor, customer, rows.map((r) => r.offer));
  return rows.map(({ line, offer }): PricedLine<L> => {
    const input = inputProblem(offer, line);
    const unit = input ? 0 : unitPrice(offer, line.billingFrequency);
    const reason = availability.get(offer.id) ?? null;
    const quantity = quantityProblem(offer, line.quantity);
    const problem = reason ? { reason } : quantity ? { quantity } : input ? { input } : null;
    return { line, offer, unitPriceMinor: unit, lineTotalMinor: unit * line.quantity, problem };
  });
}

export interface AddToCartParams {
  customerId: string;
  offerId: string;
  quantity: number;
  billingFrequency: BillingFrequency;
}

/** **Add to cart**: adding an offer already in the cart at the same frequency adds to its quantity. */
export function addToCart(db: Db, actor: Actor, clock: Clock, params: AddToCartParams): CartLine {
  assertCanSell(actor);
  const customer = getCustomer(db, actor, params.customerId);
  const offer = getCatalogOffer(db, actor, params.offerId);
  const reason = offerAvailability(db, actor, customer, [offer]).get(offer.id);
  if (reason) throw new DomainError("offer:unavailable");
  if (!allowedFrequencies(offer).includes(params.billingFrequency)) {
    throw new DomainError("invalid_input", frequencyNotOffered(offer, params.billingFrequency), { billingFrequency: [{ key: "chooseAllowedFrequency" }] });
  }
  return db.transaction((tx) => {
    const inCart = cartLinesOfOffer(tx).all({ partnerId: actor.partnerId, userId: actor.userId, customerId: customer.id, offerId: offer.id });
    const same = inCart.find((l) => l.billingFrequency === params.billingFrequency);
    if (offer.onePerCustomer && inCart.length > 0 && !same) {
      throw new DomainError("offer:unavailable", { key: "onePerCustomerInCart" });
    }
    const quantity = (same?.quantity ?? 0) + params.quantity;
    assertQuantityInRange(offer, quantity);
    if (same) return tx.update(cartLines).set({ quantity }).where(eq(cartLines.id, same.id)).returning().get();
    return insertCartLine.returning(tx, { id: randomUUID(), partnerId: actor.partnerId, userId: actor.userId, customerId: customer.id, offerId: offer.id, quantity, billingFrequency: params.billingFrequency, addedAt: clock.now() });
  });
}

function getCartLine(db: Db, actor: Actor, customerId: string, lineId: string): CartLine {
  const line = db.select().from(cartLines).where(and(cartOwner(actor, customerId), eq(cartLines.id, lineId))).get();
  if (!line) throw new DomainError("not_found:cart_line");
  return line;
}

export function updateCartLineQuantity(db: Db, actor: Actor, params: { customerId: string; lineId: string; quantity: number }): CartLine {
  assertCanSell(actor);
  const line = getCartLine(db, actor, params.customerId, params.lineId);
  assertQuantityInRange(getCatalogOffer(db, actor, line.offerId), params.quantity);
  return db.update(cartLines).set({ quantity: params.quantity }).where(eq(cartLines.id, line.id)).returning().get();
}

export function removeCartLine(db: Db, actor: Actor, params: { customerId: string; lineId: string }): void {
  assertCanSell(actor);
  const line = getCartLine(db, actor, params.customerId, params.lineId);
  db.delete(cartLines).where(eq(cartLines.id, line.id)).run();
}

export function clearCart(db: Db, actor: Actor, customerId: string): void {
  deleteCart(db).run({ partnerId: actor.partnerId, userId: actor.userId, customerId });
}
