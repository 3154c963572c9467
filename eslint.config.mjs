import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // Forbid update/delete without a where clause on our Drizzle handles.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Routes and components reach the domain through its front door (commands and queries that check
    // permissions) or its browser-safe rules; internals that write without a check stay inside it.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/subscriptions/*", "!@/lib/subscriptions/shared", "**/lib/subscriptions/*", "!**/lib/subscriptions/shared"],
              message: "Import from @/lib/subscriptions (checked commands and queries) or @/lib/subscriptions/shared (pure rules for the browser).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "e2e/output/**", "test-results/**", "playwright-report/**"]),
]);
