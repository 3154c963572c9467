import { noticeTexts } from "@/lib/server/notices";
import { requestLocaleOf } from "@/lib/server/request-locale";
import { authedRoute } from "@/lib/server/route";
import { getSubscriptionDetail, submitSubscriptionChanges } from "@/lib/subscriptions";
import { apiSubscriptionChangesSchema } from "@/lib/validation";

type Params = { subscriptionId: string };

export const GET = authedRoute<Params>((_request, { db, actor, clock }, { subscriptionId }) => {
  const { subscription, offer, addOns, cancel, deletionDate } = getSubscriptionDetail(db, actor, clock, subscriptionId);
  return { subscription, offer: { id: offer.id, name: offer.name, publisherName: offer.publisherName }, addOns: addOns.map((a) => ({ offerId: a.offer.id, name: a.offer.name, subscription: a.subscription })), cancel, deletionDate };
});

/** The details page's Submit as JSON: quantity, status, auto-renew and add-ons; what was done in the request's language. */
export const PATCH = authedRoute<Params>((request, { db, actor, clock, json }, { subscriptionId }) => {
  const input = apiSubscriptionChangesSchema.parse(json());
  const notices = submitSubscriptionChanges(db, actor, clock, { subscriptionId, ...input });
  return { messages: noticeTexts(requestLocaleOf(request.headers), notices) };
});
