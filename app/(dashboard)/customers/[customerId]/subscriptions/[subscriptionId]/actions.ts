"use server";

import { revalidatePath } from "next/cache";
import { submitSubscriptionChanges } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { subscriptionChangesSchema } from "@/lib/validation";

/** The details page's **Submit**: quantity, status, auto-renew and add-ons, applied together or not at all. */
export const submitChangesAction = authedAction(subscriptionChangesSchema, (input, { db, actor, clock }) => {
  const messages = submitSubscriptionChanges(db, actor, clock, input);
  revalidatePath("/customers", "layout");
  const changed = messages.length > 0;
  return { data: { changed }, message: changed ? messages.join(" ") : "Nothing changed." };
});
