import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/translator";
import { CHARGE_DESCRIPTIONS, type ChargeDescription, type LedgerLine } from "@/lib/subscriptions";

/** A translator of Customer.chargeDescription (next-intl's useTranslations / getTranslations / createTranslator). */
export type ChargeDescriptionTranslator = (code: ChargeDescription, values: { offer: string; count: number }) => string;

export type ChargeLine = Pick<LedgerLine, "description" | "quantity" | "offerName">;

const CODES = new Set<string>(CHARGE_DESCRIPTIONS);
const isCode = (description: string): description is ChargeDescription => CODES.has(description);

/**
 * What a ledger entry is for, in words: its description code worded with its offer's name and its
 * quantity (the licenses added or removed). A database written before the codes holds English
 * sentences there, shown as they are.
 */
export function chargeDescription(t: ChargeDescriptionTranslator, line: ChargeLine): string {
  return isCode(line.description) ? t(line.description, { offer: line.offerName, count: line.quantity }) : line.description;
}

/**
 * chargeDescription in `locale`, for edges without a page's translator: the next invoice's CSV
 * (en-US: machine-read files stay English) and its JSON. Server only: it reads every language's messages.
 */
export function chargeDescriptionsIn(locale: Locale): (line: ChargeLine) => string {
  const t = translatorFor(locale, "Customer.chargeDescription");
  return (line) => chargeDescription(t, line);
}
