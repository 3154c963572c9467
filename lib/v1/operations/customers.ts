import { z } from "zod";
import { describeField } from "../api-text";
import type { V1Operation } from "../openapi-types";
import { customerCollectionSchema, customerSchema } from "../representations/customer";
import { customersQuerySchema } from "../schemas";

const customerParams = z.object({ customerId: z.string().meta({ description: describeField("customerIdTenant") }) });

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/customers",
    query: customersQuerySchema,
    response: customerCollectionSchema,
    errors: [],
    example: { query: { size: "40" } },
  },
  {
    method: "get",
    path: "/v1/customers/{customerId}",
    params: customerParams,
    response: customerSchema,
    errors: [{ status: 404, code: "1000", when: "customerNotFoundAnyPartner" }],
  },
];
