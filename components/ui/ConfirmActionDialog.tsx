"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action";
import { Alert } from "./Alert";
import { Button } from "./Button";

export interface ConfirmCopy {
  title: string;
  description: string;
  keep: string;
  confirm: string;
  pending: string;
}

/**
 * A button that opens a dialog saying what will happen, and runs a server action only when confirmed.
 * A refusal stays in the dialog; a success closes it and is handed to `onDone` (a toast, say).
 */
export function ConfirmActionDialog<T>({
  trigger,
  copy,
  fields,
  action,
  onDone,
}: {
  trigger: ReactNode;
  copy: ConfirmCopy;
  /** Hidden inputs the action reads (the id of what it acts on). */
  fields: Record<string, string>;
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  onDone: (result: Extract<ActionResult<T>, { ok: true }>) => void;
}) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useActionState(async (previous: ActionResult<T> | null, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) {
      onDone(result);
      setOpen(false);
    }
    return result;
  }, null);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
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
          <form action={run} className="mt-4 flex justify-end gap-2">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
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
