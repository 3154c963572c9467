import "server-only";
import type { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";

const YEAR_S = 365 * 24 * 60 * 60;

/** Keeps a language in the browser: read by i18n/request.ts before Accept-Language. */
export function rememberLocale(jar: Awaited<ReturnType<typeof cookies>>, locale: Locale, secure: boolean): void {
  jar.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: YEAR_S });
}
