import { z } from "zod";
import { ROLES, SANDBOX_KINDS } from "@/db/schema";
import { sandboxParamsSchema, startSandboxSchema } from "@/lib/sandboxes/schemas";
import type { V1Operation } from "../openapi-types";

const userSchema = z.object({
  email: z.string().meta({ description: "Signs in with the sandbox's password (the page or grant_type=password)." }),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  partnerName: z.string(),
});

/** A sandbox as /v1/sandboxes answers it. */
export const sandboxResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(SANDBOX_KINDS),
  createdAt: z.iso.datetime(),
  partnerIds: z.array(z.string()).meta({ description: "Its partner tenants (two for indirect: the provider, then the reseller)." }),
  users: z.array(userSchema),
  attributes: z.object({ objectType: z.literal("Sandbox") }),
});

export const createdSandboxResponseSchema = sandboxResponseSchema.extend({
  password: z.string().meta({ description: "Every user's password, answered this once and never stored." }),
  adminToken: z
    .object({ token_type: z.literal("Bearer"), access_token: z.string(), expires_in: z.number().int() })
    .meta({ description: "A bearer token of the sandbox's Global admin, as POST /oauth2/token answers it: call /v1 (and /v1/demo-clock) in the sandbox at once." }),
});

const operatorOrAdmin = "`Authorization: Bearer` with the operator key (SANDBOX_OPERATOR_KEY) or a token of the sandbox's own Global admin.";
const notFound = { status: 404, code: "404", when: "No such sandbox, or it is not the caller's (not_found:sandbox)." };
const off = { status: 403, code: "403", when: "Sandboxes are turned off on this server (SANDBOXES=off)." };

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/v1/sandboxes",
    summary: "Create a sandbox",
    description:
      "Not part of Partner Center: a partner tenant of its own, copied from the demo template as of today, with its own users, data and Demo clock. Send the operator key (no limit) or any user's token (limited per client address and hour). Answers its users, their one password and a Global admin token; keep them, they are not shown again.",
    body: startSandboxSchema,
    response: createdSandboxResponseSchema,
    status: 201,
    errors: [
      off,
      { status: 429, code: "429", when: "Too many sandboxes from this client address in the last hour (sandbox:limit, SANDBOXES_PER_ADDRESS_PER_HOUR)." },
      { status: 429, code: "429", when: "The server already holds SANDBOXES_MAX sandboxes (sandbox:full)." },
      { status: 409, code: "409", when: "The database has no templates: it was seeded before sandboxes existed (sandbox:no_template)." },
    ],
    example: { body: { kind: "direct_bill" } },
  },
  {
    method: "post",
    path: "/v1/sandboxes/{sandboxId}/reset",
    summary: "Reset a sandbox",
    description: `Back to the template and today's date: everything done in it is gone; its users, password and tokens stay. ${operatorOrAdmin}`,
    params: sandboxParamsSchema,
    response: sandboxResponseSchema,
    errors: [off, { status: 403, code: "2032", when: "The caller is the sandbox's user but not its Global admin." }, notFound],
  },
  {
    method: "delete",
    path: "/v1/sandboxes/{sandboxId}",
    summary: "Delete a sandbox",
    description: `Removes the sandbox and every row of its tenants; its tokens stop working. Answers 204. ${operatorOrAdmin}`,
    params: sandboxParamsSchema,
    response: z.null(),
    status: 204,
    errors: [off, { status: 403, code: "2032", when: "The caller is the sandbox's user but not its Global admin." }, notFound],
  },
];
