import { useLocale } from "next-intl";
import type { AppSummary } from "@/lib/auth/apps";
import { formattersFor } from "@/lib/format";
import { DeleteAppControl } from "./DeleteAppControl";
import { useTranslations } from "@/lib/server/i18n";

/** **App management**'s list: the partner's live apps, newest first. Secrets are never listed. */
export function AppsTable({ apps }: { apps: AppSummary[] }) {
  const t = useTranslations("Apps.table");
  const f = formattersFor(useLocale());
  if (apps.length === 0) return <p className="text-sm text-neutral-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-3">{t("name")}</th>
            <th scope="col" className="py-2 pr-3">{t("clientId")}</th>
            <th scope="col" className="py-2 pr-3">{t("created")}</th>
            <th scope="col" className="py-2 pr-3">{t("createdBy")}</th>
            <th scope="col" className="py-2">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.id} className="border-b border-neutral-100 align-middle last:border-0">
              <th scope="row" className="py-3 pr-3 font-semibold">{app.name}</th>
              <td className="py-3 pr-3 font-mono text-xs">{app.id}</td>
              <td className="py-3 pr-3">{f.dateTime(app.createdAt)}</td>
              <td className="py-3 pr-3">{app.createdByName ?? "—"}</td>
              <td className="py-3 text-right">
                <DeleteAppControl appId={app.id} name={app.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
