import type { APIRequestContext, Page } from "@playwright/test";
import { USERS, expect, shot, test } from "./fixtures";

/**
 * Issue 11, the people side of API access: **App management** (a Global admin registers an app, sees
 * its client secret once, deletes it) and **Sign out everywhere**. Only GET /v1/demo-clock is called
 * with the tokens (any role may read it); no customer data is touched. Each test's users are its own
 * sandbox's, so signing everyone out ends no other test's sessions.
 */

async function tokenFor(request: APIRequestContext, form: Record<string, string>) {
  const answer = await request.post("/oauth2/token", { form });
  return { status: answer.status(), body: (await answer.json()) as { access_token?: string; token_type?: string; error?: string } };
}

const readClock = (request: APIRequestContext, token: string) => request.get("/v1/demo-clock", { headers: { authorization: `Bearer ${token}` } });

function menu(page: Page) {
  return page.getByRole("navigation", { name: "Partner Center menu" });
}

test("App management: register an app, see its secret once, get a token with it, delete it and the token is refused", async ({ page, sandbox }) => {
  // Unique per run: a retry on the same server must not meet its own first attempt's name.
  const name = `E2E sync ${Date.now().toString(36)}`;
  await sandbox.signIn(page, USERS.admin);
  await menu(page).getByRole("link", { name: "App management" }).click();
  await expect(page.getByRole("heading", { name: "App management", level: 1 })).toBeVisible();

  // A bad name is refused, with the reason under the field.
  const nameField = page.getByLabel("App name");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page.getByText("Enter a name for the app.")).toBeVisible();
  await nameField.fill("<script>");
  await page.getByRole("button", { name: "Register app" }).click();
  await expect(page.getByText("Start the name with a letter or digit")).toBeVisible();

  await nameField.fill(name);
  await page.getByRole("button", { name: "Register app" }).click();
  const credentials = page.getByRole("region", { name: `${name}: client ID and secret` });
  await expect(credentials).toBeVisible();
  await expect(credentials.getByText("Copy the client secret now. It won't be shown again.")).toBeVisible();
  const clientId = await credentials.getByLabel("Client ID", { exact: true }).inputValue();
  const clientSecret = await credentials.getByLabel("Client secret", { exact: true }).inputValue();
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  expect(clientSecret.length).toBeGreaterThanOrEqual(40);
  await shot(page, "app-management-registered");

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(clientId);
  await expect(row).toContainText("Megan Bowen");

  // The app-only flow: the client credentials give a bearer token that works on /v1.
  const issued = await tokenFor(page.request, { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
  expect(issued.status).toBe(200);
  expect(issued.body.token_type).toBe("Bearer");
  const token = issued.body.access_token!;
  expect((await readClock(page.request, token)).status()).toBe(200);

  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  await expect(page.getByRole("heading", { name: "App management", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: `${name}: client ID and secret` })).toHaveCount(0);
  expect(await page.content()).not.toContain(clientSecret);
  await expect(row).toContainText(clientId);

  // The activity log's user filter names it as an app.
  await page.goto("/activity");
  await expect(page.getByRole("combobox", { name: "User", exact: true }).locator("option", { hasText: `${name} (app)` })).toHaveCount(1);

  // Delete, confirmed in a dialog: its token and its credentials stop working.
  await page.goto("/apps");
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await expect(dialog).toContainText("its access tokens are revoked and its client secret is refused");
  await dialog.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText(`${name} is deleted.`).first()).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);

  expect((await readClock(page.request, token)).status()).toBe(401);
  const refused = await tokenFor(page.request, { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
  expect(refused.status).toBe(401);
  expect(refused.body.error).toBe("invalid_client");
});

test("only a Global admin has App management: others see no link and the page is not found", async ({ page, sandbox }) => {
  for (const user of [USERS.sales, USERS.adminAgent]) {
    await sandbox.signIn(page, user);
    await expect(menu(page).getByRole("link", { name: "App management" })).toHaveCount(0);
    const response = await page.goto("/apps");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
    await page.context().clearCookies();
  }
  // Apps are never offered as demo accounts to sign in with.
  await page.goto("/sign-in");
  await expect(page.getByRole("region", { name: "Demo accounts" })).not.toContainText("@apps.invalid");
});

test("Sign out everywhere ends the session in another browser and the user's API tokens", async ({ browser, sandbox }) => {
  const baseURL = test.info().project.use.baseURL;
  const here = await browser.newContext({ baseURL });
  const elsewhere = await browser.newContext({ baseURL });
  try {
    const page = await here.newPage();
    const other = await elsewhere.newPage();
    await sandbox.signIn(page, USERS.billing);
    await sandbox.signIn(other, USERS.billing);
    const issued = await tokenFor(page.request, { grant_type: "password", username: sandbox.email(USERS.billing), password: sandbox.password });
    expect(issued.status).toBe(200);
    const token = issued.body.access_token!;
    expect((await readClock(page.request, token)).status()).toBe(200);

    await page.getByRole("banner").locator("summary", { hasText: "Account" }).click();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // The other browser's session has ended: the dashboard sends it to sign-in.
    await other.goto("/customers");
    await expect(other).toHaveURL(/\/sign-in/);
    expect((await readClock(page.request, token)).status()).toBe(401);

    // Signing in again works as before.
    await sandbox.signIn(page, USERS.billing);
  } finally {
    await here.close();
    await elsewhere.close();
  }
});
