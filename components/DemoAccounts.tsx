import type { DemoAccount } from "@/lib/auth/demo-accounts";
import { useTranslations } from "@/lib/server/i18n";

export function DemoAccounts({ accounts }: { accounts: { password: string; accounts: DemoAccount[] } }) {
  const t = useTranslations("SignIn.demoAccounts");
  const labels = useTranslations("Labels");
  return (
    <section aria-labelledby="demo-accounts" className="rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
      <h2 id="demo-accounts" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">
        {t.rich("intro", { password: accounts.password, code: (chunks) => <code className="rounded bg-neutral-100 px-1 font-mono">{chunks}</code> })}
      </p>
      <table className="mt-4 w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th className="py-2 pr-3 font-semibold">{t("email")}</th>
            <th className="py-2 pr-3 font-semibold">{t("role")}</th>
            <th className="py-2 font-semibold">{t("partner")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.accounts.map((a) => (
            <tr key={a.email} className="border-b border-neutral-100">
              <td className="py-2 pr-3 font-mono text-xs">{a.email}</td>
              <td className="py-2 pr-3">{a.roles.map((r) => labels(`role.${r}`)).join(", ")}</td>
              <td className="py-2">{a.partnerName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
