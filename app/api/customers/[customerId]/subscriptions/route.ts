import { authedRoute } from "@/lib/server/route";
import { listSubscriptions } from "@/lib/subscriptions";
import { pageParamSchema } from "@/lib/validation";

export const GET = authedRoute<{ customerId: string }>((request, { db, actor, clock }, { customerId }) => {
  const page = pageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return listSubscriptions(db, actor, clock, customerId, { page });
});
