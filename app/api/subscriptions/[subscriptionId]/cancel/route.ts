import { authedRoute } from "@/lib/server/route";
import { cancelSubscription } from "@/lib/subscriptions";
import { apiCancelSchema } from "@/lib/validation";

/** **Cancel** as an API call: refunded in the window, scheduled after it, de-provisioned for usage-based. */
export const POST = authedRoute<{ subscriptionId: string }>((_request, { db, actor, clock, json }, { subscriptionId }) => {
  const input = apiCancelSchema.parse(json());
  const { subscription, outcome } = cancelSubscription(db, actor, clock, { subscriptionId, ...input });
  return { outcome, subscription };
});
