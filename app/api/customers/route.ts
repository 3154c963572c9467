import { DomainError } from "@/lib/errors";
import { authedRoute } from "@/lib/server/route";
import { listCustomers } from "@/lib/subscriptions";
import { customerListParamsSchema, parseListParams } from "@/lib/validation";

/**
 * The customers list, searched, sorted and paged in SQL (the search box queries it as you type).
 * A bad sort or page falls back to its default; a search over 100 characters is a 400 that says so.
 */
export const GET = authedRoute((request, { db, actor }) => {
  const { params, searchError } = parseListParams(customerListParamsSchema, Object.fromEntries(new URL(request.url).searchParams));
  if (searchError) throw new DomainError("invalid_input", searchError, { q: [searchError] });
  return listCustomers(db, actor, params);
});
