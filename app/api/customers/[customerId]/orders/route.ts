import { authedRoute } from "@/lib/server/route";
import { buy, getOrder } from "@/lib/subscriptions";
import { apiBuySchema } from "@/lib/validation";

/** **Buy** the user's cart for this customer; the same idempotency key returns the same order. */
export const POST = authedRoute<{ customerId: string }>((_request, { db, actor, clock, json }, { customerId }) => {
  const { idempotencyKey } = apiBuySchema.parse(json());
  const { order, created } = buy(db, actor, clock, { customerId, idempotencyKey });
  const { lines } = getOrder(db, actor, customerId, order.id);
  return Response.json({ order, subscriptions: lines.map((l) => l.subscription) }, { status: created ? 201 : 200 });
});
