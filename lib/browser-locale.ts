import { browserLocale, LOCALE_COOKIE, type Locale } from "@/i18n/locales";

/**
 * A browser's request's language, picked as i18n/request.ts picks the pages' (the chosen cookie,
 * else Accept-Language) but from the request's own headers: the /api handlers and the proxy answer
 * their JSON refusals with it, and tests call them without Next's request scope.
 */
export function browserLocaleOf(headers: Headers): Locale {
  const prefix = `${LOCALE_COOKIE}=`;
  const chosen = (headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(prefix))
    ?.slice(prefix.length);
  return browserLocale(chosen, headers.get("accept-language"));
}
