"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "@/lib/use-translations";
import { useEffect, useState } from "react";
import type { Customer } from "@/db/schema";
import type { CursorPage, CustomerSort } from "@/lib/subscriptions";
import { useProblemText } from "@/lib/use-problem-text";
import { searchProblem } from "@/lib/validation";
import { CustomersTable } from "./CustomersTable";
import { Pagination } from "./ui/Pagination";
import { TextInput } from "./ui/Field";
import { buttonClass } from "./ui/Button";

interface Params {
  q?: string;
  sort?: CustomerSort;
  dir?: "asc" | "desc";
  page?: number;
  /** The keyset cursor of the page shown, from a Previous/Next link. */
  cursor?: string;
}

function query(params: Params): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.sort) search.set("sort", params.sort);
  if (params.dir) search.set("dir", params.dir);
  if (params.cursor) search.set("cursor", params.cursor);
  else if (params.page && params.page > 1) search.set("page", String(params.page));
  return search.toString();
}

/** `failed` is what to say, in the reader's language, when the list can't be loaded. */
async function fetchCustomers(params: Params, failed: string): Promise<CursorPage<Customer>> {
  const response = await fetch(`/api/customers?${query(params)}`);
  if (!response.ok) {
    // A refused request (400) says why; anything else is worth a retry.
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(response.status === 400 && body?.error?.message ? body.error.message : failed);
  }
  const page = (await response.json()) as CursorPage<Customer>;
  return { ...page, items: page.items.map((c) => ({ ...c, createdAt: new Date(c.createdAt), firstBillingAt: c.firstBillingAt && new Date(c.firstBillingAt) })) };
}

/** Search as you type: the server's first page seeds TanStack Query; each search is a query kept in the URL. */
export function CustomersBrowser({ initial, params }: { initial: CursorPage<Customer>; params: Params }) {
  const t = useTranslations("Customers");
  const [q, setQ] = useState(params.q ?? "");
  const [debounced, setDebounced] = useState(q);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const current: Params = debounced === (params.q ?? "") ? params : { sort: params.sort, dir: params.dir, q: debounced };
  useEffect(() => {
    const qs = query(current);
    window.history.replaceState(null, "", qs ? `/customers?${qs}` : "/customers");
  }, [current.q, current.sort, current.dir, current.page, current.cursor]); // eslint-disable-line react-hooks/exhaustive-deps
  // A search the server would refuse is not sent: its message shows instead of any customers.
  const searchError = searchProblem(current.q ?? "");
  const problemText = useProblemText();
  const { data, isFetching, error } = useQuery({
    queryKey: ["customers", current],
    queryFn: () => fetchCustomers(current, t("loadFailed")),
    initialData: current === params ? initial : undefined,
    placeholderData: keepPreviousData,
    enabled: !searchError,
  });
  const result = data ?? initial;
  return (
    <div className="space-y-4">
      <form
        role="search"
        className="flex max-w-xl items-center gap-3"
        action="/customers"
        onSubmit={(e) => {
          e.preventDefault();
          setDebounced(q.trim());
        }}
      >
        <label htmlFor="customer-search" className="sr-only">
          {t("search.label")}
        </label>
        <TextInput
          id="customer-search"
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("search.placeholder")}
          invalid={!!searchError}
          errorId="customer-search-error"
        />
        <button type="submit" className={buttonClass("secondary")}>
          {t("search.submit")}
        </button>
        <span role="status" className="w-20 text-xs text-neutral-600">
          {isFetching ? t("searching") : ""}
        </span>
      </form>
      {searchError ? (
        <p id="customer-search-error" role="alert" className="text-sm font-semibold text-red-700">
          {problemText(searchError)}
        </p>
      ) : (
        <>
          {error && <p role="alert" className="text-sm font-semibold text-red-700">{error.message}</p>}
          <CustomersTable customers={result.items} sort={current.sort ?? "name"} dir={current.dir ?? "asc"} q={current.q} />
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            items={t("count", { count: result.total })}
            params={{ q: current.q, sort: current.sort, dir: current.dir }}
            basePath="/customers"
            cursors={{ prev: result.prevCursor, next: result.nextCursor }}
          />
        </>
      )}
    </div>
  );
}
