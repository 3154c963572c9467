import { issueAccessToken } from "@/lib/auth/api-tokens";
import { startSandbox, startSandboxSchema } from "@/lib/sandboxes";
import { realNow } from "@/lib/server/context";
import { sandboxRoute } from "@/lib/v1/sandbox-route";
import { sandboxRepresentation } from "@/lib/v1/representations/sandbox";

/** POST /v1/sandboxes: a new sandbox, its users' password once and a token of its Global admin. */
export const POST = sandboxRoute(async ({ db, caller, settings, address, body }) => {
  const { kind } = startSandboxSchema.parse(body ?? {});
  const started = await startSandbox(db, { kind, address, caller, settings }, realNow());
  const adminToken = issueAccessToken(db, { userId: started.adminUserId }, realNow());
  return { status: 201, body: { ...sandboxRepresentation(started), password: started.password, adminToken } };
});
