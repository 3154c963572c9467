import type { LedgerEntry } from "@/db/schema";
import { formatDate, formatMoney } from "@/lib/format";

/** Charges and credits, each with its Charge start date and Charge end date; with a total when given. */
export function ChargesTable({ entries, total, empty = "No charges yet." }: { entries: LedgerEntry[]; total?: { amountMinor: number; currency: string }; empty?: string }) {
  if (entries.length === 0) return <p className="text-sm text-neutral-600">{empty}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-2 pr-3">Posted</th>
          <th scope="col" className="py-2 pr-3">Description</th>
          <th scope="col" className="py-2 pr-3">Charge start date</th>
          <th scope="col" className="py-2 pr-3">Charge end date</th>
          <th scope="col" className="py-2 pr-3 text-right">Quantity</th>
          <th scope="col" className="py-2 text-right">Amount</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-neutral-100">
            <td className="py-2 pr-3">{formatDate(e.postedAt)}</td>
            <td className="py-2 pr-3">{e.description}</td>
            <td className="py-2 pr-3">{formatDate(e.chargeStart)}</td>
            <td className="py-2 pr-3">{formatDate(e.chargeEnd)}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{e.quantity}</td>
            <td className={`py-2 text-right tabular-nums ${e.amountMinor < 0 ? "text-green-800" : ""}`}>{formatMoney(e.amountMinor, e.currency)}</td>
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="pt-3 text-right font-semibold">
              Total
            </th>
            <td className="pt-3 text-right font-semibold tabular-nums">{formatMoney(total.amountMinor, total.currency)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
