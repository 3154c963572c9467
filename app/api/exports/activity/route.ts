import { authedRoute } from "@/lib/server/route";
import { activityCsv, csvResponse, exportFilename } from "@/lib/server/csv-export";
import { activityBatches } from "@/lib/subscriptions";
import { activityParamsSchema } from "@/lib/validation";

/** The activity log as CSV, newest first, with the page's filters (`customer`, `userId`, `action`): every entry, not one page. */
export const GET = authedRoute((request, { db, actor, clock }) => {
  const filters = activityParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return csvResponse(exportFilename("activity", clock.now()), activityCsv.header, activityBatches(db, actor, filters, 1000), activityCsv.toRecord);
});
