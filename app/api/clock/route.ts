import { authedRoute } from "@/lib/server/route";
import { moveDemoClock } from "@/lib/subscriptions";
import { clockSchema } from "@/lib/validation";

/** The **Demo clock**: `{ "days": 1 | 7 | 30 }` or `{ "date": "YYYY-MM-DD" }`, forward only. */
export const POST = authedRoute(async (request, { db, actor, clock }) => {
  const input = clockSchema.parse(await request.json());
  const now = moveDemoClock(db, actor, clock, input);
  return { now };
});
