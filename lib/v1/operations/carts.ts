import { z } from "zod";
import { describeField } from "../api-text";
import type { Refusal, V1Operation } from "../openapi-types";
import { cartSchema } from "../representations/cart";
import { checkoutResultSchema } from "../representations/order";
import { cartRequestSchema } from "../schemas";

const customerParams = z.object({ customerId: z.string().meta({ description: describeField("customerId") }) });
const cartParams = customerParams.extend({ cartId: z.string().meta({ description: describeField("cartId") }) });

/** Who may buy, for every write on a cart. */
const mayBuy: Refusal[] = [
  { status: 403, code: "2032", when: "roleMayNotBuy" },
  { status: 403, code: "403", when: "resellerCannotBuy" },
];
const customerNotFound: Refusal = { status: 404, code: "1000", when: "customerNotFound" };
const cartNotFound: Refusal = { status: 404, code: "1000", when: "cartNotFound" };
const expired: Refusal = { status: 400, code: "400", when: "cartExpired" };
const requestIdReused: Refusal = { status: 422, code: "422", when: "requestIdReusedRetry" };

const example = { lineItems: [{ id: 0, catalogItemId: "microsoft-365-business-standard", quantity: 1, billingCycle: "monthly", termDuration: "P1M" }] };

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/v1/customers/{customerId}/carts",
    params: customerParams,
    body: cartRequestSchema,
    response: cartSchema,
    status: 201,
    errors: [
      ...mayBuy,
      customerNotFound,
      { status: 400, code: "400056", when: "cartLinesInvalid" },
      requestIdReused,
    ],
    example: { body: example },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/carts/{cartId}",
    params: cartParams,
    response: cartSchema,
    errors: [customerNotFound, cartNotFound],
  },
  {
    method: "put",
    path: "/v1/customers/{customerId}/carts/{cartId}",
    params: cartParams,
    body: cartRequestSchema,
    response: cartSchema,
    errors: [
      ...mayBuy,
      customerNotFound,
      cartNotFound,
      { status: 400, code: "400056", when: "cartLinesInvalidAsCreate" },
      expired,
      { status: 409, code: "409", when: "cartOrdered" },
    ],
    example: { body: { lineItems: [{ id: 0, catalogItemId: "microsoft-365-business-standard", quantity: 2, billingCycle: "monthly" }] } },
  },
  {
    method: "post",
    path: "/v1/customers/{customerId}/carts/{cartId}/checkout",
    params: cartParams,
    response: checkoutResultSchema,
    status: 201,
    errors: [...mayBuy, customerNotFound, cartNotFound, expired, requestIdReused],
  },
];
