import { z } from "zod";
import { describeField } from "../api-text";
import type { Refusal, V1Operation } from "../openapi-types";
import { orderCollectionSchema, orderSchema } from "../representations/order";
import { orderRequestSchema } from "../schemas";

const customerParams = z.object({ customerId: z.string().meta({ description: describeField("customerId") }) });
const customerNotFound: Refusal = { status: 404, code: "1000", when: "customerNotFound" };

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/v1/customers/{customerId}/orders",
    params: customerParams,
    body: orderRequestSchema,
    response: orderSchema,
    status: 201,
    errors: [
      { status: 403, code: "2032", when: "roleMayNotBuy" },
      { status: 403, code: "403", when: "resellerCannotBuy" },
      customerNotFound,
      { status: 400, code: "400056", when: "orderLinesInvalid" },
      { status: 400, code: "2093", when: "orderLineRefused" },
      { status: 422, code: "422", when: "requestIdReused" },
    ],
    example: { body: { lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-standard", quantity: 1 }], billingCycle: "monthly" } },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/orders",
    params: customerParams,
    response: orderCollectionSchema,
    errors: [customerNotFound],
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/orders/{orderId}",
    params: customerParams.extend({ orderId: z.string() }),
    response: orderSchema,
    errors: [customerNotFound, { status: 404, code: "1000", when: "orderNotFound" }],
  },
];
