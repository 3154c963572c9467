import { getApiOrder } from "@/lib/subscriptions";
import { orderResource } from "@/lib/v1/representations/order";
import { v1Route } from "@/lib/v1/route";

/** "Get an order by ID": another customer's or partner's order is 404. */
export const GET = v1Route<{ customerId: string; orderId: string }>(({ db, actor }, { customerId, orderId }) => ({ body: orderResource(getApiOrder(db, actor, customerId, orderId)) }));
