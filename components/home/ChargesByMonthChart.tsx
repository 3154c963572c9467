import Link from "next/link";
import { useLocale } from "next-intl";
import type { MonthCharges, Tally } from "@/lib/subscriptions";
import { Card } from "@/components/ui/Card";
import { ChartTable } from "./ChartTable";
import { chartFormatFor } from "./chart-format";
import { StackedBarChart, type BarSeries } from "./StackedBarChart";
import { useTranslations } from "@/lib/server/i18n";

const BRAND = "#0f6cbd";

const amountIn = (tally: Tally, currency: string) => tally.amounts?.find((m) => m.currency === currency)?.amountMinor ?? 0;
const renewalsHref = (month: MonthCharges) => `/renewals?days=${month.days}`;

/** Posted solid, due striped: the legend's words in the page's language. */
function useSeries(): BarSeries[] {
  const t = useTranslations("Home.charges");
  return [
    { key: "posted", label: t("posted"), color: BRAND },
    { key: "due", label: t("due"), color: BRAND, hatched: true },
  ];
}

/** One chart per currency: the amounts posted and due each month. */
function AmountsChart({ months, currency }: { months: MonthCharges[]; currency: string }) {
  const t = useTranslations("Home.charges");
  const f = chartFormatFor(useLocale());
  const series = useSeries();
  const id = `home-charges-${currency.toLowerCase()}`;
  const bars = months.map((month) => ({
    label: f.month(month.start),
    segments: [
      { series: "posted", value: amountIn(month.posted, currency) },
      {
        series: "due",
        value: amountIn(month.expected, currency),
        href: renewalsHref(month),
        linkLabel: t("dueAmountLink", { month: f.month(month.start), amount: f.money(amountIn(month.expected, currency), currency), days: month.days }),
      },
    ],
  }));
  const title = t("titleIn", { currency });
  const description = t("descriptionIn", { currency, from: f.month(months[0].start), to: f.month(months[months.length - 1].start) });
  return (
    <div>
      <h3 className="text-sm font-semibold text-neutral-700">{t("inCurrency", { currency })}</h3>
      <StackedBarChart id={id} title={title} description={description} series={series} bars={bars} formatTick={(v) => f.moneyTick(v, currency)} />
      <ChartTable
        caption={title}
        head={[t("table.month"), t("table.posted"), t("table.due"), t("table.total")]}
        rows={months.map((month) => {
          const posted = amountIn(month.posted, currency);
          const due = amountIn(month.expected, currency);
          return { key: month.start.toISOString(), cells: [f.month(month.start), f.money(posted, currency), <Link key="due" href={renewalsHref(month)} prefetch={false} className="text-brand-700 hover:underline">{f.money(due, currency)}</Link>, f.money(posted + due, currency)] };
        })}
      />
    </div>
  );
}

/** For roles without the money right: how many charges were posted and how many renewals are due. */
function CountsChart({ months }: { months: MonthCharges[] }) {
  const t = useTranslations("Home.charges");
  const f = chartFormatFor(useLocale());
  const series = useSeries();
  const bars = months.map((month) => ({
    label: f.month(month.start),
    segments: [
      { series: "posted", value: month.posted.count },
      { series: "due", value: month.expected.count, href: renewalsHref(month), linkLabel: t("dueCountLink", { month: f.month(month.start), count: month.expected.count, days: month.days }) },
    ],
  }));
  const description = t("countsDescription", { from: f.month(months[0].start), to: f.month(months[months.length - 1].start) });
  return (
    <>
      <StackedBarChart id="home-charges-count" title={t("title")} description={description} series={series} bars={bars} formatTick={f.countTick} />
      <ChartTable
        caption={t("title")}
        head={[t("table.month"), t("table.chargesPosted"), t("table.chargesDue")]}
        rows={months.map((month) => ({
          key: month.start.toISOString(),
          cells: [f.month(month.start), f.number(month.posted.count), <Link key="due" href={renewalsHref(month)} prefetch={false} className="text-brand-700 hover:underline">{f.number(month.expected.count)}</Link>],
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
  const t = useTranslations("Home.charges");
  const currencies = [...new Set(months.flatMap((m) => [...(m.posted.amounts ?? []), ...(m.expected.amounts ?? [])].map((a) => a.currency)))].sort();
  return (
    <Card title={t("title")} titleId="home-charges" className={className}>
      <p className="mb-3 text-sm text-neutral-700">
        {t("intro")}
        {amountsShown ? "" : ` ${t("amountsForBilling")}`}
      </p>
      {!amountsShown ? (
        <CountsChart months={months} />
      ) : currencies.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("empty")}</p>
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
