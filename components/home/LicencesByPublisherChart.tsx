import Link from "next/link";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { LicencesByPublisher, PublisherLicences } from "@/lib/subscriptions";
import { Card } from "@/components/ui/Card";
import { ChartLinks, type ChartLink } from "./ChartLinks";
import { ChartTable } from "./ChartTable";
import { formatCount, formatCountTick } from "./chart-format";

const WIDTH = 360;
const ROW = 44;
const BAR = 14;
const KIND_LABELS = { microsoft: "Microsoft", partner: "ISV" } as const;
const COLORS = { microsoft: "#0f6cbd", partner: "#5c2e91", mixed: "#525252" } as const;

type Row = Omit<PublisherLicences, "publisherKind"> & { publisherKind: PublisherLicences["publisherKind"] | null; key: string };

/** The list behind a bar: the Renewals list has a Publisher filter (Microsoft or ISV), not one per publisher. */
const hrefOf = (row: Row) => (row.publisherKind ? `/renewals?days=90&publisher=${row.publisherKind}` : undefined);

/** "Active subscriptions and licences by publisher": one bar of licences per publisher, the rest together. */
export function LicencesByPublisherChart({ data, className = "" }: { data: LicencesByPublisher; className?: string }) {
  const rows: Row[] = [
    ...data.top.map((p) => ({ ...p, key: p.publisherName })),
    ...(data.others ? [{ ...data.others, key: "others", publisherName: `${formatCount(data.others.publishers)} other ${data.others.publishers === 1 ? "publisher" : "publishers"}` }] : []),
  ];
  const height = Math.max(1, rows.length) * ROW;
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...rows.map((r) => r.licences))], range: [0, WIDTH] });
  const links: ChartLink[] = rows.flatMap((row, i) => {
    const href = hrefOf(row);
    if (!href) return [];
    const label = `${row.publisherName}: ${formatCount(row.licences)} licences on ${formatCount(row.subscriptions)} active subscriptions. Open renewals of ${KIND_LABELS[row.publisherKind!]} offers in the next 90 days`;
    return [{ href, label, x: 0, y: i * ROW, width: WIDTH, height: ROW }];
  });
  return (
    <Card title="Licences by publisher" titleId="home-publishers" className={className}>
      <p className="mb-3 text-sm text-neutral-700">Active subscriptions and their licences, most licences first.</p>
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-600">No active subscriptions yet.</p>
      ) : (
        <figure>
          <div className="relative">
          <svg viewBox={`0 0 ${WIDTH} ${height}`} className="block h-auto w-full" role="img" aria-labelledby="home-publishers-chart-title home-publishers-chart-desc">
            <title id="home-publishers-chart-title">Licences by publisher</title>
            <desc id="home-publishers-chart-desc">{`Licences on active subscriptions for ${rows.length} publishers, most first.`}</desc>
            {rows.map((row, i) => (
              <Group key={row.key} top={i * ROW}>
                <text x={0} y={14} fontSize={12} fill="#242424">
                  {row.publisherName}
                </text>
                <text x={WIDTH} y={14} fontSize={11} fill="#404040" textAnchor="end">
                  {`${formatCountTick(row.subscriptions)} ${row.subscriptions === 1 ? "subscription" : "subscriptions"} · ${formatCountTick(row.licences)} ${row.licences === 1 ? "licence" : "licences"}`}
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
                {KIND_LABELS[kind]}
              </span>
            ))}
          </figcaption>
        </figure>
      )}
      <ChartTable
        caption="Active subscriptions and licences by publisher"
        head={["Publisher", "Active subscriptions", "Licences"]}
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
              formatCount(row.subscriptions),
              formatCount(row.licences),
            ],
          };
        })}
      />
    </Card>
  );
}
