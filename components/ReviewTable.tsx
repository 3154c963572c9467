import type { Review } from "@/lib/subscriptions";
import { cartLineProblemText } from "@/lib/subscriptions/shared";
import { formatDate, formatMoney, FREQUENCY_LABELS, TERM_LABELS } from "@/lib/format";

/** **Review**: offer, quantity, billing frequency, term, unit price, line total; trials show $0 today. */
export function ReviewTable({ review }: { review: Review }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Order lines</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="px-4 py-2">Offer</th>
            <th scope="col" className="px-4 py-2 text-right">Quantity</th>
            <th scope="col" className="px-4 py-2">Billing frequency</th>
            <th scope="col" className="px-4 py-2">Term</th>
            <th scope="col" className="px-4 py-2 text-right">Unit price</th>
            <th scope="col" className="px-4 py-2 text-right">Line total</th>
            <th scope="col" className="px-4 py-2 text-right">Due today</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((item) => {
            const problem = cartLineProblemText(item);
            return (
              <tr key={item.line.id} className="border-b border-neutral-100 align-top">
                <td className="px-4 py-3">
                  <span className="font-semibold">{item.offer.name}</span>
                  <span className="block text-xs text-neutral-600">{item.offer.publisherName}</span>
                  {item.trialEndsAt && (
                    <span className="block text-xs text-brand-800">
                      {item.offer.freeTrialDays}-day free trial, applied automatically. Free trial ends {formatDate(item.trialEndsAt)}; the paid term starts {formatDate(item.paidTermStartsAt)}.
                    </span>
                  )}
                  {problem && <span className="mt-1 block text-xs font-semibold text-red-700">{problem}</span>}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{item.line.quantity}</td>
                <td className="px-4 py-3">{FREQUENCY_LABELS[item.line.billingFrequency]}</td>
                <td className="px-4 py-3">
                  {TERM_LABELS[item.line.billingFrequency]}
                  <span className="block text-xs text-neutral-600">until {formatDate(item.termEndsAt)}</span>
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{formatMoney(item.unitPriceMinor, item.offer.currency)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{formatMoney(item.lineTotalMinor, item.offer.currency)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{formatMoney(item.dueTodayMinor, item.offer.currency)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="px-4 py-3 text-right font-semibold">Order total</th>
            <td className="px-4 py-3 text-right font-semibold tabular-nums">{formatMoney(review.totalMinor, review.currency)}</td>
            <td className="px-4 py-3 text-right font-semibold tabular-nums">{formatMoney(review.dueTodayMinor, review.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
