import { UTCDate } from "@date-fns/utc";
import { addMonths, differenceInCalendarDays } from "date-fns";
import type { BillingFrequency, Offer } from "@/db/schema";
import { DAY_MS } from "./clock";

/** A term lasts one month when billed monthly and one year when billed annually. */
export function termMonths(frequency: BillingFrequency): number {
  return frequency === "annual" ? 12 : 1;
}

/** End of a term that starts at `start`, in UTC calendar months (Jan 31 + 1 month = Feb 28/29). */
export function termEndFrom(start: Date, frequency: BillingFrequency): Date {
  return new Date(addMonths(new UTCDate(start), termMonths(frequency)).getTime());
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
