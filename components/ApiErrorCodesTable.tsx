import type { ReferenceEntry } from "@/lib/v1/reference";
import { useTranslations } from "@/lib/server/i18n";

/** Every refusal an endpoint answers: HTTP status, the body's `code` (or OAuth `error`), and when. */
export function ApiErrorCodesTable({ errors }: { errors: ReferenceEntry["errors"] }) {
  const t = useTranslations("ApiReference.errorsTable");
  if (errors.length === 0) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="py-1 text-left text-sm font-semibold">{t("caption")}</caption>
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-1 pr-3">{t("status")}</th>
          <th scope="col" className="py-1 pr-3">{t("code")}</th>
          <th scope="col" className="py-1">{t("when")}</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr key={`${e.status} ${e.code} ${e.when}`} className="border-b border-neutral-100 align-top">
            <td className="py-1 pr-3 tabular-nums">{e.status}</td>
            <td className="py-1 pr-3 font-mono text-xs">{e.code}</td>
            <td className="py-1">{e.when}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
