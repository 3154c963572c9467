/**
 * The product's two languages, the how-to's own (issue 13). Plain data: the browser bundle, the
 * database schema and the server all read it.
 */
export const LOCALES = ["en-US", "sv-SE"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en-US";

/** The browser's remembered choice (a signed-in user's is also kept in users.locale). */
export const LOCALE_COOKIE = "locale";

/** Each language named in itself, as the header's choice shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { "en-US": "English (United States)", "sv-SE": "Svenska" };

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * The first language of an Accept-Language header we have, by its q-values: any Swedish (sv, sv-FI)
 * is sv-SE, any English is en-US; nothing we have falls back to English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.language && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranked) {
    if (language === "sv") return "sv-SE";
    if (language === "en") return "en-US";
  }
  return DEFAULT_LOCALE;
}

/** A browser's language: the one chosen in the header (the cookie's value), else its Accept-Language. */
export function browserLocale(chosen: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(chosen) ? chosen : negotiateLocale(acceptLanguage);
}
