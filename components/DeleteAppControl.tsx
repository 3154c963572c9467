"use client";

import { useTranslations } from "@/lib/use-translations";
import { toast } from "sonner";
import { deleteAppAction } from "@/app/(dashboard)/apps/actions";
import { Button } from "./ui/Button";
import { ConfirmActionDialog } from "./ui/ConfirmActionDialog";

/** **Delete** on an app's row, confirmed in a dialog: what stops working is said before it happens. */
export function DeleteAppControl({ appId, name }: { appId: string; name: string }) {
  const t = useTranslations("Apps");
  return (
    <ConfirmActionDialog
      trigger={
        <Button type="button" variant="secondary" className="!px-3 !py-1 text-xs" aria-label={t("delete.buttonLabel", { name })}>
          {t("delete.button")}
        </Button>
      }
      copy={{ title: t("delete.title", { name }), description: t("delete.description"), keep: t("delete.keep"), confirm: t("delete.confirm"), pending: t("delete.confirming") }}
      fields={{ appId }}
      action={deleteAppAction}
      onDone={() => toast.success(t("deleted", { name }))}
    />
  );
}
