import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { ChartLinks, type ChartLink } from "./ChartLinks";

/** One kind of segment: its legend label and colour; `hatched` draws it striped (what is still due). */
export interface BarSeries {
  key: string;
  label: string;
  color: string;
  hatched?: boolean;
}

export interface BarSegment {
  series: string;
  value: number;
  /** Where the segment leads (the list behind it), and the link's name. */
  href?: string;
  linkLabel?: string;
}

export interface StackedBar {
  label: string;
  segments: BarSegment[];
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 64 };
const TICK_LABEL = { fontSize: 11, fill: "#404040" } as const;
/** The striped fill's light ground (brand-100) under the series colour. */
const HATCH_GROUND = "#deecf9";

export const hatchId = (chartId: string, series: string) => `${chartId}-${series}-hatch`;

/**
 * Vertical stacked bars drawn on the server with visx: an `<svg role="img">` named by its title and
 * description, each segment a link laid over it (ChartLinks), the legend below. The numbers are in
 * the table the caller puts beside it.
 */
export function StackedBarChart({ id, title, description, series, bars, formatTick }: { id: string; title: string; description: string; series: BarSeries[]; bars: StackedBar[]; formatTick: (value: number) => string }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: bars.map((b) => b.label), range: [0, innerWidth], padding: 0.3 });
  const total = (bar: StackedBar) => bar.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...bars.map(total))], range: [innerHeight, 0], nice: true });
  const colorOf = (key: string) => series.find((s) => s.key === key)!;
  // Counts and minor units are whole numbers: no tick between them (a chart of 0 to 1 has no 0.5).
  const ticks = y.ticks(4).filter((tick) => Number.isInteger(tick));
  const rects = bars.flatMap((bar) => {
    let base = 0;
    return bar.segments
      .filter((segment) => segment.value > 0)
      .map((segment) => {
        const top = y(base + segment.value);
        const rect = { segment, x: x(bar.label) ?? 0, y: top, width: x.bandwidth(), height: y(base) - top };
        base += segment.value;
        return rect;
      });
  });
  const links: ChartLink[] = rects
    .filter((r) => r.segment.href)
    .map((r) => ({ href: r.segment.href!, label: r.segment.linkLabel ?? "", x: r.x + MARGIN.left, y: r.y + MARGIN.top, width: r.width, height: r.height }));
  return (
    <figure>
      <div className="overflow-x-auto">
        <div className="relative min-w-[480px]">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="block h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            <defs>
              {series
                .filter((s) => s.hatched)
                .map((s) => (
                  <pattern key={s.key} id={hatchId(id, s.key)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill={HATCH_GROUND} />
                    <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="3" />
                  </pattern>
                ))}
            </defs>
            <Group left={MARGIN.left} top={MARGIN.top}>
              {ticks.map((tick) => (
                <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#e5e5e5" />
              ))}
              {rects.map((r) => {
                const s = colorOf(r.segment.series);
                return <Bar key={`${r.x} ${r.y}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={s.hatched ? `url(#${hatchId(id, s.key)})` : s.color} stroke={s.color} strokeWidth={s.hatched ? 1 : 0} />;
              })}
              <AxisLeft scale={y} tickValues={ticks} tickFormat={(v) => formatTick(Number(v))} hideAxisLine hideTicks tickLabelProps={{ ...TICK_LABEL, textAnchor: "end", dx: -4, dy: 4 }} />
              <AxisBottom top={innerHeight} scale={x} hideTicks stroke="#a3a3a3" tickLabelProps={{ ...TICK_LABEL, textAnchor: "middle" }} />
            </Group>
          </svg>
          <ChartLinks links={links} width={WIDTH} height={HEIGHT} />
        </div>
      </div>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-4 text-sm text-neutral-700">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-2">
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={s.hatched ? `url(#${hatchId(id, s.key)})` : s.color} stroke={s.color} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
