import { chargeDescriptionsIn } from "@/lib/charge-text";
import { requestLocaleOf } from "@/lib/server/request-locale";
import { authedRoute } from "@/lib/server/route";
import { nextInvoice } from "@/lib/subscriptions";

/** The next invoice as it stands, each line's description in the request's language. */
export const GET = authedRoute<{ customerId: string }>((request, { db, actor, clock }, { customerId }) => {
  const invoice = nextInvoice(db, actor, clock, customerId);
  const describe = chargeDescriptionsIn(requestLocaleOf(request.headers));
  return { ...invoice, lines: invoice.lines.map((line) => ({ ...line, description: describe(line) })) };
});
