import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/messages";
import { translatorOf, type MessageNamespace } from "./use-translations";

export type { MessageNamespace };

/**
 * A namespace's translator in `locale` from every language's messages: server components
 * (lib/server/i18n.ts) and every edge (route handlers, the REST API, CSV files, actions' results).
 * Kept for the server's life (see translatorOf). Server only: it reads every language's messages.
 */
export function translatorFor<N extends MessageNamespace>(locale: Locale, namespace: N) {
  return translatorOf(locale, namespace, MESSAGES[locale]);
}
