import { authedRoute } from "@/lib/server/route";
import { csvResponse, exportFilename, subscriptionsCsv } from "@/lib/server/csv-export";
import { can, subscriptionBatches } from "@/lib/subscriptions";

/** A customer's subscriptions as CSV, in the Subscriptions page's order; term charges for view_billing only. */
export const GET = authedRoute<{ customerId: string }>((_request, { db, actor, clock }, { customerId }) => {
  const { header, toRecord } = subscriptionsCsv(can(actor, "view_billing"));
  return csvResponse(exportFilename(`subscriptions-${customerId}`, clock.now()), header, subscriptionBatches(db, actor, clock, customerId), toRecord);
});
