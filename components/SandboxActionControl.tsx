"use client";

import { toast } from "sonner";
import { deleteSandboxAction, resetSandboxAction } from "@/app/(dashboard)/sandbox/actions";
import { Button } from "./ui/Button";
import { ConfirmActionDialog, type ConfirmCopy } from "./ui/ConfirmActionDialog";

const ACTIONS = { reset: resetSandboxAction, delete: deleteSandboxAction } as const;

/**
 * The control's words in the reader's language, given by the Sandbox page (a server component), so
 * the Sandbox namespace stays off the browser's messages.
 */
export interface SandboxActionCopy extends ConfirmCopy {
  button: string;
}

/** **Reset** or **Delete** on the Sandbox page, confirmed in a dialog that says what goes. */
export function SandboxActionControl({ sandboxId, kind, copy }: { sandboxId: string; kind: keyof typeof ACTIONS; copy: SandboxActionCopy }) {
  return (
    <ConfirmActionDialog
      trigger={
        <Button type="button" variant={kind === "delete" ? "danger" : "secondary"}>
          {copy.button}
        </Button>
      }
      copy={copy}
      fields={{ sandboxId }}
      action={ACTIONS[kind]}
      onDone={(result) => toast.success(result.message)}
    />
  );
}
