"use server";

import { revalidatePath } from "next/cache";
import { moveDemoClock as moveClock } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { processClockMove } from "@/lib/server/lifecycle-runner";
import { formatDate } from "@/lib/format";
import { clockSchema } from "@/lib/validation";

/** The **Demo clock**: move this partner's time forward; the crossed interval is processed in batches. */
export const moveDemoClock = authedAction(clockSchema, async (input, { db, actor, clock }) => {
  const { now } = moveClock(db, actor, clock, input);
  const finished = await processClockMove(db, clock);
  revalidatePath("/", "layout");
  return {
    message: finished
      ? `Demo clock moved to ${formatDate(now)}.`
      : `Demo clock moved to ${formatDate(now)}. Renewals, charges and deletions up to that date are being processed.`,
  };
});
