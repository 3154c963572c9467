"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/server/action";
import { applyBulkChange } from "@/lib/subscriptions";
import { bulkChangeSchema } from "@/lib/validation";

/**
 * **Apply to selected**, on Renewals and on a customer's Subscriptions: each row changed on its own;
 * the result lists every row. Both lists show the rows, and so do the customers' and subscriptions'
 * pages under /customers, so all of them are revalidated.
 */
export const applyBulkChangeAction = authedAction(bulkChangeSchema, ({ targets, change }, { db, actor, clock }) => {
  const result = applyBulkChange(db, actor, clock, { targets, change });
  revalidatePath("/renewals");
  revalidatePath("/customers", "layout");
  return { data: result, message: `${result.done} done, ${result.refused} refused.` };
});
