import Link from "next/link";
import { useLocale } from "next-intl";
import type { SubscriptionListItem } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { StatusBadge } from "./ui/StatusBadge";
import { CancelControl } from "./CancelControl";
import { SelectAllRows } from "./SelectAllRows";
import { licensesApply } from "@/lib/subscriptions/shared";
import { useTranslations } from "@/lib/server/i18n";

/** Ended subscriptions stay listed as history; nothing can be changed on them, so they can't be selected. */
const selectable = (status: SubscriptionListItem["subscription"]["status"]) => status === "active" || status === "suspended";

/**
 * The customer's **Subscriptions**: select a name to open its details; **Cancel** in the **Status** column.
 * With `bulkFormId`, each live row has a checkbox that belongs to that form (the bulk change form sits
 * above the table) and carries the version shown, so a row changed since is refused as stale.
 */
export function SubscriptionsTable({ customerId, items, canCancel, bulkFormId }: { customerId: string; items: SubscriptionListItem[]; canCancel: boolean; bulkFormId?: string }) {
  const t = useTranslations("Customer.subscriptions");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  if (items.length === 0) return <p className="text-sm text-neutral-600">{t("empty")}</p>;
  const rowsKey = items.map(({ subscription: s }) => `${s.id}@${s.version}`).join(" ");
  return (
    <div className="overflow-x-auto">
      {bulkFormId && items.some(({ subscription: s }) => selectable(s.status)) && (
        <SelectAllRows key={rowsKey} formId={bulkFormId} />
      )}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-3">{t("columns.subscription")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("columns.quantity")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.status")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.frequency")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.termEnd")}</th>
            <th scope="col" className="py-2">{t("columns.autoRenew")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ subscription: s, offer, cancel }) => (
            <tr key={s.id} className="border-b border-neutral-100 align-top last:border-0">
              <td className="py-3 pr-3">
                {/* The checkbox shares the name's cell: the columns stay as they are without bulk changes. */}
                <div className="flex items-start gap-3">
                  {bulkFormId &&
                    (selectable(s.status) ? (
                      <input type="checkbox" name="subscriptionId" value={`${s.id}@${s.version}`} form={bulkFormId} aria-label={t("select", { offer: offer.name })} className="mt-0.5 h-4 w-4 shrink-0" />
                    ) : (
                      <span className="h-4 w-4 shrink-0" />
                    ))}
                  <div>
                    <Link href={`/customers/${customerId}/subscriptions/${s.id}`} className="font-semibold text-brand-700 hover:underline">
                      {offer.name}
                    </Link>
                    <span className="block text-xs text-neutral-600">
                      {offer.publisherName}
                      {s.baseSubscriptionId && ` · ${t("addOn")}`}
                      {s.trialEndsAt && !s.trialConvertedAt && ` · ${t("trialUntil", { date: f.date(s.trialEndsAt) })}`}
                    </span>
                  </div>
                </div>
              </td>
              <td className="py-3 pr-3 text-right tabular-nums">{licensesApply(offer) ? f.number(s.quantity) : "—"}</td>
              <td className="py-3 pr-3">
                <StatusBadge status={s.status} />
                {s.cancellationScheduledAt && s.status === "active" && <span className="mt-1 block text-xs text-amber-900">{t("cancellationScheduled", { date: f.date(s.cancellationScheduledAt) })}</span>}
                {canCancel && cancel.kind !== "none" && <CancelControl subscriptionId={s.id} version={s.version} offerName={offer.name} option={cancel} />}
                {cancel.kind === "none" && offer.publisherKind === "microsoft" && s.status === "active" && <span className="mt-1 block text-xs text-neutral-600">{t("managedBySuspension")}</span>}
              </td>
              <td className="py-3 pr-3">{labels(`frequency.${s.billingFrequency}`)}</td>
              <td className="py-3 pr-3">{f.date(s.termEnd)}</td>
              <td className="py-3">{s.autoRenew ? t("autoRenewOn") : t("autoRenewOff")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
