import type { Invoice } from "@/lib/subscriptions/billing";
import { formatDate, formatMoney } from "@/lib/format";
import { Card } from "./ui/Card";

/** The customer's next invoice as it stands: charges and credits posted since the last one. */
export function NextInvoice({ invoice }: { invoice: Invoice }) {
  return (
    <Card title="Next invoice" titleId="next-invoice" actions={<span className="text-sm text-neutral-600">Charges since {formatDate(invoice.periodStart)}</span>}>
      {invoice.lines.length === 0 ? (
        <p className="text-sm text-neutral-600">No charges or credits yet in this billing period.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
            <tr>
              <th scope="col" className="py-2 pr-3">Description</th>
              <th scope="col" className="py-2 pr-3">Charge start date</th>
              <th scope="col" className="py-2 pr-3">Charge end date</th>
              <th scope="col" className="py-2 pr-3 text-right">Quantity</th>
              <th scope="col" className="py-2 text-right">Amount</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.id} className="border-b border-neutral-100">
                <td className="py-2 pr-3">{line.description}</td>
                <td className="py-2 pr-3">{formatDate(line.chargeStart)}</td>
                <td className="py-2 pr-3">{formatDate(line.chargeEnd)}</td>
                <td className="py-2 pr-3 text-right">{line.quantity}</td>
                <td className={`py-2 text-right tabular-nums ${line.amountMinor < 0 ? "text-green-800" : ""}`}>{formatMoney(line.amountMinor, line.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4} className="pt-3 text-right font-semibold">Total</th>
              <td className="pt-3 text-right font-semibold tabular-nums">{formatMoney(invoice.totalMinor, invoice.currency)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </Card>
  );
}
