import { getApiCart, updateApiCart } from "@/lib/subscriptions";
import { cartResource } from "@/lib/v1/representations/cart";
import { v1Route } from "@/lib/v1/route";
import { cartLineItemRequestSchema, cartLines, cartRequestSchema, parseWithLines } from "@/lib/v1/schemas";

type Params = { customerId: string; cartId: string };

/** "Get a cart by ID". */
export const GET = v1Route<Params>(({ db, actor, clock, locale }, { customerId, cartId }) => ({ body: cartResource(getApiCart(db, actor, clock, customerId, cartId), locale) }));

/** "Update a cart": the lineItems sent replace the cart's, while it is Active and not expired. */
export const PUT = v1Route<Params>((ctx, { customerId, cartId }) => {
  const { lineItems } = parseWithLines(cartRequestSchema, cartLineItemRequestSchema, ctx.body);
  return { body: cartResource(updateApiCart(ctx.db, ctx.actor, ctx.clock, { customerId, cartId, lines: cartLines(lineItems) }), ctx.locale) };
});
