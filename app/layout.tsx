import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { clientMessages } from "@/messages";
import "./globals.css";
import { Providers } from "./providers";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Common");
  return { title: { default: t("productName"), template: `%s | ${t("productName")}` }, description: t("productDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Only the client components' namespaces travel to the browser (messages/index.ts). */}
        <NextIntlClientProvider locale={locale} messages={clientMessages(locale)} timeZone="UTC">
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
