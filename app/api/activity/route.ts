import { authedRoute } from "@/lib/server/route";
import { activityPage } from "@/lib/subscriptions";
import { activityParamsSchema } from "@/lib/validation";

/**
 * The activity log, newest first, 200 entries at a time: `{ items, nextCursor, prevCursor }`. Pass
 * `?cursor=<nextCursor>` for older entries; filters: `customer` (or `customerId`), `userId`, `action`.
 */
export const GET = authedRoute((request, { db, actor }) => {
  const filters = activityParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return activityPage(db, actor, { ...filters, limit: 200 });
});
