import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { MESSAGES, type Messages } from "@/messages";

/**
 * The REST API's prose (operation summaries and descriptions, refusals, field descriptions) is
 * written once, in messages/<locale>/ApiReference.json: /v1/openapi.json says it in English, the API
 * reference page in the reader's language. Operations name it by key; the zod schemas' descriptions
 * are English (describeField), and the page finds each one's key again by that English text.
 */
type ApiMessages = Messages["ApiReference"];
export type RefusalKey = keyof ApiMessages["refusals"];
export type FieldKey = keyof ApiMessages["fields"];
export type GroupId = keyof ApiMessages["groups"];
/** ICU arguments of a message: `{reasons}`, `{requestsPerMinute}`. */
export type TextValues = Record<string, string | number>;

/** The API's prose in one language, by the message's dotted key under ApiReference. */
export interface ApiText {
  locale: Locale;
  t(key: string, values?: TextValues): string;
  has(key: string): boolean;
}

const texts = new Map<Locale, ApiText>();

export function apiText(locale: Locale): ApiText {
  let text = texts.get(locale);
  if (text) return text;
  // Keys are built from operation ids and refusal names, so the translator is used untyped here;
  // tests/v1-openapi.test.ts checks every operation, refusal and field has its message.
  const translate = createTranslator({ locale, messages: MESSAGES[locale].ApiReference }) as unknown as { (key: string, values?: TextValues): string; has(key: string): boolean };
  text = { locale, t: (key, values) => translate(key, values), has: (key) => translate.has(key) };
  texts.set(locale, text);
  return text;
}

/** What /v1/openapi.json says. */
export const englishApiText = () => apiText("en-US");

/** A field's description as a zod schema's `.meta({ description })` gives it to /v1/openapi.json. */
export const describeField = (key: FieldKey): string => englishApiText().t(`fields.${key}`);

let fieldKeys: Map<string, FieldKey> | undefined;

/** The message key of a field's English description, if one holds it. */
export function fieldKeyOf(english: string): FieldKey | undefined {
  fieldKeys ??= new Map((Object.keys(MESSAGES["en-US"].ApiReference.fields) as FieldKey[]).map((key) => [describeField(key), key]));
  return fieldKeys.get(english);
}

/** A field's description in `text`'s language; one no message holds is shown as written. */
export function fieldDescription(english: string, text: ApiText): string {
  const key = fieldKeyOf(english);
  return key ? text.t(`fields.${key}`) : english;
}
