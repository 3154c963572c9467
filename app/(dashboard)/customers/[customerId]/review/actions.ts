"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { buy } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { buySchema } from "@/lib/validation";

/** **Buy**: one order or nothing; a second submit with the same key lands on the same order. */
export const buyAction = authedAction(buySchema, (input, { db, actor, clock }) => {
  const { order } = buy(db, actor, clock, input);
  revalidatePath(`/customers/${input.customerId}`, "layout");
  redirect(`/customers/${input.customerId}/orders/${order.id}`);
});
