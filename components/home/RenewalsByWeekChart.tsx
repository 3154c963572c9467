import Link from "next/link";
import { useLocale } from "next-intl";
import type { RenewalWeek } from "@/lib/subscriptions";
import { Card } from "@/components/ui/Card";
import { ChartTable } from "./ChartTable";
import { chartFormatFor } from "./chart-format";
import { StackedBarChart, type BarSeries } from "./StackedBarChart";
import { useTranslations } from "@/lib/server/i18n";

const hrefOf = (week: RenewalWeek, event: "renews" | "expires") => `/renewals?days=${week.days}&event=${event}`;

/** "Renewals per week for the next 12 weeks": what renews and what expires, each linking to the Renewals list filtered so. */
export function RenewalsByWeekChart({ weeks, className = "" }: { weeks: RenewalWeek[]; className?: string }) {
  const t = useTranslations("Home.renewals");
  const f = chartFormatFor(useLocale());
  const series: BarSeries[] = [
    { key: "renewing", label: t("renewing"), color: "#0f6cbd" },
    // amber-700: 3:1 against white and apart from the brand blue.
    { key: "expiring", label: t("expiring"), color: "#b45309" },
  ];
  const bars = weeks.map((week) => {
    const params = { week: f.day(week.start), days: week.days };
    return {
      label: f.day(week.start),
      segments: [
        { series: "renewing", value: week.renewing, href: hrefOf(week, "renews"), linkLabel: t("renewingLink", { ...params, count: week.renewing }) },
        { series: "expiring", value: week.expiring, href: hrefOf(week, "expires"), linkLabel: t("expiringLink", { ...params, count: week.expiring }) },
      ],
    };
  });
  const count = (week: RenewalWeek, event: "renews" | "expires", n: number) => (
    <Link href={hrefOf(week, event)} prefetch={false} className="text-brand-700 hover:underline">
      {f.number(n)}
    </Link>
  );
  return (
    <Card title={t("title")} titleId="home-renewals" className={className}>
      <p className="mb-3 text-sm text-neutral-700">{t("intro")}</p>
      <StackedBarChart id="home-renewals-chart" title={t("title")} description={t("description", { date: f.day(weeks[0].start) })} series={series} bars={bars} formatTick={f.countTick} />
      <ChartTable
        caption={t("title")}
        head={[t("weekFrom"), t("renewing"), t("expiring")]}
        rows={weeks.map((week) => ({ key: week.start.toISOString(), cells: [f.day(week.start), count(week, "renews", week.renewing), count(week, "expires", week.expiring)] }))}
      />
    </Card>
  );
}
