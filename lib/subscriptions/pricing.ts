import { UTCDate } from "@date-fns/utc";
import { addMonths, differenceInCalendarDays, differenceInCalendarMonths } from "date-fns";
import type { BillingFrequency, Offer, Subscription } from "@/db/schema";
import { DAY_MS } from "./clock";

/** A term lasts one month when billed monthly and one year when billed annually. */
export function termMonths(frequency: BillingFrequency): number {
  return frequency === "annual" ? 12 : 1;
}

/**
 * End of term number `termIndex` (1 = the first) counted from the billing anchor, in UTC calendar
 * months. Always from the anchor, never from the previous term's end: "Anchor to the original day of
 * the month (Jan 31 -> Feb 28 -> Mar 31), as billing anchors work elsewhere; same for annual terms from
 * Feb 29" (issue 10). Adding a month to Feb 28 would give Mar 28 and the day would stay lost.
 */
export function termEndFrom(anchor: Date, frequency: BillingFrequency, termIndex = 1): Date {
  return new Date(addMonths(new UTCDate(anchor), termMonths(frequency) * termIndex).getTime());
}

/**
 * The end of the term that follows one ending at `previousEnd`: the first anchored term end after it.
 * A term that ran short of its anchor's day (Feb 28 for a Jan 31 anchor) is followed by the anchored
 * one (Mar 31), so renewals return to the original day of the month.
 */
export function nextTermEnd(anchor: Date, previousEnd: Date, frequency: BillingFrequency): Date {
  const months = termMonths(frequency);
  // Start a term below the answer (calendar months can only overcount it by one) and step up.
  let index = Math.max(1, Math.floor(differenceInCalendarMonths(new UTCDate(previousEnd), new UTCDate(anchor)) / months) - 1);
  let end = termEndFrom(anchor, frequency, index);
  while (end.getTime() <= previousEnd.getTime()) end = termEndFrom(anchor, frequency, ++index);
  return end;
}

/** A subscription's billing anchor; rows written before the anchor existed count from their term start. */
export function billingAnchor(subscription: Pick<Subscription, "billingAnchorAt" | "termStart">): Date {
  return subscription.billingAnchorAt ?? subscription.termStart;
}

/** The billing frequencies an offer allows: those it has a price for. */
export function allowedFrequencies(offer: Pick<Offer, "monthlyPriceMinor" | "annualPriceMinor">): BillingFrequency[] {
  const frequencies: BillingFrequency[] = [];
  if (offer.monthlyPriceMinor !== null) frequencies.push("monthly");
  if (offer.annualPriceMinor !== null) frequencies.push("annual");
  return frequencies;
}

/** Price of one license for one term at the given frequency, in minor units. */
export function unitPrice(offer: Pick<Offer, "monthlyPriceMinor" | "annualPriceMinor">, frequency: BillingFrequency): number {
  const price = frequency === "annual" ? offer.annualPriceMinor : offer.monthlyPriceMinor;
  if (price === null) throw new Error(`Offer has no ${frequency} price`);
  return price;
}

/** Charge for a whole term: unit price times licenses. */
export function termCharge(offer: Pick<Offer, "monthlyPriceMinor" | "annualPriceMinor">, frequency: BillingFrequency, quantity: number): number {
  return unitPrice(offer, frequency) * quantity;
}

/** Whole days charged from `from` to the term end: any part of a day counts as a day. */
export function daysRemaining(from: Date, termEnd: Date): number {
  return Math.max(0, Math.ceil((termEnd.getTime() - from.getTime()) / DAY_MS));
}

/** Days in the term, by UTC calendar. */
export function daysInTerm(termStart: Date, termEnd: Date): number {
  return differenceInCalendarDays(new UTCDate(termEnd), new UTCDate(termStart));
}

/**
 * Pro-rata by day: "charges are calculated from the Charge start date and Charge end date with
 * pro-rata charges in the first invoice". A full term's charge times the share of its days left.
 */
export function proRatedCharge(fullTermCharge: number, term: { start: Date; end: Date }, chargeStart: Date): number {
  const total = daysInTerm(term.start, term.end);
  if (total <= 0) return 0;
  const days = Math.min(total, daysRemaining(chargeStart, term.end));
  return Math.round((fullTermCharge * days) / total);
}
