import type { Metadata } from "next";
import { getDb } from "@/db";
import { requireActor } from "@/lib/server/context";
import { listCustomers } from "@/lib/subscriptions";
import { customerListParamsSchema, parseListParams } from "@/lib/validation";
import { CustomersBrowser } from "@/components/CustomersBrowser";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Customers");
  return { title: t("title") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations("Customers");
  const { params, searchError } = parseListParams(customerListParamsSchema, await searchParams);
  // A refused search shows its message and no customers (CustomersBrowser says why), never the whole list.
  const initial = searchError ? { items: [], total: 0, page: 1, pageCount: 1, nextCursor: null, prevCursor: null } : listCustomers(getDb(), actor, params);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <CustomersBrowser key={JSON.stringify(params)} initial={initial} params={params} />
    </div>
  );
}
