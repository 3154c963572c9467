import type { Locale } from "@/i18n/locales";
import { formattersFor, type Formatters } from "@/lib/format";

/**
 * The request's formatters plus the charts' own labels, in its language: "Mar 2026" / "mars 2026",
 * "Mar 20" / "20 mars", axis ticks "$1.5K" / "1,5 tn kr". Dates in UTC, as the partner's clock counts.
 */
export interface ChartFormat extends Formatters {
  month(d: Date): string;
  day(d: Date): string;
  /** An axis tick in a currency, from minor units as `money` takes them. */
  moneyTick(minor: number, currency: string): string;
  /** An axis tick of a count: "12K". */
  countTick(n: number): string;
}

const cache = new Map<Locale, ChartFormat>();

export function chartFormatFor(locale: Locale): ChartFormat {
  let f = cache.get(locale);
  if (f) return f;
  const month = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const countTick = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const moneyTicks = new Map<string, Intl.NumberFormat>();
  f = {
    ...formattersFor(locale),
    month: (d) => month.format(d),
    day: (d) => day.format(d),
    moneyTick(minor, currency) {
      let format = moneyTicks.get(currency);
      if (!format) moneyTicks.set(currency, (format = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 })));
      return format.format(minor / 100);
    },
    countTick: (n) => countTick.format(n),
  };
  cache.set(locale, f);
  return f;
}
