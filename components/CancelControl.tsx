"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useId, useState } from "react";
import { useTranslations } from "@/lib/use-translations";
import { toast } from "sonner";
import { cancelSubscriptionAction } from "@/app/(dashboard)/customers/[customerId]/actions";
import type { CancelOption } from "@/lib/subscriptions";
import type { Formatters } from "@/lib/format";
import { useFormat } from "@/lib/use-format";
import { CANCELLATION_REASONS } from "@/lib/validation";
import { Button } from "./ui/Button";
import { inputClass } from "./ui/Field";
import { Alert } from "./ui/Alert";

/** A cancellation the table offers: "none" shows no control. */
export type OfferedCancel = Exclude<CancelOption, { kind: "none" }>;

/** What cancelling now will do, in the seed's words. */
function outcomeText(t: ReturnType<typeof useTranslations<"Subscription">>, f: Formatters, option: OfferedCancel): string {
  switch (option.kind) {
    case "refund":
      return t("cancel.refund", { windowEnds: f.dateTime(option.windowEnds) });
    case "scheduled":
      return t("cancel.scheduled", { date: f.date(option.effectiveAt) });
    case "deprovision":
      return t("cancel.deprovision");
  }
}

/** In the **Status** column: choose **Cancel**, **Submit**, fill out the dialog, **Submit**, then **Yes, cancel**. */
export function CancelControl({ subscriptionId, version, offerName, option }: { subscriptionId: string; version: number; offerName: string; option: OfferedCancel }) {
  const t = useTranslations("Subscription");
  const labels = useTranslations("Labels");
  const f = useFormat();
  const id = useId();
  const [choice, setChoice] = useState("active");
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"details" | "confirm">("details");
  const [details, setDetails] = useState<{ reason: string; comment: string }>({ reason: "", comment: "" });
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof cancelSubscriptionAction>> | null, formData: FormData) => {
    const result = await cancelSubscriptionAction(previous, formData);
    if (result.ok && result.data) {
      const { outcome, effectiveAt } = result.data;
      toast.success(t(`cancel.done.${outcome}`, { date: f.date(effectiveAt) }));
      setOpen(false);
    }
    return result;
  }, null);

  return (
    <div className="mt-2 flex items-center gap-2">
      <label htmlFor={`${id}-status`} className="sr-only">
        {t("cancel.statusOf", { offer: offerName })}
      </label>
      <select id={`${id}-status`} value={choice} onChange={(e) => setChoice(e.target.value)} className="rounded border border-neutral-400 bg-white px-2 py-1 text-xs">
        <option value="active">{labels("status.active")}</option>
        <option value="cancel">{t("cancel.choice")}</option>
      </select>
      <Dialog.Root open={open} onOpenChange={(o) => { setOpen(o); if (o) setStep("details"); }}>
        <Dialog.Trigger asChild>
          <Button type="button" variant="secondary" className="!px-3 !py-1 text-xs" disabled={choice !== "cancel"} aria-label={t("cancel.submitLabel", { offer: offerName })}>
            {t("submit")}
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/40" />
          <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold">{t("cancel.title", { offer: offerName })}</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-neutral-700">{outcomeText(t, f, option)}</Dialog.Description>
            {state && !state.ok && <Alert tone="error" className="mt-3">{state.error}</Alert>}
            {step === "details" ? (
              <form
                className="mt-4 space-y-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  setDetails({ reason: String(data.get("reason")), comment: String(data.get("comment") ?? "") });
                  setStep("confirm");
                }}
              >
                <div>
                  <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">{t("cancel.reason")}</label>
                  <select id={`${id}-reason`} name="reason" required defaultValue={details.reason} className={inputClass}>
                    <option value="" disabled>{t("cancel.chooseReason")}</option>
                    {/* The value sent, and stored with the subscription, is the reason's own words; only its label is translated. */}
                    {CANCELLATION_REASONS.map((r) => <option key={r} value={r}>{t(`cancel.reasons.${r}`)}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-comment`} className="block text-sm font-semibold">{t("cancel.comment")}</label>
                  <textarea id={`${id}-comment`} name="comment" maxLength={500} rows={3} defaultValue={details.comment} className={inputClass} />
                </div>
                <div className="flex justify-end gap-2">
                  <Dialog.Close asChild>
                    <Button type="button" variant="secondary">{t("cancel.close")}</Button>
                  </Dialog.Close>
                  <Button type="submit">{t("submit")}</Button>
                </div>
              </form>
            ) : (
              <form action={action} className="mt-4 space-y-3">
                <input type="hidden" name="subscriptionId" value={subscriptionId} />
                <input type="hidden" name="version" value={version} />
                <input type="hidden" name="reason" value={details.reason} />
                <input type="hidden" name="comment" value={details.comment} />
                <p className="text-sm font-semibold">{t("cancel.confirm")}</p>
                <div className="flex justify-end gap-2">
                  <Button type="button" variant="secondary" onClick={() => setStep("details")}>{t("cancel.back")}</Button>
                  <Button type="submit" variant="danger" disabled={pending}>{pending ? t("cancel.cancelling") : t("cancel.yes")}</Button>
                </div>
              </form>
            )}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
