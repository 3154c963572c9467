import Link from "next/link";
import type { Customer } from "@/db/schema";
import type { CustomerSort } from "@/lib/subscriptions";
import { useFormat } from "@/lib/use-format";
import { useTranslations } from "@/lib/use-translations";

const COLUMNS: CustomerSort[] = ["name", "segment", "country", "created"];

/** Rendered in the browser by CustomersBrowser, so its words come from the client's Customers namespace. */
export function CustomersTable({ customers, sort, dir, q }: { customers: Customer[]; sort: CustomerSort; dir: "asc" | "desc"; q?: string }) {
  const t = useTranslations("Customers");
  const labels = useTranslations("Labels");
  const f = useFormat();
  const sortHref = (key: CustomerSort) => {
    const search = new URLSearchParams();
    if (q) search.set("q", q);
    search.set("sort", key);
    search.set("dir", key === sort && dir === "asc" ? "desc" : "asc");
    return `/customers?${search}`;
  };
  if (customers.length === 0) return <p className="rounded-lg border border-neutral-200 bg-white p-6 text-sm">{t("noMatch")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 bg-neutral-50">
          <tr>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" className="px-4 py-2 font-semibold" aria-sort={key === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={sortHref(key)} className="hover:underline">
                  {t(`columns.${key}`)}
                  {key === sort && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
                </Link>
              </th>
            ))}
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("columns.contact")}
            </th>
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <tr key={c.id} className="border-b border-neutral-100 last:border-0 hover:bg-brand-50">
              <td className="px-4 py-2">
                <Link href={`/customers/${c.id}`} className="font-semibold text-brand-700 hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="px-4 py-2">{labels(`segment.${c.segment}`)}</td>
              <td className="px-4 py-2">{f.country(c.billingCountry)}</td>
              <td className="px-4 py-2">{f.date(c.createdAt)}</td>
              <td className="px-4 py-2">
                {c.contactName}
                <span className="block text-xs text-neutral-600">{c.contactEmail}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
