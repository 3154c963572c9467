import type { BillingFrequency } from "@/db/schema";
import type { OrderCharges as Charges, OrderDetailLine } from "@/lib/subscriptions";
import { formatDate, formatMoney } from "@/lib/format";

const PER_TERM: Record<BillingFrequency, string> = { monthly: "per month", annual: "per year" };

/** "Due today" on the day of the order; later, what was charged at purchase (today's date has moved on). */
export function dueLabel(placedAt: Date, now: Date): string {
  return placedAt.toISOString().slice(0, 10) === now.toISOString().slice(0, 10) ? "Due today" : "Charged at purchase";
}

/**
 * The order's money: what Buy charged beside the order's total. The total counts free-trial lines at
 * their full price, which is not what the customer paid today (issue 10, item 10).
 */
export function OrderTotals({ charges, due }: { charges: Charges; due: string }) {
  const deferred = charges.totalMinor - charges.dueAtPurchaseMinor;
  return (
    <section aria-label="Order charges" className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <div>
          <dt className="text-xs font-semibold uppercase text-neutral-600">{due}</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums">{formatMoney(charges.dueAtPurchaseMinor, charges.currency)}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-neutral-600">Order total</dt>
          <dd className="mt-0.5 text-lg tabular-nums">{formatMoney(charges.totalMinor, charges.currency)}</dd>
        </div>
      </dl>
      {deferred > 0 && (
        <p className="mt-3 text-sm text-neutral-700">
          The order total includes {formatMoney(deferred, charges.currency)} for lines with a free trial: each is charged when its paid term starts, as shown below.
        </p>
      )}
    </section>
  );
}

/** One line's money: what Buy charged, and what it costs once its paid term starts. */
export function LineCharges({ line, due }: { line: OrderDetailLine; due: string }) {
  const { charges, subscription: s } = line;
  if (!charges) return null;
  const paid =
    charges.paidTermMinor !== null
      ? `Paid term from ${formatDate(line.paidTermStartsAt)}: ${formatMoney(charges.paidTermMinor, charges.currency)} ${PER_TERM[s.billingFrequency]}`
      : s.trialEndsAt
        ? "No paid term: it ends with its free trial, so it is never charged"
        : "Billed for what the customer uses";
  return (
    <p className="mt-1 text-neutral-800">
      {due}: <span className="tabular-nums">{formatMoney(charges.dueAtPurchaseMinor, charges.currency)}</span> · {paid}.
    </p>
  );
}
