import Link from "next/link";
import { useLocale } from "next-intl";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { LicencesByPublisher, PublisherLicences } from "@/lib/subscriptions";
import { Card } from "@/components/ui/Card";
import { ChartLinks, type ChartLink } from "./ChartLinks";
import { ChartTable } from "./ChartTable";
import { chartFormatFor } from "./chart-format";
import { useTranslations } from "@/lib/server/i18n";

const WIDTH = 360;
const ROW = 44;
const BAR = 14;
const COLORS = { microsoft: "#0f6cbd", partner: "#5c2e91", mixed: "#525252" } as const;

type Row = Omit<PublisherLicences, "publisherKind"> & { publisherKind: PublisherLicences["publisherKind"] | null; key: string };

/** The list behind a bar: the Renewals list has a Publisher filter (Microsoft or ISV), not one per publisher. */
const hrefOf = (row: Row) => (row.publisherKind ? `/renewals?days=90&publisher=${row.publisherKind}` : undefined);

/** "Active subscriptions and licences by publisher": one bar of licences per publisher, the rest together. */
export function LicencesByPublisherChart({ data, className = "" }: { data: LicencesByPublisher; className?: string }) {
  const t = useTranslations("Home.publishers");
  const f = chartFormatFor(useLocale());
  const rows: Row[] = [
    ...data.top.map((p) => ({ ...p, key: p.publisherName })),
    ...(data.others ? [{ ...data.others, key: "others", publisherName: t("others", { count: data.others.publishers }) }] : []),
  ];
  const height = Math.max(1, rows.length) * ROW;
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...rows.map((r) => r.licences))], range: [0, WIDTH] });
  const links: ChartLink[] = rows.flatMap((row, i) => {
    const href = hrefOf(row);
    if (!href) return [];
    const label = t("link", { publisher: row.publisherName, licences: row.licences, subscriptions: row.subscriptions, kind: t(`kind.${row.publisherKind!}`) });
    return [{ href, label, x: 0, y: i * ROW, width: WIDTH, height: ROW }];
  });
  return (
    <Card title={t("title")} titleId="home-publishers" className={className}>
      <p className="mb-3 text-sm text-neutral-700">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("empty")}</p>
      ) : (
        <figure>
          <div className="relative">
          <svg viewBox={`0 0 ${WIDTH} ${height}`} className="block h-auto w-full" role="img" aria-labelledby="home-publishers-chart-title home-publishers-chart-desc">
            <title id="home-publishers-chart-title">{t("title")}</title>
            <desc id="home-publishers-chart-desc">{t("description", { count: rows.length })}</desc>
            {rows.map((row, i) => (
              <Group key={row.key} top={i * ROW}>
                <text x={0} y={14} fontSize={12} fill="#242424">
                  {row.publisherName}
                </text>
                <text x={WIDTH} y={14} fontSize={11} fill="#404040" textAnchor="end">
                  {t("totals", { subscriptions: row.subscriptions, subscriptionsText: f.countTick(row.subscriptions), licences: row.licences, licencesText: f.countTick(row.licences) })}
                </text>
                <Bar x={0} y={20} width={WIDTH} height={BAR} fill="#f5f5f5" />
                <Bar x={0} y={20} width={Math.max(1, x(row.licences))} height={BAR} fill={COLORS[row.publisherKind ?? "mixed"]} />
              </Group>
            ))}
          </svg>
          <ChartLinks links={links} width={WIDTH} height={height} />
          </div>
          <figcaption className="mt-2 flex flex-wrap gap-4 text-sm text-neutral-700">
            {(["microsoft", "partner"] as const).map((kind) => (
              <span key={kind} className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-3.5 w-3.5" style={{ background: COLORS[kind] }} />
                {t(`kind.${kind}`)}
              </span>
            ))}
          </figcaption>
        </figure>
      )}
      <ChartTable
        caption={t("caption")}
        head={[t("publisher"), t("activeSubscriptions"), t("licences")]}
        rows={rows.map((row) => {
          const href = hrefOf(row);
          return {
            key: row.key,
            cells: [
              href ? (
                <Link href={href} prefetch={false} className="text-brand-700 hover:underline">
                  {row.publisherName}
                </Link>
              ) : (
                row.publisherName
              ),
              f.number(row.subscriptions),
              f.number(row.licences),
            ],
          };
        })}
      />
    </Card>
  );
}
