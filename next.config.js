import createNextIntlPlugin from "next-intl/plugin";

/**
 * The JSON APIs' security headers; pages get theirs, with a script nonce, from proxy.ts, which no
 * longer runs for the APIs. Nothing in an API answer may run or be framed, or be sniffed into HTML.
 */
const API_SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:api(api|v1|oauth2)/:path*", headers: API_SECURITY_HEADERS }];
  },
};

// next-intl finds the request's language and messages in i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
