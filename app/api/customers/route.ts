import { authedRoute } from "@/lib/server/route";
import { listCustomers } from "@/lib/subscriptions";
import { customerListParamsSchema } from "@/lib/validation";

/** The customers list, searched, sorted and paged in SQL (the search box queries it as you type). */
export const GET = authedRoute((request, { db, actor }) => {
  const params = customerListParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listCustomers(db, actor, params);
});
