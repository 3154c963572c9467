import { CatalogPage, CustomersPage, USERS, expect, test } from "./fixtures";

/** Bad input in links and search boxes: a message or the first page, never a 500 or the whole list. Read-only. */

const LONG = "x".repeat(101);
const TOO_LONG = "Search for 100 characters or fewer.";

test.beforeEach(async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
});

test("customers: a search over 100 characters says so and lists no customers; the JSON list answers 400", async ({ page }) => {
  const customers = new CustomersPage(page);
  await customers.goto();
  await page.getByRole("searchbox", { name: "Search customers by name" }).fill(LONG);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_LONG);
  await expect(page.getByRole("table")).toHaveCount(0);
  // The same from a link, rendered by the server.
  await page.goto(`/customers?q=${LONG}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_LONG);
  await expect(page.getByRole("table")).toHaveCount(0);
  const response = await page.request.get(`/api/customers?q=${LONG}`);
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatchObject({ code: "invalid_input", message: TOO_LONG, fieldErrors: { q: [TOO_LONG] } });
  // Back to a short search, the list comes back.
  await customers.goto();
  await page.getByRole("searchbox", { name: "Search customers by name" }).fill("wingt");
  await expect.poll(() => customers.names()).toEqual(["Wingtip Toys"]);
});

test("catalog: a search over 100 characters says so and lists no offers", async ({ page, sandbox }) => {
  const catalog = new CatalogPage(page, sandbox.idOf("fabrikam"));
  await catalog.goto(`?q=${LONG}`);
  await expect(catalog.filters.getByRole("alert")).toHaveText(TOO_LONG);
  await expect(page.getByText("No offers are shown until the search is shorter.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Offers" }).getByRole("listitem")).toHaveCount(0);
});

for (const bad of ["1.01", "1.3", "0x2", "0", "-1", "99999999999999999999"]) {
  test(`page=${bad} shows the first page`, async ({ page, sandbox }) => {
    const response = await page.goto(`/customers?page=${bad}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/page 1 of/);
    const api = await page.request.get(`/api/customers?page=${bad}`);
    expect(api.status()).toBe(200);
    expect((await api.json()).page).toBe(1);
    const catalog = await page.goto(`/customers/${sandbox.idOf("fabrikam")}/catalog?page=${bad}`);
    expect(catalog?.status()).toBe(200);
  });
}
