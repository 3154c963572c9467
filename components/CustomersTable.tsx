import Link from "next/link";
import type { Customer } from "@/db/schema";
import type { CustomerSort } from "@/lib/subscriptions";
import { countryName, formatDate, SEGMENT_LABELS } from "@/lib/format";

const COLUMNS: { key: CustomerSort; label: string }[] = [
  { key: "name", label: "Customer name" },
  { key: "segment", label: "Segment" },
  { key: "country", label: "Billing country" },
  { key: "created", label: "Created" },
];

export function CustomersTable({ customers, sort, dir, q }: { customers: Customer[]; sort: CustomerSort; dir: "asc" | "desc"; q?: string }) {
  const sortHref = (key: CustomerSort) => {
    const search = new URLSearchParams();
    if (q) search.set("q", q);
    search.set("sort", key);
    search.set("dir", key === sort && dir === "asc" ? "desc" : "asc");
    return `/customers?${search}`;
  };
  if (customers.length === 0) return <p className="rounded-lg border border-neutral-200 bg-white p-6 text-sm">No customers match your search.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 bg-neutral-50">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-4 py-2 font-semibold" aria-sort={c.key === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={sortHref(c.key)} className="hover:underline">
                  {c.label}
                  {c.key === sort && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
                </Link>
              </th>
            ))}
            <th scope="col" className="px-4 py-2 font-semibold">
              Primary contact
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
              <td className="px-4 py-2">{SEGMENT_LABELS[c.segment]}</td>
              <td className="px-4 py-2">{countryName(c.billingCountry)}</td>
              <td className="px-4 py-2">{formatDate(c.createdAt)}</td>
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
