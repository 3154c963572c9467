import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

// next-intl finds the request's language and messages in i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
