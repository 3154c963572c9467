import { toCartView } from "@/lib/cart-view";
import { authedRoute } from "@/lib/server/route";
import { getCart, removeCartLine, updateCartLineQuantity } from "@/lib/subscriptions";
import { updateCartLineSchema } from "@/lib/validation";

type Params = { customerId: string; lineId: string };

export const PATCH = authedRoute<Params>((_request, { db, actor, locale, json }, { customerId, lineId }) => {
  const { quantity } = updateCartLineSchema.parse(json());
  updateCartLineQuantity(db, actor, { customerId, lineId, quantity });
  return toCartView(getCart(db, actor, customerId), locale);
});

export const DELETE = authedRoute<Params>((_request, { db, actor, locale }, { customerId, lineId }) => {
  removeCartLine(db, actor, { customerId, lineId });
  return toCartView(getCart(db, actor, customerId), locale);
});
