"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { deleteSandboxAction, resetSandboxAction } from "@/app/(dashboard)/sandbox/actions";
import type { ActionResult } from "@/lib/server/action";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";

const ACTIONS = { reset: resetSandboxAction, delete: deleteSandboxAction } as const;

/**
 * The control's words in the reader's language, given by the Sandbox page (a server component), so
 * the Sandbox namespace stays off the browser's messages.
 */
export interface SandboxActionCopy {
  button: string;
  title: string;
  description: string;
  keep: string;
  confirm: string;
  pending: string;
}

/** **Reset** or **Delete** on the Sandbox page, confirmed in a dialog that says what goes. */
export function SandboxActionControl({ sandboxId, kind, copy }: { sandboxId: string; kind: keyof typeof ACTIONS; copy: SandboxActionCopy }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (previous: ActionResult<never> | null, formData: FormData) => {
    const result = await ACTIONS[kind](previous, formData);
    if (result.ok) {
      toast.success(result.message);
      setOpen(false);
    }
    return result;
  }, null);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant={kind === "delete" ? "danger" : "secondary"}>
          {copy.button}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 text-left shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{copy.title}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-neutral-700">{copy.description}</Dialog.Description>
          {state && !state.ok && (
            <Alert tone="error" className="mt-3">
              {state.error}
            </Alert>
          )}
          <form action={action} className="mt-4 flex justify-end gap-2">
            <input type="hidden" name="sandboxId" value={sandboxId} />
            <Dialog.Close asChild>
              <Button type="button" variant="secondary">
                {copy.keep}
              </Button>
            </Dialog.Close>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? copy.pending : copy.confirm}
            </Button>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
