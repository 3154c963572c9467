import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { browserLocaleOf } from "@/lib/browser-locale";
import type { ErrorCode } from "@/lib/errors";
import { MESSAGES } from "@/messages";

/**
 * Runs before every page request (static files aside), and before an API request whose path has an
 * escape (see `config`):
 * 1. an address whose path is not valid UTF-8 once decoded (`/customers/%FF%FE`) is a 404, because
 *    Next's router would otherwise fail to decode it and answer a plain-text 500;
 * 2. requests without a session cookie go to sign-in (API: 401). An optimistic check only: every
 *    page, action and API handler still checks the session itself, because they are public endpoints;
 * 3. every answer gets the security headers, /sign-in and the 404s included (the JSON APIs' other
 *    answers get theirs from next.config.js).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = route(request, requestHeaders);
  for (const [name, value] of Object.entries(securityHeaders(csp))) response.headers.set(name, value);
  return response;
}

function route(request: NextRequest, requestHeaders: Headers): NextResponse {
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  if (!decodes(pathname)) {
    if (isApi) return apiRefusal(request, "not_found:path", 404);
    // An underscore folder is never a route in the App Router, so this renders app/not-found.tsx with a 404.
    return NextResponse.rewrite(new URL("/_invalid-address", request.url), { request: { headers: requestHeaders } });
  }
  if (isPublic(pathname) || request.cookies.has(SESSION_COOKIE)) return NextResponse.next({ request: { headers: requestHeaders } });
  if (isApi) return apiRefusal(request, "unauthenticated", 401);
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("next", pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

/**
 * /api's JSON refusal, in the browser's language. Both messages are plain text (no ICU arguments), so
 * the proxy reads them as they are rather than load a translator into every request's path.
 */
function apiRefusal(request: NextRequest, code: Extract<ErrorCode, "not_found:path" | "unauthenticated">, status: number): NextResponse {
  return NextResponse.json({ error: { code, message: MESSAGES[browserLocaleOf(request.headers)].Errors[code] } }, { status });
}

/**
 * Addresses anyone may open without a session: the sign-in page, and the REST API (/v1 and its token
 * endpoint), which authenticates with bearer tokens, never the cookie, and answers 401 itself.
 */
function isPublic(pathname: string): boolean {
  return [/^\/sign-in(\/|$)/, /^\/v1(\/|$)/, /^\/oauth2(\/|$)/].some((path) => path.test(pathname));
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Scripts: only ours, each carrying this request's nonce ('strict-dynamic' lets them load Next's
 * chunks). Styles allow inline `style=` because sonner and Radix set them; a nonce in style-src would
 * switch 'unsafe-inline' off, so there is none. No `upgrade-insecure-requests`: the demo is served
 * over plain http (127.0.0.1 in the e2e runs), where it would break every asset.
 * Development needs 'unsafe-eval' for React's debugging (as Next's CSP guide does).
 */
function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
  };
}

export const config = {
  matcher: [
    // Every page but build assets: /sign-in and the 404s need the headers too.
    "/((?!_next/static|_next/image|favicon.ico|api(?:/|$)|v1(?:/|$)|oauth2(?:/|$)).*)",
    // The JSON APIs only where a path may not decode. Running a proxy costs every request Next's
    // middleware round (0.4 ms, a third of a bare route handler's time: Buy over HTTP went from 170
    // to 220 orders/s without it), and an API handler checks its caller and input itself.
    "/(api|v1|oauth2)/(.*%.*)",
  ],
};
