import { z } from "zod";
import type { V1Operation } from "../openapi-types";
import { tokenRequestSchema } from "../schemas";

/** What POST /oauth2/token answers: Microsoft Entra's token response, as Partner Center's samples read it. */
export const tokenResponseSchema = z.object({
  token_type: z.literal("Bearer"),
  access_token: z.string().meta({ description: "Send as `Authorization: Bearer <access_token>` on every /v1 request." }),
  expires_in: z.number().int().meta({ description: "Seconds until the token expires (3600)." }),
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
    summary: "Get an access token",
    description:
      "Partner Center's two flows. App+user: `grant_type=password` with a user's `username` and `password`; the user's own roles apply. App-only: `grant_type=client_credentials` with the `client_id` and `client_secret` of an app a Global admin registered on App management; the app acts with Admin agent rights and the activity log shows it by name. Tokens last an hour and stop working when the app is deleted or the user signs out everywhere.",
    public: true,
    bodyType: "form",
    body: tokenRequestSchema,
    response: tokenResponseSchema,
    errorBody: oauthErrorSchema,
    errors: [
      { status: 400, code: "invalid_request", when: "The body is not application/x-www-form-urlencoded, or a field is missing or too long." },
      { status: 400, code: "unsupported_grant_type", when: "grant_type is neither password nor client_credentials." },
      { status: 400, code: "invalid_grant", when: "The user name or password is incorrect (one answer for both)." },
      { status: 401, code: "invalid_client", when: "The client id or secret is incorrect, or the app was deleted." },
      { status: 429, code: "temporarily_unavailable", when: "Too many failed sign-ins from this address or for this user: wait, as on the sign-in page." },
    ],
    example: { body: { grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" } },
  },
];
