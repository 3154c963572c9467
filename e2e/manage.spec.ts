import { CatalogPage, CustomerPage, CustomersPage, DAY_MS, SubscriptionPage, USERS, buyAndOpen, expect, formatDate, shot, test } from "./fixtures";

/**
 * The seed's procedures after a purchase: suspend, reactivate, quantity, cancel, auto-renew, add-ons.
 *
 * Customers used here, each test in a sandbox of its own: Blue Yonder Airlines (suspend, quantity, stale
 * form), Best For You Organics (cancel in the window), Tailwind Traders (auto-renew), Coho Winery
 * (add-ons). Fabrikam's seeded "Tailspin Secure Gateway" (ordered 3 days ago) is cancelled late.
 */

test.beforeEach(async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
});

test("suspend and reactivate a subscription, step by step as the seed writes it", async ({ page, sandbox }) => {
  await buyAndOpen(page, sandbox.idOf("blue-yonder-airlines"), { name: "Microsoft 365 Business Standard", quantity: 10 });

  // 2. From the Partner Center menu, select Customers, then choose a customer from the list.
  await page.getByRole("navigation", { name: "Partner Center menu" }).getByRole("link", { name: "Customers" }).click();
  await new CustomersPage(page).open("Blue Yonder Airlines");
  // 3. Choose the subscription you want to manage.
  const details = await new CustomerPage(page, sandbox.idOf("blue-yonder-airlines")).openSubscription("Microsoft 365 Business Standard");
  expect(await details.status()).toBe("Active");
  await shot(page, "subscription-active");

  // 4. In the Status section, choose Suspended. Then Submit your changes.
  const status = details.statusSection;
  const deletion = formatDate(Date.now() + 90 * DAY_MS); // Blue Yonder was billed from the day it opened: 90 days.
  await expect(status.getByTestId("deletion-date")).toHaveText(`If suspended now, expires and all data is deleted on ${deletion} unless reactivated.`);
  await status.getByRole("radio", { name: "Suspended" }).check();
  await expect(status.getByText("Users are not able to sign in or access services while the subscription is suspended.")).toBeVisible();
  await status.getByLabel("Reason for suspension").selectOption({ label: "Customer request" });
  await details.submit();

  // (The success message is checked in "Submit confirms what it changed", below.)
  await expect.poll(() => details.status()).toBe("Suspended");
  await expect(details.summary.getByText("Suspended: users are not able to sign in or access services")).toBeVisible();
  await expect(details.summary).toContainText(`All data will be deleted on ${deletion} unless the subscription is reactivated.`);
  // 5. "the date you see below the Suspended button indicates when the subscription would automatically expire"
  await expect(status.getByTestId("deletion-date")).toHaveText(`Expires and all data is deleted on ${deletion} unless reactivated.`);
  await expect(status.getByRole("radio", { name: "Suspended" })).toBeChecked();
  // While suspended the quantity can't change.
  await expect(details.quantity).toBeDisabled();
  await shot(page, "subscription-suspended");

  // The Subscriptions list and the catalog agree.
  const customer = new CustomerPage(page, sandbox.idOf("blue-yonder-airlines"));
  await customer.goto();
  await expect(customer.row("Microsoft 365 Business Standard")).toContainText("Suspended");
  const catalog = new CatalogPage(page, sandbox.idOf("blue-yonder-airlines"));
  await catalog.goto("?q=Microsoft 365 Business Standard");
  await expect(catalog.unavailableNote("Microsoft 365 Business Standard")).toContainText("suspended");

  // Reactivate: choose Active, Submit.
  await catalog.unavailableNote("Microsoft 365 Business Standard").getByRole("link", { name: "Reactivate" }).click();
  await details.statusSection.getByRole("radio", { name: "Active" }).check();
  await details.submit();
  await expect.poll(() => details.status()).toBe("Active");
  await expect(details.summary.getByText("Suspended: users are not able")).toHaveCount(0);
  await expect(details.quantity).toBeEnabled();
  // The activity shows both changes, with who made them.
  const activity = page.getByRole("region", { name: "Activity", exact: true });
  await expect(activity.getByRole("row").filter({ hasText: "Suspended" }).first()).toContainText("Megan Bowen");
  await expect(activity.getByRole("row").filter({ hasText: "Reactivated" })).toHaveCount(1);
});

test("the how-to's two steps suspend: choose Suspended, Submit; a reason may be given, never required (issue 10, item 9)", async ({ page, sandbox }) => {
  const { details } = await buyAndOpen(page, sandbox.idOf("blue-yonder-airlines"), { name: "Microsoft Entra ID P1", quantity: 3 });
  // 4. In the Status section, choose Suspended. Then Submit your changes.
  await details.statusSection.getByRole("radio", { name: "Suspended" }).check();
  await expect(details.statusSection.getByLabel("Reason for suspension (optional)")).toHaveValue("");
  await details.submit();
  await expect.poll(() => details.status()).toBe("Suspended");
  await expect(details.result(/Subscription suspended\. Its data will be deleted on/)).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: /reason/i })).toHaveCount(0);
  await expect(details.summary).not.toContainText("(Customer request)");
});

test("change the quantity with Submit", async ({ page, sandbox }) => {
  const { details } = await buyAndOpen(page, sandbox.idOf("blue-yonder-airlines"), { name: "Exchange Online (Plan 2)", quantity: 10 });
  await expect(details.quantity).toHaveValue("10");

  // Out of range and fractional quantities are refused, and nothing changes.
  for (const [value, error] of [["0", /at least 1 license/], ["10001", /from 1 to 10000/], ["2.5", /whole number/]] as const) {
    await details.quantity.fill(value);
    await details.submit();
    await expect(page.getByRole("main").getByRole("alert"), value).toContainText(error);
    expect(await details.summaryItem("Quantity")).toBe("10 licenses");
  }

  await details.quantity.fill("15");
  await details.submit();
  await expect.poll(() => details.summaryItem("Quantity")).toBe("15 licenses");
  await expect(details.quantity).toHaveValue("15");
  // Added licenses are charged pro-rata to the term end.
  await expect(page.getByRole("region", { name: "Charges", exact: true })).toContainText("Exchange Online (Plan 2): 5 license(s) added, pro-rated");
  const customer = new CustomerPage(page, sandbox.idOf("blue-yonder-airlines"));
  await customer.goto();
  await expect(customer.row("Exchange Online (Plan 2)").getByRole("cell").nth(1)).toHaveText("15");
});

test("cancel an ISV subscription within 24 hours: Cancel, Submit, reason, Submit, Yes, cancel; full credit", async ({ page, sandbox }) => {
  await buyAndOpen(page, sandbox.idOf("best-for-you-organics"), { name: "Relecloud Insights", quantity: 2, frequency: "Monthly" });
  const customer = new CustomerPage(page, sandbox.idOf("best-for-you-organics"));
  await customer.goto();
  await expect(customer.nextInvoice).toContainText("Relecloud Insights: first term");
  const row = customer.row("Relecloud Insights");

  // 4. In the Status column, select Cancel. Then Submit your changes.
  const submit = row.getByRole("button", { name: "Submit status change for Relecloud Insights" });
  await expect(submit).toBeDisabled();
  await row.getByLabel("Status of Relecloud Insights").selectOption({ label: "Cancel" });
  await submit.click();

  // 5. If a dialog box appears, fill out any relevant details then select Submit.
  const dialog = page.getByRole("dialog", { name: "Cancel Relecloud Insights" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("You are within the cancellation period");
  await expect(dialog).toContainText("you receive a full credit on the next invoice");
  await dialog.getByLabel("Reason for cancellation").selectOption("Bought by mistake");
  await dialog.getByLabel("Comment (optional)").fill("Ordered for the wrong customer.");
  await shot(page, "cancel-dialog");
  await dialog.getByRole("button", { name: "Submit" }).click();

  // 6. To confirm the cancellation, select Yes, cancel.
  await expect(dialog.getByText("Are you sure you want to cancel this subscription?")).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByText("Subscription cancelled. A full credit will appear on the next invoice.")).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(row.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(row.getByLabel("Status of Relecloud Insights")).toHaveCount(0);
  // The credit line on the Next invoice, for the whole first charge (2 x $20.00).
  const credit = customer.nextInvoice.getByRole("row").filter({ hasText: "Relecloud Insights: full credit on cancellation" });
  await expect(credit).toContainText("-$40.00");
  await shot(page, "customer-after-cancel");

  const details = await customer.openSubscription("Relecloud Insights");
  expect(await details.status()).toBe("Cancelled");
  await expect(page.getByText("This subscription is cancelled; it can no longer be changed.")).toBeVisible();
});

test("cancelling after the 24-hour window schedules the cancellation for renewal, and Cancel is then gone", async ({ page, sandbox }) => {
  const customer = new CustomerPage(page, sandbox.idOf("fabrikam"));
  await customer.goto();
  const row = customer.row("Tailspin Secure Gateway");
  const termEnd = (await row.getByRole("cell").nth(4).innerText()).trim();
  await row.getByLabel("Status of Tailspin Secure Gateway").selectOption({ label: "Cancel" });
  await row.getByRole("button", { name: "Submit status change for Tailspin Secure Gateway" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel Tailspin Secure Gateway" });
  await expect(dialog).toContainText(`The cancellation period is over: the cancellation will be scheduled to occur at renewal, on ${termEnd}.`);
  await dialog.getByLabel("Reason for cancellation").selectOption("Moving to another product");
  await dialog.getByRole("button", { name: "Submit" }).click();
  await dialog.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByText(`Cancellation scheduled for the renewal date, ${termEnd}.`)).toBeVisible();

  await expect(row).toContainText(`Cancellation scheduled for ${termEnd}`);
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  // "After these periods are over, you will no longer see the option to cancel the subscription."
  await expect(row.getByLabel("Status of Tailspin Secure Gateway")).toHaveCount(0);
  await expect(row.getByRole("button", { name: /Submit status change/ })).toHaveCount(0);
  // No credit for a cancellation outside the window.
  await expect(customer.nextInvoice).not.toContainText("Tailspin Secure Gateway: full credit");

  const details = await customer.openSubscription("Tailspin Secure Gateway");
  await expect(details.summary.getByText(`Cancellation scheduled for ${termEnd}`)).toBeVisible();
  await shot(page, "subscription-cancellation-scheduled");
});

test("uncheck Auto-renew and Submit on an ISV subscription: it ends instead of renewing", async ({ page, sandbox }) => {
  const { details } = await buyAndOpen(page, sandbox.idOf("tailwind-traders"), { name: "Northwind CRM Connect", quantity: 3 });
  const end = (await details.summaryItem("Term end")).trim();
  await expect(details.statusSection.getByText(`Renews automatically on ${end}.`)).toBeVisible();
  expect(await details.summaryItem("Auto-renew")).toBe(`On: renews ${end}`);

  // 5. locate the Status section and uncheck the Auto-renew box. 6. Select Submit.
  const autoRenew = details.statusSection.getByRole("checkbox", { name: "Auto-renew" });
  await expect(autoRenew).toBeChecked();
  await autoRenew.uncheck();
  await expect(details.statusSection.getByText(`Ends on ${end} instead of renewing.`)).toBeVisible();
  await details.submit();
  await expect.poll(() => details.summaryItem("Auto-renew")).toBe(`Off: ends ${end}`);
  await expect(details.statusSection.getByText(`Ends on ${end} instead of renewing.`)).toBeVisible();
  await expect(autoRenew).not.toBeChecked();
  await shot(page, "subscription-auto-renew-off");

  // A reload keeps it, and the Subscriptions list says Off.
  await page.reload();
  await expect(details.statusSection.getByRole("checkbox", { name: "Auto-renew" })).not.toBeChecked();
  const customer = new CustomerPage(page, sandbox.idOf("tailwind-traders"));
  await customer.goto();
  await expect(customer.row("Northwind CRM Connect").getByRole("cell").last()).toHaveText("Off");
});

test("Microsoft subscriptions can't opt out of auto-renew, and their rows say Managed by suspension instead of Cancel", async ({ page, sandbox }) => {
  const customer = new CustomerPage(page, sandbox.idOf("fabrikam"));
  await customer.goto();
  const premium = customer.row("Microsoft 365 Business Premium");
  await expect(premium).toContainText("Managed by suspension");
  await expect(premium.getByLabel("Status of Microsoft 365 Business Premium")).toHaveCount(0);
  // ISV rows in their window have the Cancel control instead.
  const backup = customer.row("Contoso Backup Pro");
  await expect(backup.getByLabel("Status of Contoso Backup Pro")).toBeVisible();
  await expect(backup).not.toContainText("Managed by suspension");

  const details = await customer.openSubscription("Microsoft 365 Business Premium");
  await expect(details.statusSection.getByRole("checkbox", { name: "Auto-renew" })).toHaveCount(0);
  await expect(details.statusSection).toContainText("only commercial marketplace subscriptions can opt out");
});

test("add-ons: set a quantity under Add-ons, Submit; the add-on is listed; suspending the base suspends it", async ({ page, sandbox }) => {
  const { details } = await buyAndOpen(page, sandbox.idOf("coho-winery"), { name: "Office 365 E3", quantity: 20, frequency: "Monthly" });

  // 4. Below the Status section, are a list of available Add-ons for the subscription.
  const addOns = details.addOnsSection;
  await expect(addOns).toBeVisible();
  const sectionOrder = await page.getByRole("region").evaluateAll((regions) => regions.map((r) => r.getAttribute("aria-labelledby") ?? r.getAttribute("aria-label")));
  expect(sectionOrder.indexOf("add-ons")).toBeGreaterThan(sectionOrder.indexOf("status-section"));
  const e5 = addOns.getByLabel("Microsoft 365 E5 Security");
  await expect(e5).toHaveValue("0");
  await expect(addOns.getByLabel("Microsoft Teams Audio Conferencing")).toBeVisible(); // sold in the US
  await shot(page, "subscription-add-ons");

  // 5. Update the quantity of licenses for each required Add-on. Then Submit your changes.
  await e5.fill("5");
  await details.submit();
  await expect(addOns).toContainText("5 licenses, active");
  await expect(addOns.getByLabel("Microsoft 365 E5 Security")).toHaveValue("5");
  await expect(addOns).toContainText("5 licenses, active");

  const customer = new CustomerPage(page, sandbox.idOf("coho-winery"));
  await customer.goto();
  const addOnRow = customer.row("Microsoft 365 E5 Security");
  await expect(addOnRow).toContainText("Microsoft · Add-on");
  await expect(addOnRow.getByRole("cell").nth(1)).toHaveText("5");
  await expect(customer.row("Office 365 E3")).toContainText("Active");
  await shot(page, "customer-with-add-on");

  // The add-on's page points to its base and ends with it.
  const addOnPage = await customer.openSubscription("Microsoft 365 E5 Security");
  await expect(addOnPage.summary.getByRole("link", { name: "Office 365 E3" })).toBeVisible();
  const baseEnd = await (async () => {
    await addOnPage.summary.getByRole("link", { name: "Office 365 E3" }).click();
    await expect(page.getByRole("heading", { name: "Office 365 E3", level: 1 })).toBeVisible();
    return new SubscriptionPage(page).summaryItem("Term end");
  })();

  // "Suspending the base subscription will also suspend any associated add-ons."
  const base = new SubscriptionPage(page);
  await base.suspend("Nonpayment");
  await expect(base.addOnsSection.getByLabel("Microsoft 365 E5 Security")).toBeDisabled();
  await customer.goto();
  await expect(customer.row("Office 365 E3")).toContainText("Suspended");
  await expect(customer.row("Microsoft 365 E5 Security")).toContainText("Suspended");
  const suspendedAddOn = await customer.openSubscription("Microsoft 365 E5 Security");
  await expect(suspendedAddOn.summary).toContainText("Suspended together with its base subscription.");
  expect(await suspendedAddOn.summaryItem("Term end")).toBe(baseEnd);

  // Reactivating the base brings the add-on back.
  await customer.goto();
  await (await customer.openSubscription("Office 365 E3")).reactivate();
  await customer.goto();
  await expect(customer.row("Microsoft 365 E5 Security")).toContainText("Active");
});

test("add-ons are limited to the customer's region", async ({ page, sandbox }) => {
  // Wingtip Toys bills in Sweden: Teams Audio Conferencing (US, UK, Canada only) is not offered.
  const customer = new CustomerPage(page, sandbox.idOf("wingtip-toys"));
  await customer.goto();
  const details = await customer.openSubscription("Office 365 E3");
  await expect(details.addOnsSection.getByLabel("Microsoft 365 E5 Security")).toBeVisible();
  await expect(details.addOnsSection.getByLabel("Microsoft Teams Audio Conferencing")).toHaveCount(0);
});

test("a stale form: submit in one page, then in another opened before it, gets the stale message", async ({ page, context, sandbox }) => {
  const { subscriptionId } = await buyAndOpen(page, sandbox.idOf("blue-yonder-airlines"), { name: "Power BI Pro", quantity: 4 });
  const first = new SubscriptionPage(page);
  const secondPage = await context.newPage();
  const second = new SubscriptionPage(secondPage);
  await second.goto(sandbox.idOf("blue-yonder-airlines"), subscriptionId);
  await expect(second.quantity).toHaveValue("4");

  await first.quantity.fill("6");
  await first.submit();
  await expect.poll(() => first.summaryItem("Quantity")).toBe("6 licenses");

  await second.quantity.fill("8");
  await second.submit();
  await expect(secondPage.getByRole("main").getByRole("alert")).toHaveText("This subscription changed since the page was loaded. Reload the page and try again.");
  await shot(secondPage, "subscription-stale");
  await secondPage.reload();
  await expect(second.quantity).toHaveValue("6");
  expect(await second.summaryItem("Quantity")).toBe("6 licenses");
  await secondPage.close();
});

test("Submit confirms what it changed with a success message", async ({ page, sandbox }) => {
  const { details } = await buyAndOpen(page, sandbox.idOf("coho-winery"), { name: "Office 365 E3", quantity: 10, frequency: "Annual" });
  await details.quantity.fill("12");
  await details.submit();
  await expect(details.result("Quantity changed to 12.")).toBeVisible();

  await details.addOnsSection.getByLabel("Microsoft 365 E5 Security").fill("2");
  await details.submit();
  await expect(details.result("Microsoft 365 E5 Security added: 2 license(s), pro-rated to the base's term end.")).toBeVisible();

  await details.statusSection.getByRole("radio", { name: "Suspended" }).check();
  await details.statusSection.getByLabel("Reason for suspension").selectOption({ label: "Fraud" });
  await details.submit();
  await expect(details.result(/Subscription suspended\. Its data will be deleted on/)).toBeVisible();

  await details.statusSection.getByRole("radio", { name: "Active" }).check();
  await details.submit();
  await expect(details.result("Subscription reactivated.")).toBeVisible();

  const isv = await buyAndOpen(page, sandbox.idOf("coho-winery"), { name: "Northwind CRM Connect", quantity: 1 });
  await isv.details.statusSection.getByRole("checkbox", { name: "Auto-renew" }).uncheck();
  await isv.details.submit();
  await expect(isv.details.result(/Auto-renew turned off\. The subscription ends on/)).toBeVisible();
});

test("Submit with nothing changed says so", async ({ page, sandbox }) => {
  const customer = new CustomerPage(page, sandbox.idOf("coho-winery"));
  await customer.goto();
  const details = await customer.openSubscription("Contoso Backup Pro");
  await details.submit();
  await expect(details.result("Nothing changed.")).toBeVisible();
});
