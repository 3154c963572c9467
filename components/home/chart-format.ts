/** Chart labels, formatted with Intl at the edge like lib/format.ts: dates in UTC, as the partner's clock counts. */
const COUNT = new Intl.NumberFormat("en-US");
const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export const formatCount = (n: number) => COUNT.format(n);
export const formatMonth = (d: Date) => MONTH.format(d);
export const formatDay = (d: Date) => DAY.format(d);

/** An axis tick in a currency: "$1.2M". Minor units, as formatMoney takes them. */
export function formatMoneyTick(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(minor / 100);
}

/** An axis tick of a count: "12K". */
export const formatCountTick = (n: number) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n);
