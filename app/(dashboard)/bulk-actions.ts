"use server";

import { revalidatePath } from "next/cache";
import { requestLocale } from "@/i18n/request";
import { errorTexts } from "@/lib/error-text";
import { authedAction } from "@/lib/server/action";
import { noticeTexts } from "@/lib/server/notices";
import { applyBulkChange } from "@/lib/subscriptions";
import { bulkChangeSchema } from "@/lib/validation";

/** One row of the result as the form lists it: what was done, or why it was refused, in words. */
export interface BulkRowView {
  subscriptionId: string;
  offerName?: string;
  customerName?: string;
  outcome: "done" | "refused";
  text: string;
}

/**
 * **Apply to selected**, on Renewals and on a customer's Subscriptions: each row changed on its own;
 * the result lists every row, said here in the page's language (the form says the counts). Both lists
 * show the rows, and so do the customers' and subscriptions' pages under /customers, so all of them
 * are revalidated.
 */
export const applyBulkChangeAction = authedAction(bulkChangeSchema, async ({ targets, change }, { db, actor, clock }) => {
  const result = applyBulkChange(db, actor, clock, { targets, change });
  revalidatePath("/renewals");
  revalidatePath("/customers", "layout");
  const locale = await requestLocale();
  const errors = errorTexts(locale);
  const rows = result.results.map(({ subscriptionId, offerName, customerName, ...row }): BulkRowView => ({
    subscriptionId,
    offerName,
    customerName,
    outcome: row.outcome,
    text: row.outcome === "done" ? noticeTexts(locale, row.notices).join(" ") : row.detail ? errors.problem(row.detail) : errors.error(row.code),
  }));
  return { data: { done: result.done, refused: result.refused, rows } };
});
