import { checkoutApiCart, getApiOrder } from "@/lib/subscriptions";
import { orderErrorResource, orderResource } from "@/lib/v1/representations/order";
import { sentRequestId } from "@/lib/v1/request-id";
import { v1Route } from "@/lib/v1/route";

/** "Checkout a cart": 201 with the CartCheckoutResult, the same one however often the cart is checked out. */
export const POST = v1Route<{ customerId: string; cartId: string }>((ctx, { customerId, cartId }) => {
  const result = checkoutApiCart(ctx.db, ctx.actor, ctx.clock, { customerId, cartId, requestId: sentRequestId(ctx) });
  return {
    status: 201,
    body: {
      orders: result.orders.map((order) => orderResource(getApiOrder(ctx.db, ctx.actor, customerId, order.id))),
      orderErrors: result.orderErrors.map((error) => orderErrorResource(error, ctx.locale)),
    },
  };
});
