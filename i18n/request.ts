import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { MESSAGES } from "@/messages";
import { browserLocale, LOCALE_COOKIE, type Locale } from "./locales";

/**
 * The request's language, URLs unchanged: the one chosen in the header (a cookie, set from the
 * user's own choice at sign-in), else the browser's Accept-Language.
 */
export async function requestLocale(): Promise<Locale> {
  // cookies(), not the Cookie header: a Language choice re-renders in the language it just set.
  return browserLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Dates are UTC everywhere (the partner's clock is a UTC instant).
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
