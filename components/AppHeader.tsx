import Link from "next/link";
import { useLocale } from "next-intl";
import { signOut } from "@/app/sign-in/actions";
import { formattersFor } from "@/lib/format";
import { AccountMenu } from "./AccountMenu";
import { LanguageChoice } from "./LanguageChoice";
import type { Actor } from "@/lib/subscriptions";
import { can } from "@/lib/subscriptions/shared";
import { useTranslations } from "@/lib/server/i18n";

/** `today` is the partner's own date: its Demo clock may have moved it. */
export function AppHeader({ actor, today }: { actor: Actor; today: Date }) {
  const t = useTranslations("Header");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  return (
    <header className="bg-[#1b1a19] text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/customers" className="font-semibold">
          {labels(`cloud.${actor.cloud}`)}
        </Link>
        <nav aria-label={t("menu")} className="flex gap-4 text-sm">
          {can(actor, "view") && (
            <Link href="/" className="hover:underline">
              {t("nav.home")}
            </Link>
          )}
          <Link href="/customers" className="hover:underline">
            {t("nav.customers")}
          </Link>
          {can(actor, "view") && (
            <Link href="/renewals" className="hover:underline">
              {t("nav.renewals")}
            </Link>
          )}
          {can(actor, "view_activity") && (
            <Link href="/activity" className="hover:underline">
              {t("nav.activity")}
            </Link>
          )}
          {can(actor, "manage_apps") && (
            <Link href="/apps" className="hover:underline">
              {t("nav.apps")}
            </Link>
          )}
          <Link href="/api-reference" className="hover:underline">
            {t("nav.apiReference")}
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          <time data-testid="partner-date" dateTime={today.toISOString()} className="text-neutral-300">
            {f.date(today)}
          </time>
          <span>
            <span className="font-semibold">{actor.name}</span>
            <span className="text-neutral-300"> · {actor.roles.map((r) => labels(`role.${r}`)).join(", ")} · {actor.partnerName}</span>
          </span>
          <LanguageChoice />
          <AccountMenu />
          <form action={signOut}>
            <button type="submit" className="rounded border border-neutral-500 px-3 py-1 hover:bg-neutral-700">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
