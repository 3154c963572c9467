import { CatalogPage, CustomerPage, CustomersPage, ReviewPage, USERS, expect, shot, signIn, test } from "./fixtures";

/**
 * "Create a new subscription": sign in, Customers, Add subscription, the Online Services filters,
 * unavailable offers, Add to cart, Review, Buy.
 *
 * Customers used here (no other spec touches them): Munson's Pickles (the purchase), City of Redmond
 * and City of Bellevue (double Buy), Humongous Insurance (bad quantities), Southridge Video (empty cart).
 * Fabrikam and Wingtip Toys are only read.
 */

const fmt = (d: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(d);

test.describe("sign in", () => {
  test("an unauthenticated visit to /customers goes to sign-in, a wrong password says so, the right one signs in", async ({ page }) => {
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers$/);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    // The demo accounts are listed with their password.
    const accounts = page.getByRole("region", { name: "Demo accounts" });
    await expect(accounts.getByText("Partner-Demo-2026")).toBeVisible();
    for (const email of Object.values(USERS)) await expect(accounts.getByRole("cell", { name: email })).toBeVisible();
    await shot(page, "sign-in");

    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
    await shot(page, "sign-in-error");

    // Empty fields are refused field by field.
    await page.getByLabel("Email").fill("");
    await page.getByLabel("Password").fill("");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();

    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("Partner-Demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Megan Bowen");

    // Signing out ends the session: the dashboard sends you back to sign-in.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/customers/fabrikam");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});

test.describe("sign in: where it lands", () => {
  test("after sign-in, the page that sent you to sign in opens, filters and all", async ({ page }) => {
    await page.goto("/customers/fabrikam/catalog?publisher=partner&category=trial");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("Partner-Demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers\/fabrikam\/catalog\?publisher=partner&category=trial$/);
    await expect(new CatalogPage(page, "fabrikam").filter("Category", "Trial")).toBeChecked();
  });

  test("after sign-in, a next pointing to another site is ignored", async ({ page, baseURL }) => {
    await page.route("**://example.org/**", (route) => route.fulfill({ status: 200, body: "another site" }));
    for (const next of ["//example.org/x", "/\\example.org/x", "https://example.org/x"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(USERS.admin);
      await page.getByLabel("Password").fill("Partner-Demo-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page, next).toHaveURL(`${baseURL}/customers`);
    }
  });
});

test.describe("as a Global admin", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, USERS.admin);
  });

  test("customers list: searches as you type, keeps the search in the URL, and a reload keeps it", async ({ page }) => {
    const customers = new CustomersPage(page);
    await customers.goto();
    await page.getByRole("searchbox", { name: "Search customers by name" }).pressSequentially("wingt");
    await page.waitForURL((url) => url.searchParams.get("q") === "wingt");
    await expect.poll(() => customers.names()).toEqual(["Wingtip Toys"]);
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search customers by name" })).toHaveValue("wingt");
    expect(await customers.names()).toEqual(["Wingtip Toys"]);
    await page.getByRole("searchbox", { name: "Search customers by name" }).fill("no customer has this name");
    await expect(page.getByText("No customers match your search.")).toBeVisible();
  });

  test("customers list: search by name, sort by a column, open Fabrikam", async ({ page }) => {
    const customers = new CustomersPage(page);
    await customers.goto();
    await shot(page, "customers");
    const all = await customers.names();
    expect(all.length).toBeGreaterThanOrEqual(15);
    // Only Contoso's own customers are listed.
    expect(all).not.toContain("Liberty's Delightful Sinful Bakery & Cafe");
    expect(all).not.toContain("US Department of Parks");
    // Sorted by name ascending by default.
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));

    await customers.search("wing");
    await expect(customers.customerLink("Wingtip Toys")).toBeVisible();
    expect(await customers.names()).toEqual(["Wingtip Toys"]);
    await customers.search("no such customer");
    await expect(page.getByText("No customers match your search.")).toBeVisible();

    // Name, descending.
    await customers.goto();
    await page.getByRole("columnheader", { name: /Customer name/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    const names = await customers.names();
    expect(names).toEqual([...all].reverse());

    // A search keeps the sort.
    await customers.search("in");
    await expect(page).toHaveURL(/sort=name/);

    await customers.goto();
    await customers.open("Fabrikam, Inc.");
    await expect(page).toHaveURL(/\/customers\/fabrikam$/);
    const customer = new CustomerPage(page, "fabrikam");
    await expect(customer.subscriptionsSection.getByRole("heading", { name: "Subscriptions" })).toBeVisible();
    await expect(customer.subscriptionsSection.getByRole("link", { name: "Add subscription" })).toBeVisible();
    await expect(customer.row("Office 365 E3")).toContainText("Suspended");
    await shot(page, "customer");
  });

  test("customers list: sorting by Billing country follows the country names shown", async ({ page }) => {
    const customers = new CustomersPage(page);
    await customers.goto();
    // Sort by Billing country, ascending then descending.
    await page.getByRole("columnheader", { name: /Billing country/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=country&dir=asc/);
    await expect(page.getByRole("columnheader", { name: /Billing country/ })).toHaveAttribute("aria-sort", "ascending");
    const countries = await customers.table.locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b)));
    await page.getByRole("columnheader", { name: /Billing country/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=country&dir=desc/);
    await expect(page.getByRole("columnheader", { name: /Billing country/ })).toHaveAttribute("aria-sort", "descending");
    const desc = await customers.table.locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(desc).toEqual([...desc].sort((a, b) => b.localeCompare(a)));

  });

  test("catalog: Online Services filters, combined, kept in the URL, and the search box", async ({ page }) => {
    await page.goto("/customers/fabrikam");
    await page.getByRole("link", { name: "Add subscription" }).click();
    await expect(page).toHaveURL(/\/customers\/fabrikam\/catalog/);
    await expect(page.getByRole("heading", { name: "Add subscription", level: 1 })).toBeVisible();
    const catalog = new CatalogPage(page, "fabrikam");
    await expect(page.getByRole("tab", { name: "Online Services" })).toHaveAttribute("aria-selected", "true");

    const pagination = page.getByRole("navigation", { name: "Pagination" });
    const total = async () => Number(/(\d+) offers/.exec(await pagination.innerText())?.[1]);
    /** The "Publisher · Billing type · Category" line of every card shown. */
    const metaLines = () => catalog.offers.locator("h2 + p").allInnerTexts();
    const all = await total();
    expect(all).toBeGreaterThan(20);

    // The boxes reflect the URL: a click navigates, and the box shows checked once the new list is in.
    const check = async (group: "Publisher" | "Billing type" | "Category", option: string) => {
      await catalog.filter(group, option).click();
      await catalog.waitIdle();
      await expect(catalog.filter(group, option)).toBeChecked();
    };
    const uncheck = async (group: "Publisher" | "Billing type" | "Category", option: string) => {
      await catalog.filter(group, option).click();
      await catalog.waitIdle();
      await expect(catalog.filter(group, option)).not.toBeChecked();
    };
    const countWith = async (group: "Publisher" | "Billing type" | "Category", option: string, param: string, predicate: (meta: string) => boolean) => {
      await check(group, option);
      await expect(page).toHaveURL(new RegExp(param));
      const n = await total();
      expect(n, `${group} ${option}`).toBeGreaterThan(0);
      expect(n).toBeLessThan(all);
      const metas = await metaLines();
      expect(metas.length).toBeGreaterThan(0);
      for (const meta of metas) expect(predicate(meta), `${option}: ${meta}`).toBe(true);
      await uncheck(group, option);
      return n;
    };
    const parts = (meta: string) => meta.split(" · ");

    const microsoft = await countWith("Publisher", "Microsoft", "publisher=microsoft", (m) => parts(m)[0] === "Microsoft");
    const partner = await countWith("Publisher", "Partner", "publisher=partner", (m) => parts(m)[0] !== "Microsoft");
    expect(microsoft + partner).toBe(all);
    const license = await countWith("Billing type", "License", "billingType=license", (m) => parts(m)[1] === "License");
    const usage = await countWith("Billing type", "Usage", "billingType=usage", (m) => parts(m)[1] === "Usage");
    expect(license + usage).toBe(all);
    const enterprise = await countWith("Category", "Enterprise", "category=enterprise", (m) => parts(m)[2] === "Enterprise");
    const smallBusiness = await countWith("Category", "Small business", "category=small_business", (m) => parts(m)[2] === "Small business");
    const trial = await countWith("Category", "Trial", "category=trial", (m) => parts(m)[2] === "Trial");
    expect(enterprise + smallBusiness + trial).toBe(all);
    await expect(page).not.toHaveURL(/publisher|billingType|category/);

    // Two options of one filter widen the list (either), filters together narrow it (both).
    await check("Category", "Enterprise");
    await check("Category", "Small business");
    expect(await total()).toBe(enterprise + smallBusiness);
    await uncheck("Category", "Enterprise");
    await uncheck("Category", "Small business");

    await check("Publisher", "Partner");
    await check("Billing type", "Usage");
    await expect(catalog.offers).toHaveCount(2);
    await expect(catalog.offer("Litware Analytics Metered")).toBeVisible();
    await expect(catalog.offer("VanArsdel Container Hosting")).toBeVisible();
    await expect(page).toHaveURL(/publisher=partner/);
    await expect(page).toHaveURL(/billingType=usage/);
    await shot(page, "catalog-filtered");

    // The URL keeps the filters: a reload shows the same boxes checked and the same offers.
    await page.reload();
    await expect(catalog.filter("Publisher", "Partner")).toBeChecked();
    await expect(catalog.filter("Billing type", "Usage")).toBeChecked();
    await expect(catalog.filter("Publisher", "Microsoft")).not.toBeChecked();
    await expect(catalog.offers).toHaveCount(2);

    await uncheck("Billing type", "Usage");
    await check("Category", "Trial");
    await expect(catalog.offers).toHaveCount(1);
    await expect(catalog.offer("Northwind CRM Connect Trial")).toBeVisible();
    await uncheck("Publisher", "Partner");
    await uncheck("Category", "Trial");
    expect(await total()).toBe(all);

    // The search box filters as you type, and is kept in the URL too.
    await catalog.search("gateway");
    await expect(page).toHaveURL(/q=gateway/);
    await expect(catalog.offers).toHaveCount(1);
    await expect(catalog.offer("Tailspin Secure Gateway")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search offers" })).toHaveValue("gateway");
    await expect(catalog.offers).toHaveCount(1);
    await catalog.search("no offer is called this");
    await expect(page.getByText("No offers match these filters.")).toBeVisible();
    await catalog.search("");
    await expect.poll(total).toBe(all);
  });

  test("catalog: every reason an offer can't be bought, and an exclusive offer Contoso can buy", async ({ page }) => {
    const catalog = new CatalogPage(page, "fabrikam");
    await catalog.goto();
    await shot(page, "catalog");

    const reasons: [string, RegExp][] = [
      ["Office 365 E3", /subscription to this offer is suspended\. Reactivate it rather than purchase a new one\./],
      ["Tailspin Secure Gateway", /already has a subscription to this offer and is only allowed one/],
      ["Proseware Field Service", /hasn't made this offer available through the CSP program/],
      ["Fourth Coffee POS", /exclusive to other CSP partners/],
      ["Litware Analytics Metered", /isn't transactable in Partner Center\. Purchase and manage it in the Azure management portal\./],
    ];
    for (const [name, reason] of reasons) {
      await catalog.search(name);
      await expect(catalog.unavailableNote(name)).toHaveText(reason);
      await expect(catalog.offer(name).getByRole("button", { name: "Add to cart" })).toHaveCount(0);
    }

    await catalog.search("Litware Analytics Metered");
    await expect(catalog.unavailableNote("Litware Analytics Metered").getByRole("link", { name: "Go to the Azure management portal" })).toHaveAttribute("href", "https://portal.azure.com/");
    await shot(page, "catalog-unavailable");

    // Relecloud Insights is exclusive to Contoso: Contoso can buy it.
    await catalog.search("Relecloud Insights");
    await expect(catalog.offer("Relecloud Insights").getByRole("button", { name: "Add to cart" })).toBeVisible();
    await expect(catalog.unavailableNote("Relecloud Insights")).toHaveCount(0);

    // "you can reactivate the subscription rather than purchase a new one": the link opens it.
    await catalog.search("Office 365 E3");
    await catalog.unavailableNote("Office 365 E3").getByRole("link", { name: "Reactivate" }).click();
    await expect(page.getByRole("heading", { name: "Office 365 E3", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Subscription summary" })).toContainText("Suspended");
    await expect(page.getByRole("region", { name: "Status", exact: true }).getByRole("radio", { name: "Active" })).toBeEnabled();

    // Wingtip Toys bills in Sweden: Adatum doesn't support it.
    const wingtip = new CatalogPage(page, "wingtip-toys");
    await wingtip.goto("?q=Adatum");
    await expect(wingtip.unavailableNote("Adatum Compliance Suite")).toHaveText("The publisher doesn't support the customer's billing country or region (Sweden).");
    await expect(wingtip.offer("Adatum Compliance Suite").getByRole("button", { name: "Add to cart" })).toHaveCount(0);
    // Wingtip's own one-per-customer subscription.
    await wingtip.search("Tailspin Secure Gateway");
    await expect(wingtip.unavailableNote("Tailspin Secure Gateway")).toContainText("only allowed one");
  });

  test("buy for Munson's Pickles: cart survives reload, edit it, Review, Buy, confirmation, Subscriptions", async ({ page }) => {
    const customers = new CustomersPage(page);
    await customers.goto();
    await customers.open("Munson's Pickles and Preserves Farm");
    const customer = new CustomerPage(page, "munsons-pickles");
    await expect(customer.subscriptionsSection.getByText("This customer has no subscriptions yet.")).toBeVisible();
    await customer.subscriptionsSection.getByRole("link", { name: "Add subscription" }).click();

    const catalog = new CatalogPage(page, "munsons-pickles");
    await expect(catalog.cart.getByText("Your cart is empty.")).toBeVisible();
    await catalog.addToCart("Relecloud Insights", { quantity: 3, frequency: "Monthly" });
    await catalog.addToCart("Contoso Backup Pro", { quantity: 2, frequency: "Annual" });
    await catalog.addToCart("Microsoft 365 Business Basic", { quantity: 5 });
    await expect(catalog.cart.getByRole("heading", { name: "Cart (3)" })).toBeVisible();
    await expect(catalog.cart).toContainText("Relecloud Insights");
    await expect(catalog.cart).toContainText("Annual · $119.52 each · 30-day free trial");
    await shot(page, "catalog-cart");

    // The cart is kept on the server: a reload shows the same lines.
    await page.reload();
    await expect(catalog.cart.getByRole("heading", { name: "Cart (3)" })).toBeVisible();
    await expect(catalog.cart.getByLabel("Quantity of Relecloud Insights")).toHaveValue("3");
    await expect(catalog.cart.getByLabel("Quantity of Contoso Backup Pro")).toHaveValue("2");

    // Change a quantity.
    await catalog.cart.getByLabel("Quantity of Relecloud Insights").fill("4");
    await catalog.cart.getByRole("listitem").filter({ hasText: "Relecloud Insights" }).getByRole("button", { name: "Update" }).click();
    await expect(page.getByText("Quantity of Relecloud Insights updated.")).toBeVisible();
    await expect(catalog.cart.getByRole("listitem").filter({ hasText: "Relecloud Insights" })).toContainText("$80.00");
    // A bad quantity in the cart is refused (the browser's own check on the number field, or the
    // server's message) and the line keeps its quantity.
    const cartQuantity = catalog.cart.getByLabel("Quantity of Relecloud Insights");
    await cartQuantity.fill("0");
    await catalog.cart.getByRole("listitem").filter({ hasText: "Relecloud Insights" }).getByRole("button", { name: "Update" }).click();
    await expect
      .poll(async () => (await cartQuantity.evaluate((el: HTMLInputElement) => el.validationMessage)) || (await catalog.cart.getByRole("alert").allInnerTexts()).join(""))
      .not.toBe("");
    await page.reload();
    await expect(catalog.cart.getByLabel("Quantity of Relecloud Insights")).toHaveValue("4");

    // Remove a line.
    await catalog.cart.getByRole("button", { name: "Remove Microsoft 365 Business Basic" }).click();
    await expect(page.getByText("Microsoft 365 Business Basic removed from the cart.")).toBeVisible();
    await expect(catalog.cart.getByRole("heading", { name: "Cart (2)" })).toBeVisible();
    await expect(catalog.cart).not.toContainText("Microsoft 365 Business Basic");
    await expect(catalog.cart).toContainText("$319.04");

    // Review.
    await catalog.review();
    const review = new ReviewPage(page, "munsons-pickles");
    const headers = await review.table.getByRole("columnheader").allInnerTexts();
    expect(headers.map((h) => h.toLowerCase())).toEqual(["offer", "quantity", "billing frequency", "term", "unit price", "line total", "due today"]);
    const relecloud = review.line("Relecloud Insights");
    await expect(relecloud.getByRole("cell")).toHaveText([/Relecloud Insights/, "4", "Monthly", /1 month/, "$20.00", "$80.00", "$80.00"]);
    const backup = review.line("Contoso Backup Pro");
    await expect(backup.getByRole("cell")).toHaveText([/Contoso Backup Pro/, "2", "Annual", /1 year/, "$119.52", "$239.04", "$0.00"]);
    // The trial: $0.00 due today, and when the paid term starts.
    const trialEnd = fmt(new Date(Date.now() + 30 * 86_400_000));
    await expect(backup).toContainText(`30-day free trial, applied automatically. Free trial ends ${trialEnd}; the paid term starts ${trialEnd}.`);
    const footer = review.table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Order total" }) });
    await expect(footer).toContainText("$319.04");
    await expect(footer).toContainText("$80.00");
    await shot(page, "review");

    // Buy.
    await review.buy();
    await expect(page).toHaveURL(/\/customers\/munsons-pickles\/orders\//);
    const created = page.getByRole("region", { name: "Subscriptions created" });
    await expect(created.getByRole("listitem")).toHaveCount(2);
    await expect(created.getByRole("link", { name: "Relecloud Insights" })).toBeVisible();
    await expect(created.getByRole("link", { name: "Contoso Backup Pro" })).toBeVisible();
    await expect(created.getByRole("listitem").filter({ hasText: "Relecloud Insights" })).toContainText("4 licenses · Monthly · Auto-renew on");
    await expect(created.getByRole("listitem").filter({ hasText: "Contoso Backup Pro" })).toContainText(`Free trial ends ${trialEnd}. The paid term begins ${trialEnd}`);
    // ISV SaaS: a link to the publisher's site to complete setup, and no email.
    const setupLinks = created.getByRole("link", { name: "Complete setup on the publisher's site" });
    await expect(setupLinks).toHaveCount(2);
    await expect(setupLinks.nth(0)).toHaveAttribute("href", /^https:\/\//);
    await expect(page.getByText("Neither you nor your customer will receive an email with instructions to complete account set up/provisioning for this type of ISV subscription.")).toBeVisible();
    await shot(page, "confirmation");

    // The customer's Subscriptions page lists them; the cart is empty again.
    await page.getByRole("link", { name: "Go to Subscriptions" }).click();
    await expect(customer.subscriptionsSection).toBeVisible();
    expect(await customer.count("Relecloud Insights")).toBe(1);
    expect(await customer.count("Contoso Backup Pro")).toBe(1);
    await expect(customer.row("Contoso Backup Pro")).toContainText(`Free trial until ${trialEnd}`);
    await expect(customer.row("Relecloud Insights")).toContainText("Active");
    await shot(page, "customer-subscriptions");
    await catalog.goto();
    await expect(catalog.cart.getByRole("heading", { name: "Cart (0)" })).toBeVisible();

    // The subscription details page.
    await customer.goto();
    const details = await customer.openSubscription("Contoso Backup Pro");
    await expect(details.summary).toContainText(`Ends ${trialEnd}; the paid term starts ${trialEnd}`);
    await shot(page, "subscription-details");
  });

  test("a double click on Buy makes one order", async ({ page }) => {
    const catalog = new CatalogPage(page, "city-of-redmond");
    await catalog.goto();
    await catalog.addToCart("Office 365 G3 GCC", { quantity: 2 });
    await catalog.review();
    await page.getByRole("button", { name: "Buy" }).dblclick();
    await expect(page.getByText("Your order has been placed")).toBeVisible();
    await expect(page.getByRole("region", { name: "Subscriptions created" }).getByRole("listitem")).toHaveCount(1);
    const customer = new CustomerPage(page, "city-of-redmond");
    await customer.goto();
    await expect(customer.subscriptionsSection.getByRole("link", { name: "Office 365 G3 GCC", exact: true })).toHaveCount(1);
  });

  test("two Buy submissions from one Review page make one order", async ({ page }) => {
    const catalog = new CatalogPage(page, "city-of-bellevue");
    await catalog.goto();
    await catalog.addToCart("Office 365 G1 GCC", { quantity: 3 });
    await catalog.review();
    // Two submits of the same form, without waiting for the first (as a fast double click would).
    await page.getByRole("button", { name: "Buy" }).evaluate((button) => {
      const form = (button as HTMLButtonElement).form!;
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByText("Your order has been placed")).toBeVisible();
    const customer = new CustomerPage(page, "city-of-bellevue");
    await customer.goto();
    await expect(customer.subscriptionsSection.getByRole("link", { name: "Office 365 G1 GCC", exact: true })).toHaveCount(1);
  });

  test("bad quantities are refused with a message and nothing is added", async ({ page }) => {
    const catalog = new CatalogPage(page, "humongous-insurance");
    await catalog.goto();
    await catalog.search("Microsoft 365 Business Basic");
    const card = catalog.offer("Microsoft 365 Business Basic");
    await expect(card.getByText("1–300 licenses")).toBeVisible();
    const cases: [string, RegExp][] = [
      ["0", /Enter at least 1 license\./],
      ["-1", /Enter at least 1 license\./],
      ["1.5", /Enter a whole number of licenses\./],
      ["301", /Enter a quantity from 1 to 300\./],
    ];
    for (const [value, messageText] of cases) {
      await card.getByLabel("Quantity").fill(value);
      await card.getByRole("button", { name: "Add to cart" }).click();
      await expect(card.getByRole("alert"), `quantity ${value}`).toHaveText(messageText);
      await expect(card.getByLabel("Quantity")).toHaveAttribute("aria-invalid", "true");
      await expect(catalog.cart.getByRole("heading", { name: "Cart (0)" })).toBeVisible();
    }
    // Text: a number field takes no letters, so typed text leaves it empty, which is refused too.
    await card.getByLabel("Quantity").fill("");
    await card.getByLabel("Quantity").pressSequentially("abc");
    await card.getByRole("button", { name: "Add to cart" }).click();
    await expect(card.getByRole("alert")).toHaveText(/license/);
    await shot(page, "catalog-bad-quantity");

    // The API refuses text and fractions the same way.
    for (const quantity of ["abc", "1.5", "", "1e3", "-3", "1001"]) {
      const response = await page.request.post("/api/customers/humongous-insurance/cart", { data: { offerId: "microsoft-365-business-basic", quantity, billingFrequency: "monthly" } });
      expect(response.status(), `quantity ${JSON.stringify(quantity)}`).toBe(400);
    }
    await page.reload();
    await expect(catalog.cart.getByRole("heading", { name: "Cart (0)" })).toBeVisible();
  });

  test("the cart API refuses quantity text that is not a decimal number", async ({ page }) => {
    for (const quantity of ["0x10", "0b11"]) {
      const response = await page.request.post("/api/customers/humongous-insurance/cart", { data: { offerId: "microsoft-365-business-basic", quantity, billingFrequency: "monthly" } });
      expect(response.status(), `quantity ${JSON.stringify(quantity)}`).toBe(400);
    }
    const cart = await (await page.request.get("/api/customers/humongous-insurance/cart")).json();
    expect(cart.items).toHaveLength(0);
  });

  test("an empty cart's Review says so, and offers the way back to the catalog", async ({ page }) => {
    await page.goto("/customers/southridge-video/review");
    await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
    await expect(page.getByText("Your cart is empty. Add at least one offer before you review or buy.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Buy" })).toHaveCount(0);
    await shot(page, "review-empty");
    await page.getByRole("link", { name: "Back to the catalog" }).click();
    await expect(page).toHaveURL(/\/customers\/southridge-video\/catalog/);
  });

  test("an unknown customer id gives a 404 page", async ({ page }) => {
    for (const path of ["/customers/no-such-customer", "/customers/no-such-customer/catalog", "/customers/no-such-customer/review", "/customers/fabrikam/subscriptions/no-such-subscription"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
    }
    await shot(page, "not-found");
  });

  test("the cart API answers bad JSON with a 400 JSON error", async ({ page, playwright, baseURL }) => {
    const bad = await page.request.post("/api/customers/munsons-pickles/cart", { data: Buffer.from("{ not json"), headers: { "content-type": "application/json" } });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/json");
    expect(await bad.json()).toEqual({ error: expect.objectContaining({ code: "invalid_input", message: "The request body is not valid JSON." }) });

    const missing = await page.request.post("/api/customers/munsons-pickles/cart", { data: { offerId: "relecloud-insights" } });
    expect(missing.status()).toBe(400);
    const body = await missing.json();
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["quantity", "billingFrequency"]));

    const unknownCustomer = await page.request.post("/api/customers/no-such-customer/cart", { data: { offerId: "relecloud-insights", quantity: 1, billingFrequency: "monthly" } });
    expect(unknownCustomer.status()).toBe(404);
    const unavailable = await page.request.post("/api/customers/fabrikam/cart", { data: { offerId: "proseware-field-service", quantity: 1, billingFrequency: "monthly" } });
    expect(unavailable.status()).toBe(409);

    // Without a session: 401 JSON, not a redirect.
    const anonymous = await playwright.request.newContext({ baseURL });
    const unauthenticated = await anonymous.post("/api/customers/munsons-pickles/cart", { data: { offerId: "relecloud-insights", quantity: 1, billingFrequency: "monthly" } });
    expect(unauthenticated.status()).toBe(401);
    expect((await unauthenticated.json()).error.code).toBe("unauthenticated");
    await anonymous.dispose();
  });
});
