import { useLocale } from "next-intl";
import { chargeDescription } from "@/lib/charge-text";
import { formattersFor } from "@/lib/format";
import type { LedgerLine } from "@/lib/subscriptions";
import { useTranslations } from "@/lib/server/i18n";

/** Charges and credits, each with its Charge start date and Charge end date; with a total when given. */
export function ChargesTable({ entries, total, empty }: { entries: LedgerLine[]; total?: { amountMinor: number; currency: string }; empty?: string }) {
  const t = useTranslations("Customer.charges");
  const describe = useTranslations("Customer.chargeDescription");
  const f = formattersFor(useLocale());
  if (entries.length === 0) return <p className="text-sm text-neutral-600">{empty ?? t("empty")}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-2 pr-3">{t("posted")}</th>
          <th scope="col" className="py-2 pr-3">{t("description")}</th>
          <th scope="col" className="py-2 pr-3">{t("chargeStart")}</th>
          <th scope="col" className="py-2 pr-3">{t("chargeEnd")}</th>
          <th scope="col" className="py-2 pr-3 text-right">{t("quantity")}</th>
          <th scope="col" className="py-2 text-right">{t("amount")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-neutral-100">
            <td className="py-2 pr-3">{f.date(e.postedAt)}</td>
            <td className="py-2 pr-3">{chargeDescription(describe, e)}</td>
            <td className="py-2 pr-3">{f.date(e.chargeStart)}</td>
            <td className="py-2 pr-3">{f.date(e.chargeEnd)}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{f.number(e.quantity)}</td>
            <td className={`py-2 text-right tabular-nums ${e.amountMinor < 0 ? "text-green-800" : ""}`}>{f.money(e.amountMinor, e.currency)}</td>
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="pt-3 text-right font-semibold">
              {t("total")}
            </th>
            <td className="pt-3 text-right font-semibold tabular-nums">{f.money(total.amountMinor, total.currency)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
