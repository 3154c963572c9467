import { patchSubscription, readSubscription } from "@/lib/v1/subscription-patch";
import { v1Route } from "@/lib/v1/route";

type Params = { customerId: string; subscriptionId: string };

/** "Get a subscription by ID", with its ETag. */
export const GET = v1Route<Params>((ctx, { customerId, subscriptionId }) => readSubscription(ctx, customerId, subscriptionId));

/**
 * "Update a subscription": quantity, suspend / reactivate (status), auto-renew, and cancel a
 * commercial marketplace subscription (status "deleted"), through the pages' domain commands.
 */
export const PATCH = v1Route<Params>((ctx, { customerId, subscriptionId }) => patchSubscription(ctx, customerId, subscriptionId));
