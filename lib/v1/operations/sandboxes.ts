import { z } from "zod";
import { ROLES, SANDBOX_KINDS } from "@/db/schema";
import { sandboxParamsSchema, startSandboxSchema } from "@/lib/sandboxes/schemas";
import { describeField } from "../api-text";
import type { Refusal, V1Operation } from "../openapi-types";

const userSchema = z.object({
  email: z.string().meta({ description: describeField("sandboxUserEmail") }),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  partnerName: z.string(),
});

/** A sandbox as /v1/sandboxes answers it. */
export const sandboxResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(SANDBOX_KINDS),
  createdAt: z.iso.datetime(),
  partnerIds: z.array(z.string()).meta({ description: describeField("sandboxPartnerIds") }),
  users: z.array(userSchema),
  attributes: z.object({ objectType: z.literal("Sandbox") }),
});

export const createdSandboxResponseSchema = sandboxResponseSchema.extend({
  password: z.string().meta({ description: describeField("sandboxPassword") }),
  adminToken: z
    .object({ token_type: z.literal("Bearer"), access_token: z.string(), expires_in: z.number().int() })
    .meta({ description: describeField("sandboxAdminToken") }),
});

const notFound: Refusal = { status: 404, code: "404", when: "sandboxNotFound" };
const off: Refusal = { status: 403, code: "403", when: "sandboxesOff" };

export const operations: V1Operation[] = [
  {
    method: "post",
    path: "/v1/sandboxes",
    body: startSandboxSchema,
    response: createdSandboxResponseSchema,
    status: 201,
    errors: [
      off,
      { status: 429, code: "429", when: "sandboxLimit" },
      { status: 429, code: "429", when: "sandboxFull" },
      { status: 409, code: "409", when: "sandboxNoTemplate" },
    ],
    example: { body: { kind: "direct_bill" } },
  },
  {
    method: "post",
    path: "/v1/sandboxes/{sandboxId}/reset",
    params: sandboxParamsSchema,
    response: sandboxResponseSchema,
    errors: [off, { status: 403, code: "2032", when: "sandboxNotAdmin" }, notFound],
  },
  {
    method: "delete",
    path: "/v1/sandboxes/{sandboxId}",
    params: sandboxParamsSchema,
    response: z.null(),
    status: 204,
    errors: [off, { status: 403, code: "2032", when: "sandboxNotAdmin" }, notFound],
  },
];
