import { UTCDate } from "@date-fns/utc";
import { addMonths } from "date-fns";
import { sql } from "drizzle-orm";
import type { BillingFrequency, PublisherKind } from "@/db/schema";
import type { Db } from "@/db/client";
import { invoicePeriodStart } from "./billing";
import { DAY_MS, type Clock } from "./clock";
import { assertCan, can, type Actor } from "./permissions";
import { KIND, renewalWindowEnd, WALKS } from "./renewals";
import { RENEWAL_WINDOWS, type RenewalKind, type RenewalWindow } from "./renewal-options";

/**
 * **Home**: how the partner's book of business stands, by the partner's clock. Upcoming events are the
 * Renewals list's own (KIND and WALKS in renewals.ts), so Home and the list it links to count the same
 * subscriptions. Everything is aggregated in SQL over partner-scoped indexes. Amounts are computed only
 * for roles with `view_billing`; the others get counts, and no `amounts` key at all.
 */

export interface Money {
  currency: string;
  amountMinor: number;
}

/** How many, and for roles that may see money how much, per currency. */
export interface Tally {
  count: number;
  amounts?: Money[];
}

/** "This month's and the next three months' charges." */
export const HOME_MONTHS = 4;
/** "Renewals per week for the next 12 weeks." */
export const HOME_WEEKS = 12;
/** Publishers with a bar of their own; the rest share one. */
export const HOME_TOP_PUBLISHERS = 7;
const WEEK_MS = 7 * DAY_MS;

export interface MonthCharges {
  /** The month's first instant (UTC, as invoices close). */
  start: Date;
  /** Charges and credits posted to the ledger so far (this month only: later months have none yet). */
  posted: Tally;
  /** Renewals and trial conversions still due in the month, as things stand now. */
  expected: Tally;
  /** The Renewals list's window reaching the month's end (its longest, when none does). */
  days: RenewalWindow;
}

export interface RenewalWeek {
  start: Date;
  end: Date;
  /** Subscriptions whose next event in the week is a renewal (with or without a quantity change). */
  renewing: number;
  /** Subscriptions that expire in the week (Auto-renew off, or ending with their base). */
  expiring: number;
  days: RenewalWindow;
}

export interface TrialsThisMonth {
  /** The next month's start: trials ending before it count. */
  until: Date;
  /** Trials that convert to paid (Auto-renew on), with their first paid term's charge. */
  converting: Tally;
  /** Trials that end without converting (Auto-renew off). */
  ending: number;
  days: RenewalWindow;
}

export interface HomeOutlook {
  amountsShown: boolean;
  charges: MonthCharges[];
  renewals: RenewalWeek[];
  trials: TrialsThisMonth;
}

export interface PublisherLicences {
  publisherName: string;
  publisherKind: PublisherKind;
  /** Active subscriptions. */
  subscriptions: number;
  /** Their licences (quantity). */
  licences: number;
}

export interface LicencesByPublisher {
  /** The publishers with the most licences, most first. */
  top: PublisherLicences[];
  /** Everyone else together: how many publishers, and their kind when they share one. Null when nobody else. */
  others: { publishers: number; publisherKind: PublisherKind | null; subscriptions: number; licences: number } | null;
}

/** The Renewals list's shortest window that reaches `until` (its longest when none does): where a figure links. */
function windowReaching(now: Date, until: Date): RenewalWindow {
  return RENEWAL_WINDOWS.find((days) => renewalWindowEnd(now, days) >= until) ?? RENEWAL_WINDOWS[RENEWAL_WINDOWS.length - 1];
}

/** This month's start and the next `count` months' starts after it. */
function monthStarts(now: Date, count: number): Date[] {
  const first = new UTCDate(invoicePeriodStart(now));
  return Array.from({ length: count + 1 }, (_, i) => new Date(addMonths(first, i).getTime()));
}

interface EventGroup {
  /** Weeks from now (events already due are in week 0); HOME_WEEKS or more is past the chart. */
  week: number;
  /** Months from this one; HOME_MONTHS is past the chart. */
  month: number;
  kind: RenewalKind;
  frequency: BillingFrequency;
  currency: string | null;
  n: number;
  /** The next terms' charges summed, for the kinds that charge. */
  amount: number | null;
}

const PRICE = sql.raw(`(case s.billing_frequency when 'annual' then o.annual_price_minor else o.monthly_price_minor end)`);
const UPCOMING: RenewalKind[] = ["renews", "quantity_change", "expires", "trial_converts", "trial_ends"];

/**
 * The partner's subscriptions whose next event is a renewal, expiry or trial's end before `before`
 * (events due but not yet processed included, as the Renewals list has them), counted per week, month,
 * kind and billing frequency, in one pass: the term ends of the next months are most of the partner's
 * subscriptions (166,000 of 250,000 at the bench's size), read once from the index. One arm per index
 * walk of the Renewals list; with `amounts`, per currency too, with the next terms' charges summed.
 */
function upcomingEvents(db: Db, partnerId: string, now: Date, months: Date[], amounts: boolean): EventGroup[] {
  const before = Math.max(months[HOME_MONTHS].getTime(), now.getTime() + HOME_WEEKS * WEEK_MS);
  const arms = WALKS.map((walk) => ({ walk, kinds: walk.kinds.filter((k) => UPCOMING.includes(k)) })).filter((arm) => arm.kinds.length > 0);
  const selects = arms.map(({ walk }, i) => {
    const week = sql`cast((max(${walk.at}, ${now.getTime()}) - ${now.getTime()}) / ${WEEK_MS} as integer)`;
    const month = sql`(case ${sql.join(months.slice(1).map((start, m) => sql`when ${walk.at} < ${start.getTime()} then ${sql.raw(String(m))}`), sql` `)} else ${sql.raw(String(HOME_MONTHS))} end)`;
    // As the Renewals list's next term (toRow): a conversion charges the trial's quantity, a renewal
    // the scheduled quantity when one waits. A walk holds trials only or none.
    const trials = walk.kinds.every((k) => k === "trial_converts" || k === "trial_ends");
    const nextQuantity = sql.raw(trials ? "s.quantity" : "coalesce(s.scheduled_quantity, s.quantity)");
    const currency = amounts ? sql`o.currency` : sql`null`;
    const amount = amounts ? sql`sum(${nextQuantity} * ${PRICE})` : sql`null`;
    const offers = amounts ? sql`join offers o on o.id = s.offer_id` : sql``;
    return sql`select ${sql.raw(String(i))} as arm, ${week} as week, ${month} as month, ${KIND} as kind, s.billing_frequency as frequency, ${currency} as currency, count(*) as n, ${amount} as amount
      from subscriptions s ${offers} left join subscriptions b on b.id = s.base_subscription_id
      where s.partner_id = ${partnerId} and ${walk.where} and ${walk.at} < ${before}
      group by 2, 3, 4, 5, 6`;
  });
  // Each walk counts only its own kinds, so each subscription counts once. They are picked from the
  // groups, not the rows: a WHERE on KIND would compute it a second time for every row.
  const groups = db.all<EventGroup & { arm: number }>(sql.join(selects, sql` union all `));
  return groups.filter((group) => arms[group.arm].kinds.includes(group.kind));
}

function emptyTally(amountsShown: boolean): Tally {
  return amountsShown ? { count: 0, amounts: [] } : { count: 0 };
}

/** Adds a count, and its amount when the tally shows money, to the tally (amounts by currency code). */
function addTo(tally: Tally, count: number, currency: string | null, amountMinor: number | null): void {
  tally.count += count;
  if (!tally.amounts || currency === null) return;
  const money = tally.amounts.find((m) => m.currency === currency);
  if (money) money.amountMinor += amountMinor ?? 0;
  else tally.amounts.push({ currency, amountMinor: amountMinor ?? 0 });
  tally.amounts.sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The charges and credits the partner's ledger holds between two instants, per currency. */
function postedBetween(db: Db, partnerId: string, from: Date, to: Date, amounts: boolean): { currency: string | null; n: number; amount: number | null }[] {
  const columns = amounts ? sql`currency, count(*) as n, sum(amount_minor) as amount` : sql`null as currency, count(*) as n, null as amount`;
  return db.all(sql`select ${columns} from ledger_entries where partner_id = ${partnerId} and posted_at >= ${from.getTime()} and posted_at < ${to.getTime()} group by 1`);
}

/**
 * This month's charges (posted so far, and still due) and the next three months' (due). "Due" is as
 * things stand now: each renewal and trial conversion at its next term's charge, and a monthly term
 * once more in every month after (terms are anchored to a day of the month, pricing.ts).
 */
function chargesByMonth(db: Db, partnerId: string, now: Date, months: Date[], groups: EventGroup[], amountsShown: boolean): MonthCharges[] {
  const charges = months.slice(0, HOME_MONTHS).map((start, i) => ({ start, posted: emptyTally(amountsShown), expected: emptyTally(amountsShown), days: windowReaching(now, months[i + 1]) }));
  for (const row of postedBetween(db, partnerId, months[0], months[1], amountsShown)) addTo(charges[0].posted, row.n, row.currency, row.amount);
  for (const group of groups) {
    if (group.month >= HOME_MONTHS || !["renews", "quantity_change", "trial_converts"].includes(group.kind)) continue;
    const last = group.frequency === "monthly" ? HOME_MONTHS - 1 : group.month;
    for (let month = group.month; month <= last; month++) addTo(charges[month].expected, group.n, group.currency, group.amount);
  }
  return charges;
}

/** Renewals and expiries per week for the next 12 weeks, the first week starting now. */
function renewalsByWeek(now: Date, groups: EventGroup[]): RenewalWeek[] {
  const weeks = Array.from({ length: HOME_WEEKS }, (_, i) => {
    const start = new Date(now.getTime() + i * WEEK_MS);
    const end = new Date(start.getTime() + WEEK_MS);
    return { start, end, renewing: 0, expiring: 0, days: windowReaching(now, end) };
  });
  for (const group of groups) {
    if (group.week >= HOME_WEEKS) continue;
    if (group.kind === "expires") weeks[group.week].expiring += group.n;
    else if (group.kind === "renews" || group.kind === "quantity_change") weeks[group.week].renewing += group.n;
  }
  return weeks;
}

/** Free trials ending before the next month starts: converting to paid, or ending with Auto-renew off. */
function trialsThisMonth(now: Date, months: Date[], groups: EventGroup[], amountsShown: boolean): TrialsThisMonth {
  const converting = emptyTally(amountsShown);
  let ending = 0;
  for (const group of groups.filter((g) => g.month === 0)) {
    if (group.kind === "trial_converts") addTo(converting, group.n, group.currency, group.amount);
    else if (group.kind === "trial_ends") ending += group.n;
  }
  return { until: months[1], converting, ending, days: windowReaching(now, months[1]) };
}

/**
 * Home's figures over time: charges by month, renewals by week and this month's trials, from one pass
 * over the upcoming events (each figure on its own would read the same index entries again).
 */
export function homeOutlook(db: Db, actor: Actor, clock: Clock): HomeOutlook {
  assertCan(actor, "view");
  const now = clock.now();
  const amountsShown = can(actor, "view_billing");
  const months = monthStarts(now, HOME_MONTHS);
  const groups = upcomingEvents(db, actor.partnerId, now, months, amountsShown);
  return {
    amountsShown,
    charges: chargesByMonth(db, actor.partnerId, now, months, groups, amountsShown),
    renewals: renewalsByWeek(now, groups),
    trials: trialsThisMonth(now, months, groups, amountsShown),
  };
}

/** Active subscriptions and their licences per publisher, most licences first. */
export function licencesByPublisher(db: Db, actor: Actor): LicencesByPublisher {
  assertCan(actor, "view");
  // Counted per offer from subscriptions_publisher_idx alone, then per publisher over those few rows.
  const rows = db.all<PublisherLicences>(sql`
    select o.publisher_name as publisherName, o.publisher_kind as publisherKind, sum(x.n) as subscriptions, sum(x.q) as licences
    from (select offer_id, count(*) as n, sum(quantity) as q from subscriptions where partner_id = ${actor.partnerId} and status = 'active' group by offer_id) x
    join offers o on o.id = x.offer_id
    group by o.publisher_name, o.publisher_kind
    order by licences desc, publisherName`);
  const rest = rows.slice(HOME_TOP_PUBLISHERS);
  if (rest.length === 0) return { top: rows, others: null };
  const kinds = new Set(rest.map((r) => r.publisherKind));
  return {
    top: rows.slice(0, HOME_TOP_PUBLISHERS),
    others: {
      publishers: rest.length,
      publisherKind: kinds.size === 1 ? rest[0].publisherKind : null,
      subscriptions: rest.reduce((sum, r) => sum + r.subscriptions, 0),
      licences: rest.reduce((sum, r) => sum + r.licences, 0),
    },
  };
}
