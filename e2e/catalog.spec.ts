import { CatalogPage, CustomerPage, CustomersPage, USERS, escapeRegExp, expect, shot, test } from "./fixtures";

/** Steps 2-5 of "Create a new subscription": Customers, Add subscription, the filters, unavailable offers. Fabrikam and Wingtip Toys are only read. */


test.describe("as a Global admin", () => {
  test.beforeEach(async ({ page, sandbox }) => {
    await sandbox.signIn(page, USERS.admin);
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

  test("customers list: search by name, sort by a column, open Fabrikam", async ({ page, sandbox }) => {
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
    await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(sandbox.idOf("fabrikam"))}$`));
    const customer = new CustomerPage(page, sandbox.idOf("fabrikam"));
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

  test("catalog: Online Services filters, combined, kept in the URL, and the search box", async ({ page, sandbox }) => {
    await page.goto(`/customers/${sandbox.idOf("fabrikam")}`);
    await page.getByRole("link", { name: "Add subscription" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(sandbox.idOf("fabrikam"))}/catalog`));
    await expect(page.getByRole("heading", { name: "Add subscription", level: 1 })).toBeVisible();
    const catalog = new CatalogPage(page, sandbox.idOf("fabrikam"));
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

  test("catalog: every reason an offer can't be bought, and an exclusive offer Contoso can buy", async ({ page, sandbox }) => {
    const catalog = new CatalogPage(page, sandbox.idOf("fabrikam"));
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
    const wingtip = new CatalogPage(page, sandbox.idOf("wingtip-toys"));
    await wingtip.goto("?q=Adatum");
    await expect(wingtip.unavailableNote("Adatum Compliance Suite")).toHaveText("The publisher doesn't support the customer's billing country or region (Sweden).");
    await expect(wingtip.offer("Adatum Compliance Suite").getByRole("button", { name: "Add to cart" })).toHaveCount(0);
    // Wingtip's own one-per-customer subscription.
    await wingtip.search("Tailspin Secure Gateway");
    await expect(wingtip.unavailableNote("Tailspin Secure Gateway")).toContainText("only allowed one");
  });

});
