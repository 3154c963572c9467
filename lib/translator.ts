import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { MESSAGES, type Messages } from "@/messages";

type MessageNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

const translators = new Map<string, unknown>();

/**
 * A namespace's translator in `locale`, for edges without a page's own (route handlers, the REST API,
 * CSV files, actions' results). One per language and namespace for the server's life: next-intl keeps
 * each message's compiled format in its translator, so a catalog of 20 offers parses a reason once.
 */
export function translatorFor<N extends MessageNamespace>(locale: Locale, namespace: N): ReturnType<typeof createTranslator<Messages, N>> {
  const key = `${locale}|${namespace}`;
  let t = translators.get(key) as ReturnType<typeof createTranslator<Messages, N>> | undefined;
  if (!t) translators.set(key, (t = createTranslator({ locale, messages: MESSAGES[locale], namespace })));
  return t;
}
