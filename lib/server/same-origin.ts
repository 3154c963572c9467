/**
 * Cross-site request refusal for the JSON API. The session cookie is SameSite=Lax, which still lets
 * another origin of the same site (127.0.0.1:3999 vs 127.0.0.1:3100, a sibling subdomain) send it
 * with a POST, and a `text/plain` or form POST needs no CORS preflight. So a state-changing request
 * must come from our own origin. Browsers say where a request comes from in `Sec-Fetch-Site` and
 * `Origin`, and a page cannot forge either. A request with neither (curl, scripts) is allowed:
 * no browser is involved, so no one else's cookie can ride along.
 */

/** Methods that change state. GET and HEAD never do in this app, so they are not checked. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** Null when the request may proceed; otherwise the error code to answer with (403). */
export function crossSiteRefusal(request: Request): "cross_site" | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  // "same-site" is not enough: another port or subdomain of this site is another origin.
  if (fetchSite !== null && fetchSite.trim().toLowerCase() !== "same-origin") return "cross_site";
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const claimed = originOf(origin); // "null" (sandboxed frames, some redirects) is never ours
  return claimed !== null && ownOrigins(request).has(claimed) ? null : "cross_site";
}

/**
 * The origins this request was addressed to. Next builds `request.url` from the host it listens on
 * (`localhost:3100`), not from the address the browser used (`127.0.0.1:3100`), so the `Host`
 * header counts too, and behind a reverse proxy so do `X-Forwarded-Host`/`-Proto` (Next's own
 * server action check trusts them the same way). A page cannot set either header on a cross-site
 * request, so trusting them does not help an attacker.
 */
function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const scheme = url.protocol.replace(/:$/, "");
  const forwardedScheme = firstValue(request.headers.get("x-forwarded-proto")) ?? scheme;
  const candidates = [url.origin, withScheme(scheme, request.headers.get("host")), withScheme(forwardedScheme, firstValue(request.headers.get("x-forwarded-host")))];
  return new Set(candidates.filter((o): o is string => o !== null));
}

function withScheme(scheme: string, host: string | null | undefined): string | null {
  return host ? originOf(`${scheme}://${host}`) : null;
}

/** Serialised origin (lower-case, default port dropped), or null for "null" and garbage. */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
