import Link from "next/link";

type Params = Record<string, string | string[] | undefined>;

/** A list's address at a keyset cursor, keeping its other params (a page number gives way to the cursor). */
export function cursorHref(basePath: string, params: Params, cursor: string): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" || key === "cursor" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  search.set("cursor", cursor);
  return `${basePath}?${search}`;
}

export const pageLinkClass = "rounded border border-neutral-300 bg-white px-3 py-1 text-sm hover:bg-neutral-100";

/** Previous/next links of a list paged by keyset: each carries the cursor of the page it opens. */
export function CursorLinks({
  basePath,
  params,
  prevCursor,
  nextCursor,
  prevLabel = "Previous",
  nextLabel = "Next",
}: {
  basePath: string;
  params: Params;
  prevCursor: string | null;
  nextCursor: string | null;
  prevLabel?: string;
  nextLabel?: string;
}) {
  if (!prevCursor && !nextCursor) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2 text-sm">
      {prevCursor && (
        <Link className={pageLinkClass} href={cursorHref(basePath, params, prevCursor)}>
          {prevLabel}
        </Link>
      )}
      {nextCursor && (
        <Link className={pageLinkClass} href={cursorHref(basePath, params, nextCursor)}>
          {nextLabel}
        </Link>
      )}
    </nav>
  );
}
