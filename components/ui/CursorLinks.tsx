import Link from "next/link";
import { useTranslations } from "@/lib/use-translations";

type Params = Record<string, string | string[] | undefined>;

/** A list's address with its other params kept; a page number and a cursor give way to `set`. */
export function listHref(basePath: string, params: Params, set: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" || key === "cursor" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  for (const [key, value] of Object.entries(set)) search.set(key, value);
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** A list's address at a keyset cursor, keeping its other params. */
export function cursorHref(basePath: string, params: Params, cursor: string): string {
  return listHref(basePath, params, { cursor });
}

const pageLinkClass = "rounded border border-neutral-300 bg-white px-3 py-1 text-sm hover:bg-neutral-100";

/**
 * The Previous and Next links themselves; a missing href leaves its link out. The labels default to
 * "Previous" and "Next" in the reader's language; a list may pass its own, translated (e.g. Newer/Older).
 */
export function PrevNextLinks({ prev, next, prevLabel, nextLabel }: { prev: string | null; next: string | null; prevLabel?: string; nextLabel?: string }) {
  const t = useTranslations("Common.pagination");
  return (
    <>
      {prev && (
        <Link className={pageLinkClass} href={prev}>
          {prevLabel ?? t("previous")}
        </Link>
      )}
      {next && (
        <Link className={pageLinkClass} href={next}>
          {nextLabel ?? t("next")}
        </Link>
      )}
    </>
  );
}

/** Previous/next links of a list paged by keyset: each carries the cursor of the page it opens. */
export function CursorLinks({
  basePath,
  params,
  prevCursor,
  nextCursor,
  prevLabel,
  nextLabel,
}: {
  basePath: string;
  params: Params;
  prevCursor: string | null;
  nextCursor: string | null;
  prevLabel?: string;
  nextLabel?: string;
}) {
  const t = useTranslations("Common.pagination");
  if (!prevCursor && !nextCursor) return null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex justify-end gap-2 text-sm">
      <PrevNextLinks
        prev={prevCursor && cursorHref(basePath, params, prevCursor)}
        next={nextCursor && cursorHref(basePath, params, nextCursor)}
        prevLabel={prevLabel}
        nextLabel={nextLabel}
      />
    </nav>
  );
}
