import { authedRoute } from "@/lib/server/route";
import { csvResponse, exportFilename, invoiceCsv } from "@/lib/server/csv-export";
import { nextInvoice } from "@/lib/subscriptions";

/** The customer's next invoice as it stands (charges and credits since the period began), as CSV; view_billing only. */
export const GET = authedRoute<{ customerId: string }>((_request, { db, actor, clock }, { customerId }) => {
  const invoice = nextInvoice(db, actor, clock, customerId);
  return csvResponse(exportFilename(`next-invoice-${customerId}`, clock.now()), invoiceCsv.header, [invoice.lines][Symbol.iterator](), invoiceCsv.toRecord);
});
