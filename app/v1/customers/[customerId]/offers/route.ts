import { listCatalog } from "@/lib/subscriptions";
import { collection, continuationToken } from "@/lib/v1/representations/links";
import { offerResource } from "@/lib/v1/representations/offer";
import { selfUri } from "@/lib/v1/paging";
import { v1Route } from "@/lib/v1/route";
import { customerOffersQuerySchema } from "@/lib/v1/schemas";

/**
 * This product's extension: the **Online Services** catalog for one customer (its segment and
 * billing country), each offer saying whether this customer can buy it and, when not, why as a code.
 * The continuation token is the next page's number.
 */
export const GET = v1Route<{ customerId: string }>(({ db, actor, url, headers, locale }, { customerId }) => {
  customerOffersQuerySchema.parse(Object.fromEntries(url.searchParams));
  const token = continuationToken(url, headers);
  const page = listCatalog(db, actor, customerId, { page: token && /^\d{1,6}$/.test(token) ? Number(token) : 1 });
  const country = page.customer.billingCountry;
  const items = page.items.map(({ offer, unavailable }) => offerResource(offer, country, unavailable, locale));
  return { body: collection(items, page.total, selfUri(url), page.page < page.pageCount ? String(page.page + 1) : null) };
});
