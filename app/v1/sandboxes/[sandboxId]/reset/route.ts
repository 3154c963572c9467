import { resetSandbox, sandboxParamsSchema } from "@/lib/sandboxes";
import { realNow } from "@/lib/server/context";
import { sandboxRoute } from "@/lib/v1/sandbox-route";
import { sandboxRepresentation } from "@/lib/v1/representations/sandbox";

/** POST /v1/sandboxes/{sandboxId}/reset: back to the template as of today (real time). */
export const POST = sandboxRoute<{ sandboxId: string }>(({ db, caller, settings }, params) => {
  const { sandboxId } = sandboxParamsSchema.parse(params);
  return { status: 200, body: sandboxRepresentation(resetSandbox(db, caller, sandboxId, settings, realNow())) };
});
