import { authedRoute } from "@/lib/server/route";
import { csvResponse, exportFilename, renewalsCsv } from "@/lib/server/csv-export";
import { can, renewalBatches } from "@/lib/subscriptions";
import { renewalsParamsSchema } from "@/lib/validation";

/** The Renewals list as CSV, with the page's filters and sort (`days`, `customer`, `publisher`, `autoRenew`, `event`, `sort`), every page. */
export const GET = authedRoute((request, { db, actor, clock }) => {
  const filters = renewalsParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { header, toRecord } = renewalsCsv(can(actor, "view_billing"));
  return csvResponse(exportFilename("renewals", clock.now()), header, renewalBatches(db, actor, clock, filters, 1000), toRecord);
});
