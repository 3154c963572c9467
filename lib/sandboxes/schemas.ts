import { z } from "zod";
import { SANDBOX_KINDS } from "@/db/schema/sandboxes";
import { key } from "@/lib/problems";
import { idSchema } from "@/lib/validation";
import { describeField } from "@/lib/v1/api-text";

/** **Start a sandbox** (the sign-in page's form) and POST /v1/sandboxes: which template; direct bill unless chosen. */
export const startSandboxSchema = z.strictObject({
  kind: z.enum(SANDBOX_KINDS, { error: key("chooseSandboxKind") }).default("direct_bill").meta({
    description: describeField("sandboxKind"),
  }),
});

/** **Reset** and **Delete** on the Sandbox page. */
export const sandboxFormSchema = z.object({ sandboxId: idSchema });

export const sandboxParamsSchema = z.object({ sandboxId: idSchema });
