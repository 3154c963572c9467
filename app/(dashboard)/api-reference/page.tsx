import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { ApiEndpoint } from "@/components/ApiEndpoint";
import { ApiGettingStarted } from "@/components/ApiGettingStarted";
import { apiText } from "@/lib/v1/api-text";
import { groupText } from "@/lib/v1/openapi";
import { operationGroups } from "@/lib/v1/operations";
import { referenceEntry } from "@/lib/v1/reference";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ApiReference");
  return { title: t("title") };
}

/** This server's own address, so the examples run as pasted. */
async function baseUrl(): Promise<string> {
  const list = await headers();
  const proto = list.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return `${proto}://${list.get("host") ?? "localhost:3000"}`;
}

/**
 * The REST API's reference, rendered from the operations list /v1/openapi.json is generated from, in
 * the reader's language (the document itself stays English).
 */
export default async function ApiReferencePage() {
  const t = await getTranslations("ApiReference");
  const text = apiText(await getLocale());
  const groups = operationGroups.map((group) => ({ id: group.id, ...groupText(group, text), entries: group.operations.map((op) => referenceEntry(op, text)) }));
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm">{t("intro")}</p>
      </div>
      <nav aria-label={t("endpoints")} className="text-sm">
        <ul className="columns-1 gap-8 sm:columns-2">
          {groups.map((group) => (
            <li key={group.id} className="mb-3 break-inside-avoid">
              <span className="font-semibold">{group.name}</span>
              <ul>
                {group.entries.map((entry) => (
                  <li key={entry.id}>
                    <a href={`#${entry.id}`} className="text-blue-800 hover:underline">
                      <span className="font-mono text-xs">{entry.method}</span> {entry.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      <ApiGettingStarted baseUrl={await baseUrl()} />
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="space-y-4">
          <h2 id={`group-${group.id}`} className="text-xl font-semibold">
            {group.name}
          </h2>
          <p className="text-sm text-neutral-700">{group.description}</p>
          {group.entries.map((entry) => (
            <ApiEndpoint key={entry.id} entry={entry} />
          ))}
        </section>
      ))}
    </div>
  );
}
