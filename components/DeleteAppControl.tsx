"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { deleteAppAction } from "@/app/(dashboard)/apps/actions";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";

/** **Delete** on an app's row, confirmed in a dialog: what stops working is said before it happens. */
export function DeleteAppControl({ appId, name }: { appId: string; name: string }) {
  const t = useTranslations("Apps");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof deleteAppAction>> | null, formData: FormData) => {
    const result = await deleteAppAction(previous, formData);
    if (result.ok) {
      toast.success(t("deleted", { name }));
      setOpen(false);
    }
    return result;
  }, null);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant="secondary" className="!px-3 !py-1 text-xs" aria-label={t("delete.buttonLabel", { name })}>
          {t("delete.button")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 text-left shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t("delete.title", { name })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-neutral-700">{t("delete.description")}</Dialog.Description>
          {state && !state.ok && (
            <Alert tone="error" className="mt-3">
              {state.error}
            </Alert>
          )}
          <form action={action} className="mt-4 flex justify-end gap-2">
            <input type="hidden" name="appId" value={appId} />
            <Dialog.Close asChild>
              <Button type="button" variant="secondary">
                {t("delete.keep")}
              </Button>
            </Dialog.Close>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? t("delete.confirming") : t("delete.confirm")}
            </Button>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
