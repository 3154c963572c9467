import type { FieldRow } from "@/lib/v1/reference";
import { ApiInlineText } from "./ApiProse";
import { useTranslations } from "@/lib/server/i18n";

/** Parameters, body fields or response fields: name, type, whether required, and what it means. */
export function ApiFieldsTable({ caption, rows, showWhere = false }: { caption: string; rows: (FieldRow & { where?: "path" | "query" })[]; showWhere?: boolean }) {
  const t = useTranslations("ApiReference.fieldsTable");
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="py-1 text-left text-sm font-semibold">{caption}</caption>
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-1 pr-3">{t("name")}</th>
          {showWhere && <th scope="col" className="py-1 pr-3">{t("in")}</th>}
          <th scope="col" className="py-1 pr-3">{t("type")}</th>
          <th scope="col" className="py-1 pr-3">{t("required")}</th>
          <th scope="col" className="py-1">{t("description")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.where ?? ""}${row.name}`} className="border-b border-neutral-100 align-top">
            <td className="py-1 pr-3 font-mono text-xs">{row.name}</td>
            {showWhere && <td className="py-1 pr-3">{row.where && t(`where.${row.where}`)}</td>}
            <td className="py-1 pr-3 font-mono text-xs break-all">{row.type}</td>
            <td className="py-1 pr-3">{row.required ? t("yes") : t("no")}</td>
            <td className="py-1">{row.description && <ApiInlineText text={row.description} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
