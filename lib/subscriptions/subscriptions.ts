import { and, asc, count, eq } from "drizzle-orm";
import { offers, subscriptions, type LedgerEntry, type Offer, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { listActivity, type ActivityRow } from "./activity";
import { addOnPurchaseBlocker, eligibleAddOns, type AddOnRow } from "./addons";
import { subscriptionLedger } from "./billing";
import type { Clock } from "./clock";
import { getCustomer, pageWindow, type Page } from "./customers";
import { getSubscriptionContext, type SubscriptionContext } from "./manage";
import { can, type Actor } from "./permissions";
import { cancelOption, dataDeletionDate, type CancelOption } from "./rules";

export interface SubscriptionListItem {
  subscription: Subscription;
  offer: Offer;
  cancel: CancelOption;
}

/** The customer's **Subscriptions** page, paged in SQL, bases before their add-ons by name. */
export function listSubscriptions(db: Db, actor: Actor, clock: Clock, customerId: string, params: { page?: number } = {}): Page<SubscriptionListItem> {
  const customer = getCustomer(db, actor, customerId);
  const where = and(eq(subscriptions.partnerId, actor.partnerId), eq(subscriptions.customerId, customer.id));
  const [{ total }] = db.select({ total: count() }).from(subscriptions).where(where).all();
  const { page, pageCount, limit, offset } = pageWindow(total, params.page);
  const rows = db
    .select({ subscription: subscriptions, offer: offers })
    .from(subscriptions)
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(where)
    .orderBy(asc(offers.name), asc(subscriptions.orderedAt))
    .limit(limit)
    .offset(offset)
    .all();
  const now = clock.now();
  return { items: rows.map((r) => ({ ...r, cancel: cancelOption(r.subscription, r.offer, now) })), total, page, pageCount };
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
