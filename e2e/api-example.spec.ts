import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./fixtures";

/**
 * Runs examples/partner-center-walkthrough.ts, as a partner would, against a fresh server: it must
 * exit 0. The walkthrough moves Contoso's Demo clock past a trial's end, which would shift every
 * date the other specs check on the shared "flows" server, so it gets a server and database of its
 * own (the production build `npm run test:e2e` made), started here and stopped when done.
 * API_EXAMPLE_BASE_URL runs it against a server you started yourself instead.
 */
const PORT = 3102;
const DB = ".tmp/e2e-api-example.db";
const run = promisify(execFile);

async function startServer(): Promise<ChildProcess> {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
  const env = { ...process.env, PORT: String(PORT), DATABASE_PATH: DB };
  await run("npm", ["run", "db:prepare"], { env });
  // Its own process group, so stopping it stops next's workers too.
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], { env, detached: true, stdio: "ignore" });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${PORT}/sign-in`).then((r) => r.ok, () => false);
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error(`The example's server did not answer on port ${PORT} within 2 minutes`);
}

function stopServer(server: ChildProcess): void {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
}

test("the partner walkthrough example runs against a fresh server and exits 0", async ({}, testInfo) => {
  test.setTimeout(300_000);
  const given = process.env.API_EXAMPLE_BASE_URL;
  const server = given ? null : await startServer();
  try {
    const baseUrl = given ?? `http://127.0.0.1:${PORT}`;
    const result = await run("npx", ["tsx", "examples/partner-center-walkthrough.ts"], { env: { ...process.env, BASE_URL: baseUrl }, timeout: 240_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );
    await testInfo.attach("walkthrough output", { body: `${result.stdout}\n${result.stderr}`, contentType: "text/plain" });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain("Every expectation was met.");
  } finally {
    if (server) stopServer(server);
  }
});

test("every signed-in user finds the API reference in the header: endpoints, error codes and examples, and the OpenAPI document", async ({ page, request }) => {
  await signIn(page, USERS.sales);
  await page.getByRole("navigation", { name: "Partner Center menu" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  const checkout = page.getByRole("region", { name: /POST\s*\/v1\/customers\/\{customerId\}\/carts\/\{cartId\}\/checkout/ });
  await expect(checkout.getByRole("table", { name: "Error codes" })).toBeVisible();
  await expect(checkout.getByText("/v1/customers/fabrikam/carts/$CART_ID/checkout")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  const document = await request.get("/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect(await document.json()).toMatchObject({ openapi: "3.1.0" });
});
