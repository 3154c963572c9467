import { z } from "zod";
import type { Refusal, V1Operation } from "../openapi-types";
import { subscriptionCollectionSchema, subscriptionSchema } from "../representations/subscription";
import { subscriptionPatchSchema, subscriptionsQuerySchema } from "../schemas";

const customerParams = z.object({ customerId: z.string() });
const subscriptionParams = z.object({ customerId: z.string(), subscriptionId: z.string() });
const notFound: Refusal[] = [
  { status: 404, code: "1000", when: "subscriptionCustomerNotFound" },
  { status: 404, code: "20003", when: "subscriptionNotFound" },
];

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/customers/{customerId}/subscriptions",
    params: customerParams,
    query: subscriptionsQuerySchema,
    response: subscriptionCollectionSchema,
    errors: [notFound[0]],
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/subscriptions/{subscriptionId}",
    params: subscriptionParams,
    response: subscriptionSchema,
    errors: notFound,
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/subscriptions/{subscriptionId}/addons",
    params: subscriptionParams,
    response: subscriptionCollectionSchema,
    errors: notFound,
  },
  {
    method: "patch",
    path: "/v1/customers/{customerId}/subscriptions/{subscriptionId}",
    params: subscriptionParams,
    body: subscriptionPatchSchema,
    response: subscriptionSchema,
    errors: [
      ...notFound,
      { status: 400, code: "2002", when: "quantityOutOfRange" },
      { status: 400, code: "2011", when: "subscriptionEnded" },
      { status: 400, code: "3000", when: "otherSubscriptionId" },
      { status: 400, code: "800091", when: "subscriptionNotActive" },
      { status: 400, code: "800093", when: "autoRenewMicrosoft" },
      { status: 400, code: "800096", when: "statusChangeRefused" },
      { status: 403, code: "2032", when: "roleMayNotChange" },
      { status: 409, code: "27009", when: "addOnBaseNotActive" },
      { status: 412, code: "2055", when: "staleEtag" },
    ],
    example: { body: { quantity: 12 } },
  },
];
