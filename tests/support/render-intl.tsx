import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/messages";

/** A component's HTML as a page in `locale` renders it: with every message, in UTC like the app. */
export function renderWithIntl(element: ReactElement, locale: Locale = "en-US"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {element}
    </NextIntlClientProvider>,
  );
}
