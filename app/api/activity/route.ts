import { authedRoute } from "@/lib/server/route";
import { listActivity } from "@/lib/subscriptions";

export const GET = authedRoute((request, { db, actor }) => {
  const params = new URL(request.url).searchParams;
  return listActivity(db, actor, { customerId: params.get("customerId") ?? undefined, userId: params.get("userId") ?? undefined, action: params.get("action") ?? undefined, limit: 200 });
});
