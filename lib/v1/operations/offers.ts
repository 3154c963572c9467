import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { offerCollectionSchema, UNAVAILABLE_CODES } from "../representations/offer";
import { customerOffersQuerySchema, offersQuerySchema } from "../schemas";

/** The codes their descriptions list (`{reasons}`). */
const textValues = { reasons: UNAVAILABLE_CODES.map((c) => `\`${c}\``).join(", ") };

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/offers",
    textValues,
    query: offersQuerySchema,
    response: offerCollectionSchema,
    errors: [],
    example: { query: { country: "US", size: "50" } },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}/offers",
    textValues,
    params: z.object({ customerId: z.string() }),
    query: customerOffersQuerySchema,
    response: offerCollectionSchema,
    errors: [{ status: 404, code: "1000", when: "customerIdNotFound" }],
  },
];
