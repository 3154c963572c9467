import Link from "next/link";
import { useLocale } from "next-intl";
import type { RenewalRow } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { useTranslations } from "@/lib/server/i18n";

/**
 * The Renewals list. With `bulkFormId`, each row has a checkbox that belongs to that form (the bulk
 * change form sits above the table), so selecting needs no client state.
 */
export function RenewalsTable({ items, amountsShown, bulkFormId }: { items: RenewalRow[]; amountsShown: boolean; bulkFormId?: string }) {
  const t = useTranslations("Renewals");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  if (items.length === 0) return <p className="text-sm text-neutral-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            {bulkFormId && (
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">{t("column.select")}</span>
              </th>
            )}
            <th scope="col" className="py-2 pr-3">{t("column.date")}</th>
            <th scope="col" className="py-2 pr-3">{t("column.event")}</th>
            <th scope="col" className="py-2 pr-3">{t("column.customer")}</th>
            <th scope="col" className="py-2 pr-3">{t("column.offer")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("column.quantity")}</th>
            <th scope="col" className="py-2 pr-3">{t("column.autoRenew")}</th>
            {amountsShown && <th scope="col" className="py-2 text-right">{t("column.nextTerm")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.subscriptionId} className="border-b border-neutral-100 align-top last:border-0">
              {bulkFormId && (
                <td className="py-3 pr-3">
                  <input type="checkbox" name="subscriptionId" value={`${r.subscriptionId}@${r.version}`} form={bulkFormId} aria-label={t("selectRow", { offer: r.offerName, customer: r.customerName })} className="h-4 w-4" />
                </td>
              )}
              <td className="py-3 pr-3 whitespace-nowrap">
                <time dateTime={r.at.toISOString()}>{f.date(r.at)}</time>
              </td>
              <td className="py-3 pr-3">{t(`kind.${r.kind}`)}</td>
              <td className="py-3 pr-3">
                <Link href={`/customers/${r.customerId}`} className="text-brand-700 hover:underline">
                  {r.customerName}
                </Link>
              </td>
              <td className="py-3 pr-3">
                <Link href={`/customers/${r.customerId}/subscriptions/${r.subscriptionId}`} className="font-semibold text-brand-700 hover:underline">
                  {r.offerName}
                </Link>
                <span className="block text-xs text-neutral-600">
                  {t(`publisher.${r.publisherKind}`)}
                  {r.baseSubscriptionId && ` · ${t("addOn")}`}
                  {r.status === "suspended" && ` · ${labels("status.suspended")}`}
                </span>
              </td>
              <td className="py-3 pr-3 text-right tabular-nums">{r.nextQuantity === r.quantity ? f.number(r.quantity) : `${f.number(r.quantity)} → ${f.number(r.nextQuantity)}`}</td>
              <td className="py-3 pr-3">{r.autoRenew ? t("on") : t("off")}</td>
              {amountsShown && <td className="py-3 text-right tabular-nums">{r.nextTermMinor === null ? "—" : f.money(r.nextTermMinor, r.currency)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
