import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { subscriptionCollectionSchema, subscriptionSchema } from "../representations/subscription";
import { subscriptionPatchSchema, subscriptionsQuerySchema } from "../schemas";

const customerParams = z.object({ customerId: z.string() });
const subscriptionParams = z.object({ customerId: z.string(), subscriptionId: z.string() });
const notFound = [
  { status: 404, code: "1000", when: "No customer of this partner has the customer id." },
  { status: 404, code: "20003", when: "No subscription of this customer has the subscription id (another customer's or partner's too)." },
];

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/customers/{customerId}/subscriptions",
    summary: "Get a customer's subscriptions",
    description: "By offer name, 20 a page, `links.next` to go on. With `order_id`: \"Get a list of subscriptions by order\", the subscriptions that order created (all of them).",
    params: customerParams,
    query: subscriptionsQuerySchema,
    response: subscriptionCollectionSchema,
    errors: [notFound[0]],
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/subscriptions/{subscriptionId}",
    summary: "Get a subscription by ID",
    description: "The Subscription resource; the `ETag` header (also `attributes.etag`) names its version, for `If-Match` on PATCH.",
    params: subscriptionParams,
    response: subscriptionSchema,
    errors: notFound,
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/subscriptions/{subscriptionId}/addons",
    summary: "Get a list of add-ons for a subscription",
    params: subscriptionParams,
    response: subscriptionCollectionSchema,
    errors: notFound,
  },
  {
    method: "patch",
    path: "/v1/customers/{customerId}/subscriptions/{subscriptionId}",
    summary: "Update a subscription",
    description:
      "Send the Subscription resource (keys in camelCase or PascalCase) with the fields to change: `quantity` (more licenses are charged pro rata; fewer apply at once inside the refund window, else at renewal), `status` `suspended` (suspend, add-ons with it) / `active` (reactivate) / `deleted` (cancel a commercial marketplace subscription: refunded inside its window, else at renewal), `autoRenewEnabled` (commercial marketplace only). A field equal to what GET shows is no change; read-only fields are ignored. Without `If-Match` (or a body `attributes.etag`) the change applies to the current version, as in Partner Center; with an old one it is refused with 412. Roles as on the pages (Sales agents change quantities, Helpdesk agents suspend and reactivate, Billing admins cancel and change auto-renew).",
    params: subscriptionParams,
    body: subscriptionPatchSchema,
    response: subscriptionSchema,
    errors: [
      ...notFound,
      { status: 400, code: "2002", when: "The quantity is outside the offer's minimum and maximum." },
      { status: 400, code: "2011", when: "The subscription has ended (deleted or expired): nothing can change." },
      { status: 400, code: "3000", when: "The body's `id` is another subscription's." },
      { status: 400, code: "800091", when: "A quantity or auto-renew change on a subscription that is not active (suspended)." },
      { status: 400, code: "800093", when: "Auto-renew of a Microsoft offer: only commercial marketplace subscriptions may turn it off." },
      { status: 400, code: "800096", when: "A status change the subscription can't make: to a status other than active, suspended or deleted, suspending what isn't active, reactivating what isn't suspended (or ended with Auto-renew off), cancelling a Microsoft offer or one already scheduled to end." },
      { status: 403, code: "2032", when: "The user's role may not make this change." },
      { status: 409, code: "27009", when: "Reactivating an add-on whose base subscription is not active." },
      { status: 412, code: "2055", when: "`If-Match` (or `attributes.etag`) names an older version: GET it again and retry." },
    ],
    example: { body: { quantity: 12 } },
  },
];
