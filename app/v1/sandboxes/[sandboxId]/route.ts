import { deleteSandbox, sandboxParamsSchema } from "@/lib/sandboxes";
import { sandboxRoute } from "@/lib/v1/sandbox-route";

/** DELETE /v1/sandboxes/{sandboxId}: every row of its tenants; 204. */
export const DELETE = sandboxRoute<{ sandboxId: string }>(({ db, caller, settings }, params) => {
  const { sandboxId } = sandboxParamsSchema.parse(params);
  deleteSandbox(db, caller, sandboxId, settings);
  return { status: 204 };
});
