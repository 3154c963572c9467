import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { MESSAGES, type Messages } from "@/messages";

export type MessageNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

const translators = new Map<string, unknown>();

/**
 * A namespace's translator in `locale`: server components (lib/server/i18n.ts) and every edge (route
 * handlers, the REST API, CSV files, actions' results). One per language and namespace for the
 * server's life: next-intl keeps each message's compiled format and its Intl formats in its
 * translator, so a message with arguments is parsed once, not once per request. No time zone: no
 * message formats a date (tests/messages.test.ts), and with one next-intl folds every date format
 * into each call's cache key (7 µs a call instead of 4).
 */
export function translatorFor<N extends MessageNamespace>(locale: Locale, namespace: N): ReturnType<typeof createTranslator<Messages, N>> {
  const key = `${locale}|${namespace}`;
  let t = translators.get(key) as ReturnType<typeof createTranslator<Messages, N>> | undefined;
  if (!t) translators.set(key, (t = createTranslator({ locale, messages: MESSAGES[locale], namespace })));
  return t;
}
