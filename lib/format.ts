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
