import Link from "next/link";
import type { RenewalKind, RenewalRow } from "@/lib/subscriptions";
import { formatDate, formatMoney } from "@/lib/format";

export const RENEWAL_KIND_LABELS: Record<RenewalKind, string> = {
  renews: "Renews",
  quantity_change: "Renews with a new quantity",
  expires: "Expires",
  trial_converts: "Trial converts to paid",
  trial_ends: "Trial ends",
  cancellation: "Cancellation takes effect",
  deletion: "Data deleted",
};

/**
 * The Renewals list. With `bulkFormId`, each row has a checkbox that belongs to that form (the bulk
 * change form sits above the table), so selecting needs no client state.
 */
export function RenewalsTable({ items, amountsShown, bulkFormId }: { items: RenewalRow[]; amountsShown: boolean; bulkFormId?: string }) {
  if (items.length === 0) return <p className="text-sm text-neutral-600">Nothing renews, converts, ends or is deleted in this window with these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            {bulkFormId && (
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">Select</span>
              </th>
            )}
            <th scope="col" className="py-2 pr-3">Date</th>
            <th scope="col" className="py-2 pr-3">Event</th>
            <th scope="col" className="py-2 pr-3">Customer</th>
            <th scope="col" className="py-2 pr-3">Offer</th>
            <th scope="col" className="py-2 pr-3 text-right">Quantity</th>
            <th scope="col" className="py-2 pr-3">Auto-renew</th>
            {amountsShown && <th scope="col" className="py-2 text-right">Next term</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.subscriptionId} className="border-b border-neutral-100 align-top last:border-0">
              {bulkFormId && (
                <td className="py-3 pr-3">
                  <input type="checkbox" name="subscriptionId" value={`${r.subscriptionId}@${r.version}`} form={bulkFormId} aria-label={`Select ${r.offerName} for ${r.customerName}`} className="h-4 w-4" />
                </td>
              )}
              <td className="py-3 pr-3 whitespace-nowrap">
                <time dateTime={r.at.toISOString()}>{formatDate(r.at)}</time>
              </td>
              <td className="py-3 pr-3">{RENEWAL_KIND_LABELS[r.kind]}</td>
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
                  {r.publisherKind === "microsoft" ? "Microsoft" : "ISV"}
                  {r.baseSubscriptionId && " · Add-on"}
                  {r.status === "suspended" && " · Suspended"}
                </span>
              </td>
              <td className="py-3 pr-3 text-right tabular-nums">{r.nextQuantity === r.quantity ? r.quantity : `${r.quantity} → ${r.nextQuantity}`}</td>
              <td className="py-3 pr-3">{r.autoRenew ? "On" : "Off"}</td>
              {amountsShown && <td className="py-3 text-right tabular-nums">{r.nextTermMinor === null ? "—" : formatMoney(r.nextTermMinor, r.currency)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
