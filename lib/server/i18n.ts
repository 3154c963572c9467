import "server-only";
import { useLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { formattersFor, type Formatters } from "@/lib/format";
import { translatorFor, type MessageNamespace } from "@/lib/translator";

/** The request's formatters (money, dates, numbers) for server components, actions and handlers. */
export async function getFormat(): Promise<Formatters> {
  return formattersFor(await getLocale());
}

/**
 * next-intl's getTranslations, for pages, layouts and actions, but with the translator kept for the
 * server's life (lib/translator.ts): next-intl's own is made per request, so every request parsed
 * again each message with arguments it showed and built its Intl plural and number formats anew.
 */
export async function getTranslations<N extends MessageNamespace>(namespace: N) {
  return translatorFor(await getLocale(), namespace);
}

/** The same for synchronous server components (next-intl's useTranslations in a server component). */
export function useTranslations<N extends MessageNamespace>(namespace: N) {
  return translatorFor(useLocale(), namespace);
}
