"use server";

import { revalidatePath } from "next/cache";
import { requestLocale } from "@/i18n/request";
import { authedAction } from "@/lib/server/action";
import { noticeTexts } from "@/lib/server/notices";
import { applyBulkChange } from "@/lib/subscriptions";
import { bulkChangeSchema } from "@/lib/validation";

/**
 * **Apply to selected**, on Renewals and on a customer's Subscriptions: each row changed on its own;
 * the result lists every row. Both lists show the rows, and so do the customers' and subscriptions'
 * pages under /customers, so all of them are revalidated.
 */
export const applyBulkChangeAction = authedAction(bulkChangeSchema, async ({ targets, change }, { db, actor, clock }) => {
  const result = applyBulkChange(db, actor, clock, { targets, change });
  revalidatePath("/renewals");
  revalidatePath("/customers", "layout");
  // A done row's notices, said in the page's language.
  const locale = await requestLocale();
  const results = result.results.map((r) => (r.outcome === "done" ? { ...r, messages: noticeTexts(locale, r.notices) } : r));
  return { data: { ...result, results }, message: `${result.done} done, ${result.refused} refused.` };
});
