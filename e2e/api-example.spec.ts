import { execFile } from "node:child_process";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, USERS } from "./fixtures";

/**
 * Runs examples/partner-center-walkthrough.ts, as a partner would: it must exit 0. The walkthrough
 * moves its partner's Demo clock past a trial's end; it runs as the Global admin of the test's own
 * sandbox (PC_USERNAME, PC_PASSWORD, PC_CUSTOMER_ID), whose clock is its own, so it shares the suite's
 * server and moves no other test's dates. API_EXAMPLE_BASE_URL runs it against a server you started
 * yourself instead, with the example's demo defaults.
 */
const run = promisify(execFile);

test("the partner walkthrough example runs against a sandbox of its own and exits 0", async ({ baseURL, sandbox }, testInfo) => {
  test.setTimeout(300_000);
  const given = process.env.API_EXAMPLE_BASE_URL;
  const env = given
    ? { ...process.env, BASE_URL: given }
    : { ...process.env, BASE_URL: baseURL!, PC_USERNAME: sandbox.email(USERS.admin), PC_PASSWORD: sandbox.password, PC_CUSTOMER_ID: sandbox.idOf("first-up-consultants") };
  const result = await run("npx", ["tsx", "examples/partner-center-walkthrough.ts"], { env, timeout: 240_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
  );
  await testInfo.attach("walkthrough output", { body: `${result.stdout}\n${result.stderr}`, contentType: "text/plain" });
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout).toContain("Every expectation was met.");
});

test("every signed-in user finds the API reference in the header: endpoints, error codes and examples, and the OpenAPI document", async ({ page, request, sandbox }) => {
  await sandbox.signIn(page, USERS.sales);
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
