import type { ReferenceEntry } from "@/lib/v1/reference";
import { ApiCurlExample } from "./ApiCurlExample";
import { ApiErrorCodesTable } from "./ApiErrorCodesTable";
import { ApiFieldsTable } from "./ApiFieldsTable";
import { ApiProse } from "./ApiProse";
import { useTranslations } from "@/lib/server/i18n";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-blue-100 text-blue-900",
  POST: "bg-green-100 text-green-900",
  PUT: "bg-amber-100 text-amber-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

/** One endpoint: method and path, what it does, its fields, its error codes and a runnable example. */
export function ApiEndpoint({ entry }: { entry: ReferenceEntry }) {
  const t = useTranslations("ApiReference.endpoint");
  return (
    <section id={entry.id} aria-labelledby={`${entry.id}-title`} className="space-y-3 border-t border-neutral-200 pt-5">
      <h3 id={`${entry.id}-title`} className="flex flex-wrap items-baseline gap-2 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_TONES[entry.method] ?? ""}`}>{entry.method}</span>
        <code className="font-mono text-base break-all">{entry.path}</code>
        <span className="text-neutral-700">· {entry.summary}</span>
      </h3>
      {entry.description && <ApiProse text={entry.description} />}
      <p className="text-sm text-neutral-700">
        {entry.public ? t("public") : t("bearer")} {t("answers", { status: entry.status })}
      </p>
      <ApiFieldsTable caption={t("parameters")} rows={entry.params} showWhere />
      {entry.body && <ApiFieldsTable caption={t("requestBody", { type: entry.bodyType })} rows={entry.body} />}
      <ApiFieldsTable caption={t("response", { status: entry.status })} rows={entry.response} />
      <ApiErrorCodesTable errors={entry.errors} />
      <ApiCurlExample label={t("example")} command={entry.curl} />
    </section>
  );
}
