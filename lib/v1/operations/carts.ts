import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { cartSchema } from "../representations/cart";
import { checkoutResultSchema } from "../representations/order";
import { cartRequestSchema } from "../schemas";

const customerParams = z.object({ customerId: z.string().meta({ description: "The customer's id (GET /v1/customers)." }) });
const cartParams = customerParams.extend({ cartId: z.string().meta({ description: "The id POST .../carts answered." }) });

/** Who may buy, for every write on a cart. */
const mayBuy = [
  { status: 403, code: "2032", when: "The user's role may not buy (Billing admin, Helpdesk agent)." },
  { status: 403, code: "403", when: "The partner is an indirect reseller, which orders through its indirect provider (partner:cannot_buy)." },
];
const customerNotFound = { status: 404, code: "1000", when: "No customer with this id for your partner (another partner's customer is not found either)." };
const cartNotFound = { status: 404, code: "1000", when: "No cart with this id for this customer and partner." };
const expired = { status: 400, code: "400", when: "The cart expired: carts expire 7 days after creation, by the partner's clock (cart:expired)." };
const requestIdReused = { status: 422, code: "422", when: "The MS-RequestId was already sent with another request (request:id_reused): a retry sends the same request again." };

const example = { lineItems: [{ id: 0, catalogItemId: "microsoft-365-business-standard", quantity: 1, billingCycle: "monthly", termDuration: "P1M" }] };

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/v1/customers/{customerId}/carts",
    summary: "Create a cart",
    description:
      "Partner Center's Create a cart. `catalogItemId` is an offer id; `billingCycle` is \"monthly\" (term P1M) or \"annual\" (P1Y). A line that can't be bought now is kept with its `error` (the offer isn't available to this customer, with the reason; a quantity outside the offer's range; another term) and its order group fails at checkout. Carts expire 7 days after creation, by the partner's clock. A retry with the same MS-RequestId answers the cart the first call created.",
    params: customerParams,
    body: cartRequestSchema,
    response: cartSchema,
    status: 201,
    errors: [
      ...mayBuy,
      customerNotFound,
      { status: 400, code: "400056", when: "No line items, a line id used twice, a catalogItemId that is not an offer in the partner's catalog, or a billingCycle other than monthly or annual (`data` names each field)." },
      requestIdReused,
    ],
    example: { body: example },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/carts/{cartId}",
    summary: "Get a cart by ID",
    description: "The cart with each line checked again against today's rules: a line's `error` says why it can't be bought now. `status` is \"Ordered\" once checkout placed every order group's order.",
    params: cartParams,
    response: cartSchema,
    errors: [customerNotFound, cartNotFound],
  },
  {
    method: "put",
    path: "/v1/customers/{customerId}/carts/{cartId}",
    summary: "Update a cart",
    description: "Partner Center's Update a cart: send the cart (as GET answers it, changed); its `lineItems` replace the cart's lines. Refused once the cart is checked out or expired.",
    params: cartParams,
    body: cartRequestSchema,
    response: cartSchema,
    errors: [
      ...mayBuy,
      customerNotFound,
      cartNotFound,
      { status: 400, code: "400056", when: "As for Create a cart." },
      expired,
      { status: 409, code: "409", when: "The cart was already checked out (cart:ordered): its lines are what was bought." },
    ],
    example: { body: { lineItems: [{ id: 0, catalogItemId: "microsoft-365-business-standard", quantity: 2, billingCycle: "monthly" }] } },
  },
  {
    method: "post",
    path: "/v1/customers/{customerId}/carts/{cartId}/checkout",
    summary: "Checkout a cart",
    description:
      "Partner Center's Checkout a cart: one order per order group (the lines of one billing cycle), each bought with every rule of Buy. A group whose lines can't be bought is an `orderErrors` entry (code 2093, `data` names its lines) and buys nothing; the other groups still buy. Idempotent: checking out the same cart again answers the same orders, and tries only groups that failed again.",
    params: cartParams,
    response: checkoutResultSchema,
    status: 201,
    errors: [...mayBuy, customerNotFound, cartNotFound, expired, requestIdReused],
  },
];
