import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { OPERATOR_KEY } from "./e2e/sandbox-env";

// Debian's Chromium on CI and these machines; Playwright's own browser on a developer laptop.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

/** E2E_PORT: the app server's port, so two checkouts can run the suite side by side. */
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** E2E_WORKERS: parallel workers (each test has a sandbox of its own, so they share one server). */
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);

/**
 * One server with a fresh demo database per run. Every test gets a sandbox of its own (e2e/fixtures.ts):
 * its own customers, carts and Demo clock, created and deleted with the operator key, so tests share
 * no data and run in parallel. Sandboxes started through the sign-in page count per address.
 */
const db = ".tmp/e2e-flows.db";
const server = {
  command:
    `rm -f ${db} ${db}-wal ${db}-shm && PORT=${PORT} DATABASE_PATH=${db} ` +
    `SANDBOX_OPERATOR_KEY=${OPERATOR_KEY} SANDBOXES_PER_ADDRESS_PER_HOUR=10000 npm start`,
  url: `http://127.0.0.1:${PORT}/sign-in`,
  timeout: 300_000,
  // E2E_REUSE_SERVER=1: a server already on E2E_PORT (started with the same settings) is used as it is.
  reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
  stdout: "ignore" as const,
  stderr: "pipe" as const,
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/output/results",
  fullyParallel: true,
  workers: WORKERS,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "e2e/output/report" }], ["json", { outputFile: "e2e/output/results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "flows", use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PORT}` } }],
  webServer: server,
});
