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
  /** Answered without a bearer token (the token endpoint, the OpenAPI document). Default false. */
  public?: boolean;
  /** How the body is sent: JSON (default), or a form as OAuth's token endpoint takes it. */
  bodyType?: "json" | "form";
  /** The refusal body when it is not Partner Center's `{ code, description, data, source }` (OAuth's errors). */
  errorBody?: z.ZodType;
  /** What the API reference's curl example sends; without it, one is made from the schema. */
  example?: { query?: Record<string, string>; body?: unknown };
}
