"use server";

import { revalidatePath } from "next/cache";
import { advanceClock, setClockDate } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { formatDate } from "@/lib/format";
import { clockSchema } from "@/lib/validation";

/** The **Demo clock**: move time forward and run the lifecycle for the crossed interval. */
export const moveDemoClock = authedAction(clockSchema, (input, { db, actor, clock }) => {
  const now = "days" in input ? advanceClock(db, actor, clock, input.days) : setClockDate(db, actor, clock, input.date);
  revalidatePath("/", "layout");
  return { message: `Demo clock moved to ${formatDate(now)}.` };
});
