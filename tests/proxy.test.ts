import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import type { NextConfig } from "next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { config, proxy } from "@/proxy";

const BASE = "http://127.0.0.1:3100";

function request(path: string, { signedIn = true } = {}) {
  return new NextRequest(new URL(path, BASE), { headers: signedIn ? { cookie: `${SESSION_COOKIE}=token` } : {} });
}

/** What Next forwards to the page as request headers (NextResponse.next({ request: { headers } })). */
function forwardedRequestHeader(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("proxy: security headers", () => {
  it.each([
    ["a page", "/customers", true],
    ["the sign-in page, without a session", "/sign-in", false],
    ["the 401 of an API call without a session", "/api/customers/caf%C3%A9", false],
    ["the redirect to sign-in", "/customers/fabrikam", false],
  ])("are on %s", (_name, path, signedIn) => {
    const response = proxy(request(path, { signedIn }));
    const csp = directives(response.headers.get("content-security-policy"));
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("allows scripts only from this site with a fresh nonce, also handed to Next on the request", () => {
    const first = proxy(request("/customers"));
    const second = proxy(request("/customers"));
    const scriptSrc = directives(first.headers.get("content-security-policy")).get("script-src")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(scriptSrc).not.toContain("unsafe");
    // Next reads the nonce from the request's CSP header and stamps it on its own <script> tags.
    expect(forwardedRequestHeader(first, "content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(second.headers.get("content-security-policy")).not.toBe(first.headers.get("content-security-policy"));
  });

  it("allows 'unsafe-eval' in development only", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(directives(proxy(request("/customers")).headers.get("content-security-policy")).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("proxy: sessions", () => {
  it("sends a page request without a session to sign-in, keeping where it was going", () => {
    const response = proxy(request("/customers/fabrikam?tab=billing", { signedIn: false }));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/customers/fabrikam?tab=billing");
  });

  it("lets /sign-in through without a session (no redirect loop)", () => {
    const response = proxy(request("/sign-in?next=/customers", { signedIn: false }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("location")).toBeNull();
  });

  it("answers an API call without a session with a JSON 401", async () => {
    const response = proxy(request("/api/customers", { signedIn: false }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated", message: "Sign in to continue." } });
  });

  it("says it in the browser's language", async () => {
    const swedish = new NextRequest(new URL("/api/customers", BASE), { headers: { "accept-language": "sv-SE,sv;q=0.9" } });
    expect(await proxy(swedish).json()).toMatchObject({ error: { code: "unauthenticated", message: "Logga in för att fortsätta." } });
  });
});

describe("proxy: addresses that are not valid UTF-8", () => {
  it("answers an API call with a JSON 404", async () => {
    const response = proxy(request("/api/subscriptions/%FF%FE"));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found:path" } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("renders the not-found page for a page, signed in or not (rather than redirecting to sign-in)", () => {
    for (const signedIn of [true, false]) {
      const response = proxy(request("/customers/%FF%FE", { signedIn }));
      const rewrite = response.headers.get("x-middleware-rewrite");
      // A folder starting with "_" is never a route, so Next renders app/not-found.tsx with a 404.
      expect(rewrite && new URL(rewrite).pathname).toBe("/_invalid-address");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  it("leaves valid escapes alone", () => {
    const response = proxy(request("/customers/caf%C3%A9"));
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: where it runs", () => {
  const runsFor = (path: string) => unstable_doesMiddlewareMatch({ config, url: `${BASE}${path}` });

  it("runs for every page, signed in or not, and for the 404s", () => {
    for (const path of ["/", "/customers", "/customers/fabrikam/catalog?page=2", "/sign-in", "/health", "/apps", "/api-reference", "/customers/%FF%FE", "/no-such-page"]) {
      expect(runsFor(path), path).toBe(true);
    }
  });

  it("leaves out the JSON APIs, whose handlers check caller and input themselves, unless the path has an escape", () => {
    for (const path of ["/api/customers", "/api/customers/fabrikam/cart", "/api/health", "/v1/customers", "/oauth2/token"]) {
      expect(runsFor(path), path).toBe(false);
    }
    for (const path of ["/api/subscriptions/%FF%FE", "/api/customers/caf%C3%A9/cart", "/v1/customers/%FF", "/oauth2/%FF"]) {
      expect(runsFor(path), path).toBe(true);
    }
  });

  it("the APIs' answers get the security headers from next.config.js instead", async () => {
    // A plain-JS module without types: imported by a path TypeScript doesn't resolve.
    const file = "../next.config.js";
    const { default: nextConfig } = (await import(file)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    for (const path of ["/api/customers", "/api/customers/fabrikam/cart", "/v1/customers/c/subscriptions", "/oauth2/token"]) {
      const response = await unstable_getResponseFromNextConfig({ url: `${BASE}${path}`, nextConfig: { headers: async () => rules } });
      expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });
});
