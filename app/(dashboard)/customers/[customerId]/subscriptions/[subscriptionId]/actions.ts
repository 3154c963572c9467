"use server";

import { revalidatePath } from "next/cache";
import { requestLocale } from "@/i18n/request";
import { submitSubscriptionChanges } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { noticeTexts } from "@/lib/server/notices";
import { subscriptionChangesSchema } from "@/lib/validation";

/**
 * The details page's **Submit**: quantity, status, auto-renew and add-ons, applied together or not at
 * all. What was done is said in the page's language; the form says "Nothing changed" itself.
 */
export const submitChangesAction = authedAction(subscriptionChangesSchema, async (input, { db, actor, clock }) => {
  const notices = submitSubscriptionChanges(db, actor, clock, input);
  revalidatePath("/customers", "layout");
  const changed = notices.length > 0;
  return { data: { changed }, message: changed ? noticeTexts(await requestLocale(), notices).join(" ") : undefined };
});
