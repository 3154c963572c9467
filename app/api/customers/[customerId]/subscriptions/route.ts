import { authedRoute } from "@/lib/server/route";
import { listSubscriptions } from "@/lib/subscriptions";
import { subscriptionListParamsSchema } from "@/lib/validation";

/** A page of the customer's subscriptions: `?page=`, or `?cursor=` from the answer's nextCursor / prevCursor. */
export const GET = authedRoute<{ customerId: string }>((request, { db, actor, clock }, { customerId }) => {
  const params = subscriptionListParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listSubscriptions(db, actor, clock, customerId, params);
});
