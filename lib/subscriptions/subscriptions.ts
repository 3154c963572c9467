import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { offers, subscriptions, type LedgerEntry, type Offer, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { listActivity, type ActivityRow } from "./activity";
import { addOnPurchaseBlocker, eligibleAddOns, type AddOnRow } from "./addons";
import { subscriptionLedger } from "./billing";
import type { Clock } from "./clock";
import { getCustomer, pageWindow, PAGE_SIZE, type CursorPage } from "./customers";
import { keysetPage, type KeysetSource } from "./keyset";
import { getSubscriptionContext, type SubscriptionContext } from "./manage";
import { can, type Actor } from "./permissions";
import { cancelOption, dataDeletionDate, type CancelOption } from "./rules";

export interface SubscriptionListItem {
  subscription: Subscription;
  offer: Offer;
  cancel: CancelOption;
}

/**
 * The customer's offers in the order the list shows them (by name, then id). Their ids come from a
 * loose scan of subscriptions_customer_offer_idx (one seek per distinct offer, however many
 * subscriptions the customer has), their names from the offers' primary key.
 */
function offersByName(db: Db, partnerId: string, customerId: string): string[] {
  const ids = db
    .all<{ id: string }>(
      sql`
      with recursive o(id) as (
        select min(${subscriptions.offerId}) from ${subscriptions} where ${subscriptions.partnerId} = ${partnerId} and ${subscriptions.customerId} = ${customerId}
        union all
        select (select min(${subscriptions.offerId}) from ${subscriptions} where ${subscriptions.partnerId} = ${partnerId} and ${subscriptions.customerId} = ${customerId} and ${subscriptions.offerId} > o.id)
        from o where o.id is not null
      )
      select id from o where id is not null`,
    )
    .map((r) => r.id);
  if (ids.length === 0) return [];
  const names = new Map(db.select({ id: offers.id, name: offers.name }).from(offers).where(inArray(offers.id, ids)).all().map((o) => [o.id, o.name]));
  return ids.sort((a, b) => {
    const [x, y] = [names.get(a) ?? a, names.get(b) ?? b];
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
  });
}

/**
 * The customer's **Subscriptions** page, by offer name, then by when each was ordered, paged by
 * keyset: one walk of subscriptions_customer_offer_idx per offer, so no page sorts the customer's
 * subscriptions (an ORDER BY offers.name over a join would, every page).
 */
export function listSubscriptions(db: Db, actor: Actor, clock: Clock, customerId: string, params: { page?: number; cursor?: string } = {}): CursorPage<SubscriptionListItem> {
  const customer = getCustomer(db, actor, customerId);
  const where = and(eq(subscriptions.partnerId, actor.partnerId), eq(subscriptions.customerId, customer.id));
  const [{ total }] = db.select({ total: count() }).from(subscriptions).where(where).all();
  const { page: requested, pageCount } = pageWindow(total, params.page);
  const source: KeysetSource<{ subscription: Subscription; offer: Offer }> = {
    segments: offersByName(db, actor.partnerId, customer.id),
    rows(offerId, { from, back, limit, offset }) {
      const after = from && sql`(${subscriptions.orderedAt}, ${subscriptions.id}) ${back ? sql`<` : sql`>`} (${from[0]}, ${from[1]})`;
      const order = back ? desc : asc;
      return db
        .select({ subscription: subscriptions, offer: offers })
        .from(subscriptions)
        .innerJoin(offers, eq(offers.id, subscriptions.offerId))
        .where(and(where, eq(subscriptions.offerId, offerId!), after))
        .orderBy(order(subscriptions.orderedAt), order(subscriptions.id))
        .limit(limit)
        .offset(offset ?? 0)
        .all();
    },
    key: (r) => [r.subscription.orderedAt.getTime(), r.subscription.id],
    segmentOf: (r) => r.subscription.offerId,
    counts: () => new Map(db.select({ offerId: subscriptions.offerId, n: count() }).from(subscriptions).where(where).groupBy(subscriptions.offerId).all().map((r) => [r.offerId, r.n])),
  };
  const result = keysetPage(source, JSON.stringify(["subscriptions", actor.partnerId, customer.id]), { cursor: params.cursor, page: requested, size: PAGE_SIZE, pageCount });
  const now = clock.now();
  return { ...result, items: result.items.map((r) => ({ ...r, cancel: cancelOption(r.subscription, r.offer, now) })), total, pageCount };
}

export interface SubscriptionDetail extends SubscriptionContext {
  base: { subscription: Subscription; offer: Offer } | null;
  addOns: AddOnRow[];
  addOnBlocker: string | null;
  cancel: CancelOption;
  /** The date shown below **Suspended**: the deletion date, or what it would be if suspended now. */
  deletionDate: Date;
  ledger: LedgerEntry[];
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
