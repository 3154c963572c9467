import { createApiCart } from "@/lib/subscriptions";
import { cartResource } from "@/lib/v1/representations/cart";
import { sentRequestId } from "@/lib/v1/request-id";
import { v1Route } from "@/lib/v1/route";
import { cartLineItemRequestSchema, cartLines, cartRequestSchema, parseWithLines } from "@/lib/v1/schemas";

/** "Create a cart": 201 with the Cart; a retry with the same MS-RequestId answers the cart the first call made. */
export const POST = v1Route<{ customerId: string }>((ctx, { customerId }) => {
  const { lineItems } = parseWithLines(cartRequestSchema, cartLineItemRequestSchema, ctx.body);
  const { cart } = createApiCart(ctx.db, ctx.actor, ctx.clock, { customerId, lines: cartLines(lineItems), requestId: sentRequestId(ctx) });
  return { status: 201, body: cartResource(cart, ctx.locale) };
});
