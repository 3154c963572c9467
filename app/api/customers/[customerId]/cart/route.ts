import { toCartView } from "@/lib/cart-view";
import { authedRoute } from "@/lib/server/route";
import { addToCart, getCart } from "@/lib/subscriptions";
import { addToCartSchema } from "@/lib/validation";

type Params = { customerId: string };

export const GET = authedRoute<Params>((_request, { db, actor, locale }, { customerId }) => toCartView(getCart(db, actor, customerId), locale));

/** **Add to cart**. */
export const POST = authedRoute<Params>((_request, { db, actor, clock, locale, json }, { customerId }) => {
  const input = addToCartSchema.parse(json());
  addToCart(db, actor, clock, { customerId, ...input });
  return toCartView(getCart(db, actor, customerId), locale);
});
