import Link from "next/link";

/** A link over part of a chart, in the chart's viewBox units. */
export interface ChartLink {
  href: string;
  /** What the area shows and where the link goes: its accessible name and tooltip. */
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Areas smaller than this (viewBox units) are grown around their middle, so a thin bar can still be clicked. */
const MIN_SIZE = 6;

/**
 * The chart's bars as HTML links laid over the SVG, in percentages of its viewBox. Links inside an
 * `<svg role="img">` would be hidden from screen readers (an image's content is presentational) and
 * fail axe's nested-interactive rule; over it, each is a real link with a name, in the tab order.
 */
export function ChartLinks({ links, width, height }: { links: ChartLink[]; width: number; height: number }) {
  return links.map((link) => {
    const h = Math.max(link.height, MIN_SIZE);
    const w = Math.max(link.width, MIN_SIZE);
    const style = {
      left: `${((link.x - (w - link.width) / 2) / width) * 100}%`,
      top: `${((link.y - (h - link.height) / 2) / height) * 100}%`,
      width: `${(w / width) * 100}%`,
      height: `${(h / height) * 100}%`,
    };
    return (
      <Link
        key={`${link.href} ${link.x} ${link.y}`}
        href={link.href}
        prefetch={false}
        aria-label={link.label}
        title={link.label}
        style={style}
        className="absolute block rounded-sm hover:bg-black/10 focus-visible:bg-black/10"
      />
    );
  });
}
