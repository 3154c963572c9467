import { z } from "zod";
import type { V1Operation } from "../openapi-types";

/** The outline of an OpenAPI 3.1 document; its paths and schemas are generated, so they are not spelt out here. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()), securitySchemes: z.record(z.string(), z.unknown()) }),
});

export const operations: V1Operation[] = [
  {
    method: "get",
    path: "/v1/openapi.json",
    public: true,
    response: openApiDocumentSchema,
    errors: [],
  },
];
