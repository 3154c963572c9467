import type { z } from "zod";
import type { RefusalKey, TextValues } from "./api-text";

/**
 * One /v1 operation as the OpenAPI document (/v1/openapi.json) and the API reference page describe
 * it. Each resource module lists its own in `lib/v1/operations/<resource>.ts`; the schemas are the
 * same zod objects the handlers parse with, so the document cannot drift from what is validated.
 * Its summary and description are messages (ApiReference.operations.<operationId>, lib/v1/api-text.ts).
 */
export interface V1Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  /** The ICU arguments its summary and description take. */
  textValues?: TextValues;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
  /** Each refusal: HTTP status, Partner Center's code (or OAuth's error), and when, as a message (ApiReference.refusals). */
  errors: { status: number; code: string; when: RefusalKey; values?: TextValues }[];
  /** Answered without a bearer token (the token endpoint, the OpenAPI document). Default false. */
  public?: boolean;
  /** How the body is sent: JSON (default), or a form as OAuth's token endpoint takes it. */
  bodyType?: "json" | "form";
  /** The refusal body when it is not Partner Center's `{ code, description, data, source }` (OAuth's errors). */
  errorBody?: z.ZodType;
  /** What the API reference's curl example sends; without it, one is made from the schema. */
  example?: { query?: Record<string, string>; body?: unknown };
}

/** One refusal an operation lists. */
export type Refusal = V1Operation["errors"][number];
