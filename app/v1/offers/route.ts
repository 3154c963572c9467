import { listMarketOffers } from "@/lib/subscriptions";
import { collection, continuationToken } from "@/lib/v1/representations/links";
import { offerResource } from "@/lib/v1/representations/offer";
import { selfUri } from "@/lib/v1/paging";
import { v1Route } from "@/lib/v1/route";
import { offersQuerySchema } from "@/lib/v1/schemas";

/** "Get a list of offers for a market": the partner's cloud, sold in `country`, paged by `links.next`. */
export const GET = v1Route(({ db, actor, url, headers, locale }) => {
  const query = offersQuerySchema.parse(Object.fromEntries(url.searchParams));
  const page = listMarketOffers(db, actor, { country: query.country, size: query.size, cursor: continuationToken(url, headers) });
  const items = page.items.map(({ offer, unavailable }) => offerResource(offer, query.country, unavailable, locale));
  return { body: collection(items, page.total, selfUri(url), page.nextCursor) };
});
