import { z } from "zod";

/**
 * The REST API's request schemas (Partner Center's resources under /v1). Each command reuses the
 * domain's rules through the same schemas as the pages where the shapes agree; the OpenAPI document
 * (/v1/openapi.json) is generated from these schemas, so it can't drift from what is validated.
 */

const credential = z.string().min(1).max(512);

/** POST /oauth2/token: Partner Center's app+user (password) and app-only (client_credentials) flows. */
export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("password"), username: credential, password: credential, client_id: z.string().max(200).optional(), scope: z.string().max(500).optional(), resource: z.string().max(500).optional() }),
  z.object({ grant_type: z.literal("client_credentials"), client_id: credential, client_secret: credential, scope: z.string().max(500).optional(), resource: z.string().max(500).optional() }),
]);
