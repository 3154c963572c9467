import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { customerCollectionSchema, customerSchema } from "../representations/customer";
import { customersQuerySchema } from "../schemas";

const customerParams = z.object({ customerId: z.string().meta({ description: "The customer's id (its tenant id here)." }) });

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/customers",
    summary: "Get a list of customers",
    description:
      "The partner's customers by name, `size` a page (default 20, at most 500). `totalCount` is the whole list's count. While more follow, `links.next` gives the next page: request its `uri` with its `headers` (`MS-ContinuationToken`), or pass the token as `continuationToken`.",
    query: customersQuerySchema,
    response: customerCollectionSchema,
    errors: [],
    example: { query: { size: "40" } },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}",
    summary: "Get a customer by ID",
    description: "The Customer resource: `companyProfile` (tenantId, domain, companyName) and `billingProfile` (contact, email, default address country).",
    params: customerParams,
    response: customerSchema,
    errors: [{ status: 404, code: "1000", when: "No customer of this partner has the id (another partner's customer too)." }],
  },
];
