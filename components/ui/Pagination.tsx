import Link from "next/link";

/** Previous/next links that keep the other search params. */
export function Pagination({ page, pageCount, total, params, basePath, noun }: { page: number; pageCount: number; total: number; params: Record<string, string | string[] | undefined>; basePath: string; noun: string }) {
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (key === "page" || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
    }
    if (p > 1) search.set("page", String(p));
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const link = "rounded border border-neutral-300 bg-white px-3 py-1 text-sm hover:bg-neutral-100";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-neutral-700">
      <span>
        {total} {total === 1 ? noun.replace(/s$/, "") : noun} · page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={link} href={href(page - 1)}>
            Previous
          </Link>
        )}
        {page < pageCount && (
          <Link className={link} href={href(page + 1)}>
            Next
          </Link>
        )}
      </span>
    </nav>
  );
}
