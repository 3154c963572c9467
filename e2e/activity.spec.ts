import { USERS, escapeRegExp, expect, shot, test } from "./fixtures";

/**
 * The Activity log's customer filter asks the server as the user types (a combobox: a text input
 * with suggestions), instead of shipping every customer as an option. Only reads: Fabrikam's log, in
 * the test's own sandbox.
 */
test("Activity log: pick a customer by typing part of the name; the pick stays in the URL", async ({ page, sandbox }) => {
  const fabrikam = sandbox.idOf("fabrikam");
  await sandbox.signIn(page, USERS.admin);
  const response = await page.goto("/activity");
  // No customer list in the page: the filter has no <option> per customer.
  expect(await response!.text()).not.toContain(`<option value="${fabrikam}"`);
  const picker = page.getByRole("combobox", { name: "Customer" });
  await expect(picker).toHaveValue("");
  await expect(page.getByText("All customers. Type part of a name to pick one.")).toBeVisible();

  await picker.fill("fabri");
  await expect(page.locator('datalist option[value="Fabrikam, Inc."]')).toHaveCount(1);
  await expect(page.getByText("Pick a customer from the suggestions.")).toBeVisible();
  await picker.fill("Fabrikam, Inc.");
  await expect(page.getByText("Showing activity for Fabrikam, Inc.")).toBeVisible();
  await page.getByRole("button", { name: "Filter" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]customer=${escapeRegExp(fabrikam)}(&|$)`));
  await expect(picker).toHaveValue("Fabrikam, Inc.");
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Fabrikam, Inc.");
  await shot(page, "activity-log-customer");

  // Text that names no customer filters nothing, and says so.
  await picker.fill("no such customer at all");
  await expect(page.getByText("No customer has that name: the filter shows all customers.")).toBeVisible();

  // An unknown id in the URL matches no activity, and the page says why.
  await page.goto("/activity?customer=no-such-customer");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That customer was not found");
  await expect(page.getByText("No activity recorded.")).toBeVisible();
});

test("GET /api/activity answers a page with cursors; a garbage cursor is the newest page", async ({ page, sandbox }) => {
  const fabrikam = sandbox.idOf("fabrikam");
  await sandbox.signIn(page, USERS.admin);
  const first = await page.request.get(`/api/activity?customer=${fabrikam}`);
  expect(first.status()).toBe(200);
  const body = (await first.json()) as { items: { customerId: string }[]; nextCursor: string | null; prevCursor: string | null };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.every((a) => a.customerId === fabrikam)).toBe(true);
  expect(body.prevCursor).toBeNull();
  const garbage = await page.request.get(`/api/activity?customer=${fabrikam}&cursor=not-a-cursor`);
  expect(garbage.status()).toBe(200);
  expect(await garbage.json()).toEqual(body);
});
