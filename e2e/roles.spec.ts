import { CatalogPage, CustomerPage, CustomersPage, ReviewPage, USERS, buyAndOpen, expect, shot, signOut, test } from "./fixtures";

/**
 * "Appropriate roles": what each role and partner type sees and can do.
 *
 * Customers used here, each test in a sandbox of its own: Northwind Nonprofit (Sales agent's purchase),
 * Food For All Foundation (Helpdesk agent's suspension). Fabrikam is only read.
 */

test("a Sales agent can buy, but not suspend, and sees no billing or activity", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.sales);
  await expect(page.getByRole("banner")).toContainText("Lynne Robbins · Sales agent");
  await expect(page.getByRole("navigation", { name: "Partner Center menu" }).getByRole("link", { name: "Activity log" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Demo clock" })).toHaveCount(0);

  await new CustomersPage(page).open("Northwind Nonprofit");
  const customer = new CustomerPage(page, sandbox.idOf("northwind-nonprofit"));
  await expect(customer.nextInvoice).toHaveCount(0);
  await customer.subscriptionsSection.getByRole("link", { name: "Add subscription" }).click();
  const catalog = new CatalogPage(page, sandbox.idOf("northwind-nonprofit"));
  await catalog.addToCart("Power BI Pro", { quantity: 2 });
  await catalog.review();
  await new ReviewPage(page, sandbox.idOf("northwind-nonprofit")).buy();
  await page.getByRole("link", { name: "Go to Subscriptions" }).click();
  await expect(customer.row("Power BI Pro")).toContainText("Active");

  const details = await customer.openSubscription("Power BI Pro");
  await expect(details.quantity).toBeEnabled();
  await expect(details.statusSection.getByRole("radio", { name: "Suspended" })).toBeDisabled();
  await expect(details.statusSection.getByText("Your role can't change the status.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Charges", exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Activity", exact: true })).toHaveCount(0);
  // The activity log is not theirs to read, even by URL.
  const response = await page.goto("/activity");
  expect(response?.status()).toBe(404);
});

test("a Helpdesk agent has no Add subscription or Buy, but can suspend", async ({ page, sandbox }) => {
  // The admin buys first, so the helpdesk agent has something of their own to suspend.
  await sandbox.signIn(page, USERS.admin);
  await buyAndOpen(page, sandbox.idOf("food-for-all-foundation"), { name: "Microsoft Teams Essentials", quantity: 12 });
  await signOut(page);

  await sandbox.signIn(page, USERS.helpdesk);
  await expect(page.getByRole("banner")).toContainText("Isaiah Langer · Helpdesk agent");
  await expect(page.getByRole("region", { name: "Demo clock" })).toHaveCount(0);
  const customer = new CustomerPage(page, sandbox.idOf("food-for-all-foundation"));
  await customer.goto();
  await expect(customer.subscriptionsSection.getByRole("link", { name: "Add subscription" })).toHaveCount(0);
  await expect(customer.nextInvoice).toHaveCount(0);

  // The catalog can be browsed, but not bought from.
  const catalog = new CatalogPage(page, sandbox.idOf("food-for-all-foundation"));
  await catalog.goto();
  await expect(page.getByText("Your role can browse the catalog but not buy. Ask a Sales agent or an admin to place the order.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await expect(catalog.cart).toHaveCount(0);
  await shot(page, "catalog-helpdesk");
  await page.goto(`/customers/${sandbox.idOf("food-for-all-foundation")}/review`);
  await expect(page.getByText("Your role does not allow this action.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Buy" })).toHaveCount(0);
  const refused = await page.request.post(`/api/customers/${sandbox.idOf("food-for-all-foundation")}/cart`, { data: { offerId: "power-bi-pro", quantity: 1, billingFrequency: "monthly" } });
  expect(refused.status()).toBe(403);

  // Suspending works.
  await customer.goto();
  const details = await customer.openSubscription("Microsoft Teams Essentials");
  await expect(details.quantity).toBeDisabled();
  await details.suspend("Nonpayment");
  await expect(details.summary).toContainText("(Nonpayment)");
  const activity = page.getByRole("region", { name: "Activity", exact: true });
  await expect(activity.getByRole("row").filter({ hasText: "Suspended" })).toContainText("Isaiah Langer");
  await expect(activity.getByRole("row").filter({ hasText: "Suspended" })).toContainText("Helpdesk agent");
  await customer.goto();
  await expect(customer.row("Microsoft Teams Essentials")).toContainText("Suspended");
});

test("a Billing admin sees invoices and can cancel, but can't buy or suspend", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.billing);
  const customer = new CustomerPage(page, sandbox.idOf("fabrikam"));
  await customer.goto();
  await expect(customer.subscriptionsSection.getByRole("link", { name: "Add subscription" })).toHaveCount(0);
  await expect(customer.nextInvoice).toBeVisible();
  await expect(customer.row("Contoso Backup Pro").getByLabel("Status of Contoso Backup Pro")).toBeVisible();
  const details = await customer.openSubscription("Microsoft 365 Business Premium");
  await expect(details.statusSection.getByRole("radio", { name: "Suspended" })).toBeDisabled();
  await expect(details.quantity).toBeDisabled();
});

test("an Admin agent does everything but move the demo clock", async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.adminAgent);
  await expect(page.getByRole("region", { name: "Demo clock" })).toHaveCount(0);
  const customer = new CustomerPage(page, sandbox.idOf("fabrikam"));
  await customer.goto();
  await expect(customer.subscriptionsSection.getByRole("link", { name: "Add subscription" })).toBeVisible();
});

// Margie's Travel is an indirect reseller: its sandbox comes with its indirect provider, Adventure Works.
test.describe(() => {
  test.use({ sandboxKind: "indirect" });

  test("an indirect reseller's catalog says why buying isn't possible, with no Add to cart", async ({ page, sandbox }) => {
    await sandbox.signIn(page, USERS.margies);
    await expect(page.getByRole("banner")).toContainText("Margie's Travel IT");
    const customers = new CustomersPage(page);
    const names = await customers.names();
    expect(names).toContain("Boulder Creek Hotels");
    expect(names).not.toContain("Fabrikam, Inc.");

    const catalog = new CatalogPage(page, sandbox.idOf("boulder-creek-hotels"));
    await catalog.goto();
    await expect(page.getByText("Buying isn't available to indirect resellers")).toBeVisible();
    await expect(page.getByText("As an indirect reseller, you can browse the catalog, but your indirect provider places orders for your customers.")).toBeVisible();
    await expect(catalog.offers.first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
    await expect(catalog.cart).toHaveCount(0);
    await shot(page, "catalog-indirect-reseller");

    const refused = await page.request.post(`/api/customers/${sandbox.idOf("boulder-creek-hotels")}/cart`, { data: { offerId: "office-365-e3", quantity: 1, billingFrequency: "monthly" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("Indirect resellers can't buy subscriptions in Partner Center");

    // At Review, the step before Buy, the reason is given again and there is no Buy.
    await page.goto(`/customers/${sandbox.idOf("boulder-creek-hotels")}/review`);
    await expect(page.getByText("Indirect resellers can't buy subscriptions in Partner Center")).toBeVisible();
    await expect(page.getByRole("button", { name: "Buy" })).toHaveCount(0);
  });
});

test.describe(() => {
  test.use({ sandboxKind: "us_government" });

  test("US Government: the header names the cloud and the catalog only has government offers", async ({ page, sandbox }) => {
    await sandbox.signIn(page, USERS.trey);
    await expect(page.getByRole("banner").getByRole("link", { name: "Partner Center for Microsoft Cloud for US Government" })).toBeVisible();
    const names = await new CustomersPage(page).names();
    expect(names.sort()).toEqual(["Federal Weather Service", "Office of Veterans Services", "US Bureau of Mapping", "US Department of Parks"]);

    const catalog = new CatalogPage(page, sandbox.idOf("us-bureau-of-mapping"));
    await catalog.goto();
    const offers = await catalog.offers.getByRole("heading", { level: 2 }).allInnerTexts();
    expect(offers.sort()).toEqual([
      "Adatum Compliance Suite for Government",
      "Azure Government plan",
      "Exchange Online (Plan 2) GCC High",
      "Microsoft 365 G3 GCC High",
      "Microsoft 365 G5 GCC High",
      "Office 365 G3 GCC High",
      "Office 365 G3 GCC High Trial",
    ]);
    await expect(catalog.offer("Office 365 G3 GCC High").getByRole("button", { name: "Add to cart" })).toBeVisible();
    await catalog.search("Office 365 E3");
    await expect(page.getByText("No offers match these filters.")).toBeVisible();
    await shot(page, "catalog-us-government");
  });

  test("cross-tenant: another partner's customer is not found", async ({ page, sandbox, newSandbox }) => {
    // Trey Research (this test's US Government sandbox) and Contoso (a direct bill sandbox) are two partners.
    const contoso = await newSandbox("direct_bill");
    const fabrikam = contoso.idOf("fabrikam");
    await sandbox.signIn(page, USERS.trey);
    for (const path of [`/customers/${fabrikam}`, `/customers/${fabrikam}/catalog`, `/customers/${fabrikam}/review`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
      await expect(page.getByText("Fabrikam")).toHaveCount(0);
    }
    const cart = await page.request.get(`/api/customers/${fabrikam}/cart`);
    expect(cart.status()).toBe(404);
    const add = await page.request.post(`/api/customers/${fabrikam}/cart`, { data: { offerId: "office-365-g3-gcc-high", quantity: 1, billingFrequency: "monthly" } });
    expect(add.status()).toBe(404);

    // And the other way round: Contoso can't open Trey's customer.
    await signOut(page);
    await contoso.signIn(page, USERS.admin);
    const response = await page.goto(`/customers/${sandbox.idOf("us-department-of-parks")}`);
    expect(response?.status()).toBe(404);
  });
});
