import Link from "next/link";
import { useLocale } from "next-intl";
import type { OrderListItem } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { orderShortId } from "./SetupLink";
import { useTranslations } from "@/lib/server/i18n";

/**
 * A customer's **Orders**: when, what, who placed it, and for roles with the charges right the order's
 * total (every line at full price) beside what Buy charged (free-trial lines are $0 then).
 */
export function OrdersTable({ customerId, items, showCharges }: { customerId: string; items: OrderListItem[]; showCharges: boolean }) {
  const t = useTranslations("Orders");
  const f = formattersFor(useLocale());
  if (items.length === 0) return <p className="text-sm text-neutral-600">{t("table.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-3">{t("table.order")}</th>
            <th scope="col" className="py-2 pr-3">{t("table.placed")}</th>
            <th scope="col" className="py-2 pr-3">{t("table.lines")}</th>
            <th scope="col" className="py-2 pr-3">{t("table.placedBy")}</th>
            {showCharges && <th scope="col" className="py-2 pr-3 text-right">{t("table.total")}</th>}
            {showCharges && <th scope="col" className="py-2 text-right">{t("table.chargedAtPurchase")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map(({ order, placedBy, lines, charges }) => (
            <tr key={order.id} className="border-b border-neutral-100 align-top last:border-0">
              <td className="py-3 pr-3">
                <Link href={`/customers/${customerId}/orders/${order.id}`} className="font-semibold text-brand-700 hover:underline">
                  {t("reference", { id: orderShortId(order.id) })}
                </Link>
              </td>
              <td className="py-3 pr-3">{f.dateTime(order.placedAt)}</td>
              <td className="py-3 pr-3">
                <ul>
                  {lines.map((l) => (
                    <li key={l.subscriptionId}>
                      {l.offerName} × {f.number(l.quantity)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-3 pr-3">{placedBy ?? "—"}</td>
              {showCharges && <td className="py-3 pr-3 text-right tabular-nums">{charges && f.money(charges.totalMinor, charges.currency)}</td>}
              {showCharges && <td className="py-3 text-right tabular-nums">{charges && f.money(charges.dueAtPurchaseMinor, charges.currency)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
