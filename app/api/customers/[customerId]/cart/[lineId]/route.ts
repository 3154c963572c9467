import { getLocale } from "next-intl/server";
import { toCartView } from "@/lib/cart-view";
import { authedRoute } from "@/lib/server/route";
import { getCart, removeCartLine, updateCartLineQuantity } from "@/lib/subscriptions";
import { updateCartLineSchema } from "@/lib/validation";

type Params = { customerId: string; lineId: string };

export const PATCH = authedRoute<Params>(async (request, { db, actor }, { customerId, lineId }) => {
  const { quantity } = updateCartLineSchema.parse(await request.json());
  updateCartLineQuantity(db, actor, { customerId, lineId, quantity });
  return toCartView(getCart(db, actor, customerId), await getLocale());
});

export const DELETE = authedRoute<Params>(async (_request, { db, actor }, { customerId, lineId }) => {
  removeCartLine(db, actor, { customerId, lineId });
  return toCartView(getCart(db, actor, customerId), await getLocale());
});
