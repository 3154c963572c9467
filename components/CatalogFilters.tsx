"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { searchProblem } from "@/lib/validation";
import { TextInput } from "./ui/Field";

const GROUPS = [
  { key: "publisher", legend: "Publisher", options: [["microsoft", "Microsoft"], ["partner", "Partner"]] },
  { key: "billingType", legend: "Billing type", options: [["license", "License"], ["usage", "Usage"]] },
  { key: "category", legend: "Category", options: [["enterprise", "Enterprise"], ["small_business", "Small business"], ["trial", "Trial"]] },
] as const;

/** The seed's filters, combinable, kept in the URL; the search box searches as you type. */
export function CatalogFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");
  // The server refuses the same search (and lists no offers): say why here, as the user types.
  const searchError = searchProblem(q);

  const navigate = (next: URLSearchParams) => {
    next.delete("page");
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  };

  useEffect(() => {
    if ((params.get("q") ?? "") === q) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (q) next.set("q", q);
      else next.delete("q");
      navigate(next);
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const toggle = (key: string, value: string, checked: boolean) => {
    const next = new URLSearchParams(params);
    const values = next.getAll(key).filter((v) => v !== value);
    next.delete(key);
    for (const v of checked ? [...values, value] : values) next.append(key, v);
    navigate(next);
  };

  return (
    <aside aria-label="Filters" className="space-y-5" aria-busy={pending}>
      <div>
        <label htmlFor="offer-search" className="block text-sm font-semibold">
          Search offers
        </label>
        <TextInput id="offer-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Offer name" invalid={!!searchError} errorId="offer-search-error" />
        {searchError && (
          <p id="offer-search-error" role="alert" className="mt-1 text-xs font-semibold text-red-700">
            {searchError}
          </p>
        )}
      </div>
      {GROUPS.map((group) => (
        <fieldset key={group.key}>
          <legend className="text-sm font-semibold">{group.legend}</legend>
          <div className="mt-1 space-y-1">
            {group.options.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={params.getAll(group.key).includes(value)} onChange={(e) => toggle(group.key, value, e.target.checked)} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {pending && <p className="text-xs text-neutral-600" role="status">Updating…</p>}
    </aside>
  );
}
