"use server";

import { revalidatePath } from "next/cache";
import { cancelSubscription } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { formatDate } from "@/lib/format";
import { cancelSchema } from "@/lib/validation";

/** **Yes, cancel**: refund in the window, scheduled for renewal after it, de-provision for usage-based services. */
export const cancelSubscriptionAction = authedAction(cancelSchema, (input, { db, actor, clock }) => {
  const { subscription, outcome } = cancelSubscription(db, actor, clock, input);
  revalidatePath("/customers", "layout");
  const message = {
    cancelled: "Subscription cancelled. A full credit will appear on the next invoice.",
    scheduled: `Cancellation scheduled for the renewal date, ${formatDate(subscription.cancellationScheduledAt ?? subscription.termEnd)}.`,
    deprovisioned: "Subscription de-provisioned. Usage-based services aren't eligible for a refund.",
  }[outcome];
  return { message };
});
