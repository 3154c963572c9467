import { createApiOrder, listApiOrders } from "@/lib/subscriptions";
import { collection } from "@/lib/v1/representations/links";
import { orderResource } from "@/lib/v1/representations/order";
import { sentRequestId } from "@/lib/v1/request-id";
import { v1Route } from "@/lib/v1/route";
import { orderLineItemRequestSchema, orderRequestSchema, parseWithLines } from "@/lib/v1/schemas";

/** "Get a list of orders by customer": every order, oldest first. */
export const GET = v1Route<{ customerId: string }>(({ db, actor }, { customerId }) => {
  const items = listApiOrders(db, actor, customerId).map(orderResource);
  return { body: collection(items, items.length, `/v1/customers/${encodeURIComponent(customerId)}/orders`) };
});

/** "Create an order for a customer": 201 with the Order; a retry with the same MS-RequestId answers the first order. */
export const POST = v1Route<{ customerId: string }>((ctx, { customerId }) => {
  const body = parseWithLines(orderRequestSchema, orderLineItemRequestSchema, ctx.body);
  const { order } = createApiOrder(ctx.db, ctx.actor, ctx.clock, {
    customerId,
    billingFrequency: body.billingCycle ?? "monthly",
    lines: body.lineItems.map((l) => ({ lineNumber: l.lineItemNumber, offerId: l.offerId, quantity: l.quantity, friendlyName: l.friendlyName, termDuration: l.termDuration })),
    requestId: sentRequestId(ctx),
  });
  return { status: 201, body: orderResource(order) };
});
