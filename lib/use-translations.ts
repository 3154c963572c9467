import { createTranslator, useLocale, useMessages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/messages";

export type MessageNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
type Translator<N extends MessageNamespace> = ReturnType<typeof createTranslator<Messages, N>>;

const translators = new Map<string, unknown>();

/**
 * A namespace's translator in `locale`, one per language and namespace for the module's life: next-intl
 * keeps each message's compiled format and its Intl formats in its translator, so a message with
 * arguments is parsed once, not once per request. A language's messages never change while the module
 * lives. No time zone: no message formats a date (tests/messages.test.ts), and with one next-intl
 * folds every date format into each call's cache key (7 µs a call instead of 4).
 */
export function translatorOf<N extends MessageNamespace>(locale: Locale, namespace: N, messages: Messages): Translator<N> {
  const key = `${locale}|${namespace}`;
  let t = translators.get(key) as Translator<N> | undefined;
  if (!t) translators.set(key, (t = createTranslator({ locale, messages, namespace })));
  return t;
}

/**
 * next-intl's useTranslations for client components (and components shared with server ones), with
 * the translator of `translatorOf`. next-intl's keeps its compiled messages in the provider, which the
 * server makes anew for every request it renders: each request parsed again every message with
 * arguments (a catalog's "1–300 licenses", the clock's "Advance 7 days") and built its plural and
 * number formats anew.
 */
export function useTranslations<N extends MessageNamespace>(namespace: N): Translator<N> {
  return translatorOf(useLocale() as Locale, namespace, useMessages() as Messages);
}
