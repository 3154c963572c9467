import { authedRoute } from "@/lib/server/route";
import { listSubscriptions } from "@/lib/subscriptions";

export const GET = authedRoute<{ customerId: string }>((request, { db, actor, clock }, { customerId }) => {
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return listSubscriptions(db, actor, clock, customerId, { page });
});
