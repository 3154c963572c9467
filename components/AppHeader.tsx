import { useLocale } from "next-intl";
import { formattersFor } from "@/lib/format";
import { AccountMenu } from "./AccountMenu";
import { AppHeaderView } from "./AppHeaderView";
import type { Actor } from "@/lib/subscriptions";
import { can } from "@/lib/subscriptions/shared";
import { useTranslations } from "@/lib/server/i18n";

/** `today` is the partner's own date: its Demo clock may have moved it. Drawn by AppHeaderView. */
export function AppHeader({ actor, today }: { actor: Actor; today: Date }) {
  const t = useTranslations("Header");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  const nav = [
    can(actor, "view") && { href: "/", label: t("nav.home") },
    { href: "/customers", label: t("nav.customers") },
    can(actor, "view") && { href: "/renewals", label: t("nav.renewals") },
    can(actor, "view_activity") && { href: "/activity", label: t("nav.activity") },
    can(actor, "manage_apps") && { href: "/apps", label: t("nav.apps") },
    { href: "/api-reference", label: t("nav.apiReference") },
  ].filter((item) => item !== false);
  const words = {
    product: labels(`cloud.${actor.cloud}`),
    menu: t("menu"),
    nav,
    today: { iso: today.toISOString(), text: f.date(today) },
    user: { name: actor.name, details: `${actor.roles.map((r) => labels(`role.${r}`)).join(", ")} · ${actor.partnerName}` },
    signOut: t("signOut"),
  };
  return <AppHeaderView words={words} account={<AccountMenu />} />;
}
