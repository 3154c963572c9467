import { CatalogPage, PASSWORD, USERS, escapeRegExp, expect, shot, test } from "./fixtures";

/**
 * Step 1 of "Create a new subscription": "Sign into the Partner Center dashboard". The page lists the
 * shared demo accounts (only read here); each test signs in as its own sandbox's users.
 */


test.describe("sign in", () => {
  test("an unauthenticated visit to /customers goes to sign-in, a wrong password says so, the right one signs in", async ({ page, sandbox }) => {
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers$/);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    // The demo accounts are listed with their password.
    const accounts = page.getByRole("region", { name: "Demo accounts" });
    await expect(accounts.getByText(PASSWORD)).toBeVisible();
    for (const email of Object.values(USERS)) await expect(accounts.getByRole("cell", { name: email })).toBeVisible();
    await shot(page, "sign-in");

    await page.getByLabel("Email").fill(sandbox.email(USERS.admin));
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

    await page.getByLabel("Email").fill(sandbox.email(USERS.admin));
    await page.getByLabel("Password").fill(sandbox.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Megan Bowen");

    // Signing out ends the session: the dashboard sends you back to sign-in.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`/customers/${sandbox.idOf("fabrikam")}`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});

test.describe("sign in: where it lands", () => {
  test("after sign-in, the page that sent you to sign in opens, filters and all", async ({ page, sandbox }) => {
    const fabrikam = sandbox.idOf("fabrikam");
    await page.goto(`/customers/${fabrikam}/catalog?publisher=partner&category=trial`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(sandbox.email(USERS.admin));
    await page.getByLabel("Password").fill(sandbox.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${escapeRegExp(fabrikam)}/catalog\\?publisher=partner&category=trial$`));
    await expect(new CatalogPage(page, fabrikam).filter("Category", "Trial")).toBeChecked();
  });

  test("after sign-in, a next pointing to another site is ignored", async ({ page, baseURL, sandbox }) => {
    await page.route("**://example.org/**", (route) => route.fulfill({ status: 200, body: "another site" }));
    for (const next of ["//example.org/x", "/\\example.org/x", "https://example.org/x"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(sandbox.email(USERS.admin));
      await page.getByLabel("Password").fill(sandbox.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page, next).toHaveURL(`${baseURL}/customers`);
    }
  });
});
