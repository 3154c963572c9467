import type { Page } from "@playwright/test";
import { CustomerPage, DAY_MS, SubscriptionPage, USERS, buyThroughUi, escapeRegExp, expect, formatDate, shot, test } from "./fixtures";

/**
 * Issue 10, items 7 and 10: the customer's **Orders**, each order's page, the ISV setup link that
 * stays on the subscription's page (no email carries it), and the confirmation's "due today" beside
 * the order total, with what each line costs when its paid term starts.
 *
 * Customer used here, in each test's own sandbox: Contoso University (education, US; the seed gave it
 * one older order, Office 365 A1 for faculty).
 */
const BACKUP_SETUP = "https://backup.contoso-software.example/setup";
const RETENTION = "Contoso Backup Pro – Extended Retention";
const SETUP_LINK = "Complete setup on the publisher's site";

/** The order this page shows (the confirmation after Buy lands on it): its id and its reference. */
function orderOnPage(page: Page) {
  const orderId = /\/orders\/([^/?#]+)$/.exec(new URL(page.url()).pathname)![1];
  return { orderId, ref: `Order ${orderId.slice(0, 8)}` };
}

const ordersTable = (page: Page) => page.getByRole("table", { name: "Orders, newest first" });

test("buy an ISV offer, find its order in Orders, open it, and keep the setup link on the subscription's page and its ISV add-on's", async ({ page, sandbox }) => {
  const CUSTOMER = sandbox.idOf("contoso-university");
  await sandbox.signIn(page, USERS.admin);
  await buyThroughUi(page, CUSTOMER, [{ name: "Contoso Backup Pro", quantity: 3, frequency: "Monthly" }]);
  await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(CUSTOMER)}/orders/[^/]+$`));
  const { orderId, ref } = orderOnPage(page);
  await expect(page.getByRole("heading", { name: ref, level: 1 })).toBeVisible();

  // Later, from the customer's page: Orders.
  const customer = new CustomerPage(page, CUSTOMER);
  await customer.goto();
  await customer.subscriptionsSection.getByRole("link", { name: "Orders", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(CUSTOMER)}/orders$`));
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  const table = ordersTable(page);
  const headers = await table.getByRole("columnheader").allInnerTexts();
  expect(headers.map((h) => h.toLowerCase())).toEqual(["order", "placed", "lines", "placed by", "order total", "charged at purchase"]);
  // Newest first: the order just placed, then the seed's older one.
  await expect(table.getByRole("row").nth(1)).toContainText(ref);
  await expect(table).toContainText("Office 365 A1 for faculty × 150");
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: ref, exact: true }) });
  // The trial line counts at full price in the total; Buy charged nothing.
  await expect(row.getByRole("cell")).toHaveText([ref, / UTC$/, "Contoso Backup Pro × 3", "Megan Bowen", "$36.00", "$0.00"]);
  await shot(page, "orders");

  // The order's page, with the setup link.
  await row.getByRole("link", { name: ref, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(CUSTOMER)}/orders/${orderId}$`));
  await expect(page.getByRole("heading", { name: ref, level: 1 })).toBeVisible();
  const created = page.getByRole("region", { name: "Subscriptions created" });
  await expect(created.getByRole("link", { name: SETUP_LINK })).toHaveAttribute("href", BACKUP_SETUP);

  // The subscription's page keeps the setup link and links back to its order.
  await created.getByRole("link", { name: "Contoso Backup Pro", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Contoso Backup Pro", level: 1 })).toBeVisible();
  const origin = page.getByRole("region", { name: "Order and setup" });
  await expect(origin.getByRole("link", { name: SETUP_LINK })).toHaveAttribute("href", BACKUP_SETUP);
  await expect(origin.getByRole("link", { name: ref, exact: true })).toHaveAttribute("href", `/customers/${CUSTOMER}/orders/${orderId}`);
  await shot(page, "subscription-order-and-setup");

  // An ISV add-on gets its own publisher's link on its page (it has no order: it was bought here).
  const details = new SubscriptionPage(page);
  await details.addOnsSection.getByLabel(RETENTION).fill("2");
  await details.submit();
  await expect(details.result(new RegExp(`${RETENTION} added: 2 license`)).first()).toBeVisible();
  await customer.goto();
  await customer.openSubscription(RETENTION);
  const addOnOrigin = page.getByRole("region", { name: "Order and setup" });
  await expect(addOnOrigin.getByRole("link", { name: SETUP_LINK })).toHaveAttribute("href", `${BACKUP_SETUP}/extended-retention`);
  await expect(addOnOrigin.getByRole("link", { name: /^Order / })).toHaveCount(0);

  // And back from the base's page to the order.
  await customer.goto();
  await customer.openSubscription("Contoso Backup Pro");
  await page.getByRole("region", { name: "Order and setup" }).getByRole("link", { name: ref, exact: true }).click();
  await expect(page.getByRole("heading", { name: ref, level: 1 })).toBeVisible();
});

test("the confirmation shows $0.00 due today for a trial line, and what each line costs when its paid term starts", async ({ page, sandbox }) => {
  const CUSTOMER = sandbox.idOf("contoso-university");
  await sandbox.signIn(page, USERS.admin);
  await buyThroughUi(page, CUSTOMER, [
    { name: "Power BI Pro", quantity: 2, frequency: "Monthly" },
    { name: "Contoso Backup Pro", quantity: 3, frequency: "Monthly" },
  ]);
  const today = formatDate(Date.now());
  const trialEnd = formatDate(Date.now() + 30 * DAY_MS);

  // Due today is Power BI Pro alone; the order total counts the trial line at its full price.
  const charges = page.getByRole("region", { name: "Order charges" });
  await expect(charges.locator("dt")).toHaveText(["Due today", "Order total"]);
  await expect(charges.locator("dd")).toHaveText(["$33.60", "$69.60"]);
  await expect(charges).toContainText("The order total includes $36.00 for lines with a free trial: each is charged when its paid term starts");

  const created = page.getByRole("region", { name: "Subscriptions created" });
  const backup = created.getByRole("listitem").filter({ hasText: "Contoso Backup Pro" });
  await expect(backup).toContainText(`Free trial ends ${trialEnd}. The paid term begins ${trialEnd}`);
  await expect(backup).toContainText(`Due today: $0.00 · Paid term from ${trialEnd}: $36.00 per month.`);
  const powerBi = created.getByRole("listitem").filter({ hasText: "Power BI Pro" });
  await expect(powerBi).toContainText(`Due today: $33.60 · Paid term from ${today}: $33.60 per month.`);
  await shot(page, "confirmation-due-today");
});

test("a Sales agent sees Orders and an order's page without any money", async ({ page, sandbox }) => {
  const CUSTOMER = sandbox.idOf("contoso-university");
  await sandbox.signIn(page, USERS.sales);
  const customer = new CustomerPage(page, CUSTOMER);
  await customer.goto();
  await customer.subscriptionsSection.getByRole("link", { name: "Orders", exact: true }).click();
  const table = ordersTable(page);
  await expect(table.getByRole("columnheader")).toHaveText([/^order$/i, /^placed$/i, /^lines$/i, /^placed by$/i]);
  await expect(table).toContainText("Office 365 A1 for faculty × 150");
  await expect(table).not.toContainText("$");

  const seeded = table.getByRole("row").filter({ hasText: "Office 365 A1 for faculty" });
  await seeded.getByRole("link", { name: /^Order / }).click();
  await expect(page.getByRole("heading", { name: /^Order /, level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Subscriptions created" }).getByRole("link", { name: "Office 365 A1 for faculty", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Order charges" })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("$");
  await expect(page.locator("main")).not.toContainText("Due today");
});
