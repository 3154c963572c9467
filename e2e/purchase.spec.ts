import { CatalogPage, CustomerPage, CustomersPage, ReviewPage, USERS, escapeRegExp, expect, shot, test } from "./fixtures";

/**
 * "Create a new subscription": sign in, Customers, Add subscription, the Online Services filters,
 * unavailable offers, Add to cart, Review, Buy.
 *
 * Customers used here, each test in a sandbox of its own: Munson's Pickles (the purchase), City of Redmond
 * and City of Bellevue (double Buy), Humongous Insurance (bad quantities), Southridge Video (empty cart).
 * Fabrikam and Wingtip Toys are only read.
 */

const fmt = (d: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(d);

test.describe("as a Global admin", () => {
  test.beforeEach(async ({ page, sandbox }) => {
    await sandbox.signIn(page, USERS.admin);
  });

  test("buy for Munson's Pickles: cart survives reload, edit it, Review, Buy, confirmation, Subscriptions", async ({ page, sandbox }) => {
    const customers = new CustomersPage(page);
    await customers.goto();
    await customers.open("Munson's Pickles and Preserves Farm");
    const customer = new CustomerPage(page, sandbox.idOf("munsons-pickles"));
    await expect(customer.subscriptionsSection.getByText("This customer has no subscriptions yet.")).toBeVisible();
    await customer.subscriptionsSection.getByRole("link", { name: "Add subscription" }).click();

    const catalog = new CatalogPage(page, sandbox.idOf("munsons-pickles"));
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
    const review = new ReviewPage(page, sandbox.idOf("munsons-pickles"));
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
    await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(sandbox.idOf("munsons-pickles"))}/orders/`));
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

  test("a double click on Buy makes one order", async ({ page, sandbox }) => {
    const catalog = new CatalogPage(page, sandbox.idOf("city-of-redmond"));
    await catalog.goto();
    await catalog.addToCart("Office 365 G3 GCC", { quantity: 2 });
    await catalog.review();
    await page.getByRole("button", { name: "Buy" }).dblclick();
    await expect(page.getByText("Your order has been placed")).toBeVisible();
    await expect(page.getByRole("region", { name: "Subscriptions created" }).getByRole("listitem")).toHaveCount(1);
    const customer = new CustomerPage(page, sandbox.idOf("city-of-redmond"));
    await customer.goto();
    await expect(customer.subscriptionsSection.getByRole("link", { name: "Office 365 G3 GCC", exact: true })).toHaveCount(1);
  });

  test("two Buy submissions from one Review page make one order", async ({ page, sandbox }) => {
    const catalog = new CatalogPage(page, sandbox.idOf("city-of-bellevue"));
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
    const customer = new CustomerPage(page, sandbox.idOf("city-of-bellevue"));
    await customer.goto();
    await expect(customer.subscriptionsSection.getByRole("link", { name: "Office 365 G1 GCC", exact: true })).toHaveCount(1);
  });

  test("bad quantities are refused with a message and nothing is added", async ({ page, sandbox }) => {
    const catalog = new CatalogPage(page, sandbox.idOf("humongous-insurance"));
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
      const response = await page.request.post(`/api/customers/${sandbox.idOf("humongous-insurance")}/cart`, { data: { offerId: "microsoft-365-business-basic", quantity, billingFrequency: "monthly" } });
      expect(response.status(), `quantity ${JSON.stringify(quantity)}`).toBe(400);
    }
    await page.reload();
    await expect(catalog.cart.getByRole("heading", { name: "Cart (0)" })).toBeVisible();
  });

  test("the cart API refuses quantity text that is not a decimal number", async ({ page, sandbox }) => {
    for (const quantity of ["0x10", "0b11"]) {
      const response = await page.request.post(`/api/customers/${sandbox.idOf("humongous-insurance")}/cart`, { data: { offerId: "microsoft-365-business-basic", quantity, billingFrequency: "monthly" } });
      expect(response.status(), `quantity ${JSON.stringify(quantity)}`).toBe(400);
    }
    const cart = await (await page.request.get(`/api/customers/${sandbox.idOf("humongous-insurance")}/cart`)).json();
    expect(cart.items).toHaveLength(0);
  });

  test("an empty cart's Review says so, and offers the way back to the catalog", async ({ page, sandbox }) => {
    await page.goto(`/customers/${sandbox.idOf("southridge-video")}/review`);
    await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
    await expect(page.getByText("Your cart is empty. Add at least one offer before you review or buy.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Buy" })).toHaveCount(0);
    await shot(page, "review-empty");
    await page.getByRole("link", { name: "Back to the catalog" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(sandbox.idOf("southridge-video"))}/catalog`));
  });

  test("an unknown customer id gives a 404 page", async ({ page, sandbox }) => {
    for (const path of ["/customers/no-such-customer", "/customers/no-such-customer/catalog", "/customers/no-such-customer/review", `/customers/${sandbox.idOf("fabrikam")}/subscriptions/no-such-subscription`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
    }
    await shot(page, "not-found");
  });

  test("the cart API answers bad JSON with a 400 JSON error", async ({ page, playwright, baseURL, sandbox }) => {
    const bad = await page.request.post(`/api/customers/${sandbox.idOf("munsons-pickles")}/cart`, { data: Buffer.from("{ not json"), headers: { "content-type": "application/json" } });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/json");
    expect(await bad.json()).toEqual({ error: expect.objectContaining({ code: "invalid_input", message: "The request body is not valid JSON." }) });

    const missing = await page.request.post(`/api/customers/${sandbox.idOf("munsons-pickles")}/cart`, { data: { offerId: "relecloud-insights" } });
    expect(missing.status()).toBe(400);
    const body = await missing.json();
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["quantity", "billingFrequency"]));

    const unknownCustomer = await page.request.post("/api/customers/no-such-customer/cart", { data: { offerId: "relecloud-insights", quantity: 1, billingFrequency: "monthly" } });
    expect(unknownCustomer.status()).toBe(404);
    const unavailable = await page.request.post(`/api/customers/${sandbox.idOf("fabrikam")}/cart`, { data: { offerId: "proseware-field-service", quantity: 1, billingFrequency: "monthly" } });
    expect(unavailable.status()).toBe(409);

    // Without a session: 401 JSON, not a redirect.
    const anonymous = await playwright.request.newContext({ baseURL });
    const unauthenticated = await anonymous.post(`/api/customers/${sandbox.idOf("munsons-pickles")}/cart`, { data: { offerId: "relecloud-insights", quantity: 1, billingFrequency: "monthly" } });
    expect(unauthenticated.status()).toBe(401);
    expect((await unauthenticated.json()).error.code).toBe("unauthenticated");
    await anonymous.dispose();
  });
});
