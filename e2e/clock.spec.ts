import { CatalogPage, CustomerPage, DAY_MS, DemoClock, SubscriptionPage, USERS, buyAndOpen, expect, formatDate, isoDate, parseShownDate, shot, test } from "./fixtures";

/**
 * The Demo clock moves time for one partner: each test moves its own sandbox's clock, so these run on
 * the suite's one server beside every other test. Tests here read the demo date from the panel rather
 * than assuming it is today.
 *
 * Customers used: Munson's Pickles (trial), Coho Winery (suspension to deletion), Tailwind Traders and
 * Fabrikam's "Tailspin Secure Gateway" (renewal-date events).
 */

test.beforeEach(async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
});

test("a 30-day free trial converts to paid when the demo clock passes its end, with a conversion charge", async ({ page, sandbox }) => {
  const clock = new DemoClock(page);
  const { details } = await buyAndOpen(page, sandbox.idOf("munsons-pickles"), { name: "Contoso Backup Pro", quantity: 3, frequency: "Monthly" });
  const bought = await clock.now();
  const trialEnd = formatDate(bought.getTime() + 30 * DAY_MS);
  // The trial end and the start of the paid term.
  expect(await details.summaryItem("Free trial")).toBe(`Ends ${trialEnd}; the paid term starts ${trialEnd}`);
  expect(await details.summaryItem("Term start")).toBe(trialEnd);
  expect(await details.summaryItem("Charges so far")).toBe("$0.00");
  await expect(page.getByRole("region", { name: "Charges", exact: true })).toContainText("No charges yet.");
  await shot(page, "subscription-trial");

  await clock.advance(30);
  await expect(page.getByText(/Demo clock moved to/).first()).toBeVisible();
  // At most a day more, for the minutes between the purchase and the click.
  if (!(await details.summary.getByText("converted to paid status").isVisible())) await clock.advance(1);

  await expect(details.summary).toContainText(`Ended ${trialEnd}; converted to paid status`);
  const charges = page.getByRole("region", { name: "Charges", exact: true });
  const conversion = charges.getByRole("row").filter({ hasText: "Contoso Backup Pro: first paid term after the free trial" });
  await expect(conversion).toContainText("$36.00"); // 3 licenses x $12.00 a month
  await expect(conversion.getByRole("cell").nth(2)).toHaveText(trialEnd); // Charge start date: the paid term's start
  expect(await details.summaryItem("Charges so far")).toBe("$36.00");
  expect(await details.status()).toBe("Active");
  await expect(page.getByRole("region", { name: "Activity", exact: true }).getByRole("row").filter({ hasText: "Trial converted to paid" })).toBeVisible();
  await shot(page, "subscription-converted");

  const customer = new CustomerPage(page, sandbox.idOf("munsons-pickles"));
  await customer.goto();
  await expect(customer.row("Contoso Backup Pro")).not.toContainText("Free trial until");
});

test("a suspended Microsoft subscription is deleted after its deletion date and can't be reactivated", async ({ page, sandbox }) => {
  const clock = new DemoClock(page);
  const { details } = await buyAndOpen(page, sandbox.idOf("coho-winery"), { name: "Office 365 E1", quantity: 5, frequency: "Monthly" });
  const suspendedOn = await clock.now();
  await details.suspend("Nonpayment");
  // Coho Winery's first billing came 45 days after it opened: 90 + 45 days, capped at 120.
  const deletionText = formatDate(suspendedOn.getTime() + 120 * DAY_MS);
  await expect(details.statusSection.getByTestId("deletion-date")).toHaveText(`Expires and all data is deleted on ${deletionText} unless reactivated.`);
  const deletion = parseShownDate(deletionText);

  // A month on, still suspended.
  await clock.advance(30);
  expect(await details.status()).toBe("Suspended");

  // Past the deletion date.
  await clock.setDate(isoDate(new Date(deletion.getTime() + DAY_MS)));
  await expect(page.getByText(/Demo clock moved to/).first()).toBeVisible();
  await expect.poll(() => details.status()).toBe("Deleted");
  await expect(details.summary.getByText("This subscription was suspended past its deletion date. Its service data has been removed and it can't be reactivated.")).toBeVisible();
  await expect(page.getByText("This subscription is deleted; it can no longer be changed.")).toBeVisible();
  await expect(details.statusSection).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "Active" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Activity", exact: true }).getByRole("row").filter({ hasText: "Deleted" })).toContainText("data removed: true");
  await shot(page, "subscription-deleted");

  const customer = new CustomerPage(page, sandbox.idOf("coho-winery"));
  await customer.goto();
  await expect(customer.row("Office 365 E1")).toContainText("Deleted");
  // Nothing left to reactivate: the catalog offers a new purchase instead of a Reactivate link.
  const catalog = new CatalogPage(page, sandbox.idOf("coho-winery"));
  await catalog.goto("?q=Office 365 E1");
  await expect(catalog.unavailableNote("Office 365 E1")).toHaveCount(0);
  await expect(catalog.offer("Office 365 E1").getByRole("button", { name: "Add to cart" })).toBeVisible();
});

test("at renewal, a scheduled cancellation takes effect and an Auto-renew-off subscription expires", async ({ page, sandbox }) => {
  const clock = new DemoClock(page);
  // Auto-renew off on a fresh ISV subscription.
  const { details, subscriptionId } = await buyAndOpen(page, sandbox.idOf("tailwind-traders"), { name: "Northwind CRM Connect", quantity: 2, frequency: "Monthly" });
  await details.statusSection.getByRole("checkbox", { name: "Auto-renew" }).uncheck();
  await details.submit();
  await expect.poll(() => details.summaryItem("Auto-renew")).toMatch(/^Off: ends /);
  // Fabrikam's Tailspin Secure Gateway, ordered 3 days before the seed: cancelled late, so at renewal.
  const fabrikam = new CustomerPage(page, sandbox.idOf("fabrikam"));
  await fabrikam.goto();
  const row = fabrikam.row("Tailspin Secure Gateway");
  await row.getByLabel("Status of Tailspin Secure Gateway").selectOption({ label: "Cancel" });
  await row.getByRole("button", { name: "Submit status change for Tailspin Secure Gateway" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason for cancellation").selectOption("Customer request");
  await dialog.getByRole("button", { name: "Submit" }).click();
  await dialog.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(row).toContainText("Cancellation scheduled for");

  await clock.advance(30);
  await clock.advance(1);
  await fabrikam.goto();
  await expect(fabrikam.row("Tailspin Secure Gateway").getByText("Cancelled", { exact: true })).toBeVisible();
  await new SubscriptionPage(page).goto(sandbox.idOf("tailwind-traders"), subscriptionId);
  await expect.poll(() => details.status()).toBe("Expired");
});

test("Set date to a past date is refused with a message", async ({ page }) => {
  const clock = new DemoClock(page);
  const before = await clock.nowText.innerText();
  const yesterday = isoDate(new Date((await clock.now()).getTime() - DAY_MS));

  // The date field itself refuses it.
  await clock.dateInput.fill(yesterday);
  await clock.region.getByRole("button", { name: "Set date" }).click();
  expect(await clock.dateInput.evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe("");
  await expect(clock.nowText).toHaveText(before);

  // And so does the server, for a form posted without the browser's check.
  await clock.dateInput.evaluate((el: HTMLInputElement) => (el.form!.noValidate = true));
  await clock.region.getByRole("button", { name: "Set date" }).click();
  await expect(clock.region.getByRole("alert")).toHaveText("Choose a date after the current demo date: the demo clock only moves forward.");
  await expect(clock.nowText).toHaveText(before);
  await shot(page, "demo-clock-refused");
});
