import type { Metadata } from "next";
import { headers } from "next/headers";
import { ApiEndpoint } from "@/components/ApiEndpoint";
import { ApiGettingStarted } from "@/components/ApiGettingStarted";
import { operationGroups } from "@/lib/v1/operations";
import { referenceEntry } from "@/lib/v1/reference";

export const metadata: Metadata = { title: "API reference" };

/** This server's own address, so the examples run as pasted. */
async function baseUrl(): Promise<string> {
  const list = await headers();
  const proto = list.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return `${proto}://${list.get("host") ?? "localhost:3000"}`;
}

/** The REST API's reference, rendered from the operations list /v1/openapi.json is generated from. */
export default async function ApiReferencePage() {
  const groups = operationGroups.map((group) => ({ ...group, slug: group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), entries: group.operations.map(referenceEntry) }));
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="max-w-3xl text-sm">
          Partner Center&apos;s REST API for subscriptions, served by this product over the same rules as these pages: the same resources, fields, status codes and
          error codes, so integration code written for Partner Center runs here unchanged.
        </p>
      </div>
      <nav aria-label="Endpoints" className="text-sm">
        <ul className="columns-1 gap-8 sm:columns-2">
          {groups.map((group) => (
            <li key={group.name} className="mb-3 break-inside-avoid">
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
        <section key={group.name} aria-labelledby={`group-${group.slug}`} className="space-y-4">
          <h2 id={`group-${group.slug}`} className="text-xl font-semibold">
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
