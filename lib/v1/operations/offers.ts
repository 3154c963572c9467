import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { offerCollectionSchema, UNAVAILABLE_CODES } from "../representations/offer";
import { customerOffersQuerySchema, offersQuerySchema } from "../schemas";

const reasons = UNAVAILABLE_CODES.map((c) => `\`${c}\``).join(", ");

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/offers",
    summary: "Get a list of offers for a market",
    description: `Every offer of the partner's cloud sold in \`country\` (ISO 3166 alpha-2), add-ons included (\`isAddOn\`, \`prerequisiteOffers\`), by name, \`size\` a page with \`links.next\` as for customers. \`isAvailableForPurchase\` is false for offers this partner can't sell at all; \`unavailableReason\` (this product's extension) says why as a code: ${reasons}.`,
    query: offersQuerySchema,
    response: offerCollectionSchema,
    errors: [],
    example: { query: { country: "US", size: "50" } },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/offers",
    summary: "Get the offers a customer can buy (extension)",
    description: `Not part of Partner Center: the **Online Services** catalog for one customer (its segment and billing country, add-ons left out: they are bought on their base subscription), 20 a page with \`links.next\`. Each offer says whether this customer can buy it now and, when not, \`unavailableReason.code\`: ${reasons}; \`suspended\` and \`one_per_customer\` name the customer's subscription in \`subscriptionId\`.`,
    params: z.object({ customerId: z.string() }),
    query: customerOffersQuerySchema,
    response: offerCollectionSchema,
    errors: [{ status: 404, code: "1000", when: "No customer of this partner has the id." }],
  },
];
