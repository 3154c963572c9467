import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium on CI and these machines; Playwright's own browser on a developer laptop.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

const FLOWS_PORT = 3100;
const CLOCK_PORT = 3101;

/** Each server gets a fresh demo database, so runs never see each other's data. */
const server = (port: number, db: string) => ({
  command: `rm -f ${db} ${db}-wal ${db}-shm && PORT=${port} DATABASE_PATH=${db} npm start`,
  url: `http://127.0.0.1:${port}/sign-in`,
  timeout: 300_000,
  reuseExistingServer: false,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/output/results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "e2e/output/report" }], ["json", { outputFile: "e2e/output/results.json" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "flows", testIgnore: /clock\.spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${FLOWS_PORT}` } },
    // The demo clock moves time for the whole app: its walkthrough gets a server and database of its own.
    { name: "clock", testMatch: /clock\.spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${CLOCK_PORT}` } },
  ],
  webServer: [server(FLOWS_PORT, ".tmp/e2e-flows.db"), server(CLOCK_PORT, ".tmp/e2e-clock.db")],
});
