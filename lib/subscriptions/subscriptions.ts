import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { offers, subscriptions, type Offer, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery, preparedSql } from "@/db/prepared";
import { listActivity, type ActivityRow } from "./activity";
import { addOnPurchaseBlocker, eligibleAddOns, type AddOnBlocker, type AddOnRow } from "./addons";
import { offerById } from "./catalog-index";
import { subscriptionLedger, type LedgerLine } from "./billing";
import type { Clock } from "./clock";
import { getCustomer, pageWindow, PAGE_SIZE, type CursorPage } from "./customers";
import { keysetPage, type KeysetSource } from "./keyset";
import { getSubscriptionContext, type SubscriptionContext } from "./manage";
import { can, type Actor } from "./permissions";
import { cancelOption, dataDeletionDate, type CancelOption } from "./rules";
import { DomainError } from "@/lib/errors";

export interface SubscriptionListItem {
  subscription: Subscription;
  offer: Offer;
  cancel: CancelOption;
}

const partnerParam = sql.placeholder("partnerId");
const customerParam = sql.placeholder("customerId");
const ofCustomer = and(eq(subscriptions.partnerId, partnerParam), eq(subscriptions.customerId, customerParam));

/**
 * The ids of the customer's offers, by a loose scan of subscriptions_customer_offer_idx: one seek per
 * distinct offer, however many subscriptions the customer has.
 */
const customerOfferIds = preparedSql<{ id: string }>(sql`
  with recursive o(id) as (
    select min(${subscriptions.offerId}) from ${subscriptions} where ${ofCustomer}
    union all
    select (select min(${subscriptions.offerId}) from ${subscriptions} where ${ofCustomer} and ${subscriptions.offerId} > o.id)
    from o where o.id is not null
  )
  select id from o where id is not null`);

const customerSubscriptionCount = preparedQuery((db) => db.select({ total: count() }).from(subscriptions).where(ofCustomer).prepare());

const customerSubscriptions = preparedQuery((db) => db.select().from(subscriptions).where(ofCustomer).prepare());

const customerOfferCounts = preparedQuery((db) => db.select({ offerId: subscriptions.offerId, n: count() }).from(subscriptions).where(ofCustomer).groupBy(subscriptions.offerId).prepare());

/** Offers in the order the list shows them (by name, then id), from the handle's kept offers. */
function offersByName(db: Db, ids: string[]): Offer[] {
  const found = ids.map((id) => offerById(db, id)!);
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The whole list when one page holds it (most customers): one read, put in the walks' order here
 * (offer name, then when ordered), instead of a count of offers and one walk per offer.
 */
function onePage(db: Db, customer: { partnerId: string; customerId: string }): { offers: Offer[]; items: Subscription[] } {
  const rows = customerSubscriptions(db).all(customer);
  const offers = offersByName(db, [...new Set(rows.map((s) => s.offerId))]);
  const rank = new Map(offers.map((o, i) => [o.id, i]));
  const items = rows.sort((a, b) => rank.get(a.offerId)! - rank.get(b.offerId)! || a.orderedAt.getTime() - b.orderedAt.getTime() || (a.id < b.id ? -1 : 1));
  return { offers, items };
}

/**
 * One offer's subscriptions of a customer in list order (by when each was ordered), forward or back,
 * from a key or from the start: four query shapes, each prepared once per connection and run per
 * offer a page crosses.
 */
function offerWalk(back: boolean, fromKey: boolean) {
  return preparedQuery((db) => {
    const order = back ? desc : asc;
    const key = sql`(${subscriptions.orderedAt}, ${subscriptions.id}) ${back ? sql`<` : sql`>`} (${sql.placeholder("at")}, ${sql.placeholder("id")})`;
    return db
      .select()
      .from(subscriptions)
      .where(and(ofCustomer, eq(subscriptions.offerId, sql.placeholder("offer")), fromKey ? key : undefined))
      .orderBy(order(subscriptions.orderedAt), order(subscriptions.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare();
  });
}

const offerWalks = { "false:false": offerWalk(false, false), "false:true": offerWalk(false, true), "true:false": offerWalk(true, false), "true:true": offerWalk(true, true) } as const;

/**
 * The customer's **Subscriptions** page, by offer name, then by when each was ordered, paged by
 * keyset: one walk of subscriptions_customer_offer_idx per offer, so no page sorts the customer's
 * subscriptions (an ORDER BY offers.name over a join would, every page).
 */
export function listSubscriptions(db: Db, actor: Actor, clock: Clock, customerId: string, params: { page?: number; cursor?: string } = {}): CursorPage<SubscriptionListItem> {
  const customer = getCustomer(db, actor, customerId);
  const ofThisCustomer = { partnerId: actor.partnerId, customerId: customer.id };
  const { total } = customerSubscriptionCount(db).get(ofThisCustomer)!;
  const { page: requested, pageCount } = pageWindow(total, params.page);
  const now = clock.now();
  const listItem = (offers: Map<string, Offer>) => (subscription: Subscription) => {
    const offer = offers.get(subscription.offerId)!;
    return { subscription, offer, cancel: cancelOption(subscription, offer, now) };
  };
  if (total <= PAGE_SIZE && !params.cursor) {
    const whole = onePage(db, ofThisCustomer);
    const items = whole.items.map(listItem(new Map(whole.offers.map((o) => [o.id, o]))));
    return { items, page: 1, prevCursor: null, nextCursor: null, total, pageCount };
  }
  const customerOffers = offersByName(db, customerOfferIds(db).all(ofThisCustomer).map((r) => r.id));
  const source: KeysetSource<Subscription> = {
    segments: customerOffers.map((o) => o.id),
    rows: (offerId, { from, back, limit, offset }) =>
      offerWalks[`${back}:${!!from}`](db).all({ ...ofThisCustomer, offer: offerId, at: from?.[0], id: from?.[1], limit, offset: offset ?? 0 }),
    key: (s) => [s.orderedAt.getTime(), s.id],
    segmentOf: (s) => s.offerId,
    counts: () => new Map(customerOfferCounts(db).all(ofThisCustomer).map((r) => [r.offerId, r.n])),
  };
  const result = keysetPage(source, JSON.stringify(["subscriptions", actor.partnerId, customer.id]), { cursor: params.cursor, page: requested, size: PAGE_SIZE, pageCount });
  const items = result.items.map(listItem(new Map(customerOffers.map((o) => [o.id, o]))));
  return { ...result, items, total, pageCount };
}

export interface SubscriptionDetail extends SubscriptionContext {
  base: { subscription: Subscription; offer: Offer } | null;
  addOns: AddOnRow[];
  addOnBlocker: AddOnBlocker | null;
  cancel: CancelOption;
  /** The date shown below **Suspended**: the deletion date, or what it would be if suspended now. */
  deletionDate: Date;
  ledger: LedgerLine[];
  activity: ActivityRow[];
  now: Date;
}

export function getSubscriptionDetail(db: Db, actor: Actor, clock: Clock, subscriptionId: string): SubscriptionDetail {
  const ctx = getSubscriptionContext(db, actor, subscriptionId);
  const now = clock.now();
  const { subscription } = ctx;
  const base = subscription.baseSubscriptionId ? getSubscriptionContext(db, actor, subscription.baseSubscriptionId) : null;
  const isBase = !subscription.baseSubscriptionId;
  return {
    ...ctx,
    base: base && { subscription: base.subscription, offer: base.offer },
    addOns: isBase ? eligibleAddOns(db, ctx) : [],
    addOnBlocker: isBase ? addOnPurchaseBlocker(actor, subscription) : null,
    cancel: cancelOption(subscription, ctx.offer, now),
    deletionDate: subscription.deletionAt ?? dataDeletionDate(now, ctx.customer),
    ledger: can(actor, "view_billing") ? subscriptionLedger(db, subscription) : [],
    activity: can(actor, "view_activity") ? listActivity(db, actor, { subscriptionId: subscription.id }) : [],
    now,
  };
}

/** Rows of subscriptions with their offers, as list items at `now`. */
function listItems(db: Db, where: ReturnType<typeof and>, now: Date): SubscriptionListItem[] {
  return db
    .select({ subscription: subscriptions, offer: offers })
    .from(subscriptions)
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(where)
    .orderBy(asc(subscriptions.orderedAt), asc(subscriptions.id))
    .all()
    .map(({ subscription, offer }) => ({ subscription, offer, cancel: cancelOption(subscription, offer, now) }));
}

/**
 * The subscriptions one order of the customer created (Partner Center's "Get a list of subscriptions
 * by order"), oldest first; another customer's or partner's order gives none.
 */
export function listOrderSubscriptions(db: Db, actor: Actor, clock: Clock, customerId: string, orderId: string): SubscriptionListItem[] {
  const customer = getCustomer(db, actor, customerId);
  return listItems(db, and(eq(subscriptions.partnerId, actor.partnerId), eq(subscriptions.customerId, customer.id), eq(subscriptions.orderId, orderId)), clock.now());
}

/**
 * The add-on subscriptions bought on one of the customer's base subscriptions ("Get a list of add-ons
 * for a subscription"), oldest first. A subscription of another customer is "not found".
 */
export function listAddOnSubscriptions(db: Db, actor: Actor, clock: Clock, customerId: string, subscriptionId: string): SubscriptionListItem[] {
  const { subscription, customer } = getSubscriptionContext(db, actor, subscriptionId);
  if (customer.id !== customerId) throw new DomainError("not_found:subscription");
  return listItems(db, and(eq(subscriptions.partnerId, actor.partnerId), eq(subscriptions.baseSubscriptionId, subscription.id)), clock.now());
}
