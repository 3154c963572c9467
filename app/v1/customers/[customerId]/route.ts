import { getCustomer } from "@/lib/subscriptions";
import { customerResource } from "@/lib/v1/representations/customer";
import { v1Route } from "@/lib/v1/route";

/** "Get a customer by ID": another partner's customer is 404, like a missing one. */
export const GET = v1Route<{ customerId: string }>(({ db, actor }, { customerId }) => ({ body: customerResource(getCustomer(db, actor, customerId)) }));
