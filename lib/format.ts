import type { Locale } from "@/i18n/locales";
import type { BillingFrequency, BillingType, Category, Segment, SubscriptionStatus, SuspensionReason } from "@/db/schema";

/** Formatting at the edge: money from minor units, dates in UTC. */
export function formatMoney(minor: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minor / 100);
}

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDate = (d: Date | string | number) => DATE.format(new Date(d));
export const formatDateTime = (d: Date | string | number) => `${DATE_TIME.format(new Date(d))} UTC`;

export const FREQUENCY_LABELS: Record<BillingFrequency, string> = { monthly: "Monthly", annual: "Annual" };
export const TERM_LABELS: Record<BillingFrequency, string> = { monthly: "1 month", annual: "1 year" };
export const BILLING_TYPE_LABELS: Record<BillingType, string> = { license: "License", usage: "Usage" };
export const CATEGORY_LABELS: Record<Category, string> = { enterprise: "Enterprise", small_business: "Small business", trial: "Trial" };
export const SEGMENT_LABELS: Record<Segment, string> = { commercial: "Commercial", education: "Education", government: "Government", nonprofit: "Nonprofit" };
export const STATUS_LABELS: Record<SubscriptionStatus, string> = { active: "Active", suspended: "Suspended", cancelled: "Cancelled", expired: "Expired", deleted: "Deleted" };
export const SUSPENSION_REASON_LABELS: Record<SuspensionReason, string> = { customer_request: "Customer request", nonpayment: "Nonpayment", fraud: "Fraud" };

const REGIONS = new Intl.DisplayNames(["en"], { type: "region" });
export const countryName = (code: string) => REGIONS.of(code) ?? code;

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
