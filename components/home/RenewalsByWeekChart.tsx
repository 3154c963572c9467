import Link from "next/link";
import type { RenewalWeek } from "@/lib/subscriptions";
import { Card } from "@/components/ui/Card";
import { ChartTable } from "./ChartTable";
import { formatCount, formatCountTick, formatDay } from "./chart-format";
import { StackedBarChart, type BarSeries } from "./StackedBarChart";

const SERIES: BarSeries[] = [
  { key: "renewing", label: "Renewing", color: "#0f6cbd" },
  // amber-700: 3:1 against white and apart from the brand blue.
  { key: "expiring", label: "Expiring", color: "#b45309" },
];

const hrefOf = (week: RenewalWeek, event: "renews" | "expires") => `/renewals?days=${week.days}&event=${event}`;
const linkLabel = (week: RenewalWeek, count: number, what: string, list: string) => `Week of ${formatDay(week.start)}: ${formatCount(count)} ${what}. Open ${list} in the next ${week.days} days`;

/** "Renewals per week for the next 12 weeks": what renews and what expires, each linking to the Renewals list filtered so. */
export function RenewalsByWeekChart({ weeks, className = "" }: { weeks: RenewalWeek[]; className?: string }) {
  const bars = weeks.map((week) => ({
    label: formatDay(week.start),
    segments: [
      { series: "renewing", value: week.renewing, href: hrefOf(week, "renews"), linkLabel: linkLabel(week, week.renewing, "renewing", "renewals") },
      { series: "expiring", value: week.expiring, href: hrefOf(week, "expires"), linkLabel: linkLabel(week, week.expiring, "expiring", "expiries") },
    ],
  }));
  const count = (week: RenewalWeek, event: "renews" | "expires", n: number) => (
    <Link href={hrefOf(week, event)} prefetch={false} className="text-brand-700 hover:underline">
      {formatCount(n)}
    </Link>
  );
  return (
    <Card title="Renewals by week" titleId="home-renewals" className={className}>
      <p className="mb-3 text-sm text-neutral-700">Subscriptions whose next event is a renewal or an expiry, per week for the next 12 weeks, starting today. Free trials are counted on their own.</p>
      <StackedBarChart id="home-renewals-chart" title="Renewals by week" description={`Subscriptions renewing and expiring each week for 12 weeks from ${formatDay(weeks[0].start)}.`} series={SERIES} bars={bars} formatTick={formatCountTick} />
      <ChartTable
        caption="Renewals by week"
        head={["Week from", "Renewing", "Expiring"]}
        rows={weeks.map((week) => ({ key: week.start.toISOString(), cells: [formatDay(week.start), count(week, "renews", week.renewing), count(week, "expires", week.expiring)] }))}
      />
    </Card>
  );
}
