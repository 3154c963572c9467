"use client";

import { useActionState, useId, useState } from "react";
import { toast } from "sonner";
import { applyBulkChangeAction } from "@/app/(dashboard)/bulk-actions";
import { CANCELLATION_REASONS } from "@/lib/validation";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { inputClass } from "./ui/Field";

export const BULK_CHANGE_LABELS = {
  auto_renew_off: "Turn Auto-renew off",
  auto_renew_on: "Turn Auto-renew on",
  suspend: "Suspend",
  reactivate: "Reactivate",
  cancel: "Cancel",
  quantity: "Change quantity",
} as const;
export type BulkChoice = keyof typeof BULK_CHANGE_LABELS;

/**
 * **Apply to selected**: the rows' checkboxes belong to this form (by its id), so the table stays a
 * server component. The result names every selected row, done or refused with the reason.
 */
export function BulkChangeForm({ formId, choices, rowLabels, maxRows }: { formId: string; choices: BulkChoice[]; rowLabels: Record<string, string>; maxRows: number }) {
  const id = useId();
  const [choice, setChoice] = useState<BulkChoice | "">("");
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof applyBulkChangeAction>> | null, formData: FormData) => {
    const result = await applyBulkChangeAction(previous, formData);
    if (result.ok) {
      toast.success(result.message);
      // React resets the form after a successful action (the rows' boxes clear); the change starts over with it.
      setChoice("");
    }
    return result;
  }, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <div className="space-y-3">
      <form id={formId} action={action} className="flex flex-wrap items-end gap-3" aria-describedby={`${id}-limit`}>
        <div>
          <label htmlFor={`${id}-change`} className="block text-sm font-semibold">
            Change for selected
          </label>
          <select id={`${id}-change`} name="change" value={choice} onChange={(e) => setChoice(e.target.value as BulkChoice)} className={`${inputClass} mt-1 w-56`}>
            <option value="">Choose a change</option>
            {choices.map((c) => <option key={c} value={c}>{BULK_CHANGE_LABELS[c]}</option>)}
          </select>
        </div>
        {choice === "quantity" && (
          <div>
            <label htmlFor={`${id}-quantity`} className="block text-sm font-semibold">
              New quantity
            </label>
            <input id={`${id}-quantity`} name="quantity" inputMode="numeric" required className={`${inputClass} mt-1 w-32`} aria-invalid={Boolean(fieldError("quantity"))} />
            {fieldError("quantity") && <p className="mt-1 text-xs text-red-700">{fieldError("quantity")}</p>}
          </div>
        )}
        {choice === "cancel" && (
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">
              Reason for cancellation
            </label>
            <select id={`${id}-reason`} name="reason" required defaultValue="" className={`${inputClass} mt-1 w-56`}>
              <option value="" disabled>Choose a reason</option>
              {CANCELLATION_REASONS.map((r) => <option key={r}>{r}</option>)}
            </select>
            {fieldError("reason") && <p className="mt-1 text-xs text-red-700">{fieldError("reason")}</p>}
          </div>
        )}
        <Button type="submit" disabled={pending || choice === ""}>
          {pending ? "Applying…" : "Apply to selected"}
        </Button>
      </form>
      <p id={`${id}-limit`} className="text-xs text-neutral-600">
        Up to {maxRows} subscriptions at a time. Each one is checked and changed on its own, as on its page: the result lists every row.
      </p>
      {state && !state.ok && <Alert tone="error">{fieldError("subscriptionId") ?? fieldError("change") ?? state.error}</Alert>}
      {state?.ok && state.data && (
        <Alert tone={state.data.refused > 0 ? "warning" : "success"} title={`${state.data.done} done, ${state.data.refused} refused`}>
          <ul className="list-disc space-y-1 pl-5" aria-label="Bulk change result">
            {state.data.results.map((r) => (
              <li key={r.subscriptionId}>
                <span className="font-semibold">{r.offerName ? `${r.offerName} · ${r.customerName}` : (rowLabels[r.subscriptionId] ?? r.subscriptionId)}</span>:{" "}
                {r.outcome === "done" ? `Done. ${r.messages.join(" ")}` : `Refused. ${r.message}`}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
