import type { Locale } from "@/i18n/locales";
import { formattersFor } from "@/lib/format";
import { problemText } from "@/lib/problems";
import { translatorFor } from "@/lib/translator";
import type { UnavailableReason } from "@/lib/subscriptions/availability";
import type { LineProblem } from "@/lib/subscriptions/cart";

/**
 * Why an offer can't be bought, in words (issue 13: the domain gives the reason as a code, the
 * words are Catalog.unavailable.<code>): the catalog's cards, the cart, Review, Buy, and the REST
 * API's descriptions. Server only: it reads every language's messages.
 */
export function unavailableReasonText(locale: Locale, reason: UnavailableReason): string {
  const t = translatorFor(locale, "Catalog.unavailable");
  switch (reason.code) {
    case "country":
      return t("country", { country: formattersFor(locale).country(reason.country) });
    case "cloud":
      return t("cloud", { cloud: reason.cloud });
    default:
      return t(reason.code);
  }
}

/** Why a cart or order line can't be bought, in words: its availability reason, or its quantity or input problem (Validation). */
export function lineProblemText(locale: Locale, problem: LineProblem): string {
  if ("reason" in problem) return unavailableReasonText(locale, problem.reason);
  return problemText(translatorFor(locale, "Validation"), formattersFor(locale), "quantity" in problem ? problem.quantity : problem.input);
}
