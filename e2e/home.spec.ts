import AxeBuilder from "@axe-core/playwright";
import { USERS, expect, shot, signOut, test } from "./fixtures";

/**
 * Issue 14, Home: "how is my book of business", as charts that are images with their numbers in a
 * table, each linking to the filtered list behind it; roles without the money right see counts. Only
 * reads, in the test's own sandbox.
 */
test("Home: the charts, their tables, a bar leading to the Renewals list filtered so, and counts without the money right", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
  await page.getByRole("navigation", { name: "Partner Center menu" }).getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();

  // Each chart is an image named by its title; the trials are one number.
  await expect(page.getByRole("img", { name: /^Charges by month in USD/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Renewals by week/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Licences by publisher/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Free trials this month" }).getByTestId("trials-converting")).toHaveText(/^\d[\d,]*$/);

  // Renewals by week as a table: 12 weeks, the same numbers the bars are named with.
  const renewals = page.getByRole("region", { name: "Renewals by week" });
  await renewals.getByText("Show as table").click();
  const rows = renewals.getByRole("table", { name: "Renewals by week" }).locator("tbody tr");
  await expect(rows).toHaveCount(12);
  const counts = await rows.evaluateAll((trs) => trs.map((tr) => ({ week: tr.querySelector("th")!.textContent!, renewing: tr.querySelectorAll("td")[0].textContent! })));
  const busy = counts.find((c) => c.renewing !== "0");
  expect(busy, "some week has renewals").toBeDefined();
  const bar = renewals.getByRole("link", { name: new RegExp(`^Week of ${busy!.week}: ${busy!.renewing} renewing\\.`) });
  await expect(bar).toBeVisible();

  await page.getByRole("region", { name: "Charges by month" }).getByText("Show as table").click();
  await expect(page.getByRole("table", { name: "Charges by month in USD" }).locator("tbody tr")).toHaveCount(4);
  await expect(page.getByRole("table", { name: "Charges by month in USD" })).toContainText("$");
  await page.getByRole("region", { name: "Licences by publisher" }).getByText("Show as table").click();
  await expect(page.getByRole("table", { name: "Active subscriptions and licences by publisher" })).toContainText("Microsoft");

  const axe = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await shot(page, "home");
  await page.screenshot({ path: "/tmp/home.png", fullPage: true });

  // The bar opens the Renewals list of that window, renewals only.
  const href = (await bar.getAttribute("href"))!;
  expect(href).toMatch(/^\/renewals\?days=(30|60|90)&event=renews$/);
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { name: "Renewals", level: 1 })).toBeVisible();
  await expect(page.getByRole("table").getByText("Renews").first()).toBeVisible();

  // A Sales agent sees the same charts with counts, and no amounts.
  await signOut(page);
  await sandbox.signIn(page, USERS.sales);
  await page.goto("/");
  const charges = page.getByRole("region", { name: "Charges by month" });
  await expect(charges.getByRole("img", { name: /^Charges by month/ })).toBeVisible();
  await charges.getByText("Show as table").click();
  await expect(charges.getByRole("columnheader", { name: "Charges posted" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("$");
  await shot(page, "home-sales-agent");
});
