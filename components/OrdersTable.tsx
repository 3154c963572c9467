import Link from "next/link";
import type { OrderListItem } from "@/lib/subscriptions";
import { formatDateTime, formatMoney } from "@/lib/format";
import { orderReference } from "./SetupLink";

/**
 * A customer's **Orders**: when, what, who placed it, and for roles with the charges right the order's
 * total (every line at full price) beside what Buy charged (free-trial lines are $0 then).
 */
export function OrdersTable({ customerId, items, showCharges }: { customerId: string; items: OrderListItem[]; showCharges: boolean }) {
  if (items.length === 0) return <p className="text-sm text-neutral-600">This customer has no orders yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Orders, newest first</caption>
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-3">Order</th>
            <th scope="col" className="py-2 pr-3">Placed</th>
            <th scope="col" className="py-2 pr-3">Lines</th>
            <th scope="col" className="py-2 pr-3">Placed by</th>
            {showCharges && <th scope="col" className="py-2 pr-3 text-right">Order total</th>}
            {showCharges && <th scope="col" className="py-2 text-right">Charged at purchase</th>}
          </tr>
        </thead>
        <tbody>
          {items.map(({ order, placedBy, lines, charges }) => (
            <tr key={order.id} className="border-b border-neutral-100 align-top last:border-0">
              <td className="py-3 pr-3">
                <Link href={`/customers/${customerId}/orders/${order.id}`} className="font-semibold text-brand-700 hover:underline">
                  {orderReference(order.id)}
                </Link>
              </td>
              <td className="py-3 pr-3">{formatDateTime(order.placedAt)}</td>
              <td className="py-3 pr-3">
                <ul>
                  {lines.map((l) => (
                    <li key={l.subscriptionId}>
                      {l.offerName} × {l.quantity}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-3 pr-3">{placedBy ?? "—"}</td>
              {showCharges && <td className="py-3 pr-3 text-right tabular-nums">{charges && formatMoney(charges.totalMinor, charges.currency)}</td>}
              {showCharges && <td className="py-3 text-right tabular-nums">{charges && formatMoney(charges.dueAtPurchaseMinor, charges.currency)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
