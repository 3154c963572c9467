import "server-only";
import { negotiateLocale, type Locale } from "@/i18n/locales";

/**
 * The language an API request is answered in (issue 13: "the API's description" in the request's
 * language). A program has no language cookie: it asks with Partner Center's own X-Locale header
 * ("sv-SE"), else with Accept-Language, else gets en-US. X-Locale goes first in one list for
 * negotiateLocale, so a language we don't have there ("de-DE") falls through to Accept-Language.
 */
export function requestLocaleOf(headers: Headers): Locale {
  return negotiateLocale([headers.get("x-locale"), headers.get("accept-language")].filter(Boolean).join(","));
}
