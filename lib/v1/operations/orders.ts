import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { orderCollectionSchema, orderSchema } from "../representations/order";
import { orderRequestSchema } from "../schemas";

const customerParams = z.object({ customerId: z.string().meta({ description: "The customer's id (GET /v1/customers)." }) });
const customerNotFound = { status: 404, code: "1000", when: "No customer with this id for your partner (another partner's customer is not found either)." };

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/v1/customers/{customerId}/orders",
    summary: "Create an order for a customer",
    description:
      "Partner Center's Create an order: every line at the order's `billingCycle` (\"monthly\" when absent), bought at once with every rule of Buy (availability, quantity range, one per customer, free trials, charges), or nothing. A retry with the same MS-RequestId answers the order the first call created.",
    params: customerParams,
    body: orderRequestSchema,
    response: orderSchema,
    status: 201,
    errors: [
      { status: 403, code: "2032", when: "The user's role may not buy (Billing admin, Helpdesk agent)." },
      { status: 403, code: "403", when: "The partner is an indirect reseller, which orders through its indirect provider (partner:cannot_buy)." },
      customerNotFound,
      { status: 400, code: "400056", when: "No line items, a lineItemNumber used twice, an offerId that is not an offer in the partner's catalog, or a billingCycle other than monthly or annual." },
      { status: 400, code: "2093", when: "A line can't be bought: the offer isn't available to this customer now, the quantity is outside its range, the offer has no price for the billing cycle, or it is one per customer (`data` names each line by lineItemNumber)." },
      { status: 422, code: "422", when: "The MS-RequestId was already sent with another request (request:id_reused)." },
    ],
    example: { body: { lineItems: [{ lineItemNumber: 0, offerId: "microsoft-365-business-standard", quantity: 1 }], billingCycle: "monthly" } },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/orders",
    summary: "Get a list of orders by customer",
    description: "Every order of the customer, oldest first, placed on the pages or through the API, each with its line items and their subscription ids.",
    params: customerParams,
    response: orderCollectionSchema,
    errors: [customerNotFound],
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/orders/{orderId}",
    summary: "Get an order by ID",
    description: "The order with its line items, each with the subscription it created.",
    params: customerParams.extend({ orderId: z.string() }),
    response: orderSchema,
    errors: [customerNotFound, { status: 404, code: "1000", when: "No order with this id for this customer and partner." }],
  },
];
