import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { CatalogPage, CustomerPage, ReviewPage, USERS, expect, shot, test } from "./fixtures";

/**
 * axe-core on every page of the flows: no "serious" or "critical" violations. Every violation found,
 * whatever its impact, is written to e2e/output/a11y/<page>.json for the report.
 *
 * Customers used here, each test in its own sandbox: School of Fine Art (the pages of a purchase),
 * Bellows College (the keyboard-only walk).
 */

const A11Y_OUT = "e2e/output/a11y";

/** The page itself; the toasts floating over it are checked on their own (see "toasts" below). */
async function expectNoSeriousViolations(page: Page, name: string) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // After a client-side navigation (e.g. Buy's redirect) the title arrives with the streamed metadata.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  fs.mkdirSync(A11Y_OUT, { recursive: true });
  const summary = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })) }));
  fs.writeFileSync(`${A11Y_OUT}/${name}.json`, JSON.stringify({ url: page.url(), violations: summary }, null, 2));
  const serious = summary.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

test("axe: sign-in, customers, customer, catalog, review, confirmation, subscription details, activity log", async ({ page, sandbox }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await expectNoSeriousViolations(page, "sign-in");
  await page.getByLabel("Email").fill(sandbox.email(USERS.admin));
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in-error");

  await sandbox.signIn(page, USERS.admin);
  await expectNoSeriousViolations(page, "customers");

  const customer = new CustomerPage(page, sandbox.idOf("school-of-fine-art"));
  await customer.goto();
  await expectNoSeriousViolations(page, "customer-empty");

  const catalog = new CatalogPage(page, sandbox.idOf("school-of-fine-art"));
  await catalog.goto();
  await expectNoSeriousViolations(page, "catalog");
  await catalog.addToCart("Exchange Online (Plan 1)", { quantity: 40, frequency: "Annual" });
  await catalog.addToCart("Contoso Backup Pro", { quantity: 5 });
  await catalog.search("");
  await expectNoSeriousViolations(page, "catalog-with-cart");
  await catalog.goto("?publisher=partner&billingType=usage");
  await expectNoSeriousViolations(page, "catalog-filtered");
  // An offer refused with its quantity message.
  await catalog.goto("?q=Power BI Pro");
  await catalog.offer("Power BI Pro").getByLabel("Quantity").fill("0");
  await catalog.offer("Power BI Pro").getByRole("button", { name: "Add to cart" }).click();
  await expect(catalog.offer("Power BI Pro").getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "catalog-quantity-error");

  await catalog.goto();
  await catalog.review();
  await expectNoSeriousViolations(page, "review");
  await new ReviewPage(page, sandbox.idOf("school-of-fine-art")).buy();
  await expectNoSeriousViolations(page, "confirmation");

  await page.getByRole("link", { name: "Go to Subscriptions" }).click();
  await expectNoSeriousViolations(page, "customer");
  // The cancel dialog, opened and closed again.
  await customer.row("Contoso Backup Pro").getByLabel("Status of Contoso Backup Pro").selectOption({ label: "Cancel" });
  await customer.row("Contoso Backup Pro").getByRole("button", { name: "Submit status change for Contoso Backup Pro" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page, "cancel-dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const details = await customer.openSubscription("Exchange Online (Plan 1)");
  await expectNoSeriousViolations(page, "subscription-details");
  await details.statusSection.getByRole("radio", { name: "Suspended" }).check();
  await expectNoSeriousViolations(page, "subscription-details-suspending");

  await page.getByRole("navigation", { name: "Partner Center menu" }).getByRole("link", { name: "Activity log" }).click();
  await expect(page.getByRole("heading", { name: "Activity log", level: 1 })).toBeVisible();
  await shot(page, "activity-log");
  await expectNoSeriousViolations(page, "activity-log");

  await page.goto("/customers/no-such-customer");
  await expectNoSeriousViolations(page, "not-found");
});

/** Presses Tab (only Tab) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("keyboard only: sign in, reach a customer, add to cart, Review, Buy", async ({ page, sandbox }) => {
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(sandbox.email(USERS.admin));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(sandbox.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/customers$/);

  // The first Tab lands on "Skip to content", which is shown when focused.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await tabTo(page, page.getByRole("searchbox", { name: "Search customers by name" }));
  await page.keyboard.type("Bellows");
  await page.keyboard.press("Enter");
  await page.waitForURL(/q=Bellows/);
  const link = page.getByRole("link", { name: "Bellows College", exact: true });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Bellows College", level: 1 })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "Add subscription" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Add subscription", level: 1 })).toBeVisible();

  const catalog = new CatalogPage(page, sandbox.idOf("bellows-college"));
  await tabTo(page, page.getByRole("searchbox", { name: "Search offers" }));
  await page.keyboard.type("Power BI Pro");
  await page.waitForURL(/q=Power/);
  await catalog.waitIdle();
  const card = catalog.offer("Power BI Pro");
  await tabTo(page, card.getByLabel("Quantity"));
  await page.keyboard.press("Control+A");
  await page.keyboard.type("7");
  // The billing frequency radios: arrow keys move between them.
  await tabTo(page, card.getByRole("radio", { name: "Monthly" }));
  await page.keyboard.press("ArrowRight");
  await expect(card.getByRole("radio", { name: "Annual" })).toBeChecked();
  await tabTo(page, card.getByRole("button", { name: "Add to cart" }));
  await page.keyboard.press("Space");
  await expect(catalog.cart.getByRole("heading", { name: "Cart (1)" })).toBeVisible();

  await tabTo(page, catalog.cart.getByRole("link", { name: "Review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  const line = new ReviewPage(page, sandbox.idOf("bellows-college")).line("Power BI Pro");
  await expect(line.getByRole("cell").nth(1)).toHaveText("7");
  await expect(line.getByRole("cell").nth(2)).toHaveText("Annual");

  await tabTo(page, page.getByRole("button", { name: "Buy" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your order has been placed")).toBeVisible();
  await expect(page.getByRole("region", { name: "Subscriptions created" }).getByRole("link", { name: "Power BI Pro" })).toBeVisible();
});

test("toasts: the success notification meets colour contrast", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
  const catalog = new CatalogPage(page, sandbox.idOf("school-of-fine-art"));
  await catalog.goto();
  await catalog.addToCart("Power BI Pro", { quantity: 1 });
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Power BI Pro added to the cart." });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute("data-mounted", "true");
  await page.waitForTimeout(600); // the slide-in animation, so axe sees the final colours
  const results = await new AxeBuilder({ page }).include("[data-sonner-toaster]").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(" | ")}`)).toEqual([]);
  await catalog.cart.getByRole("button", { name: "Remove Power BI Pro" }).click();
});
