import { authedRoute } from "@/lib/server/route";
import { nextInvoice } from "@/lib/subscriptions";

/** The next invoice as it stands. */
export const GET = authedRoute<{ customerId: string }>((_request, { db, actor, clock }, { customerId }) => nextInvoice(db, actor, clock, customerId));
