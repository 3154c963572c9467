"use server";

import { revalidatePath } from "next/cache";
import { moveDemoClock as moveClock } from "@/lib/subscriptions";
import { authedAction } from "@/lib/server/action";
import { processClockMove } from "@/lib/server/lifecycle-runner";
import { getFormat, getTranslations } from "@/lib/server/i18n";
import { clockSchema } from "@/lib/validation";

/** The **Demo clock**: move this partner's time forward; the crossed interval is processed in batches. */
export const moveDemoClock = authedAction(clockSchema, async (input, { db, actor, clock }) => {
  const { now } = moveClock(db, actor, clock, input);
  const finished = await processClockMove(db, clock);
  revalidatePath("/", "layout");
  const [t, f] = await Promise.all([getTranslations("DemoClock"), getFormat()]);
  return { message: t(finished ? "moved" : "movedProcessing", { date: f.date(now) }) };
});
