import type { Locale } from "@/i18n/locales";

/**
 * Money, dates and numbers in the request's language (issue 13): `1 234,50 kr` and `26 nov. 2026` in
 * Swedish, whatever the currency. Server components get them from `getFormat()` (lib/server/i18n.ts),
 * client components from `useFormat()` (lib/use-format.ts).
 */
export interface Formatters {
  locale: Locale;
  money(minor: number, currency?: string): string;
  number(value: number): string;
  date(d: Date | string | number): string;
  dateTime(d: Date | string | number): string;
  country(code: string): string;
}

const formatters = new Map<Locale, Formatters>();

export function formattersFor(locale: Locale): Formatters {
  let f = formatters.get(locale);
  if (f) return f;
  const money = new Map<string, Intl.NumberFormat>();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  f = {
    locale,
    money(minor, currency = "USD") {
      let format = money.get(currency);
      if (!format) money.set(currency, (format = new Intl.NumberFormat(locale, { style: "currency", currency })));
      return format.format(minor / 100);
    },
    number: (value) => number.format(value),
    date: (d) => date.format(new Date(d)),
    dateTime: (d) => `${dateTime.format(new Date(d))} UTC`,
    country: (code) => regions.of(code) ?? code,
  };
  formatters.set(locale, f);
  return f;
}
