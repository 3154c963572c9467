import type { BillingFrequency } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import type { Cart } from "@/lib/subscriptions/cart";
import { licensesApply } from "@/lib/subscriptions/quantity";
import { lineProblemText } from "@/lib/unavailable-text";

/** The cart as the browser sees it (JSON from the API, and the server render's initial data). */
export interface CartView {
  items: {
    id: string;
    offerId: string;
    offerName: string;
    publisherName: string;
    quantity: number;
    minQuantity: number;
    maxQuantity: number;
    licenses: boolean;
    billingFrequency: BillingFrequency;
    unitPriceMinor: number;
    lineTotalMinor: number;
    /** The offer's currency: prices are in it. */
    currency: string;
    freeTrialDays: number;
    /** Why the line can't be bought, in the reader's language (worded on the server). */
    problem: string | null;
  }[];
  totalMinor: number;
  currency: string;
}

export function toCartView(cart: Cart, locale: Locale): CartView {
  return {
    items: cart.items.map((item) => ({
      id: item.line.id,
      offerId: item.offer.id,
      offerName: item.offer.name,
      publisherName: item.offer.publisherName,
      quantity: item.line.quantity,
      minQuantity: item.offer.minQuantity,
      maxQuantity: item.offer.maxQuantity,
      licenses: licensesApply(item.offer),
      billingFrequency: item.line.billingFrequency,
      unitPriceMinor: item.unitPriceMinor,
      lineTotalMinor: item.lineTotalMinor,
      currency: item.offer.currency,
      freeTrialDays: item.offer.freeTrialDays,
      problem: item.problem && lineProblemText(locale, item.problem),
    })),
    totalMinor: cart.totalMinor,
    currency: cart.currency,
  };
}
