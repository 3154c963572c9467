import { cursorHref, listHref, PrevNextLinks } from "./CursorLinks";

/**
 * Previous/next links that keep the other search params. A list paged by keyset passes `cursors`:
 * its links then carry the cursor of the page they open (no OFFSET however deep); otherwise `?page=`.
 */
export function Pagination({
  page,
  pageCount,
  total,
  params,
  basePath,
  noun,
  cursors,
}: {
  page: number;
  pageCount: number;
  total: number;
  params: Record<string, string | string[] | undefined>;
  basePath: string;
  noun: string;
  cursors?: { prev: string | null; next: string | null };
}) {
  const href = (p: number) => listHref(basePath, params, p > 1 ? { page: String(p) } : {});
  const prev = cursors ? cursors.prev && cursorHref(basePath, params, cursors.prev) : page > 1 ? href(page - 1) : null;
  const next = cursors ? cursors.next && cursorHref(basePath, params, cursors.next) : page < pageCount ? href(page + 1) : null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-neutral-700">
      <span>
        {total} {total === 1 ? noun.replace(/s$/, "") : noun} · page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        <PrevNextLinks prev={prev} next={next} />
      </span>
    </nav>
  );
}
