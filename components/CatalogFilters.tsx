"use client";

import { useTranslations } from "@/lib/use-translations";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useProblemText } from "@/lib/use-problem-text";
import { searchProblem } from "@/lib/validation";
import { TextInput } from "./ui/Field";

/** Each filter's values in the URL, with their shared labels (Labels). */
const GROUPS = [
  { key: "publisher", options: [["microsoft", "publisher.microsoft"], ["partner", "publisher.partner"]] },
  { key: "billingType", options: [["license", "billingType.license"], ["usage", "billingType.usage"]] },
  { key: "category", options: [["enterprise", "category.enterprise"], ["small_business", "category.small_business"], ["trial", "category.trial"]] },
] as const;

/** The page's words for the filters (Catalog.filters, which stays on the server). */
export interface CatalogFiltersText {
  label: string;
  search: string;
  searchPlaceholder: string;
  updating: string;
  publisher: string;
  billingType: string;
  category: string;
}

/** The seed's filters, combinable, kept in the URL; the search box searches as you type. */
export function CatalogFilters({ text }: { text: CatalogFiltersText }) {
  const labels = useTranslations("Labels");
  const problemText = useProblemText();
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
    <aside aria-label={text.label} className="space-y-5" aria-busy={pending}>
      <div>
        <label htmlFor="offer-search" className="block text-sm font-semibold">
          {text.search}
        </label>
        <TextInput id="offer-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={text.searchPlaceholder} invalid={!!searchError} errorId="offer-search-error" />
        {searchError && (
          <p id="offer-search-error" role="alert" className="mt-1 text-xs font-semibold text-red-700">
            {problemText(searchError)}
          </p>
        )}
      </div>
      {GROUPS.map((group) => (
        <fieldset key={group.key}>
          <legend className="text-sm font-semibold">{text[group.key]}</legend>
          <div className="mt-1 space-y-1">
            {group.options.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={params.getAll(group.key).includes(value)} onChange={(e) => toggle(group.key, value, e.target.checked)} />
                {labels(label)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {pending && <p className="text-xs text-neutral-600" role="status">{text.updating}</p>}
    </aside>
  );
}
