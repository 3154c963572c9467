"use client";

import { startTransition, useActionState, useState } from "react";
import { submitChangesAction } from "@/app/(dashboard)/customers/[customerId]/subscriptions/[subscriptionId]/actions";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import { formatDate, SUSPENSION_REASON_LABELS } from "@/lib/format";
import { renewalOutlook, type RenewalOutlook } from "@/lib/subscriptions/shared";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { Card } from "./ui/Card";
import { AddOnsSection } from "./AddOnsSection";

export interface FormPermissions {
  quantity: boolean;
  suspend: boolean;
  reactivate: boolean;
  autoRenew: boolean;
  addOns: boolean;
}

/** Changes are made in the page and applied with **Submit**: quantity, **Status**, **Auto-renew**, add-ons. */
export function SubscriptionForm({
  detail,
  permissions,
  onSaved,
}: {
  detail: SubscriptionDetail;
  permissions: FormPermissions;
  onSaved: (message: string, changed: boolean) => void;
}) {
  const { subscription: s, offer } = detail;
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof submitChangesAction>> | null, formData: FormData) => {
    const result = await submitChangesAction(previous, formData);
    // The page re-renders with the new version and remounts this form: the message is kept above it.
    if (result.ok) onSaved(result.message ?? "Changes submitted.", result.data?.changed ?? true);
    return result;
  }, null);
  const [status, setStatus] = useState(s.status);
  const [autoRenew, setAutoRenew] = useState(s.autoRenew);

  if (s.status !== "active" && s.status !== "suspended") {
    return <Alert tone="info">This subscription is {s.status}; it can no longer be changed.</Alert>;
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const canChangeStatus = s.status === "active" ? permissions.suspend : permissions.reactivate;
  const isMarketplace = offer.publisherKind === "partner";
  const licenses = offer.billingType === "license";

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        // Submitted by hand so a refused Submit keeps what the user chose (a form action would reset the form).
        e.preventDefault();
        const formData = new FormData(e.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      <input type="hidden" name="subscriptionId" value={s.id} />
      <input type="hidden" name="version" value={s.version} />
      {licenses && (
        <Card title="Licenses" titleId="licenses">
          <label htmlFor="quantity" className="block text-sm font-semibold">
            Quantity
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            min={offer.minQuantity}
            max={offer.maxQuantity}
            defaultValue={s.scheduledQuantity ?? s.quantity}
            disabled={!permissions.quantity || s.status !== "active"}
            aria-describedby="quantity-hint"
            aria-invalid={!!errors?.quantity || undefined}
            className="mt-1 w-32 rounded border border-neutral-400 px-3 py-2 text-sm disabled:bg-neutral-100"
          />
          <p id="quantity-hint" className="mt-1 text-xs text-neutral-600">
            {s.status !== "active"
              ? "The quantity can't be changed while the subscription is suspended."
              : `${offer.minQuantity}–${offer.maxQuantity} licenses. Added licenses are charged pro-rata to ${formatDate(s.termEnd)}; removing licenses is credited within the cancellation period, otherwise it takes effect at renewal.`}
          </p>
          {errors?.quantity?.map((e) => (
            <p key={e} className="mt-1 text-xs font-semibold text-red-700">{e}</p>
          ))}
        </Card>
      )}
      <Card title="Status" titleId="status-section">
        <fieldset disabled={!canChangeStatus}>
          <legend className="sr-only">Status</legend>
          <div className="flex flex-wrap gap-6">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="status" value="active" checked={status === "active"} onChange={() => setStatus("active")} className="accent-brand-600" />
              Active
            </label>
            <div>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="status" value="suspended" checked={status === "suspended"} onChange={() => setStatus("suspended")} className="accent-brand-600" />
                Suspended
              </label>
              <p className="ml-6 text-xs text-neutral-700" data-testid="deletion-date">
                {s.status === "suspended" ? "Expires" : "If suspended now, expires"} and all data is deleted on {formatDate(detail.deletionDate)} unless reactivated.
              </p>
            </div>
          </div>
          {status === "suspended" && s.status === "active" && (
            <div className="mt-3 max-w-xs">
              <label htmlFor="suspensionReason" className="block text-sm font-semibold">
                Reason for suspension (optional)
              </label>
              {/* The how-to's procedure is "choose Suspended, Submit": a reason may be given, never required. */}
              <select id="suspensionReason" name="suspensionReason" defaultValue="" className="mt-1 w-full rounded border border-neutral-400 px-2 py-2 text-sm">
                <option value="">No reason given</option>
                {Object.entries(SUSPENSION_REASON_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>{label}</option>
                ))}
              </select>
              <p className="mt-1 text-xs text-neutral-600">Users are not able to sign in or access services while the subscription is suspended.</p>
            </div>
          )}
        </fieldset>
        {!canChangeStatus && <p className="mt-2 text-xs text-neutral-600">Your role can&apos;t change the status.</p>}
        <div className="mt-4 border-t border-neutral-100 pt-3">
          {isMarketplace ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={autoRenew} aria-describedby="auto-renew-hint" onChange={(e) => setAutoRenew(e.target.checked)} disabled={!permissions.autoRenew || s.status !== "active"} className="h-4 w-4 accent-brand-600" />
              Auto-renew
            </label>
          ) : (
            <p className="text-sm">Auto-renew: {s.autoRenew ? "On" : "Off"} <span className="text-xs text-neutral-600">(only commercial marketplace subscriptions can opt out)</span></p>
          )}
          {isMarketplace && permissions.autoRenew && <input type="hidden" name="autoRenew" value={String(autoRenew)} />}
          <p id="auto-renew-hint" className="mt-1 text-xs text-neutral-600">
            {renewalText(renewalOutlook(s, autoRenew, detail.base?.subscription ?? null))}
          </p>
        </div>
      </Card>
      {!s.baseSubscriptionId && <AddOnsSection detail={detail} canBuy={permissions.addOns} errors={errors} />}
      {state && !state.ok && <Alert tone="error">{state.error}{errors && Object.values(errors).flat().length > 0 && ` ${Object.values(errors).flat().join(" ")}`}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Submitting…" : "Submit"}
        </Button>
      </div>
    </form>
  );
}

/** The words beside **Auto-renew**: what the next renewal date brings with the box as it is now. */
function renewalText(outlook: RenewalOutlook): string {
  switch (outlook.kind) {
    case "renews":
      return `Renews automatically on ${formatDate(outlook.at)}.`;
    case "trial_converts":
      return `The free trial ends on ${formatDate(outlook.trialEndsAt)}: the paid term starts and is charged then, and renews automatically on ${formatDate(outlook.renewsAt)}.`;
    case "paused":
      return "A suspended subscription doesn't renew until it is reactivated.";
    case "ends":
      return `Ends on ${formatDate(outlook.at)} instead of renewing.`;
    case "trial_ends":
      return `Ends when the free trial ends on ${formatDate(outlook.at)}: no paid term starts and nothing is charged.`;
    case "ends_with_base":
      return `Ends on ${formatDate(outlook.at)} with its base subscription, which doesn't renew.`;
  }
}
