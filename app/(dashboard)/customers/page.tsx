import type { Metadata } from "next";
import { getDb } from "@/db";
import { requireActor } from "@/lib/server/context";
import { listCustomers } from "@/lib/subscriptions";
import { customerListParamsSchema } from "@/lib/validation";
import { CustomersTable } from "@/components/CustomersTable";
import { Pagination } from "@/components/ui/Pagination";
import { buttonClass } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Field";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const params = customerListParamsSchema.parse(raw);
  const result = listCustomers(getDb(), actor, params);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Customers</h1>
      <form role="search" className="flex max-w-xl gap-2" action="/customers">
        <label htmlFor="customer-search" className="sr-only">
          Search customers by name
        </label>
        <input id="customer-search" name="q" type="search" defaultValue={params.q ?? ""} placeholder="Search by name" className={inputClass} />
        {params.sort && <input type="hidden" name="sort" value={params.sort} />}
        {params.dir && <input type="hidden" name="dir" value={params.dir} />}
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      <CustomersTable customers={result.items} sort={params.sort ?? "name"} dir={params.dir ?? "asc"} q={params.q} />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={raw} basePath="/customers" noun="customers" />
    </div>
  );
}
