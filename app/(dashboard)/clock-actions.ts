"use server";

import { revalidatePath } from "next/cache";
import { advanceClock, moveClockTo } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { formatDate } from "@/lib/format";
import { clockSchema } from "@/lib/validation";

/** The **Demo clock**: move time forward and run the lifecycle for the crossed interval. */
export const moveDemoClock = authedAction(clockSchema, (input, { db, actor, clock }) => {
  const now = "days" in input ? advanceClock(db, actor, clock, input.days) : moveClockTo(db, actor, clock, new Date(`${input.date}T${clock.now().toISOString().slice(11)}`));
  revalidatePath("/", "layout");
  return { message: `Demo clock moved to ${formatDate(now)}.` };
});
