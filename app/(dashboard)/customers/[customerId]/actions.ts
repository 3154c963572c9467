"use server";

import { revalidatePath } from "next/cache";
import { cancelSubscription } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { cancelSchema } from "@/lib/validation";

/**
 * **Yes, cancel**: refund in the window, scheduled for renewal after it, de-provision for usage-based
 * services. The dialog says which, in the reader's language, from the outcome and the date it takes effect.
 */
export const cancelSubscriptionAction = authedAction(cancelSchema, (input, { db, actor, clock }) => {
  const { subscription, outcome } = cancelSubscription(db, actor, clock, input);
  revalidatePath("/customers", "layout");
  return { data: { outcome, effectiveAt: (subscription.cancellationScheduledAt ?? subscription.termEnd).toISOString() } };
});
