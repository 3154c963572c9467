import { authedRoute } from "@/lib/server/route";
import { processClockMove } from "@/lib/server/lifecycle-runner";
import { clockStatus, moveDemoClock } from "@/lib/subscriptions";
import { clockSchema } from "@/lib/validation";

/** The partner's date and, while a move is processed, its progress. */
export const GET = authedRoute(async (_request, { db, clock }) => clockStatus(db, clock));

/**
 * The **Demo clock**: `{ "days": 1 | 7 | 30 }` or `{ "date": "YYYY-MM-DD" }`, forward only, at most
 * 5 years ahead. Answers 200 once the crossed interval is processed, 202 while it still is.
 */
export const POST = authedRoute(async (_request, { db, actor, clock, json }) => {
  const input = clockSchema.parse(json());
  moveDemoClock(db, actor, clock, input);
  const finished = await processClockMove(db, clock);
  return Response.json(clockStatus(db, clock), { status: finished ? 200 : 202 });
});
