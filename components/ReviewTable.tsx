import { useLocale } from "next-intl";
import type { Review } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { lineProblemText } from "@/lib/unavailable-text";
import { useTranslations } from "@/lib/server/i18n";

/** **Review**: offer, quantity, billing frequency, term, unit price, line total; trials show $0 today. */
export function ReviewTable({ review }: { review: Review }) {
  const t = useTranslations("Catalog.review");
  const labels = useTranslations("Labels");
  const locale = useLocale();
  const f = formattersFor(locale);
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("lines")}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("offer")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("quantity")}</th>
            <th scope="col" className="px-4 py-2">{t("billingFrequency")}</th>
            <th scope="col" className="px-4 py-2">{t("term")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("unitPrice")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("lineTotal")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("dueToday")}</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((item) => {
            const problem = item.problem && lineProblemText(locale, item.problem);
            return (
              <tr key={item.line.id} className="border-b border-neutral-100 align-top">
                <td className="px-4 py-3">
                  <span className="font-semibold">{item.offer.name}</span>
                  <span className="block text-xs text-neutral-600">{item.offer.publisherName}</span>
                  {item.trialEndsAt && (
                    <span className="block text-xs text-brand-800">
                      {t("trial", { days: item.offer.freeTrialDays, trialEnd: f.date(item.trialEndsAt), paidTermStart: f.date(item.paidTermStartsAt) })}
                    </span>
                  )}
                  {problem && <span className="mt-1 block text-xs font-semibold text-red-700">{problem}</span>}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{item.line.quantity}</td>
                <td className="px-4 py-3">{labels(`frequency.${item.line.billingFrequency}`)}</td>
                <td className="px-4 py-3">
                  {labels(`term.${item.line.billingFrequency}`)}
                  <span className="block text-xs text-neutral-600">{t("until", { date: f.date(item.termEndsAt) })}</span>
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{f.money(item.unitPriceMinor, item.offer.currency)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{f.money(item.lineTotalMinor, item.offer.currency)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{f.money(item.dueTodayMinor, item.offer.currency)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="px-4 py-3 text-right font-semibold">{t("orderTotal")}</th>
            <td className="px-4 py-3 text-right font-semibold tabular-nums">{f.money(review.totalMinor, review.currency)}</td>
            <td className="px-4 py-3 text-right font-semibold tabular-nums">{f.money(review.dueTodayMinor, review.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
