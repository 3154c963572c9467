import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The domain marks its database client "server-only"; in tests we are the server.
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
      // Actions and handlers translate with next-intl's server API, as in Next's server build: its
      // react-server entry, reading the request's language from i18n/request.ts (the plugin's alias).
      "next-intl/server": fileURLToPath(new URL("./node_modules/next-intl/dist/esm/development/server.react-server.js", import.meta.url)),
      "next-intl/config": fileURLToPath(new URL("./i18n/request.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["./tests/global-setup.ts"],
    pool: "forks",
    // Bundled by Vite, so next-intl's `next/headers` resolves (and tests' mocks of it apply).
    server: { deps: { inline: ["next-intl"] } },
  },
});
