/** Where sign-in lands when `next` is missing or unsafe. */
export const DEFAULT_NEXT = "/customers";

/** Longer than any page of ours with its filters; a longer `next` is junk or an attack. */
export const MAX_NEXT_LENGTH = 2048;

const HERE = "http://partner-center.invalid";

/**
 * The page to open after sign-in: only ever a path on this site, else the fallback.
 *
 * Browsers read `//host`, `/\host` and `\\host` as another origin, drop tabs and newlines anywhere in a
 * URL (so `/\t/host` is `//host`), and resolve dot segments (so `/.//host` and `/..//host` become
 * `//host` once parsed). So: refuse control characters and backslashes outright, resolve the path the
 * way a browser would, and accept the result only if it still starts with one `/` and a character that
 * is neither `/` nor `\`.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_NEXT_LENGTH) return DEFAULT_NEXT;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_NEXT;
  if (!/^\/(?![/\\])/.test(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== HERE) return DEFAULT_NEXT;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?![/\\])/.test(path) ? path : DEFAULT_NEXT;
}
