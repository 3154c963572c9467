import { z } from "zod";
import { describeField } from "../api-text";
import type { V1Operation } from "../openapi-types";
import { tokenRequestSchema } from "../schemas";

/** What POST /oauth2/token answers: Microsoft Entra's token response, as Partner Center's samples read it. */
export const tokenResponseSchema = z.object({
  token_type: z.literal("Bearer"),
  access_token: z.string().meta({ description: describeField("accessToken") }),
  expires_in: z.number().int().meta({ description: describeField("expiresIn") }),
});

/** OAuth 2.0 error answers (RFC 6749 section 5.2): the token endpoint's refusals are not Partner Center's shape. */
export const oauthErrorSchema = z.object({
  error: z.enum(["invalid_request", "invalid_grant", "invalid_client", "unsupported_grant_type", "temporarily_unavailable"]),
  error_description: z.string(),
});

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/oauth2/token",
    public: true,
    bodyType: "form",
    body: tokenRequestSchema,
    response: tokenResponseSchema,
    errorBody: oauthErrorSchema,
    errors: [
      { status: 400, code: "invalid_request", when: "tokenInvalidRequest" },
      { status: 400, code: "unsupported_grant_type", when: "tokenUnsupportedGrant" },
      { status: 400, code: "invalid_grant", when: "tokenInvalidGrant" },
      { status: 401, code: "invalid_client", when: "tokenInvalidClient" },
      { status: 429, code: "temporarily_unavailable", when: "tokenThrottled" },
    ],
    example: { body: { grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" } },
  },
];
