import type { z } from "zod";

/**
 * One /v1 operation as the OpenAPI document (/v1/openapi.json) and the API reference page describe
 * it. Each resource module lists its own in `lib/v1/operations/<resource>.ts`; the schemas are the
 * same zod objects the handlers parse with, so the document cannot drift from what is validated.
 */
export interface V1Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
  errors: { status: number; code: string; when: string }[];
}
