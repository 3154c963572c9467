/**
 * The reference model's own calendar, written plainly with Date.UTC so it shares nothing with the
 * domain's date-fns code: month arithmetic, calendar days, and the windows the how-to names.
 */
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export type Frequency = "monthly" | "annual";

/** Months in one term: "monthly" is one month, "annual" twelve. */
export const monthsIn = (frequency: Frequency) => (frequency === "annual" ? 12 : 1);

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * `months` calendar months after `anchor`, keeping the anchor's time of day, on the anchor's day of
 * the month or the month's last day when it is shorter (Jan 31 + 1 = Feb 28, + 2 = Mar 31).
 */
export function addMonths(anchor: number, months: number): number {
  const a = new Date(anchor);
  const total = a.getUTCMonth() + months;
  const year = a.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(a.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month, day, a.getUTCHours(), a.getUTCMinutes(), a.getUTCSeconds(), a.getUTCMilliseconds());
}

function utcMidnight(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Days between two instants by the UTC calendar (the dates, not the hours). */
export function calendarDays(from: number, to: number): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY);
}

/**
 * "charges are calculated from the Charge start date and Charge end date with pro-rata charges": the
 * full term's charge times the share of the term's calendar days left, a started day counting whole.
 */
export function proRata(fullTerm: number, termStart: number, termEnd: number, chargeStart: number): number {
  const total = calendarDays(termStart, termEnd);
  if (total <= 0) return 0;
  const left = Math.min(total, Math.max(0, Math.ceil((termEnd - chargeStart) / DAY)));
  return Math.round((fullTerm * left) / total);
}

/** "less than 24 hours after you placed the order" (monthly), "less than 14 days" (annual). */
export function refundWindowEnds(orderedAt: number, frequency: Frequency): number {
  return orderedAt + (frequency === "annual" ? 14 * DAY : 24 * HOUR);
}

/**
 * "All data will be deleted unless the subscription is reactivated within 90 days, or 90 days plus the
 * number of days between the time the account was opened and the first billing period (maximum 120 days)."
 */
export function retentionDays(createdAt: number, firstBillingAt: number | null): number {
  const gap = firstBillingAt === null ? 0 : Math.max(0, calendarDays(createdAt, firstBillingAt));
  return Math.min(120, 90 + gap);
}

export const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
