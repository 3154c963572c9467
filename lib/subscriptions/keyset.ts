/**
 * Keyset (seek) pagination: a page starts just after the last row of the page before it, found by
 * an index seek on the row's sort key, so page 2,000 costs what page 1 costs (an OFFSET walks and
 * drops every row before it). Previous/next links carry an opaque cursor holding that key.
 *
 * A list is one or more segments read in order, each an index walk: usually one, but a sort the
 * index can't give in one walk (countries by the names shown, subscriptions by offer name) reads one
 * segment per country or offer, in the order the list shows them.
 */

export type KeyPart = string | number;
type Segment = string | null;

export interface RowsQuery {
  /** Rows strictly after this key in list order (strictly before it when `back`). */
  from?: KeyPart[];
  /** Walk the segment in reverse list order. */
  back: boolean;
  limit: number;
  /** Rows to skip first: only for a page asked for by number. */
  offset?: number;
}

export interface KeysetSource<T> {
  /** The segments in list order; `[null]` for a list that is one index walk. */
  segments: readonly Segment[];
  /** Up to `limit` rows of one segment, in list order (reverse when `back`). */
  rows(segment: Segment, query: RowsQuery): T[];
  /** The row's sort key within its segment, ending in its unique id. */
  key(row: T): KeyPart[];
  segmentOf(row: T): Segment;
  /** Rows per segment: needed only to reach a page by number in a list of several segments. */
  counts?(): Map<Segment, number>;
}

interface Cursor {
  /** Which list the cursor was made for (partner, sort, search, filters): another list's cursor is ignored. */
  list: string;
  segment: Segment;
  key: KeyPart[];
  /** The page starts just before the key (a "Previous" link) rather than after it. */
  back: boolean;
  /** The page number to show: the position is the key, this is only for "page 3 of 9". */
  page: number;
}

/**
 * A short fingerprint of the list a cursor belongs to (its partner, sort, search and filters): a
 * cursor carried to another list is recognised and ignored, without spelling the search out in the
 * URL. FNV-1a, twice with different seeds: a guard against mix-ups, not a secret (the key isn't either).
 */
function listTag(list: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < list.length; i++) h = Math.imul(h ^ list.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(36);
  };
  return `${fnv(0x811c9dc5)}.${fnv(0x9747b28c)}`;
}

export function encodeCursor(cursor: Cursor): string {
  const { list, segment, key, back, page } = cursor;
  return Buffer.from(JSON.stringify({ l: listTag(list), s: segment, k: key, b: back ? 1 : 0, p: page })).toString("base64url");
}

const isKeyPart = (v: unknown): v is KeyPart => (typeof v === "string" && v.length <= 200) || (typeof v === "number" && Number.isSafeInteger(v));

/** The cursor, or undefined when it is garbage or was made for another list: the caller shows page 1. */
export function decodeCursor(text: string | undefined, list: string): Cursor | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof raw !== "object" || raw === null) return undefined;
  const { l, s, k, b, p } = raw as Record<string, unknown>;
  if (l !== listTag(list) || !(s === null || typeof s === "string") || !Array.isArray(k) || k.length === 0 || k.length > 4 || !k.every(isKeyPart)) return undefined;
  if ((b !== 0 && b !== 1) || typeof p !== "number" || !Number.isSafeInteger(p) || p < 1) return undefined;
  return { list, segment: s, key: k, back: b === 1, page: p };
}

export interface KeysetPage<T> {
  items: T[];
  page: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Reads up to `limit` rows from a position, crossing into the following segments as needed. */
function walk<T>(source: KeysetSource<T>, back: boolean, limit: number, start: { segment?: Segment; from?: KeyPart[]; offset?: number } = {}): T[] {
  const segments = back ? [...source.segments].reverse() : source.segments;
  const first = start.segment === undefined ? 0 : segments.indexOf(start.segment);
  const rows: T[] = [];
  for (let i = first; i < segments.length && rows.length < limit; i++) {
    const query = i === first ? { from: start.from, offset: start.offset } : {};
    rows.push(...source.rows(segments[i], { ...query, back, limit: limit - rows.length }));
  }
  return rows;
}

/** Where page `page` starts: its segment and the offset within it. */
function offsetStart<T>(source: KeysetSource<T>, offset: number): { segment?: Segment; offset: number } {
  if (source.segments.length <= 1 || offset === 0) return { offset };
  const counts = source.counts?.() ?? new Map<Segment, number>();
  let skipped = 0;
  for (const segment of source.segments) {
    const n = counts.get(segment) ?? 0;
    if (skipped + n > offset) return { segment, offset: offset - skipped };
    skipped += n;
  }
  return { segment: source.segments.at(-1), offset: Number.MAX_SAFE_INTEGER };
}

/**
 * One page of a list: from a cursor when given (an unknown or foreign one shows page 1), else by
 * page number (an OFFSET walk of the index, for typed-in links; the app's own links carry cursors).
 * `pageCount` (when the list knows its total) keeps the page number shown within range.
 */
export function keysetPage<T>(source: KeysetSource<T>, list: string, params: { cursor?: string; page?: number; size: number; pageCount?: number }): KeysetPage<T> {
  const { size } = params;
  const lastPage = params.pageCount ?? Number.MAX_SAFE_INTEGER;
  const cursorAt = (row: T, back: boolean, page: number) => encodeCursor({ list, segment: source.segmentOf(row), key: source.key(row), back, page });
  const result = (items: T[], page: number, hasPrev: boolean, hasNext: boolean): KeysetPage<T> => ({
    items,
    page,
    prevCursor: hasPrev && items.length > 0 ? cursorAt(items[0], true, Math.max(1, page - 1)) : null,
    nextCursor: hasNext && items.length > 0 ? cursorAt(items[items.length - 1], false, Math.min(page + 1, lastPage)) : null,
  });
  /** A forward read of size + 1 rows: the extra one only says whether a next page exists. */
  const forward = (rows: T[], page: number, hasPrev: boolean) => result(rows.slice(0, size), page, hasPrev, rows.length > size);
  const firstPage = () => forward(walk(source, false, size + 1), 1, false);

  const cursor = decodeCursor(params.cursor, list);
  if (cursor && !source.segments.includes(cursor.segment)) return firstPage();
  if (cursor && !cursor.back) {
    const rows = walk(source, false, size + 1, { segment: cursor.segment, from: cursor.key });
    // Past the end (the rows after it were deleted, or another partner's cursor): start over.
    if (rows.length === 0) return firstPage();
    return forward(rows, Math.min(Math.max(2, cursor.page), lastPage), true);
  }
  if (cursor) {
    const rows = walk(source, true, size + 1, { segment: cursor.segment, from: cursor.key });
    // Back at the start: show the first page whole, not the few rows that happen to precede the key.
    if (rows.length <= size) return firstPage();
    // The row the cursor names (or whatever now follows it) is the next page.
    return result(rows.slice(0, size).reverse(), Math.min(Math.max(2, cursor.page), lastPage), true, true);
  }
  const page = Math.min(Math.max(1, params.page ?? 1), lastPage);
  if (page === 1) return firstPage();
  const rows = walk(source, false, size + 1, offsetStart(source, (page - 1) * size));
  return rows.length === 0 ? firstPage() : forward(rows, page, true);
}
