import type { Db } from "@/db/client";
import { activityPage, type ActivityFilters, type ActivityRow } from "./activity";
import type { Clock } from "./clock";
import type { Actor } from "./permissions";
import { listSubscriptions, type SubscriptionListItem } from "./subscriptions";

/**
 * The exports' walks: a list read one keyset page after another, each page a batch, so a download
 * holds one batch at a time. A keyset page whose cursor has run past the end starts over at page 1
 * (right for a person paging); a walk must stop there instead, or it would repeat itself.
 */

/** The activity log with its filters, newest first, `batch` entries at a time (view_activity). */
export function* activityBatches(db: Db, actor: Actor, filters: Omit<ActivityFilters, "cursor" | "limit">, batch = 1000): Generator<ActivityRow[]> {
  let cursor: string | undefined;
  let last: ActivityRow | undefined;
  for (;;) {
    const page = activityPage(db, actor, { ...filters, cursor, limit: batch });
    const first = page.items[0];
    // Each batch must start strictly older than the last one ended: anything else is a restart.
    if (last && first && !(first.at.getTime() < last.at.getTime() || (first.at.getTime() === last.at.getTime() && first.id < last.id))) return;
    if (page.items.length > 0) yield page.items;
    if (!page.nextCursor) return;
    last = page.items[page.items.length - 1];
    cursor = page.nextCursor;
  }
}

/** A customer's subscriptions in the Subscriptions page's order, a page at a time (view). */
export function* subscriptionBatches(db: Db, actor: Actor, clock: Clock, customerId: string): Generator<SubscriptionListItem[]> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = listSubscriptions(db, actor, clock, customerId, { cursor });
    const fresh = page.items.filter((item) => !seen.has(item.subscription.id));
    // A page of rows already written is the list starting over: the walk is done.
    if (fresh.length === 0 && page.items.length > 0) return;
    for (const item of fresh) seen.add(item.subscription.id);
    if (fresh.length > 0) yield fresh;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
