import { buyThroughUi, CustomerPage, expect, shot, SubscriptionPage, test, USERS } from "./fixtures";

/**
 * Issue 14: "Select subscriptions (on a customer's Subscriptions page or on Renewals) and apply one
 * change to all of them ... the result lists every row: done, or refused with the reason." Customers
 * used here, each test in its own sandbox: Blue Yonder Airlines (three ISV offers bought here beside
 * its Azure plan) and Fabrikam, Inc. (as seeded: Office 365 E3 suspended, Tailspin Secure Gateway active).
 */

const OFFERS = ["Adatum Compliance Suite", "Northwind CRM Connect", "Relecloud Insights"];

test("select three subscriptions on a customer's page and turn Auto-renew off for all of them in one go", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
  const customerId = sandbox.idOf("blue-yonder-airlines");
  await buyThroughUi(page, customerId, OFFERS.map((name) => ({ name, quantity: 5 })));
  const href = await page.getByRole("region", { name: "Subscriptions created" }).getByRole("link", { name: OFFERS[1], exact: true }).getAttribute("href");
  const northwindId = /\/subscriptions\/([^/?#]+)/.exec(href!)![1];

  const customer = new CustomerPage(page, customerId);
  await customer.goto();
  const section = customer.subscriptionsSection;
  await expect(section.getByText("Up to 100 subscriptions at a time.")).toBeVisible();
  for (const name of OFFERS) await section.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
  await section.getByLabel("Change for selected", { exact: true }).selectOption({ label: "Turn Auto-renew off" });
  await section.getByRole("button", { name: "Apply to selected" }).click();

  await expect(section.getByText("3 done, 0 refused")).toBeVisible();
  const result = section.getByRole("list", { name: "Bulk change result" });
  await expect(result.getByRole("listitem")).toHaveCount(3);
  for (const name of OFFERS) {
    await expect(result.getByRole("listitem").filter({ hasText: name })).toContainText("Done. Auto-renew turned off.");
    await expect(customer.row(name).getByRole("cell").last()).toHaveText("Off");
  }
  // The Azure plan was not selected: untouched. The form cleared the selection and the change once it was applied.
  await expect(customer.row("Azure plan").getByRole("cell").last()).toHaveText("On");
  for (const box of await section.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await expect(section.getByLabel("Change for selected", { exact: true })).toHaveValue("");
  await expect(section.getByRole("button", { name: "Apply to selected" })).toBeDisabled();

  // Rows selected again, as in the picture: the table fits a 1280-pixel window without scrolling sideways.
  for (const name of OFFERS) await section.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
  const table = section.getByRole("table");
  expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
  await shot(page, "customer-bulk-auto-renew-off");

  const details = new SubscriptionPage(page);
  await details.goto(customerId, northwindId);
  await expect.poll(() => details.summaryItem("Auto-renew")).toMatch(/^Off: ends /);
  await expect(details.statusSection.getByRole("checkbox", { name: "Auto-renew" })).not.toBeChecked();
});

test("a Helpdesk agent suspends two subscriptions, one already suspended: one done, one refused with the reason", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.helpdesk);
  const customer = new CustomerPage(page, sandbox.idOf("fabrikam"));
  await customer.goto();
  const section = customer.subscriptionsSection;
  // A Helpdesk agent suspends and reactivates, nothing else.
  const change = section.getByLabel("Change for selected", { exact: true });
  await expect(change.getByRole("option")).toHaveText(["Choose a change", "Suspend", "Reactivate"]);

  // Select all on this page, then clear it: every row's box follows.
  const rows = section.getByRole("checkbox", { name: /^Select (?!all)/ });
  const selectAll = section.getByRole("checkbox", { name: "Select all on this page" });
  await selectAll.check();
  for (const box of await rows.all()) await expect(box).toBeChecked();
  await selectAll.uncheck();
  for (const box of await rows.all()) await expect(box).not.toBeChecked();

  await section.getByRole("checkbox", { name: "Select Office 365 E3", exact: true }).check();
  await section.getByRole("checkbox", { name: "Select Tailspin Secure Gateway", exact: true }).check();
  await change.selectOption({ label: "Suspend" });
  await section.getByRole("button", { name: "Apply to selected" }).click();

  await expect(section.getByText("1 done, 1 refused")).toBeVisible();
  const result = section.getByRole("list", { name: "Bulk change result" });
  await expect(result.getByRole("listitem")).toHaveCount(2);
  await expect(result.getByRole("listitem").filter({ hasText: "Office 365 E3" })).toContainText("Refused. Only an active subscription can be suspended.");
  await expect(result.getByRole("listitem").filter({ hasText: "Tailspin Secure Gateway" })).toContainText("Done. Subscription suspended.");
  await expect(customer.row("Tailspin Secure Gateway")).toContainText("Suspended");
  await shot(page, "customer-bulk-suspend-mixed");
});
