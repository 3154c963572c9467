"use client";

import { useActionState, useId } from "react";
import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/use-translations";
import { chooseLanguage } from "@/app/language/actions";
import { LOCALE_NAMES, LOCALES } from "@/i18n/locales";

/** **Language** in the header and on sign-in: the page re-renders in the chosen language, same URL. */
export function LanguageChoice({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const t = useTranslations("Header");
  const locale = useLocale();
  const id = useId();
  const [state, action, pending] = useActionState(chooseLanguage, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor={id} className={tone === "dark" ? "text-neutral-300" : "text-neutral-700"}>
        {t("language")}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        key={locale}
        disabled={pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className={tone === "dark" ? "rounded border border-neutral-500 bg-[#1b1a19] px-2 py-1" : "rounded border border-neutral-400 bg-white px-2 py-1"}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {state && !state.ok && (
        <span role="alert" className="text-red-300">
          {state.error}
        </span>
      )}
    </form>
  );
}
