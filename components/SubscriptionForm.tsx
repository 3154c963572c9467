"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "@/lib/use-translations";
import { submitChangesAction } from "@/app/(dashboard)/customers/[customerId]/subscriptions/[subscriptionId]/actions";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import type { Formatters } from "@/lib/format";
import { useFormat } from "@/lib/use-format";
import { renewalOutlook, type RenewalOutlook } from "@/lib/subscriptions/shared";
import { SUSPENSION_REASONS } from "@/db/schema";
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
  const t = useTranslations("Subscription");
  const labels = useTranslations("Labels");
  const f = useFormat();
  const { subscription: s, offer } = detail;
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof submitChangesAction>> | null, formData: FormData) => {
    const result = await submitChangesAction(previous, formData);
    // The page re-renders with the new version and remounts this form: the message is kept above it.
    // The action says what changed; nothing changed is said here.
    if (result.ok) onSaved(result.message ?? t("form.nothingChanged"), result.data?.changed ?? false);
    return result;
  }, null);
  const [status, setStatus] = useState(s.status);
  const [autoRenew, setAutoRenew] = useState(s.autoRenew);

  if (s.status !== "active" && s.status !== "suspended") {
    return <Alert tone="info">{t("form.closed", { status: s.status })}</Alert>;
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
        <Card title={t("form.licenses")} titleId="licenses">
          <label htmlFor="quantity" className="block text-sm font-semibold">
            {t("form.quantity")}
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
            {s.status !== "active" ? t("form.quantityWhileSuspended") : t("form.quantityHint", { min: offer.minQuantity, max: offer.maxQuantity, date: f.date(s.termEnd) })}
          </p>
          {errors?.quantity?.map((e) => (
            <p key={e} className="mt-1 text-xs font-semibold text-red-700">{e}</p>
          ))}
        </Card>
      )}
      <Card title={t("form.status")} titleId="status-section">
        <fieldset disabled={!canChangeStatus}>
          <legend className="sr-only">{t("form.status")}</legend>
          <div className="flex flex-wrap gap-6">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="status" value="active" checked={status === "active"} onChange={() => setStatus("active")} className="accent-brand-600" />
              {labels("status.active")}
            </label>
            <div>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="status" value="suspended" checked={status === "suspended"} onChange={() => setStatus("suspended")} className="accent-brand-600" />
                {labels("status.suspended")}
              </label>
              <p className="ml-6 text-xs text-neutral-700" data-testid="deletion-date">
                {t(s.status === "suspended" ? "form.deletionSuspended" : "form.deletionIfSuspended", { date: f.date(detail.deletionDate) })}
              </p>
            </div>
          </div>
          {status === "suspended" && s.status === "active" && (
            <div className="mt-3 max-w-xs">
              <label htmlFor="suspensionReason" className="block text-sm font-semibold">
                {t("form.suspensionReason")}
              </label>
              {/* The how-to's procedure is "choose Suspended, Submit": a reason may be given, never required. */}
              <select id="suspensionReason" name="suspensionReason" defaultValue="" className="mt-1 w-full rounded border border-neutral-400 px-2 py-2 text-sm">
                <option value="">{t("form.noReason")}</option>
                {SUSPENSION_REASONS.map((reason) => (
                  <option key={reason} value={reason}>{labels(`suspensionReason.${reason}`)}</option>
                ))}
              </select>
              <p className="mt-1 text-xs text-neutral-600">{t("form.suspendedHint")}</p>
            </div>
          )}
        </fieldset>
        {!canChangeStatus && <p className="mt-2 text-xs text-neutral-600">{t("form.statusNotAllowed")}</p>}
        <div className="mt-4 border-t border-neutral-100 pt-3">
          {isMarketplace ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={autoRenew} aria-describedby="auto-renew-hint" onChange={(e) => setAutoRenew(e.target.checked)} disabled={!permissions.autoRenew || s.status !== "active"} className="h-4 w-4 accent-brand-600" />
              {t("form.autoRenew")}
            </label>
          ) : (
            <p className="text-sm">
              {t("form.autoRenewFixed", { state: s.autoRenew ? "on" : "off" })} <span className="text-xs text-neutral-600">{t("form.autoRenewFixedHint")}</span>
            </p>
          )}
          {isMarketplace && permissions.autoRenew && <input type="hidden" name="autoRenew" value={String(autoRenew)} />}
          <p id="auto-renew-hint" className="mt-1 text-xs text-neutral-600">
            {renewalText(t, f, renewalOutlook(s, autoRenew, detail.base?.subscription ?? null))}
          </p>
        </div>
      </Card>
      {!s.baseSubscriptionId && <AddOnsSection detail={detail} canBuy={permissions.addOns} errors={errors} />}
      {state && !state.ok && <Alert tone="error">{state.error}{errors && Object.values(errors).flat().length > 0 && ` ${Object.values(errors).flat().join(" ")}`}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? t("form.submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

/** The words beside **Auto-renew**: what the next renewal date brings with the box as it is now. */
function renewalText(t: ReturnType<typeof useTranslations<"Subscription">>, f: Formatters, outlook: RenewalOutlook): string {
  switch (outlook.kind) {
    case "renews":
      return t("renewal.renews", { date: f.date(outlook.at) });
    case "trial_converts":
      return t("renewal.trialConverts", { trialEnd: f.date(outlook.trialEndsAt), renewsAt: f.date(outlook.renewsAt) });
    case "paused":
      return t("renewal.paused");
    case "ends":
      return t("renewal.ends", { date: f.date(outlook.at) });
    case "trial_ends":
      return t("renewal.trialEnds", { date: f.date(outlook.at) });
    case "ends_with_base":
      return t("renewal.endsWithBase", { date: f.date(outlook.at) });
  }
}
