"use server";

import { revalidatePath } from "next/cache";
import { moveDemoClock as moveClock } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { formatDate } from "@/lib/format";
import { clockSchema } from "@/lib/validation";

/** The **Demo clock**: move time forward and run the lifecycle for the crossed interval. */
export const moveDemoClock = authedAction(clockSchema, (input, { db, actor, clock }) => {
  const now = moveClock(db, actor, clock, input);
  revalidatePath("/", "layout");
  return { message: `Demo clock moved to ${formatDate(now)}.` };
});
