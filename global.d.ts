import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/messages";

// Typed message keys: a key missing from messages/en-US fails the typecheck (next-intl's AppConfig).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
