import Link from "next/link";
import type { MonthCharges, Tally } from "@/lib/subscriptions";
import { formatMoney } from "@/lib/format";
import { Card } from "@/components/ui/Card";
import { ChartTable } from "./ChartTable";
import { formatCount, formatCountTick, formatMoneyTick, formatMonth } from "./chart-format";
import { StackedBarChart, type BarSeries } from "./StackedBarChart";

const BRAND = "#0f6cbd";
const SERIES: BarSeries[] = [
  { key: "posted", label: "Posted", color: BRAND },
  { key: "due", label: "Due", color: BRAND, hatched: true },
];

const amountIn = (tally: Tally, currency: string) => tally.amounts?.find((m) => m.currency === currency)?.amountMinor ?? 0;
const renewalsHref = (month: MonthCharges) => `/renewals?days=${month.days}`;
const dueLink = (month: MonthCharges, value: string) => `${formatMonth(month.start)}: ${value} due. Open Renewals, next ${month.days} days`;

/** One chart per currency: the amounts posted and due each month. */
function AmountsChart({ months, currency }: { months: MonthCharges[]; currency: string }) {
  const id = `home-charges-${currency.toLowerCase()}`;
  const bars = months.map((month) => ({
    label: formatMonth(month.start),
    segments: [
      { series: "posted", value: amountIn(month.posted, currency) },
      { series: "due", value: amountIn(month.expected, currency), href: renewalsHref(month), linkLabel: dueLink(month, formatMoney(amountIn(month.expected, currency), currency)) },
    ],
  }));
  return (
    <div>
      <h3 className="text-sm font-semibold text-neutral-700">In {currency}</h3>
      <StackedBarChart id={id} title={`Charges by month in ${currency}`} description={`Posted and due charges in ${currency} for ${formatMonth(months[0].start)} to ${formatMonth(months[months.length - 1].start)}.`} series={SERIES} bars={bars} formatTick={(v) => formatMoneyTick(v, currency)} />
      <ChartTable
        caption={`Charges by month in ${currency}`}
        head={["Month", "Posted", "Due", "Total"]}
        rows={months.map((month) => {
          const posted = amountIn(month.posted, currency);
          const due = amountIn(month.expected, currency);
          return { key: month.start.toISOString(), cells: [formatMonth(month.start), formatMoney(posted, currency), <Link key="due" href={renewalsHref(month)} prefetch={false} className="text-brand-700 hover:underline">{formatMoney(due, currency)}</Link>, formatMoney(posted + due, currency)] };
        })}
      />
    </div>
  );
}

/** For roles without the money right: how many charges were posted and how many renewals are due. */
function CountsChart({ months }: { months: MonthCharges[] }) {
  const bars = months.map((month) => ({
    label: formatMonth(month.start),
    segments: [
      { series: "posted", value: month.posted.count },
      { series: "due", value: month.expected.count, href: renewalsHref(month), linkLabel: dueLink(month, `${formatCount(month.expected.count)} charges`) },
    ],
  }));
  return (
    <>
      <StackedBarChart id="home-charges-count" title="Charges by month" description={`How many charges were posted and how many are due, ${formatMonth(months[0].start)} to ${formatMonth(months[months.length - 1].start)}.`} series={SERIES} bars={bars} formatTick={formatCountTick} />
      <ChartTable
        caption="Charges by month"
        head={["Month", "Charges posted", "Charges due"]}
        rows={months.map((month) => ({
          key: month.start.toISOString(),
          cells: [formatMonth(month.start), formatCount(month.posted.count), <Link key="due" href={renewalsHref(month)} prefetch={false} className="text-brand-700 hover:underline">{formatCount(month.expected.count)}</Link>],
        }))}
      />
    </>
  );
}

/**
 * "This month's and the next three months' charges": posted to the ledger so far this month, and due
 * from renewals and trial conversions as things stand. Amounts only with the money right.
 */
export function ChargesByMonthChart({ months, amountsShown, className = "" }: { months: MonthCharges[]; amountsShown: boolean; className?: string }) {
  const currencies = [...new Set(months.flatMap((m) => [...(m.posted.amounts ?? []), ...(m.expected.amounts ?? [])].map((a) => a.currency)))].sort();
  return (
    <Card title="Charges by month" titleId="home-charges" className={className}>
      <p className="mb-3 text-sm text-neutral-700">
        Posted: charges and credits already on this month&apos;s invoices. Due: renewals and trial conversions still to come, as things stand today, with monthly
        subscriptions renewing every month.{amountsShown ? "" : " Amounts are shown to billing roles."}
      </p>
      {!amountsShown ? (
        <CountsChart months={months} />
      ) : currencies.length === 0 ? (
        <p className="text-sm text-neutral-600">No charges posted this month and none due in the next three months.</p>
      ) : (
        <div className="space-y-6">
          {currencies.map((currency) => (
            <AmountsChart key={currency} months={months} currency={currency} />
          ))}
        </div>
      )}
    </Card>
  );
}
