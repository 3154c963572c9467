import { listAddOnSubscriptions } from "@/lib/subscriptions";
import { collection } from "@/lib/v1/representations/links";
import { subscriptionResource } from "@/lib/v1/representations/subscription";
import { selfUri } from "@/lib/v1/paging";
import { v1Route } from "@/lib/v1/route";

type Params = { customerId: string; subscriptionId: string };

/** "Get a list of add-ons for a subscription": the add-on subscriptions bought on this base. */
export const GET = v1Route<Params>(({ db, actor, clock, url }, { customerId, subscriptionId }) => {
  const items = listAddOnSubscriptions(db, actor, clock, customerId, subscriptionId);
  return { body: collection(items.map(subscriptionResource), items.length, selfUri(url)) };
});
