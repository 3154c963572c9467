import { getCustomer, listOrderSubscriptions, listSubscriptions } from "@/lib/subscriptions";
import { collection, continuationToken } from "@/lib/v1/representations/links";
import { subscriptionResource } from "@/lib/v1/representations/subscription";
import { selfUri } from "@/lib/v1/paging";
import { v1Route } from "@/lib/v1/route";
import { subscriptionsQuerySchema } from "@/lib/v1/schemas";

/**
 * "Get all of a customer's subscriptions" (by offer name, 20 a page, `links.next` to go on), or with
 * `?order_id=` "Get a list of subscriptions by order" (all of the order's, one page).
 */
export const GET = v1Route<{ customerId: string }>(({ db, actor, clock, url, headers }, { customerId }) => {
  const query = subscriptionsQuerySchema.parse(Object.fromEntries(url.searchParams));
  if (query.order_id !== undefined) {
    const items = listOrderSubscriptions(db, actor, clock, customerId, query.order_id);
    return { body: collection(items.map(subscriptionResource), items.length, selfUri(url)) };
  }
  getCustomer(db, actor, customerId);
  const page = listSubscriptions(db, actor, clock, customerId, { cursor: continuationToken(url, headers) });
  return { body: collection(page.items.map(subscriptionResource), page.total, selfUri(url), page.nextCursor) };
});
