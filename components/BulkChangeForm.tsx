"use client";

import { useActionState, useId, useState } from "react";
import { useTranslations } from "@/lib/use-translations";
import { toast } from "sonner";
import { applyBulkChangeAction } from "@/app/(dashboard)/bulk-actions";
import { CANCELLATION_REASONS, type BULK_CHANGE_CHOICES } from "@/lib/validation";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { inputClass } from "./ui/Field";

type BulkChoice = (typeof BULK_CHANGE_CHOICES)[number];

/**
 * **Apply to selected**: the rows' checkboxes belong to this form (by its id), so the table stays a
 * server component. The result names every selected row, done or refused with the reason.
 */
export function BulkChangeForm({ formId, choices, rowLabels, maxRows }: { formId: string; choices: BulkChoice[]; rowLabels: Record<string, string>; maxRows: number }) {
  const t = useTranslations("Bulk");
  // The cancellation's reasons are worded as in the Cancel dialog.
  const cancel = useTranslations("Subscription.cancel");
  const id = useId();
  const [choice, setChoice] = useState<BulkChoice | "">("");
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof applyBulkChangeAction>> | null, formData: FormData) => {
    const result = await applyBulkChangeAction(previous, formData);
    if (result.ok && result.data) {
      toast.success(t("result", { done: result.data.done, refused: result.data.refused }));
      // React resets the form after a successful action (the rows' boxes clear); the change starts over with it.
      setChoice("");
    }
    return result;
  }, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <div className="mb-4 space-y-3 border-b border-neutral-200 pb-4">
      <form id={formId} action={action} className="flex flex-wrap items-end gap-3" aria-describedby={`${id}-limit`}>
        <div>
          <label htmlFor={`${id}-change`} className="block text-sm font-semibold">
            {t("changeForSelected")}
          </label>
          <select id={`${id}-change`} name="change" value={choice} onChange={(e) => setChoice(e.target.value as BulkChoice)} className={`${inputClass} mt-1 w-56`}>
            <option value="">{t("chooseChange")}</option>
            {choices.map((c) => <option key={c} value={c}>{t(`choices.${c}`)}</option>)}
          </select>
        </div>
        {choice === "quantity" && (
          <div>
            <label htmlFor={`${id}-quantity`} className="block text-sm font-semibold">
              {t("newQuantity")}
            </label>
            <input id={`${id}-quantity`} name="quantity" inputMode="numeric" required className={`${inputClass} mt-1 w-32`} aria-invalid={Boolean(fieldError("quantity"))} />
            {fieldError("quantity") && <p className="mt-1 text-xs text-red-700">{fieldError("quantity")}</p>}
          </div>
        )}
        {choice === "cancel" && (
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">
              {cancel("reason")}
            </label>
            <select id={`${id}-reason`} name="reason" required defaultValue="" className={`${inputClass} mt-1 w-56`}>
              <option value="" disabled>{cancel("chooseReason")}</option>
              {/* The value sent, and stored with the subscription, is the reason's own words; only its label is translated. */}
              {CANCELLATION_REASONS.map((r) => <option key={r} value={r}>{cancel(`reasons.${r}`)}</option>)}
            </select>
            {fieldError("reason") && <p className="mt-1 text-xs text-red-700">{fieldError("reason")}</p>}
          </div>
        )}
        <Button type="submit" disabled={pending || choice === ""}>
          {pending ? t("applying") : t("apply")}
        </Button>
      </form>
      <p id={`${id}-limit`} className="text-xs text-neutral-600">
        {t("limit", { max: maxRows })}
      </p>
      {state && !state.ok && <Alert tone="error">{fieldError("subscriptionId") ?? fieldError("change") ?? state.error}</Alert>}
      {state?.ok && state.data && (
        <Alert tone={state.data.refused > 0 ? "warning" : "success"} title={t("result", { done: state.data.done, refused: state.data.refused })}>
          <ul className="list-disc space-y-1 pl-5" aria-label={t("resultList")}>
            {state.data.rows.map((r) => (
              <li key={r.subscriptionId}>
                <span className="font-semibold">{r.offerName ? `${r.offerName} · ${r.customerName}` : (rowLabels[r.subscriptionId] ?? r.subscriptionId)}</span>:{" "}
                {r.outcome === "done" ? t("done", { details: r.text }) : t("refused", { reason: r.text })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
