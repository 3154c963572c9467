import { listCustomers } from "@/lib/subscriptions";
import { collection, continuationToken } from "@/lib/v1/representations/links";
import { customerResource } from "@/lib/v1/representations/customer";
import { selfUri } from "@/lib/v1/paging";
import { v1Route } from "@/lib/v1/route";
import { customersQuerySchema } from "@/lib/v1/schemas";

/** "Get a list of customers": `size` per page, by name; `links.next` carries the keyset cursor. */
export const GET = v1Route(({ db, actor, url, headers }) => {
  const query = customersQuerySchema.parse(Object.fromEntries(url.searchParams));
  const page = listCustomers(db, actor, { size: query.size, cursor: continuationToken(url, headers) });
  return { body: collection(page.items.map(customerResource), page.total, selfUri(url), page.nextCursor) };
});
