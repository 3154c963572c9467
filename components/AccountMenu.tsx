import { signOutEverywhere } from "@/app/sign-in/actions";
import { useTranslations } from "@/lib/server/i18n";

/**
 * The header's **Account** menu. A native disclosure, so it works before any script loads; while
 * closed its content is hidden, and the header's one visible sign-out button stays "Sign out".
 */
export function AccountMenu() {
  const t = useTranslations("Header.account");
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded border border-neutral-500 px-3 py-1 hover:bg-neutral-700">{t("summary")}</summary>
      <div className="absolute right-0 z-20 mt-2 w-72 rounded border border-neutral-200 bg-white p-4 text-ink shadow-lg">
        <p className="text-sm text-neutral-700">{t("description")}</p>
        <form action={signOutEverywhere} className="mt-3">
          <button type="submit" className="w-full rounded bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800">
            {t("signOutEverywhere")}
          </button>
        </form>
      </div>
    </details>
  );
}
