import type { z } from "zod";
import { processClockMove } from "@/lib/server/lifecycle-runner";
import { clockStatus, moveDemoClock, type ClockStatus } from "@/lib/subscriptions";
import { clockSchema } from "@/lib/validation";
import type { demoClockResponseSchema } from "@/lib/v1/operations/demo-clock";
import { v1Route } from "@/lib/v1/route";

function representation(status: ClockStatus): z.infer<typeof demoClockResponseSchema> {
  const move = status.move && { from: status.move.from.toISOString(), to: status.move.to.toISOString(), processedUntil: status.move.processedUntil.toISOString(), progress: status.move.progress };
  return { now: status.now.toISOString(), move, attributes: { objectType: "DemoClock" } };
}

/** The partner's Demo clock; polled after a move answered 202. */
export const GET = v1Route(({ db, clock }) => ({ body: representation(clockStatus(db, clock)) }));

/**
 * The **Demo clock** for scripts: the same body and domain command as POST /api/clock (which needs the
 * browser's session), so a bearer token can move time. Global admin only, as on the page.
 */
export const POST = v1Route(async ({ db, actor, clock, body }) => {
  moveDemoClock(db, actor, clock, clockSchema.parse(body ?? {}));
  const finished = await processClockMove(db, clock);
  return { status: finished ? 200 : 202, body: representation(clockStatus(db, clock)) };
});
