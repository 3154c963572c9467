import { useTranslations } from "@/lib/use-translations";
import { cursorHref, listHref, PrevNextLinks } from "./CursorLinks";

/**
 * Previous/next links that keep the other search params. A list paged by keyset passes `cursors`:
 * its links then carry the cursor of the page they open (no OFFSET however deep); otherwise `?page=`.
 *
 * `items` is how many the list holds, already in the reader's language and count-aware, because only
 * the page knows what it lists: e.g. `t("count", { count: total })` with the page's message
 * "{count, plural, one {# customer} other {# customers}}". It is shown as "12 customers · page 1 of 3".
 */
export function Pagination({
  page,
  pageCount,
  items,
  params,
  basePath,
  cursors,
}: {
  page: number;
  pageCount: number;
  items: string;
  params: Record<string, string | string[] | undefined>;
  basePath: string;
  cursors?: { prev: string | null; next: string | null };
}) {
  const t = useTranslations("Common.pagination");
  const href = (p: number) => listHref(basePath, params, p > 1 ? { page: String(p) } : {});
  const prev = cursors ? cursors.prev && cursorHref(basePath, params, cursors.prev) : page > 1 ? href(page - 1) : null;
  const next = cursors ? cursors.next && cursorHref(basePath, params, cursors.next) : page < pageCount ? href(page + 1) : null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between text-sm text-neutral-700">
      <span>{t("summary", { items, page, pageCount })}</span>
      <span className="flex gap-2">
        <PrevNextLinks prev={prev} next={next} />
      </span>
    </nav>
  );
}
