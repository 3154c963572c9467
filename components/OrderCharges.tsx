import { useLocale } from "next-intl";
import type { OrderCharges as Charges, OrderDetailLine } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { useTranslations } from "@/lib/server/i18n";

/** "Due today" on the day of the order; later, what was charged at purchase (today's date has moved on). */
export function dueKey(placedAt: Date, now: Date): "dueToday" | "chargedAtPurchase" {
  return placedAt.toISOString().slice(0, 10) === now.toISOString().slice(0, 10) ? "dueToday" : "chargedAtPurchase";
}

/**
 * The order's money: what Buy charged beside the order's total. The total counts free-trial lines at
 * their full price, which is not what the customer paid today (issue 10, item 10).
 */
export function OrderTotals({ charges, due }: { charges: Charges; due: string }) {
  const t = useTranslations("Orders.charges");
  const f = formattersFor(useLocale());
  const deferred = charges.totalMinor - charges.dueAtPurchaseMinor;
  return (
    <section aria-label={t("label")} className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <div>
          <dt className="text-xs font-semibold uppercase text-neutral-600">{due}</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums">{f.money(charges.dueAtPurchaseMinor, charges.currency)}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-neutral-600">{t("total")}</dt>
          <dd className="mt-0.5 text-lg tabular-nums">{f.money(charges.totalMinor, charges.currency)}</dd>
        </div>
      </dl>
      {deferred > 0 && <p className="mt-3 text-sm text-neutral-700">{t("deferred", { amount: f.money(deferred, charges.currency) })}</p>}
    </section>
  );
}

/** One line's money: what Buy charged, and what it costs once its paid term starts. */
export function LineCharges({ line, due }: { line: OrderDetailLine; due: string }) {
  const t = useTranslations("Orders.charges");
  const f = formattersFor(useLocale());
  const { charges, subscription: s } = line;
  if (!charges) return null;
  const paid =
    charges.paidTermMinor !== null
      ? t(`paidTerm.${s.billingFrequency}`, { date: f.date(line.paidTermStartsAt), amount: f.money(charges.paidTermMinor, charges.currency) })
      : s.trialEndsAt
        ? t("trialOnly")
        : t("usage");
  return (
    <p className="mt-1 text-neutral-800">
      {t.rich("line", { due, paid, amount: f.money(charges.dueAtPurchaseMinor, charges.currency), figure: (chunks) => <span className="tabular-nums">{chunks}</span> })}
    </p>
  );
}
