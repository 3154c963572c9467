import fs from "node:fs";
import { parseCsv, unneutralise } from "../lib/csv";
import { buyThroughUi, DAY_MS, escapeRegExp, expect, shot, test, USERS } from "./fixtures";

/**
 * Issue 14: "a Playwright walk: find next month's renewals, turn Auto-renew off for three of them in
 * one go, export the list." Customer used here, in the test's own sandbox: Blue Yonder Airlines. The
 * walk buys three ISV subscriptions and changes only those, so it asserts on its own rows, never on
 * how many rows the list has.
 */

const CUSTOMER = { id: "blue-yonder-airlines", name: "Blue Yonder Airlines" };
const OFFERS = ["Adatum Compliance Suite", "Northwind CRM Connect", "Relecloud Insights"];

test("find the renewals ahead, turn Auto-renew off for three ISV subscriptions in one go, export the list", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
  const customerId = sandbox.idOf(CUSTOMER.id);
  await buyThroughUi(page, customerId, OFFERS.map((name) => ({ name, quantity: 5 })));
  const created = page.getByRole("region", { name: "Subscriptions created" });
  const ids: string[] = [];
  for (const name of OFFERS) {
    const href = await created.getByRole("link", { name, exact: true }).getAttribute("href");
    ids.push(/\/subscriptions\/([^/?#]+)/.exec(href!)![1]);
  }
  const rowOf = (id: string) => page.getByRole("row").filter({ has: page.locator(`a[href$="/subscriptions/${id}"]`) });

  // Renewals, next 30 days: every event listed falls within 30 days of the partner's date.
  await page.getByRole("navigation", { name: "Partner Center menu" }).getByRole("link", { name: "Renewals" }).click();
  await expect(page.getByRole("heading", { name: "Renewals", level: 1 })).toBeVisible();
  await page.getByLabel("Window", { exact: true }).selectOption({ label: "Next 30 days" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/days=30/);
  const today = new Date((await page.getByTestId("partner-date").getAttribute("datetime"))!).getTime();
  for (const at of await page.getByRole("table").locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!))) {
    expect(new Date(at).getTime()).toBeLessThanOrEqual(today + 30 * DAY_MS);
  }
  await shot(page, "renewals-30-days");

  // The customer's ISV subscriptions with Auto-renew on, over 60 days (a monthly term can run 31 days).
  await page.getByLabel("Window", { exact: true }).selectOption({ label: "Next 60 days" });
  const picker = page.getByRole("combobox", { name: "Customer" });
  await picker.fill(CUSTOMER.name);
  await expect(page.getByText(`Showing renewals for ${CUSTOMER.name}`)).toBeVisible();
  await page.getByLabel("Publisher", { exact: true }).selectOption({ label: "ISV" });
  await page.getByLabel("Auto-renew", { exact: true }).selectOption({ label: "On" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`customer=${escapeRegExp(encodeURIComponent(customerId))}`));
  for (const id of ids) await expect(rowOf(id)).toContainText("Renews");

  // Select the three and turn Auto-renew off in one go.
  for (const id of ids) await rowOf(id).getByRole("checkbox").check();
  await page.getByLabel("Change for selected", { exact: true }).selectOption({ label: "Turn Auto-renew off" });
  await expect(page.getByText("Up to 100 subscriptions at a time.")).toBeVisible();
  await page.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("3 done, 0 refused").first()).toBeVisible();
  const result = page.getByRole("list", { name: "Bulk change result" });
  await expect(result.getByRole("listitem")).toHaveCount(3);
  for (const name of OFFERS) await expect(result.getByRole("listitem").filter({ hasText: `${name} · ${CUSTOMER.name}` })).toContainText("Done. Auto-renew turned off.");
  // The list (Auto-renew on only) no longer shows them.
  for (const id of ids) await expect(rowOf(id)).toHaveCount(0);
  await shot(page, "renewals-bulk-auto-renew-off");

  // Auto-renew on or off: they are back, now expiring. Export that list.
  await page.getByLabel("Auto-renew", { exact: true }).selectOption({ label: "On or off" });
  await page.getByRole("button", { name: "Filter" }).click();
  for (const id of ids) await expect(rowOf(id)).toContainText("Expires");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^renewals-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  const rows = records.map((r) => Object.fromEntries(header.map((name, i) => [name, unneutralise(r[i])])));
  expect(header).toEqual(expect.arrayContaining(["Date", "Event", "Customer", "Offer", "Quantity", "Auto-renew", "Next term (minor units)", "Next term", "Currency"]));
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows.every((r) => r.Customer === CUSTOMER.name && r.Publisher === "ISV")).toBe(true);
  for (const id of ids) {
    expect(rows.find((r) => r["Subscription ID"] === id)).toMatchObject({ Event: "expires", "Auto-renew": "false", Quantity: "5", "Next term": "" });
  }
});
