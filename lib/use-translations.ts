import { createTranslator, useLocale, useMessages } from "next-intl";
import type { MessageNamespace } from "@/lib/translator";
import type { Messages } from "@/messages";

type Translator<N extends MessageNamespace> = ReturnType<typeof createTranslator<Messages, N>>;

const translators = new Map<string, unknown>();

/**
 * next-intl's useTranslations for client components (and components shared with server ones), with
 * one translator per language and namespace for the module's life. next-intl's keeps its compiled
 * messages in the provider, which the server makes anew for every request it renders: each request
 * parsed again every message with arguments (a catalog's "1–300 licenses", the clock's "Advance 7
 * days") and built its plural and number formats anew. A language's messages never change while the
 * module lives, so one translator serves every request.
 */
export function useTranslations<N extends MessageNamespace>(namespace: N): Translator<N> {
  const locale = useLocale();
  const messages = useMessages() as Messages;
  const key = `${locale}|${namespace}`;
  let t = translators.get(key) as Translator<N> | undefined;
  if (!t) translators.set(key, (t = createTranslator({ locale, messages, namespace })));
  return t;
}
