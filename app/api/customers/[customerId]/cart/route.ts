import { getLocale } from "next-intl/server";
import { toCartView } from "@/lib/cart-view";
import { authedRoute } from "@/lib/server/route";
import { addToCart, getCart } from "@/lib/subscriptions";
import { addToCartSchema } from "@/lib/validation";

type Params = { customerId: string };

export const GET = authedRoute<Params>(async (_request, { db, actor }, { customerId }) => toCartView(getCart(db, actor, customerId), await getLocale()));

/** **Add to cart**. */
export const POST = authedRoute<Params>(async (request, { db, actor, clock }, { customerId }) => {
  const input = addToCartSchema.parse(await request.json());
  addToCart(db, actor, clock, { customerId, ...input });
  return toCartView(getCart(db, actor, customerId), await getLocale());
});
